"""House style: a committee's writing rules (dates, numbers, -ise, Councillor, times…) and the
text checks that find breaches, each with its replacement (pure; no database).

Checks read stored text (person tokens masked out) and return `Hit`s: a span, what to put
there instead (None when there is no safe automatic fix), and a message.
"""

import json
import operator
import re
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, fields
from enum import StrEnum

from clerkdesk.domain.mentions import TOKEN

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
_MONTH = "|".join(MONTHS)
_UNITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
          "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen")
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_MASK = "\ue000"  # stands in for a person token: not a word character, not a digit


class IseIze(StrEnum):
    ISE = "ise"  # organise, recognise (most councils)
    IZE = "ize"  # organize (Oxford spelling)
    EITHER = ""  # not checked


class CouncillorForm(StrEnum):
    COUNCILLOR = "Councillor"
    CLLR = "Cllr"
    CONSISTENT = ""  # whichever the meeting uses more


class TimeStyle(StrEnum):
    SHORT = "10am"  # 10am, 10.30am
    FULL = "10.00am"  # 10.00am, 10.30am
    EITHER = ""  # not checked


@dataclass(frozen=True)
class HouseStyle:
    """A committee's house-style and spelling choices (defaults: where councils agree)."""

    spelling: bool = True
    second_language: str = ""  # "cy_GB" adds the Welsh dictionary
    ise_ize: IseIze = IseIze.ISE
    dates: bool = True  # "31 January 2024", not 31/01/24 or January 31st
    numbers_in_words: bool = True  # one to nine in words in running text
    councillor: CouncillorForm = CouncillorForm.CONSISTENT
    councillor_check: bool = True
    times: TimeStyle = TimeStyle.EITHER
    doubled_words: bool = True
    digit_start: bool = True  # a sentence does not start with a digit

    def to_json(self) -> str:
        return json.dumps(asdict(self), sort_keys=True)

    @classmethod
    def from_json(cls, text: str | None) -> "HouseStyle":
        """Settings stored as JSON; unknown keys and bad values fall back to the defaults."""
        try:
            stored = json.loads(text or "{}")
        except ValueError:
            stored = {}
        if not isinstance(stored, dict):
            stored = {}
        values = {}
        for spec in fields(cls):
            if spec.name not in stored:
                continue
            default = getattr(cls(), spec.name)
            try:
                values[spec.name] = type(default)(stored[spec.name])
            except (TypeError, ValueError):
                continue
        return cls(**values)


MAX_DICTIONARY_WORD = 100  # storage.models_spelling.CommitteeWord.word


def dictionary_problem(words: tuple[str, ...]) -> str | None:
    """Why the committee dictionary cannot be saved, or None."""
    for word in words:
        if len(word) > MAX_DICTIONARY_WORD:
            return (f"A dictionary word can be at most {MAX_DICTIONARY_WORD} characters long "
                    f"(“{word[:20]}…”).")
    return None


@dataclass(frozen=True)
class Hit:
    """A house-style breach in a text: the span, its replacement (None: no safe fix), why."""

    start: int
    end: int
    found: str
    replacement: str | None
    message: str


def masked(stored: str) -> str:
    """`stored` with person tokens blanked to the same length (spans stay valid)."""
    return TOKEN.sub(lambda m: _MASK * len(m.group(0)), stored)


def number_words(number: int) -> str | None:
    """'seven', 'twenty-three' (0–99); None for larger numbers."""
    if 0 <= number < 20:
        return _UNITS[number]
    if number < 100:
        tens, units = divmod(number, 10)
        return _TENS[tens] + (f"-{_UNITS[units]}" if units else "")
    return None


# --- dates ----------------------------------------------------------------------------------
_SLASH_DATE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?![\d/])")
_MONTH_FIRST = re.compile(
    rf"\b({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}})\b)?")
_ORDINAL_DAY = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)\s+(?:of\s+)?({_MONTH})\b")


def _date_text(day: int, month: int, year: str = "") -> str | None:
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{day} {MONTHS[month - 1]}" + (f" {year}" if year else "")


def date_hits(text: str) -> Iterator[Hit]:
    """31/01/24, January 31st (2024), 31st January → "31 January 2024"."""
    slashes = _SLASH_DATE.finditer(text) if "/" in text else ()
    for match in slashes:
        year = match.group(3)
        year = f"20{year}" if len(year) == 2 else year
        fixed = _date_text(int(match.group(1)), int(match.group(2)), year)
        yield Hit(*match.span(), match.group(0), fixed,
                  f'date style: "{match.group(0)}" → {fixed or "31 January 2024"}')
    if not any(month in text for month in MONTHS):
        return
    for match in _MONTH_FIRST.finditer(text):
        fixed = _date_text(int(match.group(2)), MONTHS.index(match.group(1)) + 1,
                           match.group(3) or "")
        yield Hit(*match.span(), match.group(0), fixed,
                  f'date style: "{match.group(0)}" → {fixed}')
    for match in _ORDINAL_DAY.finditer(text):
        fixed = _date_text(int(match.group(1)), MONTHS.index(match.group(2)) + 1)
        yield Hit(*match.span(), match.group(0), fixed,
                  f'date style: "{match.group(0)}" → {fixed}')


# --- numbers --------------------------------------------------------------------------------
_SINGLE_DIGIT = re.compile(r"(?<![\w.,:/£$€#\-–])([1-9])(?![\w.,:/%\-–)]|\s*%|\s*per\s*cent)")
# Words around a digit that mean it is a reference, a vote or a measure, not running text.
_NUMBER_CONTEXT_BEFORE = re.compile(
    r"(?:\b(?:item|items|minute|paragraph|para|page|section|appendix|annex|table|option|part|"
    r"schedule|no\.|number|stage|phase|level|year|years|floor|ward|route|chapter|clause|"
    r"recommendation|votes?\s+to)|\d\s*(?:and|or|to|,))\s*$", re.IGNORECASE)
_NUMBER_CONTEXT_AFTER = re.compile(
    rf"^\s*(?:for|against|abstain|abstention|abstentions|votes?|in favour|to \d|and \d|"
    rf"or \d|am|pm|a\.m\.|p\.m\.|o'clock|{_MONTH})(?!\w)", re.IGNORECASE)


def number_hits(text: str) -> Iterator[Hit]:
    """A single digit 1–9 in running text ("3 members") → in words ("three members")."""
    if not _has_digit(text):
        return
    for match in _SINGLE_DIGIT.finditer(text):
        start, end = match.span(1)
        if _NUMBER_CONTEXT_BEFORE.search(text[max(0, start - 16):start]):
            continue
        if _NUMBER_CONTEXT_AFTER.match(text[end:end + 20]):
            continue
        if _sentence_start(text, start):
            continue  # the digit-start check reports it
        word = number_words(int(match.group(1)))
        yield Hit(start, end, match.group(1), word,
                  f'number in figures: "{match.group(1)}" → {word}')


# --- sentence starting with a digit ---------------------------------------------------------
def _has_digit(text: str) -> bool:
    return any(digit in text for digit in "0123456789")  # str.find: faster than a regex


_FIGURES = re.compile(r"(\d[\d,]*)\b")


def _sentence_start(text: str, index: int) -> bool:
    """Whether `index` begins a sentence: the text's start, or after . ! ? and a space (a
    figure straight after a full stop is a decimal, as in "6.5%", never a new sentence)."""
    before = text[:index]
    stripped = before.rstrip()
    return not stripped or (stripped[-1] in ".!?" and len(stripped) < len(before))


def digit_start_hits(text: str) -> Iterator[Hit]:
    """A sentence starting with figures: write the number in words (up to ninety-nine)."""
    if not _has_digit(text):
        return
    for match in _FIGURES.finditer(text):
        start, end = match.span(1)
        if not _sentence_start(text, start) or (start and text[start - 1].isalnum()):
            continue
        after = text[end:end + 12]
        if re.match(rf"\s*({_MONTH})\b", after) or re.match(r"[.:/)]\d?", after):
            continue  # a date ("3 February"), a time, or a list number ("1.")
        digits = match.group(1).replace(",", "")
        words = number_words(int(digits)) if digits.isdigit() else None
        fixed = words.capitalize() if words else None
        yield Hit(start, end, match.group(1), fixed,
                  f'sentence starts with a figure: "{match.group(1)}"'
                  + (f" → {fixed}" if fixed else "; reword it"))


# --- -ise / -ize ----------------------------------------------------------------------------
_ISE_IZE = re.compile(r"\b([A-Za-z]{2,}?)(is|iz|ys|yz)(e|es|ed|ing|ation|ations|er|ers)\b")


# -ize words with no -ise form (en_GB accepts "prise", but it is another word).
_ALWAYS_IZE = ("size", "prize", "seize", "baize", "maize", "assize")


def ise_ize_hits(text: str, preference: IseIze, spelt: Callable[[str], bool]) -> Iterator[Hit]:
    """-ize where the committee writes -ise (or the reverse), when the other form is a word."""
    if preference is IseIze.EITHER or (preference is IseIze.ISE and "iz" not in text
                                       and "yz" not in text):
        return
    wrong = {"iz": "is", "yz": "ys"} if preference is IseIze.ISE else {"is": "iz", "ys": "yz"}
    for match in _ISE_IZE.finditer(text):
        stem, middle, ending = match.groups()
        if middle not in wrong or (stem + middle + "e").lower().endswith(_ALWAYS_IZE):
            continue
        fixed = stem + wrong[middle] + ending
        if not spelt(fixed):
            continue
        yield Hit(*match.span(), match.group(0), fixed,
                  f'house style -{preference.value}: "{match.group(0)}" → {fixed}')


# --- Councillor / Cllr ----------------------------------------------------------------------
_COUNCILLOR = re.compile(r"\b(Councillors?|Cllrs?\.?)(?=\s+[A-Z\ue000])")


def councillor_forms(text: str) -> tuple[int, int]:
    """How often (Councillor, Cllr) are used as titles in `text`."""
    found = [m.group(1).startswith("Cllr") for m in _COUNCILLOR.finditer(text)]
    return found.count(False), found.count(True)


def councillor_hits(text: str, form: CouncillorForm) -> Iterator[Hit]:
    """'Cllr Okafor' where the committee writes 'Councillor Okafor' (or the reverse)."""
    for match in _COUNCILLOR.finditer(text):
        used = match.group(1)
        plural = used.rstrip(".").endswith("s")
        is_short = used.startswith("Cllr")
        if is_short == (form is CouncillorForm.CLLR):
            continue
        fixed = form.value + ("s" if plural else "")
        yield Hit(*match.span(1), used, fixed, f'"{used}" → {fixed} (house style)')


# --- times ----------------------------------------------------------------------------------
_TIME = re.compile(r"\b(\d{1,2})(?:[.:](\d{2}))?\s?(am|pm|a\.m\.|p\.m\.)(?!\w)", re.IGNORECASE)


def time_hits(text: str, style: TimeStyle) -> Iterator[Hit]:
    """Times as the committee writes them: 10am / 10.30am, or 10.00am / 10.30am."""
    if style is TimeStyle.EITHER:
        return
    for match in _TIME.finditer(text):
        hour, minutes, suffix = match.groups()
        if not 1 <= int(hour) <= 12:
            continue
        suffix = suffix.lower().replace(".", "")
        if style is TimeStyle.SHORT and minutes in (None, "00"):
            fixed = f"{int(hour)}{suffix}"
        else:
            fixed = f"{int(hour)}.{minutes or '00'}{suffix}"
        if fixed != match.group(0):
            yield Hit(*match.span(), match.group(0), fixed,
                      f'time style: "{match.group(0)}" → {fixed}')


# --- doubled words --------------------------------------------------------------------------
_DOUBLED = re.compile(r"\b([^\W\d_]+)(?:\s+\1\b)+", re.IGNORECASE)
_PUNCTUATION = ".,;:!?()[]\"'“”‘’–—-"
_FINE_DOUBLED = frozenset({"had", "that", "is"})  # "had had", "that that" can be right


def doubled_word_hits(text: str) -> Iterator[Hit]:
    """'the the' → 'the'."""
    found = [word.strip(_PUNCTUATION) for word in text.casefold().split()]
    if not any(map(operator.eq, found, found[1:])):
        return  # no word follows itself (the regex below is slow to say so)
    for match in _DOUBLED.finditer(text):
        word = match.group(1)
        if word.casefold() in _FINE_DOUBLED:
            continue
        yield Hit(*match.span(), match.group(0), word, f'doubled word: "{match.group(0)}"')
