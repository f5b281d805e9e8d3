"""Build the Word minutes from a MinutesView: named styles, real numbering, public or full."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from docx.document import Document
from docx.shared import Twips

from clerkdesk.domain.enums import BULLET_LABEL, ParagraphStyle
from clerkdesk.domain.minutes import ItemView, MinutesView, ParagraphView
from clerkdesk.domain.numbering import ParagraphScheme
from clerkdesk.domain.text import xml_safe
from clerkdesk.export import docx_styles as styles
from clerkdesk.export.docx_heading import DRAFT_TEXT, is_draft, write_heading
from clerkdesk.export.docx_numbering import (
    Indent,
    NumberingDefinitions,
    effective_levels,
    fitted_indents,
    number_paragraph,
    style_indents,
)
from clerkdesk.export.docx_page import mark_every_page, number_pages
from clerkdesk.export.docx_properties import set_properties
from clerkdesk.export.docx_template import open_template
from clerkdesk.export.plaintext import CORRECTIONS_HEADING, correction_line, item_heading

NOT_FOR_PUBLICATION = "NOT FOR PUBLICATION"


@dataclass(frozen=True)
class ExportOptions:
    """What to write: `full` includes exempt items; `literal_numbers` writes labels as text."""

    full: bool = False
    literal_numbers: bool = False
    scheme: ParagraphScheme = ParagraphScheme.PAREN
    template: Path | None = None  # the committee's house template; None = ClerkDesk's default


def public_items(minutes: MinutesView, full: bool) -> tuple[ItemView, ...]:
    """The items as published: exempt ones keep only their heading unless `full`."""
    if full:
        return minutes.items
    return tuple(replace(item, paragraphs=(), documents=()) if item.exempt else item
                 for item in minutes.items)


def exempt_paragraphs(minutes: MinutesView) -> list[int]:
    return sorted({i.exempt_paragraph for i in minutes.items if i.exempt and i.exempt_paragraph})


def restriction_notice(minutes: MinutesView) -> str:
    """'by virtue of paragraph 3 of Part 1 of Schedule 12A …', or '' if no paragraph is known."""
    numbers = exempt_paragraphs(minutes)
    if not numbers:
        return ""
    word = "paragraph" if len(numbers) == 1 else "paragraphs"
    listed = ", ".join(str(n) for n in numbers[:-1])
    listed = f"{listed} and {numbers[-1]}" if listed else str(numbers[-1])
    return (f"by virtue of {word} {listed} of Part 1 of Schedule 12A "
            "of the Local Government Act 1972")


class MinutesWriter:
    """Writes one meeting into an opened template; `document` is the result."""

    def __init__(self, minutes: MinutesView, options: ExportOptions) -> None:
        self.minutes = minutes
        self.options = options
        self.document: Document = open_template(options.template)
        self._style = {name: self.document.styles[name] for name in (
            *styles.NUMBERED_STYLES, *styles.UNNUMBERED_STYLES, styles.RESOLUTION,
            styles.RESOLVED_LABEL, styles.ITEM_HEADING, styles.MINUTES_LABEL,
            styles.DOCUMENTS_HEADING, styles.DOCUMENT)}
        self._indents = style_indents(self.document)
        self._numbering = None if options.literal_numbers else NumberingDefinitions(
            self.document)

    def write(self) -> Document:
        minutes = self.minutes
        write_heading(self.document, minutes, xml_safe)
        for item in public_items(minutes, self.options.full):
            self._item(item)
        if minutes.corrections:
            self._add(CORRECTIONS_HEADING, styles.ITEM_HEADING)
            for on, text in minutes.corrections:
                self._add(correction_line(on, text), styles.MINUTE_TEXT)
        mark_every_page(self.document, self._header_lines())
        number_pages(self.document)
        set_properties(self.document, minutes, full=self.options.full)
        return self.document

    def _header_lines(self) -> list[tuple[str, str]]:
        lines = []
        if self.options.full:
            lines.append((NOT_FOR_PUBLICATION, styles.RESTRICTED_MARKING))
            if notice := restriction_notice(self.minutes):
                lines.append((notice, styles.RESTRICTED_MARKING_NOTE))
        if is_draft(self.minutes):
            lines.append((DRAFT_TEXT, styles.HEADER))
        return lines

    def _add(self, text: str, style: str):  # noqa: ANN202 - python-docx paragraph
        return self.document.add_paragraph(xml_safe(text), self._style[style])

    def _item(self, item: ItemView) -> None:
        self._add(item_heading(item), styles.ITEM_HEADING)
        if item.paragraphs:
            if self.minutes.uses_minutes_heading:
                self._add("Minutes:", styles.MINUTES_LABEL)
            self._paragraphs(item)
        if item.documents:
            self._add("Supporting documents:", styles.DOCUMENTS_HEADING)
            for document in item.documents:
                self._add(document.title, styles.DOCUMENT)

    def _paragraphs(self, item: ItemView) -> None:
        views = item.paragraphs
        levels = effective_levels(
            [p.level if p.style is ParagraphStyle.NUMBERED else None for p in views])
        indents = fitted_indents(
            self._indents, ((lv, p.label) for p, lv in zip(views, levels, strict=True)
                            if lv is not None))
        num_id = None
        for view, level in zip(views, levels, strict=True):
            if view.style is ParagraphStyle.RESOLUTION:
                self._resolution(view)
            elif view.style is ParagraphStyle.BULLET:
                self._bullet(view)
            elif level is None:
                self._add(view.text, styles.UNNUMBERED_STYLES[min(view.level, 2)])
            elif self._numbering is None:
                self._literal(view, level, indents[level])
            else:
                if num_id is None:
                    num_id = self._numbering.new_list(self.options.scheme, item.label, indents)
                paragraph = self._add(view.text, styles.NUMBERED_STYLES[level])
                number_paragraph(paragraph, num_id, level)

    def _bullet(self, view: ParagraphView) -> None:
        """Word's own bullet list style when the template has one, else a bullet and a tab."""
        names = {style.name for style in self.document.styles}
        if WORD_BULLET_STYLE not in names:
            self._add(f"{BULLET_LABEL}\t{view.text}", styles.UNNUMBERED_STYLES[min(view.level, 2)])
            return
        paragraph = self.document.add_paragraph(xml_safe(view.text), WORD_BULLET_STYLE)
        indent = self._indents[min(view.level, len(self._indents) - 1)]
        fmt = paragraph.paragraph_format  # under the text of the paragraph it belongs to
        fmt.left_indent = Twips(indent.left + BULLET_HANG)
        fmt.first_line_indent = Twips(-BULLET_HANG)

    def _literal(self, view: ParagraphView, level: int, indent: Indent) -> None:
        """'1)', tab, text; a direct indent only where the item's labels outgrow the style's."""
        paragraph = self._add(f"{view.label}\t{view.text}", styles.NUMBERED_STYLES[level])
        base = self._indents[level]
        if indent != base:
            fmt = paragraph.paragraph_format
            fmt.left_indent = Twips(indent.left)
            fmt.first_line_indent = Twips(-indent.hanging)  # the tab stops at the indent

    def _resolution(self, view: ParagraphView) -> None:
        """The committee's RESOLVED form, its word(s) bold; sub-lines and vote line after it."""
        prefix = xml_safe(self.minutes.resolution_prefix).strip()
        lines = view.resolution_lines or ((0, f"{prefix} {view.text}".strip()),)
        for number, (level, line) in enumerate(lines):
            style = styles.RESOLUTION if level == 0 else styles.UNNUMBERED_STYLES[min(level, 2)]
            paragraph = self.document.add_paragraph(style=self._style[style])
            line = xml_safe(line)
            bold = _leading_prefix(line, prefix) if number == 0 else ""
            if bold:
                paragraph.add_run(bold, self._style[styles.RESOLVED_LABEL])
            paragraph.add_run(line[len(bold):])


WORD_BULLET_STYLE = "List Bullet"  # Word's built-in bulleted list style
BULLET_HANG = 284  # twips (0.5 cm) between the bullet and its text


def _leading_prefix(line: str, prefix: str) -> str:
    """The part of a resolution's first line to set in bold: 'RESOLVED –' or 'RESOLVED'."""
    bare = prefix.rstrip(" –-:").strip()
    for candidate in (prefix, bare):
        if candidate and line.startswith(candidate):
            return candidate
    return ""


def build_document(minutes: MinutesView, options: ExportOptions) -> Document:
    """The finished document, in memory."""
    return MinutesWriter(minutes, options).write()


def save_document(document: Document, stream: BinaryIO) -> None:
    document.save(stream)
