"""Read-only views of a meeting's minutes, rendered and numbered, for display and export."""

import datetime as dt
from dataclasses import dataclass, field

from clerkdesk.domain.enums import (
    AttendanceStatus,
    Audience,
    FlagKind,
    MeetingStatus,
    ParagraphStyle,
)


@dataclass(frozen=True)
class FlagView:
    id: int
    kind: FlagKind
    summary: str
    status: str = ""


@dataclass(frozen=True)
class ParagraphView:
    id: int
    level: int
    style: ParagraphStyle
    label: str
    text: str  # rendered: names written by the committee's conventions
    stored_text: str  # with person tokens
    speaker_id: int | None = None
    speaker: str = ""
    elapsed_seconds: int | None = None
    flags: tuple[FlagView, ...] = ()
    # A RESOLUTION paragraph as published, by the committee's style: (level, line) pairs with
    # the prefix ("RESOLVED – …") and, when a vote was recorded, the vote line last.
    resolution_lines: tuple[tuple[int, str], ...] = ()
    vote_line: str = ""  # also the last of resolution_lines when not empty
    generated: str = ""  # "requests" while the paragraph is written from request flags


@dataclass(frozen=True)
class DocumentView:
    title: str
    location: str = ""


@dataclass(frozen=True)
class ItemView:
    id: int
    label: str
    title: str
    exempt: bool = False
    exempt_paragraph: int | None = None
    paragraphs: tuple[ParagraphView, ...] = ()
    documents: tuple[DocumentView, ...] = ()
    notice: str = ""  # set by the publication filter: what an exempt item says under its heading


@dataclass(frozen=True)
class AttendeeView:
    person_id: int
    name: str
    status: AttendanceStatus
    role: str = ""
    job_title: str = ""
    substitute_for: str = ""
    remote: bool = False
    arrived_at: str = ""  # label of the item during which a late member arrived
    left_at: str = ""  # label of the item during which a member left early


@dataclass(frozen=True)
class CorrectionView:
    """A dated note made after approval; `exempt` when it concerns an exempt item."""

    made_on: dt.date
    text: str
    exempt: bool = False


@dataclass(frozen=True)
class MinutesView:
    meeting_id: int
    committee: str
    council: str
    date: dt.date
    time: dt.time | None
    venue: str
    status: MeetingStatus
    uses_minutes_heading: bool = True
    resolution_prefix: str = "RESOLVED –"
    items: tuple[ItemView, ...] = ()
    attendance: tuple[AttendeeView, ...] = field(default=())
    corrections: tuple[CorrectionView, ...] = ()  # dated notes made after approval
    exempt_wording: str = ""  # the committee's line for a withheld item; "" = the standard one
    timing: tuple[str, ...] = ()  # the close: "The meeting started at 10.00am and finished …"
    signature_block: bool = False  # the close ends with the Chair's signature line
    audience: Audience | None = None  # set by the publication filter; None = not filtered


@dataclass(frozen=True)
class MeetingSummary:
    id: int
    date: dt.date
    committee: str
    status: MeetingStatus
    committee_id: int = 0


ROLE_NAMES = {"chair": "Chair", "vice_chair": "Vice-Chair"}


def attendee_notes(attendee: AttendeeView, with_job_title: bool) -> list[str]:
    """What the attendance line says in brackets after a name: role, job, substitution, remote,
    late arrival and early departure ("arrived during item 5", "left during item 7"), or
    "for item (b)" for someone there for one item only."""
    notes = []
    if attendee.role in ROLE_NAMES:
        notes.append(ROLE_NAMES[attendee.role])
    if with_job_title and attendee.job_title:
        notes.append(attendee.job_title)
    if attendee.substitute_for:
        notes.append(f"substitute for {attendee.substitute_for}")
    if attendee.remote:
        notes.append("remote")
    if attendee.arrived_at and attendee.arrived_at == attendee.left_at:
        notes.append(f"for item {attendee.arrived_at}")  # a party to one hearing
        return notes
    if attendee.arrived_at:
        notes.append(f"arrived during item {attendee.arrived_at}")
    if attendee.left_at:
        notes.append(f"left during item {attendee.left_at}")
    return notes


def attendee_text(attendee: AttendeeView, with_job_title: bool, with_notes: bool = True) -> str:
    """'Mrs Okafor (Chair)', 'Mr Gill (substitute for Ms Chaudhry)', 'Joanna Marsh (Director)'."""
    notes = attendee_notes(attendee, with_job_title) if with_notes else []
    return attendee.name + (f" ({', '.join(notes)})" if notes else "")

