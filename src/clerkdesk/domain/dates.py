"""The date a clerk typed: 26/09/2023, 26/9/23, 26.09.2023, 26 Sept 2023, 26 September,
tomorrow, +14, and nothing else.

Hand-written rather than dateutil's parser: that one guesses ("26" is the 26th of this month,
"Septembre 2023" a date), and a minute's due date must never be a guess.
"""

from __future__ import annotations

import datetime as dt
import re

HINT = "type e.g. 26/09/2023, 26 Sept 2023, 26 September, tomorrow or +14"
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WORDS = {"today": 0, "tomorrow": 1, "yesterday": -1}
FIRST_YEAR, LAST_YEAR = 1900, 2199

_NUMERIC = re.compile(r"(\d{1,2})\s*([/.\-])\s*(\d{1,2})(?:\s*\2\s*(\d{2}|\d{4}))?")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DIGITS = re.compile(r"(\d{2})(\d{2})(\d{2}|\d{4})")
_PLUS = re.compile(r"\+\s*(\d{1,5})")
_WRITTEN = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?(?:,?\s+(\d{2}|\d{4}))?")


class DateNotUnderstood(ValueError):
    """The text is not a date ClerkDesk reads; the message says why in one line."""


def parse_date(text: str, today: dt.date) -> dt.date | None:
    """The date `text` means (None when empty); raises DateNotUnderstood for anything else."""
    typed = " ".join(text.split()).lower()
    if not typed:
        return None
    if typed in WORDS:
        return _shifted(today, WORDS[typed])
    if match := _PLUS.fullmatch(typed):
        return _shifted(today, int(match[1]))
    if match := _ISO.fullmatch(typed):
        return _make(int(match[1]), int(match[2]), int(match[3]))
    if match := _DIGITS.fullmatch(typed):
        return _make(_year(match[3]), int(match[2]), int(match[1]))
    if match := _NUMERIC.fullmatch(typed):
        return _day_month(int(match[1]), int(match[3]), match[4], today)
    if match := _WRITTEN.fullmatch(_without_weekday(typed)):
        month = _month(match[2])
        if month:
            return _day_month(int(match[1]), month, match[3], today)
    raise DateNotUnderstood(f"Not a date: {HINT}.")


def written_date(day: dt.date) -> str:
    """How a date is shown beside a field, so the clerk sees what was understood."""
    weekday, month = WEEKDAYS[day.weekday()], MONTHS[day.month - 1]
    return f"{weekday.capitalize()} {day.day} {month.capitalize()} {day.year}"


def _without_weekday(typed: str) -> str:
    first, _, rest = typed.partition(" ")
    name = first.rstrip(",")
    known = any(day.startswith(name) for day in WEEKDAYS) and len(name) >= 3
    return rest if known and rest else typed


def _month(word: str) -> int | None:
    """1-12 for a month name or its first three or more letters ("sept")."""
    if len(word) < 3:
        return None
    return next((n for n, name in enumerate(MONTHS, 1) if name.startswith(word)), None)


def _year(digits: str) -> int:
    return 2000 + int(digits) if len(digits) == 2 else int(digits)


def _day_month(day: int, month: int, year: str | None, today: dt.date) -> dt.date:
    if year is not None:
        return _make(_year(year), month, day)
    if not 1 <= month <= 12:
        raise DateNotUnderstood(f"There is no month {month}: {HINT}.")
    candidates = []
    for near in (today.year - 1, today.year, today.year + 1):
        try:
            candidates.append(dt.date(near, month, day))
        except ValueError:
            continue
    if not candidates:
        raise DateNotUnderstood(f"There is no {day} {MONTHS[month - 1].capitalize()}.")
    return min(candidates, key=lambda candidate: abs(candidate - today))  # the nearest one


def _make(year: int, month: int, day: int) -> dt.date:
    if not 1 <= month <= 12:
        raise DateNotUnderstood(f"There is no month {month}: {HINT}.")
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise DateNotUnderstood(f"The year {year} is out of range ({FIRST_YEAR}–{LAST_YEAR}).")
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DateNotUnderstood(
            f"There is no {day} {MONTHS[month - 1].capitalize()} {year}.") from None


def _shifted(today: dt.date, days: int) -> dt.date:
    try:
        return today + dt.timedelta(days=days)
    except OverflowError:
        raise DateNotUnderstood(f"{days} days from today is out of range.") from None
