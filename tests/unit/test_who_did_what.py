"""Who did what: each change to a paragraph, flag or approval records the clerk who made it."""

import datetime as dt

import pytest
from support.raw_sql import raw_rows

from clerkdesk.domain.flag_fields import RequestFields
from clerkdesk.services import approval, committees, flags, history, meetings, paragraphs
from clerkdesk.storage.database import open_database


@pytest.fixture
def paragraph(db) -> int:
    committee = committees.create_committee(db, "Planning Committee")
    meeting = meetings.create_meeting(db, committee, dt.date(2026, 1, 5))
    item = meetings.add_item(db, meeting, "Applications")
    return paragraphs.add_paragraph(db, item, "The Committee noted the report.")


def test_a_paragraph_revision_records_the_clerk(db, paragraph):
    db.clerk = "Alex Brown"
    paragraphs.edit_text(db, paragraph, "The Committee noted the report and the update.")
    assert [r.clerk for r in history.revisions(db, paragraph)] == ["Alex Brown"]


def test_a_second_clerk_starts_their_own_revision(db, db_target, paragraph):
    db.clerk = "Alex Brown"
    paragraphs.edit_text(db, paragraph, "The Committee noted the report.  ")
    colleague = open_database(db_target)
    colleague.clerk = "Sam Patel"
    paragraphs.edit_text(colleague, paragraph, "The Committee noted the report, as amended.")
    colleague.close()
    assert [r.clerk for r in history.revisions(db, paragraph)] == ["Sam Patel", "Alex Brown"]


def test_flag_changes_and_approval_record_the_clerk(db, paragraph):
    db.clerk = "Alex Brown"
    flags.add_flag(db, paragraph, RequestFields(what="Figures on appeals"))
    assert raw_rows(db, "SELECT changed_by FROM flag") == [("Alex Brown",)]
    db.clerk = "Sam Patel"
    (meeting_id,) = raw_rows(db, "SELECT id FROM meeting")[0]
    approval.approve(db, meeting_id, at_meeting_id=None, on=dt.date(2026, 2, 2),
                     by_person_id=None)
    assert raw_rows(db, "SELECT approval_recorded_by FROM meeting") == [("Sam Patel",)]


@pytest.mark.postgresql
def test_on_a_team_database_the_clerk_is_the_login(pg_url):
    database = open_database(pg_url)
    assert database.clerk == "postgres"
    database.close()
