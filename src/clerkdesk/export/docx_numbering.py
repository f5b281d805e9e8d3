"""Word multi-level numbering for minute paragraphs: a definition per scheme, a list per item."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape

from docx.document import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.text.paragraph import Paragraph

from clerkdesk.domain.numbering import MAX_LEVEL, ParagraphScheme
from clerkdesk.export.docx_styles import CM, NUMBERED_STYLES

WORD_LEVELS = 9  # Word lists have nine levels; ClerkDesk uses the first three
FORMATS = ("decimal", "lowerLetter", "lowerRoman")
EM_TWIPS = 220  # one em at 11 pt
LABEL_GAP = 150  # the least room between a label and its text
NARROW = {".": 0.278, "/": 0.278, ",": 0.278, ")": 0.333, "(": 0.333, "i": 0.222, "l": 0.222,
          "j": 0.222, "f": 0.278, "t": 0.278, "r": 0.333, "m": 0.833, "w": 0.722}


@dataclass(frozen=True)
class Indent:
    """Where a level's text starts (`left`) and how far its label hangs out to the left."""

    left: int
    hanging: int


@dataclass(frozen=True)
class LevelFormat:
    num_fmt: str  # decimal, lowerLetter, lowerRoman
    text: str  # Word's lvlText, e.g. "%1)" or "13.%1.%2"


def level_formats(scheme: ParagraphScheme, item_label: str) -> tuple[LevelFormat, ...]:
    """The nine levels of `scheme`; the decimal scheme carries the item number as a prefix."""
    formats = []
    for level in range(WORD_LEVELS):
        num_fmt = FORMATS[level % len(FORMATS)]
        if scheme is ParagraphScheme.DECIMAL:
            prefix = f"{item_label.replace('%', '')}." if item_label else ""
            text = prefix + ".".join(f"%{n}" for n in range(1, level + 2))
            num_fmt = "decimal"
        elif scheme is ParagraphScheme.PAREN:
            text = f"%{level + 1})"
        else:
            text = f"%{level + 1}." if level == 0 else f"(%{level + 1})"
        formats.append(LevelFormat(num_fmt, text))
    return tuple(formats)


def style_indents(document: Document) -> tuple[Indent, ...]:
    """The indents of the numbered paragraph styles (a house template's own), for nine levels."""
    indents = []
    for level, name in enumerate(NUMBERED_STYLES):
        fmt = document.styles[name].paragraph_format
        left = fmt.left_indent.twips if fmt.left_indent is not None else (level + 1) * CM
        first = fmt.first_line_indent.twips if fmt.first_line_indent is not None else -CM
        indents.append(Indent(left, max(-first, 0) or CM))
    while len(indents) < WORD_LEVELS:
        indents.append(Indent(indents[-1].left + CM, CM))
    return tuple(indents)


def label_width(label: str) -> int:
    """Twips a label needs at 11 pt in Arial, with a little room before the text."""
    ems = sum(NARROW.get(ch, 0.667 if ch.isupper() else 0.556) for ch in label)
    return round(ems * EM_TWIPS) + LABEL_GAP


def fitted_indents(base: Sequence[Indent], labels: Iterable[tuple[int, str]]) -> tuple[Indent, ...]:
    """`base`, with a level's hanging indent widened where one of its labels would not fit."""
    needed = [0] * len(base)
    for level, label in labels:
        needed[level] = max(needed[level], label_width(label))
    fitted: list[Indent] = []
    text_start = 0
    for level, indent in enumerate(base):
        label_start = max(indent.left - indent.hanging, text_start if level else 0)
        hanging = max(indent.hanging, needed[level])
        fitted.append(Indent(label_start + hanging, hanging))
        text_start = label_start + hanging
    return tuple(fitted)


def effective_levels(levels: Sequence[int | None]) -> list[int | None]:
    """Levels as the numbering counts them: never deeper than one below the previous number.

    Mirrors `clerkdesk.domain.numbering.paragraph_labels`, so Word's counters match `show`.
    """
    result: list[int | None] = []
    depth = -1
    for level in levels:
        if level is None:
            result.append(None)
            continue
        depth = max(0, min(level, MAX_LEVEL, depth + 1))
        result.append(depth)
    return result


class NumberingDefinitions:
    """Adds ClerkDesk's abstract numbering definitions and per-item lists to numbering.xml."""

    def __init__(self, document: Document) -> None:
        self._numbering = document.part.numbering_part.element
        self._abstract_ids: dict[tuple[tuple[LevelFormat, ...], tuple[Indent, ...]], int] = {}
        self._next_abstract = 1 + max(self._ids("w:abstractNum", "w:abstractNumId"), default=-1)
        self._next_num = 1 + max(self._ids("w:num", "w:numId"), default=0)

    def _ids(self, tag: str, attribute: str) -> list[int]:
        return [int(el.get(qn(attribute))) for el in self._numbering.findall(qn(tag))]

    def new_list(
        self, scheme: ParagraphScheme, item_label: str, indents: Sequence[Indent]
    ) -> int:
        """A numId whose numbering starts again at 1 (one per agenda item).

        Items alike in scheme and indents share one abstract definition; the decimal scheme's
        item prefix, or labels too wide for the style's indent, make a definition of their own.
        """
        key = (level_formats(scheme, item_label), tuple(indents))
        abstract_id = self._abstract_ids.get(key)
        if abstract_id is None:
            abstract_id = self._add_abstract(*key, scheme)
            self._abstract_ids[key] = abstract_id
        return self._add_num(abstract_id)

    def _add_abstract(
        self, formats: tuple[LevelFormat, ...], indents: tuple[Indent, ...],
        scheme: ParagraphScheme,
    ) -> int:
        abstract_id = self._next_abstract
        self._next_abstract += 1
        levels = "".join(
            _level_xml(level, fmt, indent)
            for level, (fmt, indent) in enumerate(zip(formats, indents, strict=True))
        )
        element = parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
            f'<w:nsid w:val="{0xC1E00000 + abstract_id:08X}"/>'
            '<w:multiLevelType w:val="multilevel"/>'
            f'<w:name w:val="ClerkDesk {scheme.value} {abstract_id}"/>{levels}</w:abstractNum>'
        )
        # Schema order: every abstractNum comes before the first num.
        first_num = self._numbering.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(element)
        else:
            self._append(element)
        return abstract_id

    def _add_num(self, abstract_id: int) -> int:
        num_id = self._next_num
        self._next_num += 1
        self._append(parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
            '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
        ))
        return num_id

    def _append(self, element: BaseOxmlElement) -> None:
        cleanup = self._numbering.find(qn("w:numIdMacAtCleanup"))
        if cleanup is not None:
            cleanup.addprevious(element)
        else:
            self._numbering.append(element)


def _level_xml(level: int, fmt: LevelFormat, indent: Indent) -> str:
    return (
        f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{fmt.num_fmt}"/>'
        f'<w:lvlText w:val="{escape(fmt.text)}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:tabs><w:tab w:val="num" w:pos="{indent.left}"/></w:tabs>'
        f'<w:ind w:left="{indent.left}" w:hanging="{indent.hanging}"/></w:pPr></w:lvl>'
    )


def number_paragraph(paragraph: Paragraph, num_id: int, level: int) -> None:
    """Attach `paragraph` to list `num_id` at `level` (0 = paragraph, 1 = sub-point)."""
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = level
    num_pr.get_or_add_numId().val = num_id
