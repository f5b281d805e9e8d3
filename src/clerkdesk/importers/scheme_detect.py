"""Detect a committee's numbering from imported labels: paragraph scheme and item number format.

Paragraph schemes are the app's three (`1)`/`a)`, `1.`/`(a)`, `13.1`); item numbers are read as
a template around a running number - `12`, `35/20`, `PLA146/14`, parish `334` - with the number
the first item takes, so that the meeting shows the same numbers and the next one can go on.
"""

import re
from collections import Counter
from collections.abc import Sequence

from clerkdesk.domain.numbering import ItemNumbering, ParagraphScheme

# Delimiters as lines.py records them: ")" for 1) and a), "." for 1. and a., "(" for (a).
_MAIN_SCHEMES = {")": ParagraphScheme.PAREN, ".": ParagraphScheme.DOT,
                 "decimal": ParagraphScheme.DECIMAL}
_SUB_SCHEMES = {")": ParagraphScheme.PAREN, "(": ParagraphScheme.DOT, ".": ParagraphScheme.DOT}
_ITEM_LABEL = re.compile(r"^(?P<prefix>[A-Za-z]{0,5})(?P<number>\d{1,5})(?P<suffix>(?:/\d{2,4})?)$")


def paragraph_scheme(main: Counter[str], sub: Counter[str]) -> ParagraphScheme | None:
    """The scheme most paragraph labels follow (sub-points decide when no paragraph is
    numbered); None when nothing was numbered."""
    for counts, schemes in ((main, _MAIN_SCHEMES), (sub, _SUB_SCHEMES)):
        known = Counter({d: n for d, n in counts.items() if d in schemes})
        if known:
            return schemes[known.most_common(1)[0][0]]
    return None


def item_numbering(labels: Sequence[str | None]) -> ItemNumbering | None:
    """The template and start that give most of the items their label as read (None for an
    item without a number); None when no label fits a running number."""
    votes: Counter[tuple[str, int]] = Counter()
    first_seen: dict[tuple[str, int], int] = {}
    for index, label in enumerate(labels):
        match = _ITEM_LABEL.match(label or "")
        if match is None:
            continue
        start = int(match.group("number")) - index
        if start < 1:
            continue
        key = (f"{match.group('prefix')}{{n}}{match.group('suffix')}", start)
        votes[key] += 1
        first_seen.setdefault(key, index)
    if not votes:
        return None
    template, start = max(votes, key=lambda key: (votes[key], -first_seen[key]))
    return ItemNumbering(template, start)


def label_override(numbering: ItemNumbering, index: int, label: str | None) -> str | None:
    """The label to store for the item at `index`: None where the committee's numbering gives
    the same label (so later items keep counting), else the label as read."""
    if not label or numbering.label(index) == label:
        return None
    return label
