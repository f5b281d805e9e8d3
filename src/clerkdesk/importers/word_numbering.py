"""Word list numbering as the reader sees it: the label ("1)", "a)", "13.1") each numbered
paragraph shows, worked out from numbering.xml the way Word counts.

A paragraph points at a list (`numId`) and a level (`ilvl`), directly or through its style; the
list points at an abstract definition whose level gives the format (decimal, lowerLetter ...),
the text around the number ("%1)", "(%2)", "13.%1") and the start value.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from clerkdesk.domain.numbering import alpha, roman

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LEVELS = 9
_TRUE = {"1", "true", "on"}

Element = Any  # an lxml element of the document's XML


def w_val(element: Element | None, tag: str, default: str | None = None) -> str | None:
    """The w:val of `element`'s child `tag`, or `default`."""
    if element is None:
        return default
    child = element.find(W + tag)
    if child is None:
        return default
    value: str | None = child.get(W + "val", default)
    return value


@dataclass(frozen=True)
class LevelDefinition:
    num_fmt: str = "decimal"
    text: str = ""
    start: int = 1
    legal: bool = False  # isLgl: every %n shows as a decimal number
    style_id: str = ""  # a paragraph style this level is linked to (w:pStyle)


@dataclass
class _Abstract:
    levels: dict[int, LevelDefinition] = field(default_factory=dict)
    style_link: str = ""  # numStyleLink: the definition lives with a list style


@dataclass
class _List:
    abstract_id: str
    start_overrides: dict[int, int]


def format_number(value: int, num_fmt: str) -> str:
    """`value` as Word writes it in `num_fmt` (lower case for letters and numerals)."""
    if num_fmt in ("lowerLetter", "upperLetter"):
        return alpha(max(value, 1))
    if num_fmt in ("lowerRoman", "upperRoman"):
        return roman(max(value, 1))
    if num_fmt == "decimalZero":
        return f"{value:02d}"
    if num_fmt == "none":
        return ""
    return str(value)


class WordNumbering:
    """The document's list definitions, and counters that advance paragraph by paragraph."""

    def __init__(self, numbering: Element | None, style_num_ids: dict[str, str]) -> None:
        self._abstracts: dict[str, _Abstract] = {}
        self._lists: dict[str, _List] = {}
        self._style_num_ids = style_num_ids  # list style id -> numId, for numStyleLink
        self._counters: dict[str, list[int | None]] = {}
        self._started: set[str] = set()
        if numbering is not None:
            self._read(numbering)

    def _read(self, numbering: Element) -> None:
        for abstract in numbering.iter(W + "abstractNum"):
            definition = _Abstract(style_link=w_val(abstract, "numStyleLink", "") or "")
            for lvl in abstract.iter(W + "lvl"):
                definition.levels[int(lvl.get(W + "ilvl", "0"))] = _level(lvl)
            self._abstracts[abstract.get(W + "abstractNumId", "")] = definition
        for num in numbering.iter(W + "num"):
            overrides = {}
            for override in num.iter(W + "lvlOverride"):
                start = w_val(override, "startOverride")
                if start is not None and start.lstrip("-").isdigit():
                    overrides[int(override.get(W + "ilvl", "0"))] = int(start)
            abstract_id = w_val(num, "abstractNumId", "") or ""
            self._lists[num.get(W + "numId", "")] = _List(abstract_id, overrides)

    def level_for_style(self, num_id: str, style_id: str) -> int | None:
        """The level linked to paragraph style `style_id` in list `num_id` (w:pStyle)."""
        abstract = self._abstract(num_id)
        for ilvl, level in (abstract.levels.items() if abstract else ()):
            if level.style_id == style_id:
                return ilvl
        return None

    def _abstract(self, num_id: str) -> _Abstract | None:
        listed = self._lists.get(num_id)
        abstract = self._abstracts.get(listed.abstract_id) if listed else None
        if abstract is not None and abstract.style_link and not abstract.levels:
            linked = self._lists.get(self._style_num_ids.get(abstract.style_link, ""))
            abstract = self._abstracts.get(linked.abstract_id) if linked else None
        return abstract

    def next_label(self, num_id: str, ilvl: int) -> tuple[str, str] | None:
        """(label, numFmt) of the next paragraph numbered in list `num_id` at level `ilvl`;
        None when the list or level is undefined or shows no number."""
        listed = self._lists.get(num_id)
        abstract = self._abstract(num_id)
        if listed is None or abstract is None or ilvl not in abstract.levels or not (
                0 <= ilvl < LEVELS):
            return None
        # Lists sharing an abstract definition count together unless one restarts it.
        key = num_id if listed.start_overrides else listed.abstract_id
        counters = self._counters.setdefault(key, [None] * LEVELS)
        if num_id not in self._started:
            self._started.add(num_id)
            for level, start in listed.start_overrides.items():
                if 0 <= level < LEVELS:
                    counters[level] = start - 1
        definition = abstract.levels[ilvl]
        previous = counters[ilvl]
        counters[ilvl] = (previous if previous is not None else definition.start - 1) + 1
        for deeper in range(ilvl + 1, LEVELS):
            counters[deeper] = None
        if definition.num_fmt == "bullet":
            return "•", "bullet"
        return _render(definition, abstract, counters), definition.num_fmt


def _level(lvl: Element) -> LevelDefinition:
    start = w_val(lvl, "start", "0") or "0"
    return LevelDefinition(
        num_fmt=w_val(lvl, "numFmt", "decimal") or "decimal",
        text=w_val(lvl, "lvlText", "") or "",
        start=int(start) if start.lstrip("-").isdigit() else 0,
        legal=lvl.find(W + "isLgl") is not None and (
            w_val(lvl, "isLgl", "1") or "1").lower() in _TRUE,
        style_id=w_val(lvl, "pStyle", "") or "",
    )


def _render(level: LevelDefinition, abstract: _Abstract, counters: list[int | None]) -> str:
    """lvlText with each %n replaced by level n's counter in that level's format."""
    out = []
    text = level.text
    index = 0
    while index < len(text):
        ch = text[index]
        if ch == "%" and index + 1 < len(text) and text[index + 1].isdigit():
            shown = int(text[index + 1]) - 1
            definition = abstract.levels.get(shown, LevelDefinition())
            value = counters[shown] if 0 <= shown < LEVELS else None
            value = definition.start if value is None else value
            out.append(format_number(value, "decimal" if level.legal else definition.num_fmt))
            index += 2
            continue
        out.append(ch)
        index += 1
    return "".join(out).strip()
