"""Paragraph history kept compact; approved minutes locked; dated corrections exported."""

import datetime as dt
import subprocess
import sys
import zipfile

import pytest
from support.published import shown as render_minutes
from support.raw_sql import target_of

from clerkdesk.domain.enums import MeetingStatus, RequestStatus
from clerkdesk.domain.flag_fields import RequestFields
from clerkdesk.errors import ClerkDeskError
from clerkdesk.services import (
    agenda,
    approval,
    clock,
    committees,
    editing,
    flags,
    history,
    meetings,
    paragraphs,
    workspace,
)
from clerkdesk.services.minutes import load_minutes
from clerkdesk.storage.locks import MinutesLocked


@pytest.fixture
def minutes_db(db):
    committee = committees.create_committee(db, "Licensing Committee", "Westmere County Council")
    old = meetings.create_meeting(db, committee, dt.date(2026, 1, 10), agenda=["Licences"])
    new = meetings.create_meeting(db, committee, dt.date(2026, 2, 14), agenda=["Minutes"])
    item = workspace.meeting_outline(db, old).items[0].id
    pid = paragraphs.add_paragraph(db, item, "The officer introduced the report.")
    request = flags.add_flag(db, pid, RequestFields(what="Figures", asked_of_body="Legal"))
    return db, old, new, item, pid, request


def test_a_burst_of_typing_is_one_revision_and_a_pause_starts_another(minutes_db, monkeypatch):
    db, old, _new, _item, pid, _request = minutes_db
    for text in ("The officer", "The officer introduced", "The officer introduced it."):
        editing.save_texts(db, {pid: text})
    [burst] = history.revisions(db, pid)
    assert (burst.before, burst.after) == ("The officer introduced the report.",
                                           "The officer introduced it.")
    assert burst.phase == "review"  # the meeting's day has passed
    monkeypatch.setattr(history, "PAUSE", dt.timedelta(0))
    editing.save_texts(db, {pid: "Changed after a pause."})
    newest, oldest = history.revisions(db, pid)
    assert (newest.before, newest.after) == ("The officer introduced it.",
                                             "Changed after a pause.")


def test_revisions_during_a_running_meeting_are_marked_meeting(db):
    committee = committees.create_committee(db, "Cabinet")
    today = meetings.create_meeting(db, committee, dt.date.today(), agenda=["Item"])
    clock.start_or_resume(db, today, dt.datetime.now())
    item = workspace.meeting_outline(db, today).items[0].id
    pid = paragraphs.add_paragraph(db, item, "")
    editing.save_texts(db, {pid: "Typed live."})
    assert [r.phase for r in history.revisions(db, pid)] == ["meeting"]


def test_approved_minutes_refuse_every_change_but_follow_ups_and_corrections(minutes_db):
    db, old, new, item, pid, request = minutes_db
    assert approval.previous_meeting(db, new) == old
    approval.approve(db, old, at_meeting_id=new, on=dt.date(2026, 2, 14), by_person_id=None)
    assert approval.approval(db, old).status is MeetingStatus.APPROVED
    refused = [
        lambda: paragraphs.edit_text(db, pid, "Silently changed."),
        lambda: paragraphs.add_paragraph(db, item, "Added later."),
        lambda: editing.delete_paragraphs(db, [pid]),
        lambda: agenda.rename_item(db, item, "Renamed"),
        lambda: flags.add_flag(db, pid, RequestFields(what="More")),
    ]
    for change in refused:
        with pytest.raises(MinutesLocked, match="10 January 2026 are approved"):
            change()
    flags.set_request_status(db, request, RequestStatus.PROVIDED,
                                    answered_at_meeting_id=new)
    assert "introduced the report" in render_minutes(load_minutes(db, old))
    approval.add_correction(db, old, "Paragraph 1: the officer was the Head of Licensing.",
                            on=dt.date(2026, 3, 1))
    text = render_minutes(load_minutes(db, old))
    assert text.endswith("Corrections made after approval\n\n1 March 2026: Paragraph 1: the "
                         "officer was the Head of Licensing.\n")
    with pytest.raises(ClerkDeskError, match="already approved"):
        approval.approve(db, old, at_meeting_id=new, on=dt.date(2026, 2, 14), by_person_id=None)
    with pytest.raises(ClerkDeskError, match="correction notes are for approved minutes"):
        approval.add_correction(db, new, "Not yet approved.")


def test_export_follows_the_status_and_carries_corrections(minutes_db, tmp_path):
    from clerkdesk.services.export import export_meeting

    db, old, new, _item, _pid, _request = minutes_db
    draft = export_meeting(db, old, tmp_path / "draft.docx")
    approval.approve(db, old, at_meeting_id=new, on=dt.date(2026, 2, 14), by_person_id=None)
    approval.add_correction(db, old, "A corrected date.", on=dt.date(2026, 3, 1))
    approved = export_meeting(db, old, tmp_path / "approved.docx")

    def xml(path) -> str:
        with zipfile.ZipFile(path) as docx:
            return "".join(docx.read(n).decode() for n in docx.namelist() if n.endswith(".xml"))

    assert "DRAFT" in xml(draft) and "DRAFT" not in xml(approved)
    assert "1 March 2026: A corrected date." in xml(approved)


def test_cli_refuses_to_change_approved_minutes(minutes_db):
    db, old, new, _item, pid, _request = minutes_db
    paragraphs.edit_text(db, pid, "No full stop")  # a finding with a fix
    approval.approve(db, old, at_meeting_id=new, on=dt.date(2026, 2, 14), by_person_id=None)
    result = subprocess.run(
        [sys.executable, "-m", "clerkdesk", "check", str(old), "--fix", "--db", target_of(db)],
        capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr.strip().startswith("clerkdesk: error: The minutes of 10 January 2026 "
                                            "are approved and cannot be changed.")
    assert "Traceback" not in result.stderr


def test_next_meeting_gets_the_previous_minutes_item_ready_to_approve(minutes_db):
    db, old, new, _item, _pid, _request = minutes_db
    item_id = approval.add_previous_minutes_item(db, new)
    view = load_minutes(db, new)
    [item] = [i for i in view.items if i.id == item_id]
    assert item.title == "Minutes"  # the agenda already had an item about the minutes
    [resolution] = item.paragraphs
    assert resolution.text == ("The minutes of the meeting held on 10 January 2026 are "
                               "correctly recorded and that they be signed by the Chair.")
    assert [f.kind.value for f in resolution.flags] == ["resolution"]
    assert approval.add_previous_minutes_item(db, new) == item_id  # never twice
    assert len(load_minutes(db, new).items[0].paragraphs) == 1
