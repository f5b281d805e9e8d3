"""Guess the committee's name and the meeting's date and time from the words of the minutes."""

import datetime as dt
import re
from collections.abc import Sequence

_BODIES = ("Sub-Committee", "Committee", "Board", "Panel", "Cabinet", "Forum", "Council")
_BODY = "|".join(_BODIES)
_WORD = r"(?:[A-Z][\w'’&-]*|&)"
_NAMED_BODY = re.compile(rf"\b[Tt]he ((?:{_WORD}(?: (?:and|of|for|on))? ){{1,7}}?(?:{_BODY}))\b")
_STRONG_BEFORE = re.compile(r"(?:members of|meeting of|minutes of)\s+$", re.IGNORECASE)
_STRONG_AFTER = re.compile(r"^\s+(?:noted|agreed|resolved|approved|recommended|received)\b", re.I)
_HEADING = re.compile(
    r"\bminutes of (?:an? |the )?(?:(?:extraordinary |special |annual )?meeting of )?(?:the )?"
    r"(.{3,120}?)(?:\s+meeting)?(?:\s+held\b|,|\s+on\s|\s*$)",
    re.IGNORECASE,
)
_SMALL_WORDS = {"and", "of", "for", "on", "the", "in", "to"}
# A heading line that is only a body's name: "Planning Committee", "SEND SUB-COMMITTEE".
_BODY_LINE = re.compile(rf"^(?:[Tt]he )?((?:{_WORD} (?:(?:and|of|for|on) )?){{1,7}}(?:{_BODY}))$")

_MONTHS = {
    name: number
    for number, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
         ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
         ("oct", "october"), ("nov", "november"), ("dec", "december")], start=1)
    for name in names
}
_MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|" \
         r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_DAY_MONTH_YEAR = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+(\d{{4}})\b", re.I)
_MONTH_DAY_YEAR = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)
_NUMERIC = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_HELD_ON = re.compile(r"\b(?:held on|date(?: of meeting)?\s*:)\s*(.{0,60})", re.IGNORECASE)
_TIME = re.compile(r"\bat (\d{1,2})(?:[.:](\d{2}))?\s*([ap])\.?m\b", re.IGNORECASE)
# A council web page's heading: "Cabinet - Thursday, 7th March, 2024 6.30 pm".
_PAGE_HEADING = re.compile(
    r"^(?P<name>[A-Z][^–—]{2,120}?)\s+[-–—]\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    r"\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+,?\s+\d{4}\b")
_TIME_AFTER_YEAR = re.compile(r"\b\d{4},?\s+(\d{1,2})(?:[.:](\d{2}))?\s*([ap])\.?m\b", re.I)
_TIME_24 = re.compile(r"\bat ([01]?\d|2[0-3]):([0-5]\d)\b(?!\s*[ap]\.?m\b)", re.IGNORECASE)
_VENUE_FIELD = re.compile(r"^(?:venue|place|location)\s*:\s*(.+?)\.?$", re.IGNORECASE | re.M)
_VENUE_AFTER_DATE = re.compile(
    r"\bheld on\b.*?\b\d{4}\b(?:,?\s+at\s+\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.?m\.?)?)?"
    r"(?:,\s*|\s+(?:in|at)\s+)(?!\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.?m\.?)?\s*$)"
    r"(?-i:the\s+)?(.+?)\.?$", re.IGNORECASE | re.M)


def committee_from_text(header: Sequence[str], text: str) -> str | None:
    """The committee named in the heading, else the most prominent "the X Committee" phrase."""
    named = [m.group(1) for line in header for part in line.split(" / ")
             if part.strip() and (m := _BODY_LINE.match(_tidy_case(part.strip())))]
    for line in header:
        match = _HEADING.search(line)
        if match and match.group(1).split()[-1].lower() in {b.lower() for b in _BODIES}:
            found = _tidy_case(match.group(1).strip())
            # "the Parish Council meeting" under the heading "Ashcombe Parva Parish Council"
            return next((name for name in named if name.endswith(f" {found}")), found)
    for line in header:
        if page := _PAGE_HEADING.match(line):
            return _tidy_case(page.group("name").strip())
    if named:  # a committee rather than the council it belongs to
        return max(named, key=lambda name: (_body_rank(name), -named.index(name)))
    scores: dict[str, tuple[int, int, int]] = {}
    for match in _NAMED_BODY.finditer(text):
        name = match.group(1)
        weight = 1 + 3 * bool(
            _STRONG_BEFORE.search(text[max(0, match.start() - 14) : match.start()])
            or _STRONG_AFTER.match(text[match.end() : match.end() + 14])
        )
        score, rank, first = scores.get(name, (0, _body_rank(name), -match.start()))
        scores[name] = (score + weight, rank, first)
    if not scores:
        return None
    return max(scores, key=lambda name: scores[name])


_COUNCIL_LINE = re.compile(
    r"^(?:(?:the\s+)?(?:[A-Z][\w'’&.-]*\s+){1,6}(?:Council|Authority)"
    r"|(?:London|Royal)\s+Borough\s+of\s+[A-Z][\w'’&.-]*"
    r"(?:\s+(?:(?:and|upon|on|the)\s+)?[A-Z][\w'’&.-]*){0,3})$")


def council_from_header(header: Sequence[str]) -> str:
    """The council named on a line of its own in the heading ("Northbrook District Council",
    "KENT COUNTY COUNCIL", "London Borough of Camden"), or ''."""
    for line in header[:6]:
        name = _tidy_case(" ".join(line.split()).strip(" ."))
        if _COUNCIL_LINE.match(name) and not name.lower().startswith(("the ", "full ")):
            return name
    return ""


def _body_rank(name: str) -> int:
    """Committees rank above boards, panels and councils when scores tie."""
    last = name.split()[-1]
    return -_BODIES.index(last) if last in _BODIES else -len(_BODIES)


def _tidy_case(name: str) -> str:
    """Title-case a name written in capitals ("PLANNING COMMITTEE" -> "Planning Committee")."""
    if name != name.upper():
        return name
    words = [w.lower() if w.lower() in _SMALL_WORDS else w.capitalize() for w in name.split()]
    words[0] = words[0].capitalize()
    return " ".join(words).replace("Sub-committee", "Sub-Committee")


def meeting_date(header: Sequence[str]) -> dt.date | None:
    """The date in the heading: after "held on" / "Date:" first, else any date there."""
    joined = "\n".join(header)
    for match in _HELD_ON.finditer(joined):
        found = first_date(match.group(1))
        if found:
            return found
    return first_date(joined)


def first_date(text: str) -> dt.date | None:
    """The earliest written date in `text` (UK day-month order for numeric dates)."""
    found: list[tuple[int, dt.date]] = []
    for pattern, order in ((_DAY_MONTH_YEAR, "dmy"), (_MONTH_DAY_YEAR, "mdy"),
                           (_NUMERIC, "dmy#"), (_ISO, "ymd#")):
        match = pattern.search(text)
        if match and (value := _to_date(match.groups(), order)):
            found.append((match.start(), value))
    return min(found)[1] if found else None


def _to_date(groups: Sequence[str], order: str) -> dt.date | None:
    parts = dict(zip(order.rstrip("#"), groups, strict=True))
    month = parts["m"].lower()
    month_number = int(month) if month.isdigit() else _MONTHS.get(month, _MONTHS.get(month[:3]))
    try:
        return dt.date(int(parts["y"]), month_number or 0, int(parts["d"]))
    except ValueError:
        return None


def meeting_time(header: Sequence[str]) -> dt.time | None:
    """"at 7.00 pm" / "at 10am" in the heading."""
    joined = "\n".join(header)
    match = _TIME.search(joined) or _TIME_AFTER_YEAR.search(joined)
    if match is None:
        return _time_24(header)
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if not 1 <= hour <= 12 or minute > 59:
        return None
    hour = hour % 12 + (12 if match.group(3).lower() == "p" else 0)
    return dt.time(hour, minute)


def _time_24(header: Sequence[str]) -> dt.time | None:
    """"at 19:30" (the 24-hour clock ClerkDesk's own heading uses)."""
    match = _TIME_24.search("\n".join(header))
    return dt.time(int(match.group(1)), int(match.group(2))) if match else None


def meeting_venue(header: Sequence[str]) -> str:
    """"Venue: Council Chamber", or the place after the date in "held on 5 May 2024 at 19:00,
    Council Chamber" / "... at 7.00 pm in the Council Chamber"; '' when not stated."""
    joined = "\n".join(header)
    for pattern in (_VENUE_FIELD, _VENUE_AFTER_DATE):
        if match := pattern.search(joined):
            return match.group(1).strip()
    return ""
