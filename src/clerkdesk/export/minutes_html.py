"""A meeting's minutes as Qt rich-text HTML in the published layout (no database, no Qt; the
window passes its colours, taken from ui.colours for its palette)."""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from clerkdesk.domain.enums import AttendanceStatus, Audience, FlagKind, ParagraphStyle
from clerkdesk.domain.meeting_times import SIGNATURE_LINE
from clerkdesk.domain.minutes import (
    AttendeeView,
    FlagView,
    ItemView,
    MinutesView,
    ParagraphView,
    attendee_text,
)
from clerkdesk.domain.publication import NOT_FOR_PUBLICATION, checked
from clerkdesk.domain.resolutions import bold_lead
from clerkdesk.export.plaintext import (
    CORRECTIONS_HEADING,
    DRAFT_TEXT,
    correction_line,
    is_draft,
    meeting_heading,
)

LABEL_WIDTH = 36  # px per numbering column; three columns cover levels 0..2
LEVELS = 3

ATTENDANCE_SECTIONS: tuple[tuple[str, tuple[AttendanceStatus, ...]], ...] = (
    ("Present", (AttendanceStatus.PRESENT, AttendanceStatus.SUBSTITUTE)),
    ("Also present", (AttendanceStatus.ALSO_PRESENT,)),
    ("In attendance", (AttendanceStatus.IN_ATTENDANCE,)),
    ("Apologies", (AttendanceStatus.APOLOGIES,)),
)
FLAG_CLASSES = {FlagKind.REQUEST: "flag-request", FlagKind.ACTION: "flag-action",
                FlagKind.DECLARATION: "flag-declaration"}
FLAG_NAMES = {
    FlagKind.REQUEST: "Information requested",
    FlagKind.ACTION: "Action",
    FlagKind.DECLARATION: "Declaration of interest",
}

STYLE = """
h1 { font-size: 15pt; font-weight: 700; margin: 0; }
p.council { font-size: 10pt; margin: 0; }
p.held { margin-top: 4px; margin-bottom: 14px; }
p.attendance { margin: 2px 0; }
p.item { font-size: 12.5pt; font-weight: 700; margin-top: 22px; margin-bottom: 6px; }
p.minutes-label { margin-top: 0; margin-bottom: 6px; }
p.exempt { font-size: 9pt; margin-top: 0; margin-bottom: 6px; }
p.empty { font-style: italic; }
span.flag-request { font-size: 9pt; }
span.flag-action { font-size: 9pt; }
span.flag-declaration { font-size: 9pt; }
td { padding-bottom: 8px; }
p.documents { font-size: 10pt; margin-top: 4px; }
p.close { margin: 2px 0; }
p.signature { margin-top: 36px; }
"""
# Which colour (a key of the `colours` argument) each class is drawn in.
COLOURED = {"p.council": "muted", "p.exempt": "exempt", "p.empty": "muted",
            "span.flag-request": "request", "span.flag-action": "action",
            "span.flag-declaration": "declaration", "p.documents": "muted"}
COLOUR_NAMES = ("muted", "exempt", "request", "action", "declaration")


def style_sheet(colours: Mapping[str, str]) -> str:
    """The layout, plus a colour rule for each class whose colour is given."""
    rules = "".join(f"{selector} {{ color: {colours[name]}; }}\n"
                    for selector, name in COLOURED.items() if name in colours)
    return STYLE + rules


def text_html(text: str) -> str:
    """Escaped text with line breaks kept."""
    return escape(text).replace("\n", "<br>")


def heading_html(minutes: MinutesView) -> str:
    *names, held = meeting_heading(minutes)
    council = f'<p class="council">{escape(names[0])}</p>' if len(names) > 1 else ""
    banner = (f'<p class="exempt"><b>{NOT_FOR_PUBLICATION}</b></p>'
              if minutes.audience is Audience.FULL else "")
    draft = f'<p class="held">{escape(DRAFT_TEXT)}</p>' if is_draft(minutes) else ""
    return (
        f"{banner}{council}<h1>{escape(names[-1])}</h1>"
        f'<p class="held">{escape(held)}</p>{draft}'
        + attendance_html(minutes.attendance)
    )


def attendee_name(attendee: AttendeeView) -> str:
    return attendee_text(attendee, attendee.status is AttendanceStatus.IN_ATTENDANCE)


def attendance_html(attendance: tuple[AttendeeView, ...]) -> str:
    lines = []
    for title, statuses in ATTENDANCE_SECTIONS:
        names = [attendee_name(a) for a in attendance if a.status in statuses]
        if names:
            lines.append(
                f'<p class="attendance"><b>{title}:</b> {escape(", ".join(names))}</p>'
            )
    return "".join(lines)


def item_title(item: ItemView) -> str:
    """'3. Title' for plain numbers, '35/20 Title' for minute numbers."""
    label = f"{item.label}." if item.label.isdigit() else item.label
    return f"{label} {item.title}".strip()


def flag_html(flag: FlagView) -> str:
    name = FLAG_NAMES.get(flag.kind)
    if name is None:
        return ""
    detail = f": {flag.summary}" if flag.summary else ""
    status = f" ({flag.status})" if flag.status else ""
    return f'<br><span class="{FLAG_CLASSES[flag.kind]}">▸ {escape(name + detail + status)}</span>'


def resolution_html(paragraph: ParagraphView, resolution_prefix: str) -> str:
    """The committee's RESOLVED form (sub-lines indented, vote line last), the word in bold."""
    lines = paragraph.resolution_lines or ((0, f"{resolution_prefix} {paragraph.text}"),)
    parts = []
    for number, (level, line) in enumerate(lines):
        lead = bold_lead(line, resolution_prefix)
        html = text_html(line[len(lead):]) if number == 0 and lead else text_html(line)
        if number == 0 and lead:
            html = f"<b>{escape(lead)}</b>{html}"
        parts.append("&nbsp;" * 6 * level + html)
    return "<br>".join(parts)


def paragraph_body(paragraph: ParagraphView, resolution_prefix: str, flags: bool = True) -> str:
    body = text_html(paragraph.text)
    if paragraph.style is ParagraphStyle.RESOLUTION:
        body = resolution_html(paragraph, resolution_prefix)
    return body + "".join(flag_html(f) for f in paragraph.flags if flags)


def paragraph_row(paragraph: ParagraphView, resolution_prefix: str, flags: bool = True) -> str:
    """One table row: empty indent cells, the number in its own column, then the text."""
    body = paragraph_body(paragraph, resolution_prefix, flags)
    if paragraph.style is ParagraphStyle.RESOLUTION:
        return f'<tr><td colspan="{LEVELS + 1}">{body}</td></tr>'
    level = max(0, min(paragraph.level, LEVELS - 1))
    indent = f'<td width="{LABEL_WIDTH}"></td>' * level
    if not paragraph.label:
        return f'<tr>{indent}<td colspan="{LEVELS + 1 - level}">{body}</td></tr>'
    label = f'<td width="{LABEL_WIDTH}">{escape(paragraph.label)}</td>'
    return f'<tr>{indent}{label}<td colspan="{LEVELS - level}">{body}</td></tr>'


def paragraphs_table(item: ItemView, resolution_prefix: str, flags: bool = True) -> str:
    rows = "".join(paragraph_row(p, resolution_prefix, flags) for p in item.paragraphs)
    return f'<table width="100%" cellspacing="0" cellpadding="0">{rows}</table>'


def documents_html(item: ItemView) -> str:
    if not item.documents:
        return ""
    titles = "<br>".join(escape(d.title) for d in item.documents)
    return f'<p class="documents"><b>Supporting documents:</b><br>{titles}</p>'


def item_html(item: ItemView, minutes: MinutesView, flags: bool = True) -> str:
    parts = [f'<p class="item">{escape(item_title(item))}</p>']
    if item.notice:
        parts.append(f'<p class="exempt">{text_html(item.notice)}</p>')
    if item.paragraphs:
        if minutes.uses_minutes_heading:
            parts.append('<p class="minutes-label"><b>Minutes:</b></p>')
        parts.append(paragraphs_table(item, minutes.resolution_prefix, flags))
    parts.append(documents_html(item))
    return "".join(parts)


def corrections_html(minutes: MinutesView) -> str:
    if not minutes.corrections:
        return ""
    lines = "".join(f"<p>{text_html(correction_line(c))}</p>" for c in minutes.corrections)
    return f'<p class="item">{escape(CORRECTIONS_HEADING)}</p>{lines}'


def close_html(minutes: MinutesView) -> str:
    """The close: when the meeting started, adjourned and finished, and the Chair's signature
    line (on the printed copy the Chair signs)."""
    lines = "".join(f'<p class="close">{text_html(line)}</p>' for line in minutes.timing)
    if minutes.signature_block:
        lines += f'<p class="signature">{escape(SIGNATURE_LINE)}</p>'
    return lines


def minutes_html(minutes: MinutesView, colours: Mapping[str, str] | None = None, *,
                 flags: bool = True) -> str:
    """The whole document as published (see domain.publication): heading block, every agenda
    item with its paragraphs, the correction notes; `flags` adds the clerk's flag lines.
    `colours`: CSS colours by COLOUR_NAMES."""
    minutes = checked(minutes)
    items = "".join(item_html(item, minutes, flags) for item in minutes.items)
    if not minutes.items:
        items = '<p class="empty">This meeting has no agenda items yet.</p>'
    head = f"<head><style>{style_sheet(colours or {})}</style></head>"
    body = heading_html(minutes) + items + close_html(minutes) + corrections_html(minutes)
    return f"<html>{head}<body>{body}</body></html>"


def placeholder_html(message: str, muted: str = "") -> str:
    """A quiet centred message for when there is nothing to show (in the `muted` colour)."""
    colour = f"color:{muted}; " if muted else ""
    return f'<p align="center" style="{colour}margin-top:40px">{escape(message)}</p>'
