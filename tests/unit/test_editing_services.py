"""Editor services: insert, delete/restore with same ids, levels, reorder, agenda edits, clock."""

import datetime as dt

import pytest

from clerkdesk.domain.clock import ClockState, format_elapsed
from clerkdesk.domain.enums import ParagraphStyle
from clerkdesk.domain.flag_fields import RequestFields
from clerkdesk.services import agenda, clock, committees, editing, flags, meetings, workspace
from clerkdesk.services.editing import NewParagraph


@pytest.fixture
def item(db):
    committee = committees.create_committee(db, "Planning Committee")
    meeting = meetings.create_meeting(db, committee, dt.date(2026, 3, 4), agenda=["Apologies",
                                                                                "Applications"])
    return workspace.meeting_outline(db, meeting).items[1].id


def texts(db, item_id):
    return [(p.level, p.text) for p in workspace.item_paragraphs(db, item_id)]


def test_insert_save_and_reorder(db, item):
    ids = editing.insert_paragraphs(db, item, 0, [NewParagraph("one"), NewParagraph("three")])
    [two] = editing.insert_paragraphs(db, item, 1, [NewParagraph("two", level=1)])
    editing.save_texts(db, {ids[0]: "One.", 999999: "ignored: deleted meanwhile"})
    assert texts(db, item) == [(0, "One."), (1, "two"), (0, "three")]
    editing.reorder_paragraphs(db, item, [ids[1], ids[0], two])
    assert texts(db, item) == [(0, "three"), (0, "One."), (1, "two")]
    with pytest.raises(ValueError):
        editing.reorder_paragraphs(db, item, [ids[0]])


def test_delete_and_restore_keeps_ids_flags_and_order(db, item):
    ids = editing.insert_paragraphs(
        db, item, 0, [NewParagraph(t) for t in ("a", "b {@member}", "c", "d")]
    )
    flags.add_flag(db, ids[1], RequestFields(what="report", asked_of_body="Planning Directorate"))
    snapshots = editing.delete_paragraphs(db, [ids[1], ids[2]])
    assert texts(db, item) == [(0, "a"), (0, "d")]
    editing.restore_paragraphs(db, snapshots)
    restored = workspace.item_paragraphs(db, item)
    assert [p.id for p in restored] == ids
    assert restored[1].flagged and restored[1].text == "b {@member}"


def test_levels_and_style(db, item):
    [pid] = editing.insert_paragraphs(db, item, 0, [NewParagraph("x")])
    editing.set_levels(db, {pid: 5})
    editing.set_style(db, pid, ParagraphStyle.RESOLUTION)
    [p] = workspace.item_paragraphs(db, item)
    assert (p.level, p.style) == (2, ParagraphStyle.RESOLUTION)


def test_agenda_rename_reorder_delete_restore(db, item):
    outline = workspace.meeting_outline(db, workspace_meeting(db))
    first, second = (i.id for i in outline.items)
    editing.insert_paragraphs(db, second, 0, [NewParagraph("kept")])
    agenda.rename_item(db, second, "  Planning applications ")
    agenda.reorder_items(db, outline.meeting_id, [second, first])
    titles = [(i.label, i.title) for i in workspace.meeting_outline(db, outline.meeting_id).items]
    assert titles == [("1", "Planning applications"), ("2", "Apologies")]
    snapshot = agenda.delete_item(db, second)
    assert [i.title for i in workspace.meeting_outline(db, outline.meeting_id).items] == [
        "Apologies"
    ]
    agenda.restore_deleted_item(db, snapshot)
    restored = workspace.meeting_outline(db, outline.meeting_id).items
    assert [(i.id, i.paragraph_count) for i in restored] == [(second, 1), (first, 0)]


def workspace_meeting(db) -> int:
    return meetings.list_meetings(db)[0].id


def test_clock_start_pause_resume_end(db, item):
    meeting = workspace_meeting(db)
    t0 = dt.datetime(2026, 3, 4, 10, 0, 0)
    assert clock.meeting_clock(db, meeting).state is ClockState.NOT_STARTED
    clock.start_or_resume(db, meeting, t0)
    paused = clock.pause(db, meeting, t0 + dt.timedelta(minutes=30))
    assert paused.state is ClockState.PAUSED
    assert paused.elapsed(t0 + dt.timedelta(hours=5)) == 30 * 60
    clock.start_or_resume(db, meeting, t0 + dt.timedelta(minutes=40))
    ended = clock.end(db, meeting, t0 + dt.timedelta(minutes=70))
    assert ended.state is ClockState.ENDED and ended.elapsed(t0 + dt.timedelta(days=1)) == 3600
    assert format_elapsed(3600) == "1:00:00" and format_elapsed(65) == "01:05"


def test_compound_change_split_then_undo_restores_same_ids(db, item):
    [first] = editing.insert_paragraphs(db, item, 0, [NewParagraph("Head and tail", level=0)])
    split = editing.change_paragraphs(db, editing.ParagraphChange(
        item, texts={first: "Head"}, insert=[(1, NewParagraph(" and tail", level=1))]))
    [second] = split.new_ids
    assert texts(db, item) == [(0, "Head"), (1, " and tail")]
    undo = editing.change_paragraphs(db, editing.ParagraphChange(
        item, texts={first: "Head and tail"}, delete=[second]))
    assert texts(db, item) == [(0, "Head and tail")]
    editing.change_paragraphs(db, editing.ParagraphChange(
        item, texts={first: "Head"}, restore=undo.deleted))
    assert [p.id for p in workspace.item_paragraphs(db, item)] == [first, second]
