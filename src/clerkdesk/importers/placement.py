"""Warnings about lines an import could not place: out-of-sequence numbers, orphan sub-points,
text before the first item that is not part of the heading, lines left out."""

import re
from collections.abc import Sequence

from clerkdesk.domain.numbering import alpha, roman
from clerkdesk.importers.lines import looks_like_title
from clerkdesk.importers.meeting_facts import first_date

_EXCERPT = 60
# Words of a minutes heading block: who met, when, where, who attended.
_HEADING_WORDS = re.compile(
    r"\b(?:council|committee|sub-committee|board|panel|cabinet|forum|minutes|meeting|held|"
    r"venue|present|attendance|attending|apologies|absent|chair(?:man)?|vice-chair|members?|"
    r"officers?|clerk|councillors?|cllrs?|time|date|place|draft|public|press|substitutes?)\b",
    re.IGNORECASE,
)
_FIELD = re.compile(r"^[\w ’'/&-]{1,30}:")


def excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _EXCERPT else text[: _EXCERPT - 1].rstrip() + "…"


class Placement:
    """Follows the numbering of the current item and collects what could not be placed."""

    def __init__(self) -> None:
        self.warnings: list[str] = []
        self.warning_lines: list[int] = []  # the source line of each warning (0: unknown)
        self.line = 0  # the source line being read
        self.item_name = ""
        self.main_count = 0
        self.sub_count = 0
        self._untitled = False

    def warn(self, message: str) -> None:
        self.warnings.append(message)
        self.warning_lines.append(self.line)

    def start_item(self, name: str) -> None:
        self.item_name = name
        self.restart_numbering()

    def restart_numbering(self) -> None:
        self.main_count = self.sub_count = 0

    def untitled_first_item(self) -> None:
        if not self._untitled:
            self._untitled = True
            self.warn("Paragraphs before the first item heading were put in an "
                                 "untitled first item; give it a title or move them.")

    def paragraph(self, label: str, delimiter: str) -> None:
        """A numbered paragraph (level 0): warn when its number is not the next one."""
        self.main_count += 1
        self.sub_count = 0
        number = label.rsplit(".", 1)[-1] if delimiter == "decimal" else label
        if number.isdigit() and int(number) != self.main_count:
            self.warn(
                f"Paragraph {label} in item {self.item_name} is out of sequence (expected "
                f"{self.main_count}); it was numbered by its place.")

    def sub_point(self, token: str, style: str) -> None:
        """A first-level sub-point: warn when its letter (or numeral) is not the next one."""
        self.sub_count += 1
        expected = roman(self.sub_count) if style == "roman" else alpha(self.sub_count)
        if token and token.isalpha() and token != expected:
            self.warn(
                f"Sub-point {token} in item {self.item_name} is out of sequence (expected "
                f"{expected}); it was lettered by its place.")

    def resolution(self) -> None:
        self.sub_count = 0

    def orphan_sub_point(self, token: str, delimiter: str) -> None:
        label = f"({token})" if delimiter == "(" else f"{token}{delimiter}" if token else "•"
        self.warn(
            f"Sub-point {label} in item {self.item_name or 1} has no numbered paragraph above "
            "it; it was imported as a paragraph.")

    def unplaced(self, text: str, why: str) -> None:
        where = f" in item {self.item_name}" if self.item_name else ""
        self.warn(f'Not placed: "{excerpt(text)}"{where} ({why}).')

    def header_warnings(self, header: Sequence[str]) -> list[str]:
        """Text before the first item that does not read like a heading or attendance line."""
        return [f'Not placed: "{excerpt(line)}" (text before the first item that is not part '
                "of the heading)." for line in header if not _heading_like(line)]


def _heading_like(line: str) -> bool:
    """A title, a field ("Present: ..."), or words of a heading block not ending a sentence."""
    if looks_like_title(line) or _FIELD.match(line):
        return True
    if first_date(line) and len(line) < 120:
        return True  # "Cabinet - Tuesday, 8th September 2020 6.00 p.m."
    sentence = line.rstrip().endswith((".", "!", "?"))
    return not sentence and bool(_HEADING_WORDS.search(line) or first_date(line))
