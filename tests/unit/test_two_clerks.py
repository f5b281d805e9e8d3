"""Two clerks, one paragraph: a save based on an older version never overwrites a colleague's."""

import datetime as dt

import pytest

from clerkdesk.errors import ParagraphConflict
from clerkdesk.services import committees, meetings, paragraphs
from clerkdesk.storage.database import open_database
from clerkdesk.storage.models import Paragraph


@pytest.fixture
def two_clerks(db, db_target):
    committee = committees.create_committee(db, "Planning Committee")
    meeting = meetings.create_meeting(db, committee, dt.date(2026, 1, 5))
    item = meetings.add_item(db, meeting, "Applications")
    pid = paragraphs.add_paragraph(db, item, "The Committee noted the report.")
    colleague = open_database(db_target)
    yield db, colleague, pid
    colleague.close()


def _stored(db, pid: int) -> tuple[str, int]:
    with db.reading() as session:
        row = session.get(Paragraph, pid)
        return row.text, row.version


def test_each_save_raises_the_version(two_clerks):
    db, _colleague, pid = two_clerks
    _text, first = _stored(db, pid)
    assert paragraphs.edit_text(db, pid, "Noted.", expected_version=first) == first + 1
    assert _stored(db, pid) == ("Noted.", first + 1)


def test_a_stale_save_is_refused_and_the_colleagues_text_kept(two_clerks):
    db, colleague, pid = two_clerks
    _text, seen = _stored(db, pid)  # both clerks open the paragraph at this version
    paragraphs.edit_text(colleague, pid, "The Committee noted the report, as amended.",
                         expected_version=seen)
    with pytest.raises(ParagraphConflict) as raised:
        paragraphs.edit_text(db, pid, "The Committee noted the report and agreed.",
                             expected_version=seen)
    conflict = raised.value
    assert conflict.paragraph_id == pid
    assert conflict.theirs == "The Committee noted the report, as amended."
    assert _stored(db, pid) == ("The Committee noted the report, as amended.", seen + 1)
    # Keep mine: saving again on top of theirs (the version the conflict reported) succeeds.
    paragraphs.edit_text(db, pid, "The Committee noted the report and agreed.",
                         expected_version=conflict.version)
    assert _stored(db, pid)[0] == "The Committee noted the report and agreed."


def test_interleaved_transactions_never_lose_a_write(two_clerks):
    """Clerk A reads, clerk B commits, A writes: SQLAlchemy's version check refuses A's."""
    db, colleague, pid = two_clerks
    if db.engine.dialect.name == "sqlite":
        pytest.skip("SQLite's write lock makes the second clerk wait: nothing interleaves")
    with pytest.raises(ParagraphConflict):
        with db.transaction() as session:
            mine = session.get(Paragraph, pid)
            mine.text = "Mine."
            paragraphs.edit_text(colleague, pid, "Theirs.")
            session.flush()
    assert _stored(db, pid)[0] == "Theirs."
