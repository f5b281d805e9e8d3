"""Meetings and their agenda items."""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from clerkdesk.domain.enums import MeetingStatus
from clerkdesk.domain.minutes import MeetingSummary
from clerkdesk.services._lookup import get_or_fail
from clerkdesk.storage.database import Database
from clerkdesk.storage.models import AgendaItem, Committee, Meeting, SupportingDocument


def create_meeting_in(
    session: Session,
    committee_id: int,
    date: dt.date,
    time: dt.time | None = None,
    venue: str = "",
    agenda: Sequence[str] = (),
) -> Meeting:
    get_or_fail(session, Committee, committee_id, "committee")
    meeting = Meeting(committee_id=committee_id, date=date, time=time, venue=venue)
    session.add(meeting)
    session.flush()
    for title in agenda:
        if title.strip():
            add_item_in(session, meeting.id, title.strip())
    return meeting


def create_meeting(
    db: Database,
    committee_id: int,
    date: dt.date,
    time: dt.time | None = None,
    venue: str = "",
    agenda: Sequence[str] = (),
) -> int:
    """A new draft meeting with an agenda (one item per non-blank title)."""
    with db.transaction() as session:
        return create_meeting_in(session, committee_id, date, time, venue, agenda).id


def add_item_in(
    session: Session,
    meeting_id: int,
    title: str,
    position: int | None = None,
    exempt: bool = False,
    exempt_paragraph: int | None = None,
    number_label: str | None = None,
) -> AgendaItem:
    count = session.scalar(
        select(func.count()).select_from(AgendaItem).where(AgendaItem.meeting_id == meeting_id)
    ) or 0
    position = count if position is None else max(0, min(position, count))
    session.execute(
        update(AgendaItem)
        .where(AgendaItem.meeting_id == meeting_id, AgendaItem.position >= position)
        .values(position=AgendaItem.position + 1)
    )
    item = AgendaItem(
        meeting_id=meeting_id, position=position, title=title, exempt=exempt,
        exempt_paragraph=exempt_paragraph, number_label=number_label,
    )
    session.add(item)
    session.flush()
    return item


@dataclass(frozen=True)
class ItemRow:
    """An agenda item to append (an import's), with its supporting documents' titles."""

    title: str
    number_label: str | None = None
    exempt: bool = False
    exempt_paragraph: int | None = None
    documents: tuple[str, ...] = ()


def append_items_in(session: Session, meeting_id: int, rows: Sequence[ItemRow]) -> list[int]:
    """Items (and their documents) appended to a meeting with bulk INSERTs; their ids in order.
    Like append_paragraphs_in, for an import's new draft meeting (the flush hooks are skipped)."""
    session.flush()
    count = session.scalar(
        select(func.count()).select_from(AgendaItem).where(AgendaItem.meeting_id == meeting_id)
    ) or 0
    if rows:
        session.execute(insert(AgendaItem.table()), [
            {"meeting_id": meeting_id, "position": count + offset, "title": row.title,
             "exempt": row.exempt, "exempt_paragraph": row.exempt_paragraph,
             "number_label": row.number_label}
            for offset, row in enumerate(rows)])
    by_position = dict(session.execute(
        select(AgendaItem.position, AgendaItem.id)
        .where(AgendaItem.meeting_id == meeting_id, AgendaItem.position >= count)).all())
    ids = [by_position[count + offset] for offset in range(len(rows))]
    documents = [{"item_id": item_id, "position": position, "title": title, "location": ""}
                 for item_id, row in zip(ids, rows, strict=True)
                 for position, title in enumerate(row.documents)]
    if documents:
        session.execute(insert(SupportingDocument.table()), documents)
    return ids


def add_item(db: Database, meeting_id: int, title: str, position: int | None = None) -> int:
    with db.transaction() as session:
        get_or_fail(session, Meeting, meeting_id, "meeting")
        return add_item_in(session, meeting_id, title, position).id


def add_document_in(session: Session, item_id: int, title: str, location: str = "") -> None:
    count = session.scalar(
        select(func.count())
        .select_from(SupportingDocument)
        .where(SupportingDocument.item_id == item_id)
    )
    session.add(SupportingDocument(item_id=item_id, position=count, title=title, location=location))


def list_meetings(db: Database) -> list[MeetingSummary]:
    """Every meeting, newest first."""
    with db.reading() as session:
        rows = session.execute(
            select(Meeting.id, Meeting.date, Meeting.status, Committee.name, Committee.id)
            .join(Committee)
            .order_by(Meeting.date.desc(), Meeting.id.desc())
        ).all()
    return [
        MeetingSummary(id=r[0], date=r[1], status=MeetingStatus(r[2]), committee=r[3],
                       committee_id=r[4])
        for r in rows
    ]
