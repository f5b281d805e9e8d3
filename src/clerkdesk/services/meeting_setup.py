"""Setting up a new meeting in one step: its committee (found or created) and a pasted agenda."""

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerkdesk.domain.agenda_lines import agenda_titles
from clerkdesk.domain.agenda_template import agenda_template_of, arrange_agenda
from clerkdesk.errors import ClerkDeskError
from clerkdesk.services.committees import find_or_create_committee
from clerkdesk.services.meetings import add_item_in, create_meeting_in
from clerkdesk.services.paragraphs import add_paragraph_in
from clerkdesk.storage.database import Database
from clerkdesk.storage.models import Committee


def committee_names(db: Database) -> list[str]:
    """Every committee's name, alphabetically (case-insensitive)."""
    return sorted(committee_councils(db), key=str.casefold)


def committee_councils(db: Database) -> dict[str, str]:
    """Each committee's name mapped to its council ('' when none was recorded)."""
    with db.transaction() as session:
        rows = session.execute(select(Committee.name, Committee.council)).all()
    return {name: council or "" for name, council in rows}


def create_meeting_with_committee(
    db: Database,
    committee_name: str,
    council: str,
    date: dt.date,
    time: dt.time | None,
    venue: str,
    agenda_text: str,
    *,
    standard_items: bool = False,
) -> int:
    """A new draft meeting, its committee found by name (any case) or created; returns its id.

    Each non-blank line of `agenda_text` becomes an item, without the numbering it was pasted with.
    With `standard_items` (New meeting), the committee's standard items go around them, each
    with its standard wording as its first paragraph.
    """
    name = " ".join(committee_name.split())
    if not name:
        raise ClerkDeskError("The meeting needs a committee name.")
    with db.transaction() as session:
        name = _existing_spelling(session, name)
        committee = find_or_create_committee(session, name, council.strip())
        titles = agenda_titles(agenda_text)
        if not standard_items:
            return create_meeting_in(session, committee.id, date, time, venue.strip(),
                                     titles).id
        meeting = create_meeting_in(session, committee.id, date, time, venue.strip())
        for item in arrange_agenda(agenda_template_of(committee.agenda_template or ""), titles):
            added = add_item_in(session, meeting.id, item.title)
            if item.wording:
                add_paragraph_in(session, added.id, item.wording)
        return meeting.id


def _existing_spelling(session: Session, name: str) -> str:
    """The stored name when `name` differs from it only in case, so no near-duplicate is made."""
    names = session.scalars(select(Committee.name)).all()
    return next((stored for stored in names if stored.casefold() == name.casefold()), name)
