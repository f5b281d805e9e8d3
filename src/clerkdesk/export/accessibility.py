"""An accessibility check of a Word document, mirroring Word's and LibreOffice's checkers.

It reads the document ClerkDesk writes (not the minutes in the database), so what a house
template brings (a serif font, small text, a table, a logo without alt text) is found too.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lxml import etree

from clerkdesk.domain.review import Severity

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {
    "w": W,
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "dc": "http://purl.org/dc/elements/1.1/",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
}
MIN_HALF_POINTS = 22  # 11 pt: the smallest body text
WORD_DEFAULT_HALF_POINTS = 20  # what Word uses when nothing says a size
BODY_TEXT_LEVEL = 9  # w:outlineLvl 9 means "body text", not a heading
MAX_CAPITAL_WORDS = 3  # "NOT FOR PUBLICATION" is fine; a whole sentence in capitals is not
SERIF_FONTS = frozenset({
    "times new roman", "times", "georgia", "cambria", "garamond", "book antiqua", "palatino",
    "palatino linotype", "century", "century schoolbook", "bookman old style", "constantia",
    "liberation serif", "dejavu serif", "baskerville", "courier new",
})
_CAPITAL_RUN = re.compile(r"\b(?:[A-Z][A-Z'’-]+\b[\s,;:–-]*){" + str(MAX_CAPITAL_WORDS + 1)
                          + ",}")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
Element = Any  # lxml's element (lxml has no type hints)


@dataclass(frozen=True)
class AccessibilityFinding:
    """One problem an accessibility checker would report, and where it is."""

    check: str
    severity: Severity
    where: str
    message: str

    def line(self) -> str:
        """`Word  error  accessibility: no title: … (document)` — one line for `clerkdesk check`."""
        return (f"Word  {self.severity.value}  accessibility: {self.check}: {self.message} "
                f"({self.where})")


def _attr(element: Element | None, name: str) -> str | None:
    if element is None:
        return None
    value: str | None = element.get(f"{{{W}}}{name}")
    return value


@dataclass(frozen=True)
class _Style:
    based_on: str | None
    outline: int | None
    size: int | None
    font: str | None
    caps: bool | None


def _style_of(element: Element) -> _Style:
    outline = element.find("w:pPr/w:outlineLvl", NS)
    size = element.find("w:rPr/w:sz", NS)
    caps = element.find("w:rPr/w:caps", NS)
    return _Style(
        based_on=_attr(element.find("w:basedOn", NS), "val"),
        outline=int(_attr(outline, "val") or 0) if outline is not None else None,
        size=int(_attr(size, "val") or 0) if size is not None else None,
        font=_attr(element.find("w:rPr/w:rFonts", NS), "ascii"),
        caps=_attr(caps, "val") not in ("0", "false") if caps is not None else None,
    )


class _Styles:
    """The document's paragraph styles, each property looked up through `basedOn`."""

    def __init__(self, root: Element | None) -> None:
        self.styles: dict[str, _Style] = {}
        self.default_id = "Normal"
        self.default_size = WORD_DEFAULT_HALF_POINTS
        self.default_font: str | None = None
        self.languages: list[str] = []
        if root is None:
            return
        for element in root.findall("w:style", NS):
            style_id = _attr(element, "styleId") or ""
            self.styles[style_id] = _style_of(element)
            if _attr(element, "default") in ("1", "true") and _attr(element, "type") == "paragraph":
                self.default_id = style_id
        size = root.find("w:docDefaults/w:rPrDefault/w:rPr/w:sz", NS)
        self.default_size = int(_attr(size, "val") or WORD_DEFAULT_HALF_POINTS) if (
            size is not None) else WORD_DEFAULT_HALF_POINTS
        self.default_font = _attr(root.find("w:docDefaults/w:rPrDefault/w:rPr/w:rFonts", NS),
                                  "ascii")
        self.languages = [value for lang in root.iter(f"{{{W}}}lang")
                          if (value := _attr(lang, "val"))]

    def lookup(self, style_id: str | None, field: str) -> Any:
        seen: set[str] = set()
        current = style_id or self.default_id
        while current and current in self.styles and current not in seen:
            seen.add(current)
            value = getattr(self.styles[current], field)
            if value is not None:
                return value
            current = self.styles[current].based_on or ""
        return None

    def size(self, style_id: str | None) -> int:
        found: int | None = self.lookup(style_id, "size")
        return found if found is not None else self.default_size

    def font(self, style_id: str | None) -> str | None:
        found: str | None = self.lookup(style_id, "font")
        return found or self.default_font


@dataclass(frozen=True)
class _Parts:
    document: Element | None
    styles: Element | None
    core: Element | None
    headers: tuple[Element, ...]  # headers and footers: a council's logo is usually there


def _parts(docx: bytes) -> _Parts:
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        names = archive.namelist()

        def parse(name: str) -> Element | None:
            return etree.fromstring(archive.read(name), _PARSER) if name in names else None

        return _Parts(
            document=parse("word/document.xml"), styles=parse("word/styles.xml"),
            core=parse("docProps/core.xml"),
            headers=tuple(parse(name) for name in names
                          if re.fullmatch(r"word/(header|footer)\d*\.xml", name)))


def _text(paragraph: Element) -> str:
    return "".join(t.text or "" for t in paragraph.iter(f"{{{W}}}t"))


def _holds_more_than_text(paragraph: Element) -> bool:
    """A picture, a field, a page or section break: not an empty paragraph."""
    return bool(paragraph.xpath(
        ".//w:drawing|.//w:pict|.//w:object|.//w:fldSimple|.//w:instrText|"
        ".//w:br[@w:type='page']|./w:pPr/w:sectPr", namespaces=NS))


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _Checker:
    def __init__(self, parts: _Parts) -> None:
        self.document = parts.document
        self.core = parts.core
        self.headers = parts.headers
        self.styles = _Styles(parts.styles)
        self.findings: list[AccessibilityFinding] = []

    def add(self, check: str, severity: Severity, where: str, message: str) -> None:
        self.findings.append(AccessibilityFinding(check, severity, where, message))

    def run(self) -> list[AccessibilityFinding]:
        self._title()
        self._language()
        self._font()
        if self.document is not None:
            self._paragraphs(self.document)
            self._tables(self.document)
        self._images()
        return self.findings

    def _title(self) -> None:
        title = self.core.find("dc:title", NS) if self.core is not None else None
        if title is None or not (title.text or "").strip():
            self.add("no title", Severity.ERROR, "document",
                     "the document properties give no title, which screen readers announce")

    def _language(self) -> None:
        core_language = self.core.find("dc:language", NS) if self.core is not None else None
        has_core = core_language is not None and (core_language.text or "").strip()
        if not self.styles.languages and not has_core:
            self.add("no language", Severity.ERROR, "document",
                     "no language is set, so screen readers may read it with the wrong voice")

    def _font(self) -> None:
        font = self.styles.font(None)
        if font and font.casefold() in SERIF_FONTS:
            self.add("serif font", Severity.WARNING, "document",
                     f"the body text is in {font}; a sans-serif font such as Arial is easier "
                     "to read on screen")

    def _body_paragraphs(self, document: Element) -> Iterator[tuple[int, Element, str]]:
        body = document.find("w:body", NS)
        for number, paragraph in enumerate(body.iter(f"{{{W}}}p") if body is not None else (), 1):
            yield number, paragraph, _attr(paragraph.find("w:pPr/w:pStyle", NS), "val") or ""

    def _paragraphs(self, document: Element) -> None:
        last_level = -1
        heading = ""
        headings = 0
        for number, paragraph, style in self._body_paragraphs(document):
            text = _text(paragraph)
            where = f"Word paragraph {number}" + (f", after “{_short(heading)}”" if heading else "")
            level = self._outline(paragraph, style)
            if not text.strip():
                if not _holds_more_than_text(paragraph):
                    self.add("empty paragraph", Severity.WARNING, where,
                             "an empty paragraph (screen readers announce it as “blank”); "
                             "delete it or use spacing before and after")
                continue
            if level is not None:
                headings += 1
                self._heading_order(level, last_level, text)
                last_level, heading = level, text
            self._text_size(paragraph, style, where)
            self._capitals(paragraph, style, text, where)
        if headings == 0:
            self.add("no headings", Severity.ERROR, "document",
                     "no paragraph is a heading, so there is nothing to navigate by")

    def _outline(self, paragraph: Element, style: str) -> int | None:
        direct = paragraph.find("w:pPr/w:outlineLvl", NS)
        level: int | None = (int(_attr(direct, "val") or 0) if direct is not None
                             else self.styles.lookup(style, "outline"))
        return None if level is None or level >= BODY_TEXT_LEVEL else level

    def _heading_order(self, level: int, last: int, text: str) -> None:
        where = f"heading “{_short(text)}”"
        if last < 0 and level > 0:
            self.add("heading levels", Severity.ERROR, where,
                     f"the first heading is level {level + 1}; headings should start at level 1")
        elif last >= 0 and level > last + 1:
            self.add("heading levels", Severity.ERROR, where,
                     f"a level {level + 1} heading follows level {last + 1}: a level is skipped")

    def _text_size(self, paragraph: Element, style: str, where: str) -> None:
        sizes = [int(_attr(sz, "val") or 0) for sz in paragraph.findall("w:r/w:rPr/w:sz", NS)]
        smallest = min([*sizes, self.styles.size(style)])
        if smallest < MIN_HALF_POINTS:
            self.add("small text", Severity.WARNING, where,
                     f"text in {smallest / 2:g} pt; body text should be at least 11 pt")

    def _capitals(self, paragraph: Element, style: str, text: str, where: str) -> None:
        caps = (self.styles.lookup(style, "caps")
                or paragraph.find("w:r/w:rPr/w:caps", NS) is not None)
        shown = text.upper() if caps else text
        if _CAPITAL_RUN.search(shown):
            self.add("capitals", Severity.SUGGESTION, where,
                     "several words in capitals, which are hard to read and some screen "
                     "readers spell out; use bold for emphasis")

    def _tables(self, document: Element) -> None:
        for number, table in enumerate(document.iter(f"{{{W}}}tbl"), 1):
            first_row = table.find("w:tr", NS)
            header = first_row.find("w:trPr/w:tblHeader", NS) if first_row is not None else None
            if header is None or _attr(header, "val") in ("0", "false"):
                self.add("table header", Severity.ERROR, f"table {number}",
                         "the first row is not marked as a header row that repeats")

    def _images(self) -> None:
        parts = [part for part in (self.document, *self.headers) if part is not None]
        pictures = [p for part in parts for p in part.iter(f"{{{NS['wp']}}}docPr")]
        for number, picture in enumerate(pictures, 1):
            decorative = picture.xpath(".//*[local-name()='decorative' and @val='1']")
            if not (picture.get("descr") or "").strip() and not decorative:
                self.add("alt text", Severity.ERROR, f"picture {number}",
                         "a picture without alternative text")


def check_docx(docx: bytes) -> list[AccessibilityFinding]:
    """What an accessibility checker finds in a Word document, in document order."""
    return _Checker(_parts(docx)).run()
