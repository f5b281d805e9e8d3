"""Agenda item titles from a pasted agenda list, with the pasted numbering removed."""

import re

from clerkdesk.domain.text import normalise_space

_NUMBER = r"\d{1,4}(?:[./]\d{1,4})*[a-zA-Z]?"
# "Item 3:", "Agenda item 3 -", "Item 3 Minutes"; the word makes the number unambiguous.
_ITEM_WORD = re.compile(rf"^(?:agenda\s+)?item\s+(?:no\.?\s*)?{_NUMBER}\s*[.):\-–—]?\s*", re.I)
# "1.", "2)", "3:", "(4)", "5 -", "4.1" followed by space; not "2023 budget" or "2.5% pay".
_NUMBERED = re.compile(
    rf"^(?:\({_NUMBER}\)|{_NUMBER}\s*[.):](?!\d)|{_NUMBER}\s+[-–—]|\d{{1,4}}(?:\.\d{{1,4}})+(?=\s))\s*"
)
_TAB_NUMBER = re.compile(rf"^{_NUMBER}\t")
_BULLET = re.compile(r"^[•·▪◦●‣*\-–—]\s+")


def agenda_title(line: str) -> str:
    """One pasted agenda line without its leading number or bullet ('' for a number alone)."""
    line = _TAB_NUMBER.sub("", line.strip())
    line = normalise_space(line)
    for pattern in (_BULLET, _ITEM_WORD, _NUMBERED):
        line = pattern.sub("", line, count=1)
    return line.strip()


def agenda_titles(text: str) -> list[str]:
    """A title for every line of `text` that holds more than a number."""
    titles = (agenda_title(line) for line in text.splitlines())
    return [title for title in titles if title]
