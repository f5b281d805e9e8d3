"""The offline journal: edits kept while the team server is away, replayed in order."""

import contextlib
import datetime as dt
import hashlib
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from support.raw_sql import raw_rows

from clerkdesk.domain.enums import ActionStatus, ResolutionForm
from clerkdesk.domain.flag_fields import (
    ActionFields,
    DeclarationFields,
    RequestFields,
    ResolutionFields,
)
from clerkdesk.errors import ParagraphConflict, ServerUnreachable, StorageError
from clerkdesk.services.editing import NewParagraph, ParagraphChange
from clerkdesk.services.offline_editing import JournalledEditing, flag_args, flag_from
from clerkdesk.services.paragraphs import add_paragraph, edit_text
from clerkdesk.services.replay import replay
from clerkdesk.storage.journal import Journal, journal_path


class Unreachable:
    """A team database whose server is down: every unit of work fails as psycopg's would."""

    @contextlib.contextmanager
    def transaction(self):
        raise ServerUnreachable("The database server did not answer.")
        yield

    reading = transaction


def _item(db) -> int:
    from clerkdesk.services.committees import find_or_create_committee
    from clerkdesk.services.meetings import add_item_in, create_meeting_in

    with db.transaction() as session:
        committee = find_or_create_committee(session, "Licensing Sub-Committee", "Fictional BC")
        meeting = create_meeting_in(session, committee.id, dt.date(2026, 3, 4))
        return add_item_in(session, meeting.id, "Applications").id


def _rows(db, item_id: int) -> list[tuple[str, int]]:
    return [(text, level) for text, level in raw_rows(
        db, "SELECT text, level FROM paragraph WHERE item_id = ? ORDER BY position", item_id)]


@pytest.fixture
def journal(tmp_path: Path):
    journal = Journal(tmp_path / "journal.sqlite")
    yield journal
    journal.close()


def test_the_journal_file_is_named_by_the_url_without_its_password(tmp_path):
    one = journal_path("postgresql://asmith:secret@db.example/clerkdesk", tmp_path)
    other = journal_path("postgresql+psycopg://asmith:other@db.example/clerkdesk", tmp_path)
    assert one == other and "secret" not in str(one)
    assert journal_path("postgresql://asmith@db.example/clerkdesk", tmp_path) == one  # ~/.pgpass
    assert journal_path("postgresql://bjones@db.example/clerkdesk", tmp_path) != one


def test_typing_in_one_paragraph_is_one_change_waiting(journal):
    for text in ("T", "Th", "The"):
        journal.append("text", {"paragraph": 4, "text": text})
    journal.append("text", {"paragraph": 5, "text": "Noted."})
    journal.append("text", {"paragraph": 4, "text": "The Chair"})
    assert [(e.op, e.args) for e in journal.pending()] == [
        ("text", {"paragraph": 4, "text": "The"}), ("text", {"paragraph": 5, "text": "Noted."}),
        ("text", {"paragraph": 4, "text": "The Chair"})]
    assert journal.pending_count() == 3


def test_an_append_survives_the_process_being_killed(tmp_path):
    path = tmp_path / "journal.sqlite"
    child = textwrap.dedent(f"""
        import os, signal
        from clerkdesk.storage.journal import Journal
        from pathlib import Path
        journal = Journal(Path({str(path)!r}))
        for n in range(50):
            journal.append("text", {{"paragraph": n, "text": "paragraph %d" % n}})
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    result = subprocess.run([sys.executable, "-c", child], check=False)
    assert result.returncode == -9
    journal = Journal(path)
    try:
        assert [e.args["text"] for e in journal.pending()] == [f"paragraph {n}" for n in range(50)]
    finally:
        journal.close()


def test_an_unwritable_journal_folder_is_one_line(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StorageError, match="offline journal") as caught:
        Journal(blocker / "journal.sqlite")
    assert "\n" not in str(caught.value)


# --- replay -----------------------------------------------------------------------------
OPS = st.lists(st.tuples(
    st.sampled_from(["type", "enter", "split", "delete", "level", "move"]),
    st.integers(0, 50), st.text(st.sampled_from("abc .–’"), max_size=8)), max_size=25)


def _perform(edits: JournalledEditing, item_id: int, ids: list[int], ops) -> None:
    """Carry out editor-like calls, keeping `ids` as the window would (temporary ids too)."""
    for kind, n, text in ops:
        if kind == "enter" or not ids:
            position = n % (len(ids) + 1)
            ids.insert(position, *edits.insert_paragraphs(item_id, position, [NewParagraph(text)]))
            continue
        index = n % len(ids)
        pid = ids[index]
        if kind == "type":
            edits.save_texts({pid: text})
        elif kind == "split":
            change = ParagraphChange(item_id, texts={pid: text[:2]},
                                     insert=[(index + 1, NewParagraph(text[2:]))])
            ids.insert(index + 1, *edits.change_paragraphs(change).new_ids)
        elif kind == "delete":
            edits.change_paragraphs(ParagraphChange(item_id, delete=[pid]))
            ids.remove(pid)
        elif kind == "level":
            edits.set_levels({pid: n % 3})
        elif kind == "move":
            ids.insert((index + 1) % len(ids), ids.pop(index))
            edits.reorder_paragraphs(item_id, list(ids))


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(before=OPS, offline=OPS)
# A deletion moves the paragraphs after it, which changes their versions too (found on replay).
@example(before=[], offline=[("type", 0, ""), ("enter", 0, ""), ("delete", 0, ""),
                             ("type", 0, "a")])
@example(before=[("enter", 0, "x"), ("enter", 0, "y"), ("delete", 0, "")],
         offline=[("type", 0, "z")])
def test_edits_journalled_then_replayed_store_what_saving_them_directly_stores(
        db, tmp_path, before, offline):
    direct, journalled = _item(db), _item(db)
    _perform(JournalledEditing(db, None), direct, [], before + offline)
    path = tmp_path / f"{hashlib.sha256(repr((before, offline)).encode()).hexdigest()}.sqlite"
    journal = Journal(path)
    try:
        ids: list[int] = []
        _perform(JournalledEditing(db, journal), journalled, ids, before)
        assert journal.pending_count() == 0
        _perform(JournalledEditing(Unreachable(), journal), journalled, ids, offline)
        waiting = journal.pending_count()
        report = replay(db, journal)
        assert (report.sent, report.set_aside, journal.pending_count()) == (waiting, [], 0)
        assert _rows(db, journalled) == _rows(db, direct)
    finally:
        journal.close()


def test_edits_queue_behind_waiting_ones_even_when_the_server_is_back(db, journal):
    item = _item(db)
    edits = JournalledEditing(db, journal)
    [first] = edits.insert_paragraphs(item, 0, [NewParagraph("The Chair opened")])
    JournalledEditing(Unreachable(), journal).save_texts({first: "The Chair opened the"})
    edits.save_texts({first: "The Chair opened the meeting."})  # server back, one waiting
    assert _rows(db, item) == [("The Chair opened", 0)]
    assert replay(db, journal).sent == 1
    assert _rows(db, item) == [("The Chair opened the meeting.", 0)]


def test_a_colleagues_newer_save_is_a_conflict_set_aside_and_the_rest_still_sent(db, journal):
    item = _item(db)
    edits = JournalledEditing(db, journal)
    first, second = edits.insert_paragraphs(item, 0, [NewParagraph("Apologies"),
                                                      NewParagraph("Minutes")])
    edits.save_texts({first: "Apologies were received"})
    offline = JournalledEditing(Unreachable(), journal)
    offline.save_texts({first: "Apologies were received from Cllr Amberley."})
    offline.save_texts({second: "Minutes agreed."})
    edit_text(db, first, "Apologies: Cllr Brook.")  # a colleague, online meanwhile
    seen = []
    report = replay(db, journal, lambda entry, conflict: seen.append((entry.args, conflict)))
    assert report.sent == 1 and journal.pending_count() == 0
    [(mine, conflict)] = seen
    assert mine["text"] == "Apologies were received from Cllr Amberley."
    assert isinstance(conflict, ParagraphConflict) and conflict.theirs == "Apologies: Cllr Brook."
    assert [entry.args["text"] for entry, _ in journal.set_aside()] == [mine["text"]]
    assert _rows(db, item) == [("Apologies: Cllr Brook.", 0), ("Minutes agreed.", 0)]


def test_a_save_sent_just_before_a_crash_is_not_a_conflict_when_sent_again(db, journal):
    item = _item(db)
    pid = add_paragraph(db, item, "Noted")
    JournalledEditing(db, journal).save_texts({pid: "Noted."})
    JournalledEditing(Unreachable(), journal).save_texts({pid: "Noted. Agreed."})
    edit_text(db, pid, "Noted. Agreed.")  # what replaying it did before the crash
    assert replay(db, journal).sent == 1 and journal.set_aside() == []


def test_replay_stops_when_the_server_goes_away_again_and_keeps_the_rest(db, journal):
    item = _item(db)
    pid = add_paragraph(db, item, "Noted")
    JournalledEditing(Unreachable(), journal).save_texts({pid: "Noted. Agreed."})
    with pytest.raises(ServerUnreachable):
        replay(Unreachable(), journal)
    assert journal.pending_count() == 1


@given(st.sampled_from([
    RequestFields("Figures for waiting lists", None, "CYPE", dt.date(2026, 4, 1)),
    ResolutionFields(ResolutionForm.AGREED, 7, 2, 1, "", True, None, None, True),
    ActionFields(None, "Write to the operator", dt.date(2026, 5, 2), ActionStatus.DONE,
                 dt.date(2026, 5, 1)),
    DeclarationFields(None, "pecuniary", True, True),
]))
def test_flag_fields_survive_the_journal_as_json(fields):
    assert flag_from(json.loads(json.dumps(flag_args(fields)))) == fields


def test_a_flag_on_a_paragraph_made_offline_reaches_it_on_replay(db, journal):
    from clerkdesk.services.flags import paragraph_flags

    item = _item(db)
    offline = JournalledEditing(Unreachable(), journal)
    [temp] = offline.insert_paragraphs(item, 0, [NewParagraph("Cllr Brook will write.")])
    fields = ActionFields(None, "Write to the operator", dt.date(2026, 5, 2))
    flag_temp = offline.add_flag(temp, fields)
    assert flag_temp < 0
    assert replay(db, journal).sent == 2
    [record] = paragraph_flags(db, journal.real_id(temp))
    assert (record.id, record.fields) == (journal.real_id(flag_temp), fields)
