"""Change notices on a team database: a colleague's committed change reaches a listener with
what changed; a window's own changes, a rolled-back change and SQLite send none."""

import datetime as dt

import pytest

from clerkdesk.domain.enums import AttendanceStatus
from clerkdesk.domain.flag_fields import RequestFields
from clerkdesk.services import committees, flags, meetings, paragraphs, people, roster, team_events
from clerkdesk.services.paragraphs import set_text_in
from clerkdesk.storage.database import open_database

pytestmark = pytest.mark.postgresql


@pytest.fixture
def team(pg_url):
    mine = open_database(pg_url)
    colleague = open_database(pg_url)
    committee = committees.create_committee(mine, "Planning Committee")
    meeting = meetings.create_meeting(mine, committee, dt.date(2026, 1, 5))
    item = meetings.add_item(mine, meeting, "Applications")
    pid = paragraphs.add_paragraph(mine, item, "Noted.")
    listener = team_events.Listener(mine)
    yield mine, colleague, listener, meeting, item, pid
    listener.close()
    colleague.close()
    mine.close()


def _wait_for(listener, count: int = 1) -> list:
    import select

    events: list = []
    while len(events) < count:
        ready, _, _ = select.select([listener.fileno()], [], [], 10)
        assert ready, f"no notice arrived; got {events}"
        events += listener.read()
    return events


def test_a_colleagues_text_change_is_announced_with_what_changed(team):
    mine, colleague, listener, meeting, item, pid = team
    paragraphs.edit_text(colleague, pid, "Noted, as amended.")
    [event] = _wait_for(listener)
    assert (event.meeting, event.kind, event.op, event.id, event.item) == (
        meeting, "paragraph", "update", pid, item)
    assert event.version == 2 and event.clerk == "postgres"


def test_own_changes_are_not_reported_and_a_rollback_sends_nothing(team):
    mine, colleague, listener, meeting, _item, pid = team
    paragraphs.edit_text(mine, pid, "Mine.")
    with pytest.raises(RuntimeError):
        with colleague.transaction() as session:
            set_text_in(session, pid, "Rolled back.")
            session.flush()
            raise RuntimeError("undone")
    meetings.add_item(colleague, meeting, "Any other business")
    events = _wait_for(listener)
    assert [(e.kind, e.op) for e in events] == [("agenda_item", "insert")]


def test_roster_flag_and_typing_notices(team):
    _mine, colleague, listener, meeting, item, pid = team
    person = people.add_person(colleague, "Amara", "Adeyemi", "Cllr")
    roster.set_status(colleague, meeting, person, AttendanceStatus.PRESENT)
    flags.add_flag(colleague, pid,
                   RequestFields(what="Figures by district", asked_of_body="Highways"))
    other = team_events.Listener(colleague)
    try:
        other.announce_typing(meeting, item, "rbrown")
        events = _wait_for(listener, 4)
    finally:
        other.close()
    kinds = {(e.kind, e.op) for e in events}
    assert {("attendance", "insert"), ("flag", "insert"), ("request_flag", "insert")} <= kinds
    typing = [e for e in events if e.kind == team_events.TYPING]
    assert [(e.item, e.clerk) for e in typing] == [(item, "rbrown")]


def test_sqlite_has_no_triggers(tmp_path):
    db = open_database(tmp_path / "one.sqlite")
    try:
        assert not team_events.is_team_database(db)
        with db.engine.connect() as connection:
            triggers = connection.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type='trigger' AND name LIKE '%notify%'"
            ).fetchall()
        assert triggers == []
    finally:
        db.close()
