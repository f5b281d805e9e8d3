"""Recorded votes under a resolution are imported as the resolution's vote, not as paragraphs."""

import datetime as dt
from pathlib import Path

from sqlalchemy import select
from support.published import shown as render_minutes

from clerkdesk.services.export import export_meeting
from clerkdesk.services.imports import import_file, import_text
from clerkdesk.services.minutes import load_minutes
from clerkdesk.storage.database import Database, open_database
from clerkdesk.storage.models import Paragraph, ResolutionFlag

MINUTES = """Planning Committee

1. Land at Mill Lane

Minutes:

1) The planning officer introduced the application.

RESOLVED – That planning permission be granted.

(Carried: 7 for, 2 against, 1 abstention; moved by Cllr Ashby, seconded by Cllr Brook)

2. Tree Preservation Order, Church Walk

RESOLVED – That the order be confirmed.

The motion was lost by 6 votes to 4.

3. Any other business

1) A Member said that 7 for and 2 against was the count at the last meeting.

For: 3, Against: 1
"""


def votes(db: Database) -> list[tuple]:
    with db.transaction() as session:
        return [(f.votes_for, f.votes_against, f.abstentions, f.carried, f.recorded_votes)
                for f in session.scalars(select(ResolutionFlag).order_by(ResolutionFlag.id))]


def texts(db: Database) -> list[str]:
    with db.transaction() as session:
        return list(session.scalars(select(Paragraph.text).order_by(Paragraph.id)))


def test_vote_lines_become_the_resolutions_votes(db: Database) -> None:
    report = import_text(db, MINUTES, date=dt.date(2025, 3, 4))
    assert report.resolutions == 2
    assert votes(db) == [
        (7, 2, 1, True, "moved by Cllr Ashby, seconded by Cllr Brook"),
        (4, 6, None, False, ""),
    ]
    assert not any(t.startswith(("(Carried", "The motion was lost")) for t in texts(db))
    # Prose that mentions votes stays a paragraph; a vote with no resolution above it too.
    assert "{@member} said that 7 for and 2 against was the count at the last meeting." in texts(db)
    assert "For: 3, Against: 1" in texts(db)


def test_a_vote_exported_to_word_imports_back(db: Database, tmp_path: Path) -> None:
    first = import_text(db, MINUTES, date=dt.date(2025, 3, 4))
    word = export_meeting(db, first.meeting_id, tmp_path / "votes.docx")
    fresh = open_database(tmp_path / "fresh.sqlite")
    try:
        again = import_file(fresh, word)
        assert votes(fresh) == votes(db)
        assert render_minutes(load_minutes(fresh, again.meeting_id)) == \
            render_minutes(load_minutes(db, first.meeting_id))
    finally:
        fresh.close()
