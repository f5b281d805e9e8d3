"""Find and replace in stored paragraph text without ever touching person references."""

import re
from collections.abc import Iterator
from dataclasses import dataclass

from clerkdesk.domain.mentions import TOKEN


@dataclass(frozen=True)
class Pattern:
    needle: str
    case_sensitive: bool = False
    whole_word: bool = False

    def compiled(self) -> re.Pattern[str]:
        body = re.escape(self.needle)
        if self.whole_word:
            body = rf"(?<!\w){body}(?!\w)"
        return re.compile(body, 0 if self.case_sensitive else re.IGNORECASE)


def _plain_runs(stored: str) -> Iterator[tuple[int, str]]:
    """(offset, text) of the parts of stored text that are not person tokens."""
    last = 0
    for token in TOKEN.finditer(stored):
        yield last, stored[last:token.start()]
        last = token.end()
    yield last, stored[last:]


def find_spans(stored: str, pattern: Pattern) -> list[tuple[int, int]]:
    """(start, end) of each match in the stored text, outside person references."""
    if not pattern.needle:
        return []
    regex = pattern.compiled()
    return [(offset + m.start(), offset + m.end())
            for offset, run in _plain_runs(stored) for m in regex.finditer(run)]


def replace_spans(stored: str, spans: list[tuple[int, int]], replacement: str) -> str:
    """`stored` with each span replaced (spans as returned by find_spans)."""
    out, last = [], 0
    for start, end in sorted(spans):
        out.append(stored[last:start])
        out.append(replacement)
        last = end
    out.append(stored[last:])
    return "".join(out)
