"""Where a search matched in a rendered text, for highlighting (close to the index's stemming)."""

import re
from collections.abc import Sequence

from clerkdesk.domain.search_query import Term

# Endings the porter stemmer removes most often; a word is highlighted from its stem on.
_ENDINGS = re.compile(r"(ations?|ings?|ed|es|s|e|y|ies)$")


def _stem(word: str) -> str:
    stem = _ENDINGS.sub("", word)
    return stem if len(stem) >= 3 else word


def _pattern(term: Term) -> str:
    if term.exact:
        words = [re.escape(w) for w in re.findall(r"\w+", term.text)]
        return r"(?<!\w)" + r"\W+".join(words) + r"(?!\w)"
    base = term.text if term.prefix else _stem(term.text)
    return r"(?<!\w)" + re.escape(base) + r"\w*"


def highlight_spans(body: str, terms: Sequence[Term],
                    names: Sequence[str] = ()) -> tuple[tuple[int, int], ...]:
    """Sorted, non-overlapping (start, end) spans of the terms and names found in `body`."""
    patterns = [_pattern(t) for t in terms] + [re.escape(n) for n in names if n]
    if not patterns:
        return ()
    spans = sorted((m.start(), m.end()) for p in patterns
                   for m in re.finditer(p, body, re.IGNORECASE) if m.end() > m.start())
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)
