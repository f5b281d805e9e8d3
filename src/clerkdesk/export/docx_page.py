"""Running header (NOT FOR PUBLICATION, DRAFT) and the page-numbered footer."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from docx.document import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.section import _Footer, _Header
from docx.text.paragraph import Paragraph

from clerkdesk.export import docx_styles as styles

FIELD_TAGS = (qn("w:fldSimple"), qn("w:instrText"))


def _headers(document: Document) -> Iterator[_Header]:
    """Every header a page can show: default, and first/even pages where the template uses them."""
    even_pages = document.settings.odd_and_even_pages_header_footer
    for section in document.sections:
        yield section.header
        if section.different_first_page_header_footer:
            yield section.first_page_header
        if even_pages:
            yield section.even_page_header


def _footers(document: Document) -> Iterator[_Footer]:
    even_pages = document.settings.odd_and_even_pages_header_footer
    for section in document.sections:
        yield section.footer
        if section.different_first_page_header_footer:
            yield section.first_page_footer
        if even_pages:
            yield section.even_page_footer


def mark_every_page(document: Document, lines: Sequence[tuple[str, str]]) -> None:
    """Put (text, style) lines at the top of every page's header, above the template's own."""
    if not lines:
        return
    for header in _headers(document):
        header.is_linked_to_previous = False
        existing = header.paragraphs
        if len(existing) == 1 and not existing[0].text.strip() and not _has_drawing(existing[0]):
            existing[0].text, existing[0].style = lines[0]
            rest, anchor = lines[1:], None
        else:
            rest, anchor = lines, existing[0] if existing else None
        for text, style in rest:
            if anchor is None:
                header.add_paragraph(text, style)
            else:
                anchor.insert_paragraph_before(text, style)


def number_pages(document: Document) -> None:
    """'Page N of M' in footers that hold nothing yet (a house footer is left as designed)."""
    for footer in _footers(document):
        footer.is_linked_to_previous = False
        if any(p.text.strip() for p in footer.paragraphs) or _has_fields(footer):
            continue
        paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
        paragraph.style = styles.FOOTER
        paragraph.add_run("Page ")
        paragraph._p.append(_field("PAGE"))
        paragraph.add_run(" of ")
        paragraph._p.append(_field("NUMPAGES"))


def _field(instruction: str) -> BaseOxmlElement:
    return parse_xml(
        f'<w:fldSimple {nsdecls("w")} w:instr=" {instruction} "><w:r><w:t>1</w:t></w:r>'
        "</w:fldSimple>"
    )


def _has_fields(footer: _Footer) -> bool:
    return any(el.tag in FIELD_TAGS for el in footer._element.iter())


def _has_drawing(paragraph: Paragraph) -> bool:
    return any(el.tag in (qn("w:drawing"), qn("w:pict")) for el in paragraph._p.iter())
