"""The heading block of the Word minutes: council, committee, when and where, attendance."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from docx.document import Document

from clerkdesk.domain.enums import AttendanceStatus, MeetingStatus
from clerkdesk.domain.minutes import AttendeeView, MinutesView, attendee_text
from clerkdesk.export import docx_styles as styles
from clerkdesk.export.plaintext import meeting_heading

DRAFT_TEXT = "DRAFT – subject to approval"
ROLE_ORDER = {"chair": 0, "vice_chair": 1}
WITH_JOB_TITLE = {AttendanceStatus.IN_ATTENDANCE, AttendanceStatus.ALSO_PRESENT}
MEMBER_SECTIONS = {"Present", "Apologies"}  # Chair, Vice-Chair, then by surname
SECTIONS: tuple[tuple[str, frozenset[AttendanceStatus]], ...] = (
    ("Present", frozenset({AttendanceStatus.PRESENT, AttendanceStatus.SUBSTITUTE})),
    ("Also present", frozenset({AttendanceStatus.ALSO_PRESENT})),
    ("In attendance", frozenset({AttendanceStatus.IN_ATTENDANCE})),
    ("Apologies", frozenset({AttendanceStatus.APOLOGIES})),
)

Clean = Callable[[str], str]


def is_draft(minutes: MinutesView) -> bool:
    """Minutes are a draft until the committee approves them."""
    return minutes.status is MeetingStatus.DRAFT


def attendee_entry(attendee: AttendeeView) -> str:
    """An attendance entry as printed; apologies give the name alone."""
    return attendee_text(attendee, attendee.status in WITH_JOB_TITLE,
                         with_notes=attendee.status is not AttendanceStatus.APOLOGIES)


def _member_order(attendee: AttendeeView) -> tuple[int, str]:
    surname = attendee.name.split()[-1] if attendee.name.split() else ""
    return ROLE_ORDER.get(attendee.role, len(ROLE_ORDER)), surname.casefold()


def attendance_sections(attendance: Sequence[AttendeeView]) -> list[tuple[str, str]]:
    """(label, names) for each non-empty section.

    Members: Chair, Vice-Chair, then by surname. Officers and guests keep the roster's order,
    which is usually seniority.
    """
    sections = []
    for label, statuses in SECTIONS:
        people = [a for a in attendance if a.status in statuses]
        if label in MEMBER_SECTIONS:
            people.sort(key=_member_order)
        if people:
            sections.append((label, ", ".join(attendee_entry(a) for a in people)))
    return sections


def write_heading(document: Document, minutes: MinutesView, clean: Clean) -> None:
    *names, held = meeting_heading(minutes)
    if len(names) > 1:
        document.add_paragraph(clean(names[0]), styles.COUNCIL)
    document.add_paragraph(clean(names[-1]), styles.TITLE)
    document.add_paragraph(clean(held), styles.MEETING_DETAILS)
    if is_draft(minutes):
        document.add_paragraph(DRAFT_TEXT, styles.DRAFT_NOTICE)
    for label, names_text in attendance_sections(minutes.attendance):
        paragraph = document.add_paragraph(style=styles.ATTENDANCE)
        paragraph.add_run(f"{label}:", styles.ATTENDANCE_LABEL)
        paragraph.add_run("\t" + clean(names_text))
