"""Name near-miss matching (normalised edit distance, prefixes, initials); pure and reusable."""

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

K = TypeVar("K")

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "–": "-", "—": "-", "‐": "-"})
_SPACES = re.compile(r"\s+")
# Different spellings of one honorific, mapped to one key.
_TITLE_KEYS = {
    "councillor": "cllr", "cllr": "cllr", "prof": "professor", "professor": "professor",
    "revd": "rev", "rev": "rev", "reverend": "rev",
}


@dataclass(frozen=True)
class NameParts:
    """A person's name as parts; any part may be empty ("Mr Love" has no given name)."""

    given: str = ""
    family: str = ""
    title: str = ""

    @property
    def full(self) -> str:
        return " ".join(part for part in (self.given, self.family) if part)


class NameMatch(StrEnum):
    SAME = "same"  # the same name, possibly less specific ("Mr Love" / "Mr John Love")
    NEAR = "near"  # a likely misspelling or short form ("Sara Hammond" / "Sarah Hammond")
    DIFFERENT = "different"


def normalise_name(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form: "O’Brien-Smith " -> "o'brien-smith"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", plain.replace(".", " ")).strip().casefold()


def title_key(title: str) -> str:
    key = normalise_name(title)
    return _TITLE_KEYS.get(key, key)


def edit_distance(a: str, b: str, limit: int | None = None) -> int:
    """Levenshtein distance counting a swap of neighbours as one edit.

    With `limit`, stops early and returns `limit + 1` once the distance must exceed it.
    """
    if limit is not None and abs(len(a) - len(b)) > limit:
        return limit + 1
    before: list[int] | None = None
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, start=1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if before is not None and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], before[j - 2] + 1)
        if limit is not None and min(current) > limit:
            return limit + 1
        before, previous = previous, current
    return previous[-1]


def _allowed_edits(length: int) -> int:
    """Typos tolerated in a word of this length: none in very short words."""
    if length < 4:
        return 0
    return 1 if length < 10 else 2


def _given_names_compatible(a: str, b: str) -> bool:
    """One given name is an initial or short form of the other ("S", "Sam" / "Samantha")."""
    return bool(a and b) and (a.startswith(b) or b.startswith(a))


def compare_names(a: NameParts, b: NameParts) -> NameMatch:
    """Whether two names denote the same person, a near miss, or different people."""
    title_a, title_b = title_key(a.title), title_key(b.title)
    if title_a and title_b and title_a != title_b:
        return NameMatch.DIFFERENT
    family_a, family_b = normalise_name(a.family), normalise_name(b.family)
    if not family_a or not family_b:
        return NameMatch.DIFFERENT
    given_a, given_b = normalise_name(a.given), normalise_name(b.given)
    family_edits = edit_distance(family_a, family_b, 2)
    if family_edits == 0:
        if given_a == given_b or not given_a or not given_b:
            return NameMatch.SAME
        if _given_names_compatible(given_a, given_b):
            return NameMatch.NEAR
        given_edits = edit_distance(given_a, given_b, 2)
        near = given_edits <= _allowed_edits(min(len(given_a), len(given_b)))
        return NameMatch.NEAR if near else NameMatch.DIFFERENT
    if family_edits > 1 or min(len(family_a), len(family_b)) < 5:
        return NameMatch.DIFFERENT
    if given_a == given_b or _given_names_compatible(given_a, given_b):
        return NameMatch.NEAR
    if given_a and given_b and min(len(given_a), len(given_b)) >= 4:
        total = edit_distance(f"{given_a} {family_a}", f"{given_b} {family_b}", 2)
        if total <= 2:
            return NameMatch.NEAR
    return NameMatch.DIFFERENT


def name_distance(a: NameParts, b: NameParts) -> int:
    """Edit distance between the normalised full names (for ranking candidates)."""
    return edit_distance(normalise_name(a.full), normalise_name(b.full))


def best_match(target: NameParts, candidates: Iterable[tuple[K, NameParts]]) -> tuple[K, NameMatch]:
    """The candidate key that best matches `target`: SAME before NEAR, then the closest name.

    Raises LookupError when no candidate is SAME or NEAR.
    """
    ranked: list[tuple[int, int, int, K]] = []
    for order, (key, parts) in enumerate(candidates):
        match = compare_names(target, parts)
        if match is not NameMatch.DIFFERENT:
            rank = 0 if match is NameMatch.SAME else 1
            ranked.append((rank, name_distance(target, parts), order, key))
    if not ranked:
        raise LookupError("no matching name")
    rank, _distance, _order, key = min(ranked, key=lambda row: row[:3])
    return key, NameMatch.SAME if rank == 0 else NameMatch.NEAR


def initials_of(parts: NameParts) -> str:
    """Lower-case initials of the given and family names ("Sarah Hammond" -> "sh")."""
    words = normalise_name(parts.full).replace("-", " ").split()
    return "".join(word[0] for word in words if word)


def matches_typed(query: str, parts: NameParts) -> bool:
    """True when a clerk's quick typing picks this person: initials or a prefix of a name word."""
    typed = normalise_name(query)
    if not typed:
        return False
    if typed == initials_of(parts):
        return True
    words = normalise_name(" ".join((parts.title, parts.full))).replace("-", " ").split()
    return any(word.startswith(typed) for word in words) or normalise_name(parts.full).startswith(
        typed
    )
