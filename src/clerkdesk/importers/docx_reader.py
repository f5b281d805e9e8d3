"""Read a Word document (.docx) as the lines the minutes parser reads: one per paragraph, in
order, with Word's list numbers written out as labels ("1)", "a)", "13.1") and what the styles
say (a heading, an unnumbered paragraph's level, bold throughout).

Typed numbers stay as typed, so one parser serves text files and both kinds of Word numbering.
python-docx is imported only when a document is read.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from clerkdesk.importers.lines import Kind, Line, classify, clean_line
from clerkdesk.importers.word_numbering import Element, W, WordNumbering, w_val

MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
HEADING_NAMES = {"heading 1", "heading 2", "cd item heading"}
HEADING_OUTLINE_LEVELS = {"0", "1"}  # Heading 1 and Heading 2 open items
TEXT_LEVELS = {"cd minute text": 0, "cd sub-point text": 1, "cd sub-sub-point text": 2}
COMMITTEE_STYLE = "cd title"  # ClerkDesk's own export names the committee in this style
COUNCIL_STYLE = "cd council"
# Deleted (tracked) text, properties, text boxes and field codes are not part of the text.
_SKIPPED = {W + "del", W + "moveFrom", W + "pPr", W + "rPr", W + "txbxContent", W + "instrText",
            W + "delText", MC + "AlternateContent"}
_FALSE = {"0", "false", "off"}


@dataclass
class WordContent:
    """The document as lines, with the committee and council a ClerkDesk export names."""

    lines: list[Line] = field(default_factory=list)
    committee: str = ""
    council: str = ""
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Style:
    name: str = ""
    heading: bool = False
    bold: bool | None = None
    num_id: str | None = None
    ilvl: int | None = None


def read_docx(path: Path) -> WordContent:
    """The lines of the .docx at `path` (python-docx errors propagate to the caller)."""
    import docx

    return document_content(docx.Document(str(path)))


def document_content(document: Any) -> WordContent:  # a python-docx Document
    styles = _Styles(document.styles.element)
    numbering = WordNumbering(_numbering_element(document), styles.list_style_num_ids())
    content = WordContent()
    for paragraph in _paragraphs(document.element.body):
        line = _line(paragraph, styles, numbering)
        if line is None:
            continue
        style_name = styles.paragraph_style(paragraph).name
        if style_name == COMMITTEE_STYLE and not content.committee:
            content.committee = line.text
        elif style_name == COUNCIL_STYLE and not content.council:
            content.council = line.text
        content.lines.append(line)
    content.warnings += _entity_warnings(document.element.body)
    return content


def _entity_warnings(body: Element) -> list[str]:
    """An XML entity reference Word never writes (&name;) is left out, and said so."""
    from lxml import etree

    names = sorted({entity.text for entity in body.iter(etree.Entity)})
    if not names:
        return []
    return [f"The document refers to {', '.join(names)} (an XML entity Word does not write): "
            "left out, and the text around it kept."]


def _numbering_element(document: Any) -> Element | None:
    """numbering.xml's root, without creating one for a document that has none."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    for rel in document.part.rels.values():
        if rel.reltype == RT.NUMBERING and not rel.is_external:
            return rel.target_part.element
    return None


def _paragraphs(container: Element) -> Iterator[Element]:
    """Every w:p in reading order, including those in table cells and content controls."""
    for child in container:
        tag = child.tag
        if tag == W + "p":
            yield child
        elif tag in (W + "tbl", W + "tr", W + "tc", W + "sdt", W + "sdtContent",
                     W + "customXml"):
            yield from _paragraphs(child)


def paragraph_text(element: Element) -> str:
    """The paragraph's visible text: runs, tabs, breaks; not deleted text or field codes."""
    parts: list[str] = []
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIPPED:
            continue
        if tag == W + "t":  # text after an unresolved entity is the entity's tail
            parts.append(child.text or "")
            parts.extend(inner.tail or "" for inner in child)
        elif tag == W + "tab":
            parts.append("\t")
        elif tag in (W + "br", W + "cr"):
            parts.append(" ")
        elif tag == W + "noBreakHyphen":
            parts.append("-")
        else:
            parts.append(paragraph_text(child))
    return "".join(parts)


def _line(paragraph: Element, styles: _Styles, numbering: WordNumbering) -> Line | None:
    # A line end typed into a Word paragraph (CR, CRLF or LF) reads as a space.
    text = clean_line(" ".join(paragraph_text(paragraph).splitlines()))
    if not text:
        return None  # an empty numbered paragraph is not counted either
    style = styles.paragraph_style(paragraph)
    number_format = ""
    numbered = _list_position(paragraph, style, styles, numbering)
    labelled = numbering.next_label(*numbered) if numbered else None
    if labelled and labelled[0]:
        label, number_format = labelled
        text = f"{label} {text}"
    line = classify(text)
    line.number_format = number_format if number_format not in ("bullet", "decimal") else ""
    properties = paragraph.find(W + "pPr")
    outline = w_val(properties, "outlineLvl")
    line.heading = style.heading or outline in HEADING_OUTLINE_LEVELS
    line.bold = _all_bold(paragraph, style, styles)
    if line.kind is Kind.TEXT and style.name in TEXT_LEVELS:
        line.level = TEXT_LEVELS[style.name]
    return line


def _list_position(
    paragraph: Element, style: _Style, styles: _Styles, numbering: WordNumbering
) -> tuple[str, int] | None:
    """(numId, ilvl) from the paragraph's own numPr or, failing that, its style's."""
    num_pr = paragraph.find(f"{W}pPr/{W}numPr")
    num_id = w_val(num_pr, "numId") if num_pr is not None else None
    ilvl_text = w_val(num_pr, "ilvl") if num_pr is not None else None
    if num_id is None:
        num_id = style.num_id
    if not num_id or num_id == "0":
        return None
    if ilvl_text is not None and ilvl_text.isdigit():
        return num_id, int(ilvl_text)
    if style.ilvl is not None:
        return num_id, style.ilvl
    linked = numbering.level_for_style(num_id, styles.paragraph_style_id(paragraph))
    return num_id, linked or 0


def _all_bold(paragraph: Element, style: _Style, styles: _Styles) -> bool:
    """Every run with visible text is bold (directly, by character style or by the paragraph
    style): the way many clerks mark an item heading without a heading style."""
    found = False
    for run in paragraph.iter(W + "r"):
        visible = any((t.text or "").strip() for t in run.iter(W + "t"))
        if not visible or _in_skipped(run, paragraph):
            continue
        found = True
        properties = run.find(W + "rPr")
        bold = _bold_value(properties)
        if bold is None:
            bold = styles.character_bold(w_val(properties, "rStyle"))
        if bold is None:
            bold = style.bold
        if not bold:
            return False
    return found


def _in_skipped(element: Element, stop: Element) -> bool:
    parent = element.getparent()
    while parent is not None and parent is not stop:
        if parent.tag in _SKIPPED:
            return True
        parent = parent.getparent()
    return False


def _bold_value(properties: Element | None) -> bool | None:
    if properties is None:
        return None
    bold = properties.find(W + "b")
    if bold is None:
        return None
    return (bold.get(W + "val") or "true").lower() not in _FALSE


class _Styles:
    """Paragraph and character styles from styles.xml, with basedOn inheritance resolved."""

    def __init__(self, root: Element) -> None:
        self._raw: dict[str, Element] = {}
        self._default_paragraph = ""
        for style in root.iter(W + "style"):
            style_id = style.get(W + "styleId", "")
            self._raw[style_id] = style
            if style.get(W + "type") == "paragraph" and (
                    style.get(W + "default") or "").lower() in ("1", "true", "on"):
                self._default_paragraph = style_id
        self._resolved: dict[str, _Style] = {}

    def paragraph_style_id(self, paragraph: Element) -> str:
        return w_val(paragraph.find(W + "pPr"), "pStyle") or self._default_paragraph

    def paragraph_style(self, paragraph: Element) -> _Style:
        return self.style(self.paragraph_style_id(paragraph))

    def character_bold(self, style_id: str | None) -> bool | None:
        return self.style(style_id).bold if style_id else None

    def list_style_num_ids(self) -> dict[str, str]:
        """Numbering (list) styles' numIds, for abstract definitions linked to a list style."""
        return {style_id: num_id for style_id, element in self._raw.items()
                if element.get(W + "type") == "numbering"
                and (num_id := w_val(element.find(f"{W}pPr/{W}numPr"), "numId"))}

    def style(self, style_id: str, seen: frozenset[str] = frozenset()) -> _Style:
        if style_id in self._resolved:
            return self._resolved[style_id]
        element = self._raw.get(style_id)
        if element is None or style_id in seen:
            return _Style()
        based = self.style(w_val(element, "basedOn") or "", seen | {style_id})
        name = (w_val(element, "name") or style_id).lower()
        num_pr = element.find(f"{W}pPr/{W}numPr")
        ilvl = w_val(num_pr, "ilvl")
        outline = w_val(element.find(W + "pPr"), "outlineLvl")
        resolved = _Style(
            name=name,
            heading=name in HEADING_NAMES or outline in HEADING_OUTLINE_LEVELS or (
                based.heading and outline is None),
            bold=_coalesce(_bold_value(element.find(W + "rPr")), based.bold),
            num_id=_coalesce(w_val(num_pr, "numId"), based.num_id),
            ilvl=int(ilvl) if ilvl is not None and ilvl.isdigit() else based.ilvl,
        )
        self._resolved[style_id] = resolved
        return resolved


def _coalesce(value: Any, fallback: Any) -> Any:
    return fallback if value is None else value
