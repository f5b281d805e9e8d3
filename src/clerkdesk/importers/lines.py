"""Classify the lines of plain-text minutes: labels, markers, RESOLVED lines and running text."""

import re
from dataclasses import dataclass
from enum import Enum, auto

from clerkdesk.domain.text import normalise_space, xml_safe

_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_MAIN = re.compile(r"^(\d{1,3})(\)|\.(?!\d))\s*(.*)$")
_DECIMAL = re.compile(r"^(\d{1,4})\.(\d{1,3})(?:\.(\d{1,3}))?\.?(?:\s+(.*))?$")
_SUB_PAREN = re.compile(r"^\(([a-z]{1,4})\)\s*(.*)$")
_SUB_CLOSE = re.compile(r"^([a-z]{1,4})\)\s*(.*)$")
_SUB_DOT = re.compile(r"^([a-z])\.\s+(.*)$")
_BULLET = re.compile(r"^[•·▪◦●‣]\s*(.*)$")
_ROMAN = re.compile(r"^(?:i{1,3}|iv|vi{0,3}|ix|xi{0,3})$")
_RESOLVED = re.compile(
    r"^((?:It was )?(?:RESOLVED|Resolved)(?: unanimously)?"
    r"(?:\s*[–—:,-](?:\s*that\b)?|\s+that\b|(?=\s+to\b)|$))\s*(.*)$"
)
_MINUTES = re.compile(r"^minutes\s*:?$", re.IGNORECASE)
_DOCS = re.compile(r"^supporting documents?\s*:?\s*(.*)$", re.IGNORECASE)
_CLUTTER = re.compile(
    r"^(?:agenda item(?:\s+(?:no\.?\s*)?(\d{1,3}[a-z]?))?|page \d+(?: of \d+)?)\s*:?$",
    re.IGNORECASE,
)
_ITEM = re.compile(
    r"^(?:(?:[Ii]tem|ITEM)\s+(\d{1,3}[a-z]?)\s*[:.–—-]\s*|((?:[A-Z]{1,5}\d{1,4}|\d{1,3})/\d{2})\.?\s+)"
    r"(\S.*)$"
)
_FILE_SIZE = re.compile(r"\s*\b(?:PDF|DOCX?|XLSX?|PPTX?|HTML?)\s+\d+(?:\.\d+)?\s*[KMG]B\s*$", re.I)
_FIELD_LABEL = re.compile(r"^[\w ’'/&-]{1,30}:")


class Kind(Enum):
    TEXT = auto()
    MAIN = auto()  # 1)  1.  13.1
    SUB = auto()  # a)  (a)  a.  (ii)  •
    RESOLVED = auto()
    MINUTES = auto()  # the "Minutes:" marker
    DOCS = auto()  # "Supporting documents:"
    CLUTTER = auto()  # "Agenda item", "Page 3"
    ITEM = auto()  # "Item 5: Title", "35/20 Title"


PARAGRAPH_KINDS = (Kind.TEXT, Kind.MAIN, Kind.SUB, Kind.RESOLVED, Kind.ITEM)


@dataclass
class Line:
    kind: Kind
    text: str
    label: str = ""  # "9", "b", "ii", "13.1", "35/20"
    delimiter: str = ""  # ")" or "." for a paragraph number, "(" for "(a)", "decimal"
    depth: int = 0  # 1 for "13.1.1"
    prefix: str = ""  # a RESOLVED line's prefix as written
    blank_before: bool = True


def clean_line(raw: str) -> str:
    """A line with invisible characters removed and white space normalised."""
    return normalise_space(_INVISIBLE.sub("", xml_safe(raw))).strip()


def classify(text: str) -> Line:
    """What a non-blank, cleaned line is."""
    for parse in (_numbered, _sub_point, _marker, _resolution, _item_heading):
        line = parse(text)
        if line is not None:
            return line
    return Line(Kind.TEXT, text)


def _numbered(text: str) -> Line | None:
    if match := _MAIN.match(text):
        return Line(Kind.MAIN, match.group(3), match.group(1), delimiter=match.group(2)[0])
    if match := _DECIMAL.match(text):
        depth = 1 if match.group(3) else 0
        label = ".".join(g for g in match.groups()[:3] if g)
        return Line(Kind.MAIN, match.group(4) or "", label, delimiter="decimal", depth=depth)
    return None


def _sub_point(text: str) -> Line | None:
    for pattern, delimiter in ((_SUB_PAREN, "("), (_SUB_CLOSE, ")"), (_SUB_DOT, ".")):
        match = pattern.match(text)
        if match and _is_sub_token(match.group(1)):
            return Line(Kind.SUB, match.group(2), match.group(1), delimiter=delimiter)
    if match := _BULLET.match(text):
        return Line(Kind.SUB, match.group(1), "", delimiter="•")
    return None


def _is_sub_token(token: str) -> bool:
    return len(token) == 1 or len(set(token)) == 1 or bool(_ROMAN.match(token))


def is_roman(token: str) -> bool:
    return bool(_ROMAN.match(token))


def _marker(text: str) -> Line | None:
    if _MINUTES.match(text):
        return Line(Kind.MINUTES, "")
    if match := _DOCS.match(text):
        return Line(Kind.DOCS, match.group(1))
    if match := _CLUTTER.match(text):
        return Line(Kind.CLUTTER, "", match.group(1) or "")
    return None


def _resolution(text: str) -> Line | None:
    match = _RESOLVED.match(text)
    if match is None:
        return None
    return Line(Kind.RESOLVED, match.group(2), prefix=match.group(1).strip())


def _item_heading(text: str) -> Line | None:
    match = _ITEM.match(text)
    if match is None:
        return None
    return Line(Kind.ITEM, match.group(3), match.group(1) or match.group(2))


def split_resolution(text: str) -> tuple[str, str] | None:
    """(prefix, rest) when `text` opens with a RESOLVED form, else None."""
    match = _RESOLVED.match(text)
    return (match.group(1).strip(), match.group(2)) if match else None


def document_title(text: str) -> str:
    """A supporting document's name without the "PDF 345 KB" a web page adds."""
    return _FILE_SIZE.sub("", text).strip()


def looks_like_title(text: str, strict: bool = False) -> bool:
    """Short, unpunctuated at the end and starting with a capital; `strict` also refuses
    a field such as "Present: ..." (for lines without a "Minutes:" marker after them)."""
    if not text or len(text) > 200 or len(text.split()) > 25:
        return False
    if text[-1] in ".,;:!" or (strict and _FIELD_LABEL.match(text)):
        return False
    return text[0].isupper() or text[0].isdigit() or text[0] in "'\"‘“("
