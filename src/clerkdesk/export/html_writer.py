"""The minutes as one accessible, self-contained web page, for the council's website."""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from clerkdesk.domain.enums import Audience, ParagraphStyle
from clerkdesk.domain.meeting_times import SIGNATURE_LINE
from clerkdesk.domain.minutes import ItemView, MinutesView, ParagraphView
from clerkdesk.domain.numbering import MAX_LEVEL, ParagraphScheme
from clerkdesk.domain.publication import banner, checked
from clerkdesk.domain.resolutions import bold_lead
from clerkdesk.domain.text import xml_safe
from clerkdesk.export.docx_numbering import effective_levels
from clerkdesk.export.docx_properties import document_title
from clerkdesk.export.plaintext import (
    CORRECTIONS_HEADING,
    DRAFT_TEXT,
    attendance_sections,
    correction_line,
    is_draft,
    item_heading,
    meeting_heading,
)

LANGUAGE = "en-GB"
NARROW_LABEL = 5  # characters a list's default indent holds ("13.12", "(iii)")
WIDE_LABEL = 9  # … and its wide one ("35/20.1.2")
# <ol type> for each level: what a browser numbers when the stylesheet is stripped by a CMS.
LIST_TYPES: dict[ParagraphScheme, tuple[str, ...]] = {
    ParagraphScheme.PAREN: ("1", "a", "i"),
    ParagraphScheme.DOT: ("1", "a", "i"),
    ParagraphScheme.DECIMAL: ("1", "1", "1"),
}
# The marker shows ClerkDesk's own label ("1)", "(a)", "13.1.2"), kept on each <li>.
STYLESHEET = """
body { font-family: Arial, Helvetica, sans-serif; font-size: 1rem; line-height: 1.5;
       max-width: 48rem; margin: 1rem auto; padding: 0 1rem; color: #0b0c0c; background: #fff; }
h1 { font-size: 1.6rem; margin: 0.25rem 0; }
h2 { font-size: 1.25rem; margin: 1.5rem 0 0.5rem; }
p { margin: 0 0 0.5rem; }
ol, ul { margin: 0 0 0.5rem; padding-left: 3.5rem; }
ol.wide { padding-left: 5.5rem; }
ol.wider { padding-left: 8rem; }
li { margin-bottom: 0.5rem; }
li > ol, li > ul { margin-top: 0.5rem; }
li[data-label]::marker { content: attr(data-label) "\\2003"; }
.council, .details { font-weight: bold; }
.restricted, .draft { font-weight: bold; border: 2px solid #0b0c0c; padding: 0.25rem 0.5rem; }
.minutes-label { font-style: italic; }
.sub { padding-left: 2rem; }
.close { margin-top: 1.5rem; }
.close + .close { margin-top: 0; }
.signature { margin-top: 3rem; }
""".strip()


def text_html(text: str) -> str:
    """Escaped text with its line breaks kept."""
    return "<br>".join(escape(line) for line in xml_safe(text).split("\n"))


@dataclass
class _Lists:
    """The nesting of open lists while an item's paragraphs are written."""

    scheme: ParagraphScheme
    width: str = ""  # ' class="wide"' where the item's labels need more room ("35/20.1.2")
    out: list[str] = field(default_factory=list)
    open_levels: list[int] = field(default_factory=list)  # levels with an open <ol> and <li>
    counters: list[int] = field(default_factory=lambda: [0] * (MAX_LEVEL + 1))

    def close_to(self, depth: int) -> None:
        """Close every open list at `depth` or deeper."""
        while self.open_levels and self.open_levels[-1] >= depth:
            self.open_levels.pop()
            self.out.append("</li></ol>")

    def numbered(self, view: ParagraphView, level: int) -> None:
        self.counters[level] += 1
        for deeper in range(level + 1, MAX_LEVEL + 1):
            self.counters[deeper] = 0
        self.close_to(level + 1)
        if self.open_levels and self.open_levels[-1] == level:
            self.out.append("</li>")
        else:
            self.out.append(f'<ol type="{LIST_TYPES[self.scheme][level]}"{self.width}>')
            self.open_levels.append(level)
        self.out.append(f'<li value="{self.counters[level]}" data-label="{escape(view.label)}">'
                        f"{text_html(view.text)}")

    def block(self, level: int, html: str) -> None:
        """A paragraph without a number: inside the open point one level above it, if any."""
        self.close_to(level)
        self.out.append(html)


class HtmlWriter:
    """Writes one filtered meeting as a web page."""

    def __init__(self, minutes: MinutesView, scheme: ParagraphScheme) -> None:
        self.minutes = checked(minutes)
        self.scheme = scheme

    def page(self) -> str:
        title = document_title(self.minutes)
        if self.minutes.audience is Audience.FULL:
            title += " (NOT FOR PUBLICATION)"
        body = "\n".join([*self._heading(), "<main>", *self._items(), "</main>"])
        return (f'<!DOCTYPE html>\n<html lang="{LANGUAGE}">\n<head>\n<meta charset="utf-8">\n'
                '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
                f"<title>{escape(xml_safe(title))}</title>\n<style>\n{STYLESHEET}\n</style>\n"
                f"</head>\n<body>\n{body}\n</body>\n</html>\n")

    def _heading(self) -> list[str]:
        minutes = self.minutes
        lines = ["<header>"]
        lines += [f'<p class="restricted">{text_html(line)}</p>' for line in banner(minutes)]
        *names, held = meeting_heading(minutes)
        if len(names) > 1:
            lines.append(f'<p class="council">{text_html(names[0])}</p>')
        lines.append(f"<h1>{text_html(names[-1])}</h1>")
        lines.append(f'<p class="details">{text_html(held)}</p>')
        if is_draft(minutes):
            lines.append(f'<p class="draft">{escape(DRAFT_TEXT)}</p>')
        lines += [f"<p><strong>{escape(label)}:</strong> {text_html(names_text)}</p>"
                  for label, names_text in attendance_sections(minutes.attendance)]
        lines.append("</header>")
        return lines

    def _items(self) -> list[str]:
        lines: list[str] = []
        for item in self.minutes.items:
            lines += self._item(item)
        lines += [f'<p class="close">{text_html(line)}</p>' for line in self.minutes.timing]
        if self.minutes.signature_block:
            lines.append(f'<p class="signature">{escape(SIGNATURE_LINE)}</p>')
        if self.minutes.corrections:
            lines.append(f"<section>\n<h2>{escape(CORRECTIONS_HEADING)}</h2>")
            lines += [f"<p>{text_html(correction_line(c))}</p>" for c in self.minutes.corrections]
            lines.append("</section>")
        return lines

    def _item(self, item: ItemView) -> list[str]:
        lines = [f"<section>\n<h2>{text_html(item_heading(item))}</h2>"]
        if item.notice:
            lines.append(f"<p>{text_html(item.notice)}</p>")
        if item.paragraphs:
            if self.minutes.uses_minutes_heading:
                lines.append('<p class="minutes-label">Minutes:</p>')
            lines.append(self._paragraphs(item))
        if item.documents:
            lines.append("<p>Supporting documents:</p>\n<ul>")
            lines += [f"<li>{text_html(d.title)}</li>" for d in item.documents]
            lines.append("</ul>")
        lines.append("</section>")
        return lines

    def _paragraphs(self, item: ItemView) -> str:
        views = item.paragraphs
        levels = effective_levels(
            [p.level if p.style is ParagraphStyle.NUMBERED else None for p in views])
        lists = _Lists(self.scheme, _width(max((len(p.label) for p in views), default=0)))
        for view, level in zip(views, levels, strict=True):
            if level is not None:
                lists.numbered(view, level)
            elif view.style is ParagraphStyle.RESOLUTION:
                lists.block(view.level, self._resolution(view))
            elif view.style is ParagraphStyle.BULLET:
                lists.block(view.level, f"<ul>\n<li>{text_html(view.text)}</li>\n</ul>")
            else:
                lists.block(view.level, f"<p>{text_html(view.text)}</p>")
        lists.close_to(0)
        return "\n".join(lists.out)

    def _resolution(self, view: ParagraphView) -> str:
        """The committee's RESOLVED form, its word(s) in bold, then its sub-lines and vote."""
        prefix = xml_safe(self.minutes.resolution_prefix).strip()
        lines = view.resolution_lines or ((0, f"{prefix} {view.text}".strip()),)
        out = []
        for number, (level, line) in enumerate(lines):
            bold = bold_lead(line, prefix) if number == 0 else ""
            css = ' class="sub"' if level else ""
            strong = f"<strong>{escape(bold)}</strong>" if bold else ""
            out.append(f"<p{css}>{strong}{text_html(line[len(bold):])}</p>")
        return "\n".join(out)


def _width(longest_label: int) -> str:
    """The class giving lists room for their longest label (the stylesheet's widths)."""
    if longest_label > WIDE_LABEL:
        return ' class="wider"'
    return ' class="wide"' if longest_label > NARROW_LABEL else ""



def render_html(minutes: MinutesView, scheme: ParagraphScheme) -> str:
    """The whole page for filtered `minutes` (public or full), numbered by `scheme`."""
    return HtmlWriter(minutes, scheme).page()
