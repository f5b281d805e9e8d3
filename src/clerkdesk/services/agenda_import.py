"""Create a meeting from an agenda (a list of item titles) in one transaction."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerkdesk.domain.numbering import ItemNumbering
from clerkdesk.errors import ImportFailed
from clerkdesk.importers.agenda import agenda_entries, agenda_lines, source_name
from clerkdesk.importers.scheme_detect import item_numbering, label_override
from clerkdesk.services._lookup import get_or_fail
from clerkdesk.services.committees import find_or_create_committee
from clerkdesk.services.meetings import add_item_in, create_meeting_in
from clerkdesk.storage.database import Database
from clerkdesk.storage.models import Committee


def import_agenda(
    db: Database, path_or_text: Path | str, committee: str | int, date: dt.date,
    time: dt.time | None = None, venue: str = "",
) -> int:
    """A new draft meeting whose agenda is the titles listed; its id.

    `path_or_text` is a file (.txt or .docx; a str naming an existing file counts as one) or the
    agenda as text. `committee` is a committee id or name (created if new; a new committee
    takes the item numbering the agenda uses). No existing meeting is changed.
    """
    entries = agenda_entries(agenda_lines(path_or_text))
    if not entries:
        raise ImportFailed(f"{source_name(path_or_text)} lists no agenda items.")
    with db.transaction() as session:
        row = _committee(session, committee, [e.label for e in entries])
        numbering = ItemNumbering(row.item_number_template, row.item_number_start)
        meeting = create_meeting_in(session, row.id, date, time, venue.strip())
        for index, entry in enumerate(entries):
            add_item_in(session, meeting.id, entry.title,
                        number_label=label_override(numbering, index, entry.label))
        return meeting.id


def _committee(session: Session, committee: str | int, labels: list[str | None]) -> Committee:
    if isinstance(committee, int):
        return get_or_fail(session, Committee, committee, "committee")
    name = committee.strip()
    if not name:
        raise ImportFailed("Name the committee the agenda is for.")
    existing = session.scalars(select(Committee).where(Committee.name == name)).first()
    row = find_or_create_committee(session, name)
    numbering = item_numbering(labels)
    if existing is None and numbering is not None:
        row.item_number_template, row.item_number_start = numbering.template, numbering.start
        session.flush()
    return row
