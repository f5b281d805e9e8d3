"""Numbering schemes for agenda items and minute paragraphs, shared by editor, CLI and export."""

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

MAX_LEVEL = 2


class ParagraphScheme(StrEnum):
    """How paragraphs and sub-points are numbered within an item."""

    PAREN = "paren"  # 1)  a)  i)
    DOT = "dot"  # 1.  (a)  (i)
    DECIMAL = "decimal"  # 13.1  13.1.1 (prefixed by the item number)

    @property
    def description(self) -> str:
        return {
            ParagraphScheme.PAREN: "1)  a)  i)",
            ParagraphScheme.DOT: "1.  (a)  (i)",
            ParagraphScheme.DECIMAL: "13.1  13.1.1",
        }[self]


def alpha(n: int) -> str:
    """Word's lowerLetter numbering: 1 -> a, 26 -> z, 27 -> aa, 28 -> bb, 53 -> aaa."""
    if n < 1:
        return ""
    repeats, index = divmod(n - 1, 26)
    return chr(ord("a") + index) * (repeats + 1)


def roman(n: int) -> str:
    """Lower-case roman numeral for n >= 1."""
    table = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
             (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
    out = []
    for value, numeral in table:
        count, n = divmod(n, value)
        out.append(numeral * count)
    return "".join(out)


def _format_level(scheme: ParagraphScheme, level: int, counters: list[int], item_label: str) -> str:
    n = counters[level]
    if scheme is ParagraphScheme.DECIMAL:
        parts = [str(c) for c in counters[: level + 1]]
        return ".".join([item_label, *parts]) if item_label else ".".join(parts)
    if level == 0:
        return f"{n})" if scheme is ParagraphScheme.PAREN else f"{n}."
    token = alpha(n) if level == 1 else roman(n)
    return f"{token})" if scheme is ParagraphScheme.PAREN else f"({token})"


def paragraph_labels(
    scheme: ParagraphScheme, levels: Sequence[int | None], item_label: str = ""
) -> list[str]:
    """Labels for an item's paragraphs in order; `None` marks an unnumbered paragraph ('')."""
    counters = [0] * (MAX_LEVEL + 1)
    labels = []
    depth = -1
    for level in levels:
        if level is None:
            labels.append("")
            continue
        level = max(0, min(level, MAX_LEVEL, depth + 1))
        counters[level] += 1
        for deeper in range(level + 1, MAX_LEVEL + 1):
            counters[deeper] = 0
        depth = level
        labels.append(_format_level(scheme, level, counters, item_label))
    return labels


@dataclass(frozen=True)
class ItemNumbering:
    """Agenda item numbers: a format holding `{n}` and the number the first item takes.

    `"{n}"` with start 1 gives 1, 2, 3; `"{n}/20"` with start 35 gives 35/20, 36/20;
    `"PLA{n}/14"` with start 146 gives PLA146/14 - the running minute numbers many councils use.
    """

    template: str = "{n}"
    start: int = 1

    def label(self, index: int) -> str:
        """Label of the item at zero-based `index` among the numbered items."""
        return self.template.replace("{n}", str(self.start + index))


def item_labels(numbering: ItemNumbering, overrides: Sequence[str | None]) -> list[str]:
    """Labels for a meeting's items; a non-empty override replaces the generated label."""
    return [override or numbering.label(i) for i, override in enumerate(overrides)]
