"""Approved minutes are read-only: a flush that would change them is refused, whoever asks.

Answering an earlier meeting's request (its status and when/how it was provided) stays
allowed, and so do correction notes, which are how approved minutes are corrected.
"""

from __future__ import annotations

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from clerkdesk.errors import ClerkDeskError
from clerkdesk.storage.models import (
    ActionFlag,
    AgendaItem,
    Attendance,
    Flag,
    Meeting,
    Paragraph,
    ParagraphMention,
    RequestFlag,
    SupportingDocument,
)

# Columns of flags on approved minutes that later meetings may still change.
FOLLOW_UP_COLUMNS = {
    RequestFlag: {"status", "provided_on", "provided_at_meeting_id", "provided_how"},
    ActionFlag: {"status", "done_on", "done_at_meeting_id"},
}


class MinutesLocked(ClerkDeskError):
    """Raised when a change would alter minutes that have been approved."""


def _meeting_id(session: Session, obj: object) -> int | None:
    if isinstance(obj, Meeting):
        return None
    if isinstance(obj, (AgendaItem, Attendance)):
        return obj.meeting_id
    if isinstance(obj, SupportingDocument):
        item = session.get(AgendaItem, obj.item_id)
        return item.meeting_id if item else None
    if isinstance(obj, ParagraphMention):
        obj = session.get(Paragraph, obj.paragraph_id)
    if isinstance(obj, Flag):
        obj = session.get(Paragraph, obj.paragraph_id)
    if isinstance(obj, Paragraph):
        item = session.get(AgendaItem, obj.item_id)
        return item.meeting_id if item else None
    return None


def _is_follow_up(obj: object) -> bool:
    allowed = next((cols for cls, cols in FOLLOW_UP_COLUMNS.items() if isinstance(obj, cls)), None)
    if allowed is None:
        return False
    state = inspect(obj)
    changed = {attr.key for attr in state.attrs if attr.history.has_changes()}
    return changed <= allowed


def _locked(session: Session, meeting_id: int | None) -> Meeting | None:
    if meeting_id is None:
        return None
    with session.no_autoflush:
        meeting = session.get(Meeting, meeting_id)
    return meeting if meeting is not None and meeting.status != "draft" else None


def refuse_changes_to_approved_minutes(session: Session, _context: object,
                                       _instances: object) -> None:
    """SQLAlchemy before_flush hook."""
    with session.no_autoflush:
        for obj in [*session.new, *session.dirty, *session.deleted]:
            if obj in session.dirty and (_is_follow_up(obj) or not session.is_modified(obj)):
                continue
            meeting = _locked(session, _meeting_id(session, obj))
            if meeting is not None:
                raise MinutesLocked(
                    f"The minutes of {meeting.date:%-d %B %Y} are {meeting.status} and cannot "
                    "be changed. Record a correction note instead.")
