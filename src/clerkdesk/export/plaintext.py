"""The minutes as plain text in the published layout (used by `clerkdesk show`)."""

import datetime as dt

from clerkdesk.domain.enums import ParagraphStyle
from clerkdesk.domain.minutes import ItemView, MinutesView, ParagraphView

INDENT = "    "


def item_heading(item: ItemView) -> str:
    """'3. Title' for plain numbers, '35/20 Title' for minute numbers; exempt items say so."""
    label = f"{item.label}." if item.label.isdigit() else item.label
    heading = f"{label} {item.title}".strip()
    if item.exempt:
        paragraph = f" paragraph {item.exempt_paragraph}" if item.exempt_paragraph else ""
        heading += f" (exempt — Schedule 12A{paragraph})"
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


def render_minutes(minutes: MinutesView) -> str:
    """Heading, then each item: heading, 'Minutes:', numbered paragraphs, documents."""
    blocks = ["\n".join(meeting_heading(minutes))]
    for item in minutes.items:
        blocks.append(item_heading(item))
        if minutes.uses_minutes_heading and item.paragraphs:
            blocks.append("Minutes:")
        blocks.extend(paragraph_line(p, minutes.resolution_prefix) for p in item.paragraphs)
        if item.documents:
            blocks.append("Supporting documents:\n" + "\n".join(
                f"{INDENT}{d.title}" for d in item.documents))
    if minutes.corrections:
        blocks.append(CORRECTIONS_HEADING)
        blocks.extend(correction_line(on, text) for on, text in minutes.corrections)
    return "\n\n".join(blocks) + "\n"


CORRECTIONS_HEADING = "Corrections made after approval"


def correction_line(on: dt.date, text: str) -> str:
    return f"{on.day} {on:%B %Y}: {text}"
