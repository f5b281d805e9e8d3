"""Two clerks' versions of one paragraph merged word by word against the text both started from."""

import re
from dataclasses import dataclass

from merge3 import Merge3

_TOKENS = re.compile(r"\s+|\S+")


@dataclass(frozen=True)
class Merged:
    """The merged text; `clean` is False when both changed the same words (both kept, marked)."""

    text: str
    clean: bool


def merge_words(base: str, mine: str, theirs: str) -> Merged:
    """A three-way merge on words and spaces; clashing changes are kept as
    "[mine: … | theirs: …]" for the clerk to settle."""
    parts: list[str] = []
    clean = True
    words: list[list[str]] = [_TOKENS.findall(text) for text in (base, mine, theirs)]
    for group in Merge3(words[0], words[1], words[2]).merge_groups():
        if group[0] == "conflict":
            clean = False
            parts.append(f"[mine: {''.join(group[2])} | theirs: {''.join(group[3])}]")
        else:
            parts.append("".join(group[1]))
    return Merged("".join(parts), clean)
