"""Spelling rules: which words of a text are checked, and whether each is known (pure).

The dictionaries themselves (Hunspell) are loaded by `services.dictionaries`; here they are
anything with `spell(word) -> bool` and `suggest(word) -> sequence of words`.
"""

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple, Protocol

from clerkdesk.domain.mentions import TOKEN

# Longer "words" (a pasted hash, a 10,000-letter typo) are flagged but get no suggestions:
# Hunspell's suggestion search grows with the length of the word.
MAX_SUGGESTED_LENGTH = 40
# A word: letters (any script, with accents), joined by apostrophes or hyphens inside it.
_WORD = re.compile(r"[^\W\d_]+(?:['’\-‐][^\W\d_]+)*")
# Spans never checked: web and e-mail addresses, and person tokens in stored text.
_SKIPPED = re.compile(r"\S+@\S+|(?:https?://|www\.)\S+|" + TOKEN.pattern)
# Standard in minutes but missing from the en_GB dictionary.
MINUTES_WORDS = ("Cllr", "Cllrs", "minuted", "webcast", "webcasting")
_JOINER_CHARS = "'’-‐"
_JOINERS = re.compile(f"[{re.escape(_JOINER_CHARS)}]")
_APOSTROPHES = str.maketrans({"’": "'", "‐": "-"})


class Dictionary(Protocol):
    """What a spelling dictionary must offer (a Hunspell object does)."""

    def spell(self, word: str) -> bool: ...

    def suggest(self, word: str) -> Sequence[str]: ...


class Word(NamedTuple):
    """A word found in a text: where it is (`start`, `end`) and what it says."""

    start: int
    end: int
    text: str


def _skipped_spans(text: str) -> list[tuple[int, int]]:
    return [match.span() for match in _SKIPPED.finditer(text)]


def _has_inner_capital(word: str) -> bool:
    rest = word[1:]
    if not rest or rest.islower():  # the usual case, decided without splitting
        return False
    return any(char.isupper() for part in _JOINERS.split(word) for char in part[1:])


def _skips(text: str) -> list[tuple[int, int]]:
    if "@" in text or "/" in text or "www." in text or "{" in text:
        return _skipped_spans(text)
    return []


def _checked(text: str, start: int, end: int, skipped: list[tuple[int, int]]) -> bool:
    """Whether the word at text[start:end] is spell-checked where it stands."""
    if skipped and any(s <= start < e for s, e in skipped):
        return False
    if (end < len(text) and text[end].isdigit()) or (start and text[start - 1].isdigit()):
        return False
    return not _has_inner_capital(text[start:end])


def _starts_token(text: str, start: int) -> bool:
    if not start:
        return True
    before = text[start - 1]
    if before in _JOINER_CHARS:
        return start < 2 or not text[start - 2].isalpha()
    return not (before.isalnum() or before == "_")


def _occurrences(text: str, tokens: set[str]) -> list[Word]:
    """Where each of `tokens` stands as a whole word of `text` (as `_WORD` splits it), in
    order. `str.find` scans in C; the tokens are the few words that failed."""
    found = []
    for token in tokens:
        start = text.find(token)
        while start != -1:
            match = _WORD.match(text, start)
            if match and match.end() == start + len(token) and _starts_token(text, start):
                found.append(Word(start, match.end(), token))
            start = text.find(token, start + 1)
    return sorted(found)


def words(text: str) -> Iterator[Word]:
    """The words of `text` that are spell-checked, in order. Words with a capital after the
    first letter (acronyms, "DfE"), words with digits ("10am", "A38"), addresses and person
    tokens are left out."""
    skipped = _skips(text)
    for match in _WORD.finditer(text):
        start, end = match.span()
        if _checked(text, start, end, skipped):
            yield Word(start, end, match.group())


def normalised(word: str) -> str:
    """The form looked up: curly apostrophes and Unicode hyphens made plain."""
    return word.translate(_APOSTROPHES)


def known_forms(words_known: Iterable[str]) -> frozenset[str]:
    """Case-folded words from names, titles and the committee's dictionary, split into words;
    a double-barrelled name also gives each half ("Okafor-Lowther": "okafor", "lowther")."""
    found: set[str] = set()
    for entry in words_known:
        for word in _WORD.findall(normalised(entry).casefold()):
            found.add(word)
            found.update(part for part in _JOINERS.split(word) if part)
    return frozenset(found)


@dataclass
class SpellChecker:
    """Dictionaries plus the words this meeting knows (roster, glossary, agenda, committee
    dictionary, ignored words). Dictionary answers are cached per word and shared by the
    checkers made with `with_known`: a committee repeats its words."""

    dictionaries: Sequence[Dictionary]
    known: frozenset[str] = field(default_factory=lambda: known_forms(MINUTES_WORDS))
    _spelt: dict[str, bool] = field(default_factory=dict, repr=False)
    _suggestions: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    _verdicts: dict[str, bool] = field(default_factory=dict, repr=False)  # this checker's

    def with_known(self, extra: Iterable[str]) -> "SpellChecker":
        """A checker sharing these dictionaries (and caches) that also knows `extra` words."""
        return SpellChecker(self.dictionaries, self.known | known_forms(extra),
                            self._spelt, self._suggestions)

    def is_correct(self, word: str) -> bool:
        verdict = self._verdicts.get(word)
        if verdict is None:
            verdict = self._verdicts[word] = self._judge(word)
        return verdict

    def _judge(self, word: str) -> bool:
        if _has_inner_capital(word):
            return True  # not checked (see `words`)
        plain = normalised(word)
        if self._known_or_spelt(plain):
            return True
        for suffix in ("'s", "'"):  # "Okafor's", "members'" when the bare word is known
            if plain.endswith(suffix) and self._known_or_spelt(plain[: -len(suffix)]):
                return True
        parts = plain.split("-")
        return len(parts) > 1 and all(part and self._known_or_spelt(part) for part in parts)

    def _known_or_spelt(self, word: str) -> bool:
        if word.casefold() in self.known:
            return True
        spelt = self._spelt.get(word)
        if spelt is None:
            spelt = any(dictionary.spell(word) for dictionary in self.dictionaries)
            self._spelt[word] = spelt
        return spelt

    def misspellings(self, text: str) -> list[Word]:
        """The words of `text` no dictionary or known word accepts."""
        # Every keystroke checks its whole paragraph: first the distinct words against the
        # cache (mostly C loops), and only then the places of the few that fail.
        verdicts, judge = self._verdicts, self.is_correct
        suspects = {token for token in set(_WORD.findall(text))
                    if not (verdicts.get(token) or judge(token))}
        if not suspects:
            return []
        skipped = _skips(text)
        return [word for word in _occurrences(text, suspects)
                if _checked(text, word.start, word.end, skipped)]

    def suggestions(self, word: str) -> tuple[str, ...]:
        """Corrections, best first (from the first dictionary that has any)."""
        plain = normalised(word)
        if len(plain) > MAX_SUGGESTED_LENGTH:
            return ()
        if plain not in self._suggestions:
            found: tuple[str, ...] = ()
            for dictionary in self.dictionaries:
                found = tuple(dictionary.suggest(plain))
                if found:
                    break
            self._suggestions[plain] = found
        return self._suggestions[plain]

    def best(self, word: str) -> str | None:
        found = self.suggestions(word)
        return found[0] if found else None


def _common_prefix(a: str, b: str) -> int:
    """Length of the longest common prefix, by halving (each slice comparison runs in C)."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a[:middle] == b[:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _edited_region(old: str, new: str) -> tuple[int, int, int]:
    """(start, end in `new`, shift): `new[start:end]` replaced `old[start:end - shift]`,
    widened to whitespace so every word touching the edit is inside it."""
    prefix = _common_prefix(old, new)
    limit = min(len(old), len(new)) - prefix
    suffix = min(_common_prefix(old[::-1], new[::-1]), limit)
    start, end = prefix, len(new) - suffix
    while start > 0 and not new[start - 1].isspace():
        start -= 1
    while end < len(new) and not new[end].isspace():
        end += 1
    return start, end, len(new) - len(old)


def misspellings_after_edit(checker: "SpellChecker", old: str, old_found: list[Word],
                            new: str) -> list[Word]:
    """`checker.misspellings(new)`, given that `old_found` are those of `old`: only the edited
    stretch is checked again (what typing in a long paragraph needs on every key)."""
    start, end, shift = _edited_region(old, new)
    before = [word for word in old_found if word.end < start]
    after = [Word(word.start + shift, word.end + shift, word.text) for word in old_found
             if word.start >= end - shift and word.start + shift >= end]
    middle = [Word(word.start + start, word.end + start, word.text)
              for word in checker.misspellings(new[start:end])]
    return before + middle + after


def replaced(text: str, word: Word, replacement: str) -> str:
    """`text` with `word` (found in it) replaced."""
    return text[: word.start] + replacement + text[word.end :]
