"""What the live-minutes window loads: a meeting's outline and one item's paragraphs."""

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from clerkdesk.domain.clock import MeetingClock
from clerkdesk.domain.enums import MeetingStatus, ParagraphStyle
from clerkdesk.domain.numbering import ParagraphScheme
from clerkdesk.services._lookup import get_or_fail
from clerkdesk.services.minutes import (
    conventions_of,
    item_label_list,
    name_lookup,
    person_names,
)
from clerkdesk.storage.database import Database
from clerkdesk.storage.models import AgendaItem, Flag, Meeting, Paragraph


@dataclass(frozen=True)
class ItemOutline:
    id: int
    label: str
    title: str
    exempt: bool
    exempt_paragraph: int | None
    paragraph_count: int


@dataclass(frozen=True)
class MeetingOutline:
    meeting_id: int
    committee_id: int
    committee: str
    date_text: str
    status: MeetingStatus
    scheme: ParagraphScheme
    resolution_prefix: str
    clock: MeetingClock
    items: tuple[ItemOutline, ...]
    names: dict[int, str]  # person id -> written name (mid-sentence form)


@dataclass(frozen=True)
class EditableParagraph:
    id: int
    level: int
    style: ParagraphStyle
    text: str  # stored text with person tokens
    elapsed_seconds: int | None
    flagged: bool
    speaker_id: int | None = None
    generated: bool = False  # written from request flags and still linked to them
    version: int = 1  # raised by every save (team mode: a save names the version it is based on)


def meeting_outline(db: Database, meeting_id: int) -> MeetingOutline:
    with db.transaction() as session:
        meeting = get_or_fail(session, Meeting, meeting_id, "meeting")
        committee = meeting.committee
        items = list(
            session.scalars(
                select(AgendaItem)
                .where(AgendaItem.meeting_id == meeting_id)
                .order_by(AgendaItem.position)
            )
        )
        labels = item_label_list(committee, items)
        counts = dict(
            session.execute(
                select(Paragraph.item_id, func.count())
                .where(Paragraph.item_id.in_([i.id for i in items]))
                .group_by(Paragraph.item_id)
            ).all()
        )
        names = person_names(session, committee.id)
        name_of = name_lookup(names, conventions_of(committee))
        return MeetingOutline(
            meeting_id=meeting.id,
            committee_id=committee.id,
            committee=committee.name,
            date_text=meeting.date.strftime("%-d %B %Y"),
            status=MeetingStatus(meeting.status),
            scheme=ParagraphScheme(committee.paragraph_scheme),
            resolution_prefix=committee.resolution_prefix,
            clock=MeetingClock(
                meeting.started_at, meeting.paused_at, meeting.paused_seconds, meeting.ended_at
            ),
            items=tuple(
                ItemOutline(i.id, label, i.title, i.exempt, i.exempt_paragraph, counts.get(i.id, 0))
                for i, label in zip(items, labels, strict=True)
            ),
            names={person_id: name_of(person_id) for person_id in names},
        )


def item_paragraphs(db: Database, item_id: int) -> list[EditableParagraph]:
    """An item's paragraphs in order, read as plain rows (no ORM objects: this is on the path
    of opening a meeting and switching items)."""
    with db.transaction() as session:
        get_or_fail(session, AgendaItem, item_id, "agenda item")
        flagged = set(session.scalars(
            select(Flag.paragraph_id).join(Paragraph, Paragraph.id == Flag.paragraph_id)
            .where(Paragraph.item_id == item_id)))
        rows = session.execute(
            select(Paragraph.id, Paragraph.level, Paragraph.style, Paragraph.text,
                   Paragraph.elapsed_seconds, Paragraph.speaker_id, Paragraph.generated,
                   Paragraph.version)
            .where(Paragraph.item_id == item_id)
            .order_by(Paragraph.position)
        )
        return [
            EditableParagraph(r.id, r.level, ParagraphStyle(r.style), r.text, r.elapsed_seconds,
                              r.id in flagged, r.speaker_id, bool(r.generated), r.version)
            for r in rows
        ]


def meeting_date(db: Database, meeting_id: int) -> dt.date:
    """The date the meeting was (or will be) held."""
    with db.transaction() as session:
        return get_or_fail(session, Meeting, meeting_id, "meeting").date
