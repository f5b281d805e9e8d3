"""Paragraph history: each burst of editing is one revision (a pause starts the next)."""

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerkdesk.domain.mentions import render
from clerkdesk.services._lookup import get_or_fail
from clerkdesk.storage.clerk import current_clerk
from clerkdesk.storage.database import Database
from clerkdesk.storage.models import AgendaItem, Meeting, Paragraph, utcnow
from clerkdesk.storage.models_history import ParagraphRevision

PAUSE = dt.timedelta(seconds=20)  # typing after a longer pause starts a new revision


@dataclass(frozen=True)
class Revision:
    id: int
    started_at: dt.datetime
    at: dt.datetime
    phase: str  # "meeting" or "review"
    before: str  # stored text, with person references
    after: str
    clerk: str | None = None  # who made the change (team mode)


def _phase(session: Session, paragraph: Paragraph) -> str:
    """'review' once the meeting has ended (or its day has passed), else 'meeting'."""
    item = session.get(AgendaItem, paragraph.item_id)
    meeting = session.get(Meeting, item.meeting_id) if item else None
    if meeting is None:
        return "meeting"
    ended = meeting.ended_at is not None or meeting.date < dt.date.today()
    return "review" if ended else "meeting"


def record_change(session: Session, paragraph: Paragraph, before: str, after: str,
                  new_revision: bool = False) -> None:
    """Add to the paragraph's latest revision if it is still going, else start a new one
    (always with `new_revision`: a save over a colleague's text keeps theirs as a revision)."""
    if before == after:
        return
    now = utcnow()
    phase = _phase(session, paragraph)
    clerk = current_clerk(session)
    latest = session.scalars(
        select(ParagraphRevision)
        .where(ParagraphRevision.paragraph_id == paragraph.id)
        .order_by(ParagraphRevision.id.desc())
        .limit(1)
    ).first()
    if not new_revision and latest is not None and latest.phase == phase \
            and now - latest.at < PAUSE and latest.after == before and latest.clerk == clerk:
        latest.after, latest.at = after, now
        return
    session.add(ParagraphRevision(paragraph_id=paragraph.id, started_at=now, at=now,
                                  before=before, after=after, phase=phase, clerk=clerk))


def revisions(db: Database, paragraph_id: int) -> list[Revision]:
    """A paragraph's revisions, newest first."""
    with db.transaction() as session:
        get_or_fail(session, Paragraph, paragraph_id, "paragraph")
        rows = session.scalars(
            select(ParagraphRevision)
            .where(ParagraphRevision.paragraph_id == paragraph_id)
            .order_by(ParagraphRevision.id.desc())
        )
        return [Revision(r.id, r.started_at, r.at, r.phase, r.before, r.after, r.clerk)
                for r in rows]


def readable(stored: str, names: dict[int, str]) -> str:
    """Stored text with references written as names, for showing a revision."""
    return render(stored, lambda person_id: names.get(person_id, "[unknown person]"))
