"""Build the Word minutes from a MinutesView: named styles, real numbering, public or full."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from docx.document import Document
from docx.shared import Twips
from docx.text.paragraph import Paragraph

from clerkdesk.domain.enums import BULLET_LABEL, Audience, ParagraphStyle
from clerkdesk.domain.meeting_times import SIGNATURE_LINE
from clerkdesk.domain.minutes import ItemView, MinutesView, ParagraphView
from clerkdesk.domain.numbering import ParagraphScheme
from clerkdesk.domain.publication import NOT_FOR_PUBLICATION, banner, checked
from clerkdesk.domain.resolutions import bold_lead
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

__all__ = ["NOT_FOR_PUBLICATION", "ExportOptions", "build_document", "save_document"]


@dataclass(frozen=True)
class ExportOptions:
    """How to write: `literal_numbers` writes labels as text; what to write is decided by the
    publication filter the minutes went through."""

    literal_numbers: bool = False
    scheme: ParagraphScheme = ParagraphScheme.PAREN
    template: Path | None = None  # the committee's house template; None = ClerkDesk's default


class MinutesWriter:
    """Writes one meeting into an opened template; `document` is the result."""

    def __init__(self, minutes: MinutesView, options: ExportOptions) -> None:
        self.minutes = checked(minutes)
        self.full = minutes.audience is Audience.FULL
        self.options = options
        self.document: Document = open_template(options.template)
        self._style = {name: self.document.styles[name] for name in (
            *styles.NUMBERED_STYLES, *styles.UNNUMBERED_STYLES, styles.RESOLUTION,
            styles.RESOLVED_LABEL, styles.ITEM_HEADING, styles.MINUTES_LABEL,
            styles.DOCUMENTS_HEADING, styles.DOCUMENT, styles.CLOSE, styles.SIGNATURE)}
        self._indents = style_indents(self.document)
        self._numbering = None if options.literal_numbers else NumberingDefinitions(
            self.document)

    def write(self) -> Document:
        minutes = self.minutes
        write_heading(self.document, minutes, xml_safe)
        for item in minutes.items:
            self._item(item)
        for line in minutes.timing:
            self._add(line, styles.CLOSE)
        if minutes.signature_block:
            self._add(SIGNATURE_LINE, styles.SIGNATURE)
        if minutes.corrections:
            self._add(CORRECTIONS_HEADING, styles.ITEM_HEADING)
            for correction in minutes.corrections:
                self._add(correction_line(correction), styles.MINUTE_TEXT)
        mark_every_page(self.document, self._header_lines())
        number_pages(self.document)
        set_properties(self.document, minutes, full=self.full)
        return self.document

    def _header_lines(self) -> list[tuple[str, str]]:
        marking = banner(self.minutes)
        lines = [(line, styles.RESTRICTED_MARKING if number == 0
                  else styles.RESTRICTED_MARKING_NOTE) for number, line in enumerate(marking)]
        if is_draft(self.minutes):
            lines.append((DRAFT_TEXT, styles.HEADER))
        return lines

    def _add(self, text: str, style: str) -> Paragraph:
        return self._styled(xml_safe(text), style)

    def _styled(self, text: str, style: str) -> Paragraph:
        """A new paragraph in a ClerkDesk style, set by its id: python-docx's own lookup
        searches every style for the default one on each paragraph (a third of export)."""
        paragraph = self.document.add_paragraph(text)
        paragraph._p.style = self._style[style].style_id
        return paragraph

    def _item(self, item: ItemView) -> None:
        self._add(item_heading(item), styles.ITEM_HEADING)
        if item.notice:
            self._add(item.notice, styles.MINUTE_TEXT)
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
            paragraph = self._styled("", style)
            line = xml_safe(line)
            bold = bold_lead(line, prefix) if number == 0 else ""
            if bold:
                run = paragraph.add_run(bold)
                run._r.style = self._style[styles.RESOLVED_LABEL].style_id
            paragraph.add_run(line[len(bold):])


WORD_BULLET_STYLE = "List Bullet"  # Word's built-in bulleted list style
BULLET_HANG = 284  # twips (0.5 cm) between the bullet and its text



def build_document(minutes: MinutesView, options: ExportOptions) -> Document:
    """The finished document, in memory."""
    return MinutesWriter(minutes, options).write()


def save_document(document: Document, stream: BinaryIO) -> None:
    """Zip in memory, then write the bytes: a disk that fills up fails in one plain write,
    not inside python-docx's zip writer (whose half-closed zip printed a traceback later)."""
    buffer = io.BytesIO()
    document.save(buffer)
    stream.write(buffer.getbuffer())
