"""Approval as a correct record, publication, and dated correction notes afterwards."""

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from clerkdesk.domain.enums import MeetingStatus
from clerkdesk.errors import ClerkDeskError
from clerkdesk.services._lookup import get_or_fail
from clerkdesk.services.changes import STATUS, Changes
from clerkdesk.storage.clerk import current_clerk
from clerkdesk.storage.database import Database
from clerkdesk.storage.models import Meeting
from clerkdesk.storage.models_history import CorrectionNote


@dataclass(frozen=True)
class Approval:
    status: MeetingStatus
    approved_on: dt.date | None
    approved_at_meeting_id: int | None
    approved_by_id: int | None
    published_on: dt.date | None


@dataclass(frozen=True)
class Correction:
    id: int
    made_on: dt.date
    text: str
    paragraph_id: int | None


def approval(db: Database, meeting_id: int) -> Approval:
    with db.transaction() as session:
        m = get_or_fail(session, Meeting, meeting_id, "meeting")
        return Approval(MeetingStatus(m.status), m.approved_on, m.approved_at_meeting_id,
                        m.approved_by_id, m.published_on)


def previous_meeting(db: Database, meeting_id: int) -> int | None:
    """The committee's meeting before this one (by date), whose minutes this one approves."""
    with db.transaction() as session:
        meeting = get_or_fail(session, Meeting, meeting_id, "meeting")
        return session.scalar(
            select(Meeting.id)
            .where(Meeting.committee_id == meeting.committee_id, Meeting.id != meeting.id,
                   Meeting.date <= meeting.date)
            .order_by(Meeting.date.desc(), Meeting.id.desc())
            .limit(1)
        )


def approve(db: Database, meeting_id: int, *, at_meeting_id: int | None, on: dt.date,
            by_person_id: int | None) -> Changes:
    """Record the minutes as approved (a correct record, signed by the Chair): now read-only."""
    with db.transaction() as session:
        meeting = get_or_fail(session, Meeting, meeting_id, "meeting")
        if meeting.status != MeetingStatus.DRAFT:
            raise ClerkDeskError(f"These minutes are already {meeting.status}.")
        meeting.status = MeetingStatus.APPROVED
        meeting.approved_on, meeting.approved_at_meeting_id = on, at_meeting_id
        meeting.approved_by_id = by_person_id
        meeting.approval_recorded_by = current_clerk(session)
    return STATUS


def publish(db: Database, meeting_id: int, on: dt.date) -> Changes:
    """Mark approved minutes as published (e.g. on the council's website)."""
    with db.transaction() as session:
        meeting = get_or_fail(session, Meeting, meeting_id, "meeting")
        if meeting.status != MeetingStatus.APPROVED:
            raise ClerkDeskError("Only approved minutes can be published.")
        meeting.status, meeting.published_on = MeetingStatus.PUBLISHED, on
    return STATUS


def add_correction(db: Database, meeting_id: int, text: str, *, on: dt.date | None = None,
                   paragraph_id: int | None = None) -> int:
    """A dated correction to approved minutes; the minutes themselves stay as approved."""
    if not text.strip():
        raise ClerkDeskError("A correction note needs some text.")
    with db.transaction() as session:
        meeting = get_or_fail(session, Meeting, meeting_id, "meeting")
        if meeting.status == MeetingStatus.DRAFT:
            raise ClerkDeskError("Draft minutes are corrected by editing them; correction "
                                 "notes are for approved minutes.")
        count = session.scalar(select(func.count()).select_from(CorrectionNote).where(
            CorrectionNote.meeting_id == meeting_id)) or 0
        note = CorrectionNote(meeting_id=meeting_id, paragraph_id=paragraph_id,
                              made_on=on or dt.date.today(), text=text.strip(), position=count)
        session.add(note)
        session.flush()
        return note.id


def corrections(db: Database, meeting_id: int) -> list[Correction]:
    with db.transaction() as session:
        rows = session.scalars(select(CorrectionNote).where(
            CorrectionNote.meeting_id == meeting_id).order_by(CorrectionNote.position))
        return [Correction(r.id, r.made_on, r.text, r.paragraph_id) for r in rows]


PREVIOUS_MINUTES_TITLE = "Minutes of the previous meeting"
_OPENING_WORDS = ("apolog", "substitut", "declaration", "interest", "welcome", "introduction")


def previous_minutes_resolution(previous_date: dt.date) -> str:
    """The standard wording, ready to be passed (and flagged) at the next meeting."""
    return (f"The minutes of the meeting held on {previous_date.day} {previous_date:%B %Y} "
            "are correctly recorded and that they be signed by the Chair.")


def add_previous_minutes_item(db: Database, meeting_id: int) -> int | None:
    """Give a new meeting its 'Minutes of the previous meeting' item with the standard
    resolution (flagged, form approved); returns the item id, or None without a previous
    meeting. An agenda item already about the minutes is used rather than a second one."""
    from clerkdesk.domain.enums import ParagraphStyle, ResolutionForm
    from clerkdesk.domain.flag_fields import ResolutionFields
    from clerkdesk.services.meetings import add_item_in
    from clerkdesk.services.paragraphs import add_paragraph_in
    from clerkdesk.storage.flag_rows import new_flag
    from clerkdesk.storage.models import AgendaItem

    previous = previous_meeting(db, meeting_id)
    if previous is None:
        return None
    with db.transaction() as session:
        previous_date = get_or_fail(session, Meeting, previous, "meeting").date
        items = list(session.scalars(select(AgendaItem).where(
            AgendaItem.meeting_id == meeting_id).order_by(AgendaItem.position)))
        item = next((i for i in items if "minutes" in i.title.lower()), None)
        if item is None:
            position = sum(1 for i in items if i.title.lower().startswith(_OPENING_WORDS))
            item = add_item_in(session, meeting_id, PREVIOUS_MINUTES_TITLE, position)
        if not item.paragraphs:
            paragraph = add_paragraph_in(session, item.id,
                                         previous_minutes_resolution(previous_date),
                                         style=ParagraphStyle.RESOLUTION)
            session.add(new_flag(paragraph.id, ResolutionFields(form=ResolutionForm.APPROVED)))
        return item.id


def chair_of(db: Database, meeting_id: int) -> int | None:
    """The committee's Chair (who signs the minutes), if the roster names one."""
    from clerkdesk.domain.enums import Role
    from clerkdesk.storage.models import Membership

    with db.transaction() as session:
        meeting = get_or_fail(session, Meeting, meeting_id, "meeting")
        return session.scalar(select(Membership.person_id).where(
            Membership.committee_id == meeting.committee_id, Membership.role == Role.CHAIR))
