"""The minutes as plain text in the published layout (used by `clerkdesk show`)."""

from clerkdesk.domain.enums import AttendanceStatus, MeetingStatus, ParagraphStyle
from clerkdesk.domain.meeting_times import SIGNATURE_LINE
from clerkdesk.domain.minutes import (
    AttendeeView,
    CorrectionView,
    ItemView,
    MinutesView,
    ParagraphView,
    attendee_text,
)
from clerkdesk.domain.publication import DASH, banner, checked

INDENT = "    "


def item_heading(item: ItemView) -> str:
    """'3. Title' for plain numbers, '35/20 Title' for minute numbers; exempt items say so."""
    label = f"{item.label}." if item.label.isdigit() else item.label
    heading = f"{label} {item.title}".strip()
    if item.exempt:
        paragraph = f" paragraph {item.exempt_paragraph}" if item.exempt_paragraph else ""
        heading += f" (exempt {DASH} Schedule 12A{paragraph})"
    return heading


def paragraph_line(paragraph: ParagraphView, resolution_prefix: str) -> str:
    if paragraph.style is ParagraphStyle.RESOLUTION and paragraph.resolution_lines:
        return "\n".join(INDENT * level + line for level, line in paragraph.resolution_lines)
    if paragraph.style is ParagraphStyle.RESOLUTION:
        return f"{resolution_prefix} {paragraph.text}".strip()
    indent = INDENT * paragraph.level
    body = paragraph.text.replace("\n", "\n" + indent + " " * (len(paragraph.label) + 1))
    return f"{indent}{paragraph.label} {body}" if paragraph.label else f"{indent}{body}"


def meeting_heading(minutes: MinutesView) -> list[str]:
    when = minutes.date.strftime("%-d %B %Y")
    if minutes.time:
        when += f" at {minutes.time.strftime('%H:%M')}"
    where = f", {minutes.venue}" if minutes.venue else ""
    lines = [minutes.council, minutes.committee] if minutes.council else [minutes.committee]
    return [*lines, f"Minutes of a meeting held on {when}{where}"]


DRAFT_TEXT = f"DRAFT {DASH} subject to approval"
ROLE_ORDER = {"chair": 0, "vice_chair": 1}
WITH_JOB_TITLE = {AttendanceStatus.IN_ATTENDANCE, AttendanceStatus.ALSO_PRESENT}
MEMBER_SECTIONS = {"Present", "Apologies"}  # Chair, Vice-Chair, then by surname
SECTIONS: tuple[tuple[str, frozenset[AttendanceStatus]], ...] = (
    ("Present", frozenset({AttendanceStatus.PRESENT, AttendanceStatus.SUBSTITUTE})),
    ("Also present", frozenset({AttendanceStatus.ALSO_PRESENT})),
    ("In attendance", frozenset({AttendanceStatus.IN_ATTENDANCE})),
    ("Apologies", frozenset({AttendanceStatus.APOLOGIES})),
)


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


def attendance_sections(attendance: tuple[AttendeeView, ...]) -> list[tuple[str, str]]:
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


def heading_block(minutes: MinutesView) -> list[str]:
    """What Word prints before the first item: names, when and where, DRAFT, attendance."""
    lines = meeting_heading(minutes)
    if is_draft(minutes):
        lines.append(DRAFT_TEXT)
    lines.extend(f"{label}: {names}" for label, names in attendance_sections(minutes.attendance))
    return lines


def item_blocks(item: ItemView, minutes: MinutesView) -> list[str]:
    """An item as printed: heading, its notice, 'Minutes:', paragraphs, documents."""
    blocks = [item_heading(item)]
    if item.notice:
        blocks.append(item.notice)
    if minutes.uses_minutes_heading and item.paragraphs:
        blocks.append("Minutes:")
    blocks.extend(paragraph_line(p, minutes.resolution_prefix) for p in item.paragraphs)
    if item.documents:
        blocks.append("Supporting documents:\n" + "\n".join(
            f"{INDENT}{d.title}" for d in item.documents))
    return blocks


def render_minutes(minutes: MinutesView) -> str:
    """Banner (full version), heading block, each item, the close (times, the Chair's
    signature line), then the correction notes."""
    minutes = checked(minutes)
    blocks = ["\n".join(banner(minutes))] if banner(minutes) else []
    blocks.append("\n".join(heading_block(minutes)))
    for item in minutes.items:
        blocks.extend(item_blocks(item, minutes))
    if minutes.timing:
        blocks.append("\n".join(minutes.timing))
    if minutes.signature_block:
        blocks.append(SIGNATURE_LINE)
    if minutes.corrections:
        blocks.append(CORRECTIONS_HEADING)
        blocks.extend(correction_line(c) for c in minutes.corrections)
    return "\n\n".join(blocks) + "\n"


CORRECTIONS_HEADING = "Corrections made after approval"


def correction_line(correction: CorrectionView) -> str:
    on = correction.made_on
    return f"{on.day} {on:%B %Y}: {correction.text}"
