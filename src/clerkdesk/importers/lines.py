"""Classify the lines of minutes (labels, markers, RESOLVED lines, running text) and join the
wrapped lines of a text file."""

import re
from dataclasses import dataclass, field
from enum import Enum, auto

from clerkdesk.domain.numbering import MAX_LEVEL
from clerkdesk.domain.text import normalise_space, xml_safe
from clerkdesk.domain.vote_lines import VoteRecord, parse_vote_line
from clerkdesk.importers.progress import Tick, every
from clerkdesk.importers.web_clutter import is_clutter, is_skipped, strip_clutter

# Joiners (U+200C/U+200D) carry meaning inside emoji sequences and some scripts: only stray
# ones next to a space or a line end are removed.
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad]|(?<!\\S)[\u200c\u200d]+|[\u200c\u200d]+(?!\\S)")
_MAIN = re.compile(r"^(\d+)(\)|\.(?!\d)|\s+[-–](?=\s))\s*(.*)$")  # 1)  1.  1 -  (no digit limit)
# 13.1, 13.1.1, 13.1.1.1.1 ... at any depth (a part of four digits is a year: 05.05.2026)
_DECIMAL = re.compile(r"^(\d+)((?:\.\d{1,3})+)\.?(?:\s+(.*))?$")
_SUB_PAREN = re.compile(r"^\(([a-z]{1,4}|\d+)\)\s*(.*)$")
_SUB_CLOSE = re.compile(r"^([a-z]{1,4})\)\s*(.*)$")
_SUB_DOT = re.compile(r"^([a-z])\.\s+(.*)$")
_BULLET = re.compile(r"^(?:[•·▪◦●‣]|[-–](?=\s))\s*(.*)$")
# Inline sub-points in one line: "Matters arising: a) the bin ...; b) the shelter ...".
_INLINE_SUBS = re.compile(r"(?:(?<=\s)|(?<=^)|(?<=:))([a-h])\)\s+")
_ROMAN = re.compile(r"^(?:i{1,3}|iv|vi{0,3}|ix|xi{0,3})$")
# "RESOLVED –", "RESOLVED that", "RESOLVED:That", "Resolved - That", "It was RESOLVED that",
# "RESOLVED (unanimously) that", parish "AGREED" / "It was AGREED".
_RESOLVED = re.compile(
    r"^((?:It was )?(?:RESOLVED|Resolved|AGREED|Agreed)"
    r"(?: unanimously| UNANIMOUSLY|\s*\((?:unanimously|nem\.? ?con\.?)\))?"
    r"(?:\s*[–—:,-](?:\s*that\b)?|\s+that\b|(?=\s+to\b)|$))\s*(.*)$"
)
# A resolution inside a sentence: "... seconded and RESOLVED that", "it was agreed that", a
# planning outcome in capitals ("APPROVED subject to ...").
_RESOLVED_WITHIN = re.compile(
    r"\b(?:RESOLVED|AGREED|APPROVED)\b|\b[Ii]t was (?:resolved|agreed)\b")
_MINUTES = re.compile(r"^minutes\s*:?$", re.IGNORECASE)
_DECISION = re.compile(r"^decisions?\s*:?$", re.IGNORECASE)
_DOCS = re.compile(r"^(?:supporting|additional) documents?\s*:?\s*(.*)$", re.IGNORECASE)
_CLUTTER = re.compile(
    r"^(?:agenda item(?:\s+(?:no\.?\s*)?(\d{1,3}[a-z]?))?|page \d+(?: of \d+)?)\s*:?$",
    re.IGNORECASE,
)
_ITEM = re.compile(
    r"^(?:(?:[Ii]tem|ITEM)\s+(\d{1,3}[a-z]?)\s*[:.–—-]\s*|((?:[A-Z]{1,5}\d{1,4}|\d{1,3})/\d{2})\.?\s+"
    r"|(\d\d(?:0[1-9]|1[0-2])/\d{1,3})\.?\s*(?=[A-Z]))"  # parish year-month codes: 1706/1
    r"(\S.*)$"
)
# An item number alone on its line: "5.", "334", "35/20", "PLA146/14", "Item 5".
_ITEM_NUMBER = re.compile(
    r"^(?:[Ii]tem\s+(?:[Nn]o\.?\s*)?)?((?:[A-Z]{1,5})?\d{1,4}(?:/\d{2,4})?[a-z]?)(\.?)$")
# A running number before a title on the same line: "334 Apologies for absence".
_NUMBER_TITLE = re.compile(r"^(\d{1,4}[a-z]?)\.?\s+([A-Z‘“'\"(].*)$")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_EXEMPT = re.compile(
    r"\s*\(exempt\s*[—–-]\s*Schedule 12A(?: paragraph (\d{1,2}))?\)$", re.IGNORECASE)
_FILE_SIZE = re.compile(r"\s*\b(?:PDF|DOCX?|XLSX?|PPTX?|HTML?)\s+\d+(?:\.\d+)?\s*[KMG]B\s*$", re.I)
_FIELD_LABEL = re.compile(r"^[\w ’'/&-]{1,30}:")
BULLET = "•"  # the delimiter of a bullet line, whichever mark it was printed with
_TABLE_CELLS = re.compile(r"\s*\|\s*")  # a web page's table, copied: "12. | Title"
_SENTENCE_END = ".!?:"
_SHORT_LINE = 50  # a line this short was not wrapped: the next line starts something new
_LONGEST_TITLE = 200  # looks_like_title() refuses longer text
_LISTED_LINES = 12  # line numbers listed in one warning
_WRAP_WORDS = {"of", "the", "and", "to", "for", "a", "an", "in", "on", "at", "by", "with", "or"}


class Kind(Enum):
    TEXT = auto()
    MAIN = auto()  # 1)  1.  13.1
    SUB = auto()  # a)  (a)  a.  (ii)  •
    RESOLVED = auto()
    MINUTES = auto()  # the "Minutes:" marker
    DOCS = auto()  # "Supporting documents:", "Additional documents:"
    CLUTTER = auto()  # "Agenda item", "Page 3", web page furniture
    ITEM = auto()  # "Item 5: Title", "35/20 Title"
    DECISION = auto()  # the "Decision:" marker of a council web page
    NUMBER = auto()  # an item number alone on its line: "5.", "334", "35/20"
    VOTE = auto()  # a recorded vote: "(Carried: 7 for, 2 against)", "For: 7, Against: 2"
    PLAIN = auto()  # text the clerk marked as a paragraph of the minutes, never a heading


PARAGRAPH_KINDS = (Kind.TEXT, Kind.MAIN, Kind.SUB, Kind.RESOLVED, Kind.ITEM)


@dataclass
class Line:
    kind: Kind
    text: str
    label: str = ""  # "9", "b", "ii", "13.1", "35/20"
    delimiter: str = ""  # ")" or "." for a paragraph number, "(" for "(a)", "decimal"
    depth: int = 0  # 1 for "13.1.1"
    prefix: str = ""  # a RESOLVED line's prefix, or a marker ("Minutes:"), as written
    blank_before: bool = True
    title: str = ""  # for "334 Apologies": the words after the number, should it be a heading
    # What a Word document tells beyond the text:
    heading: bool = False  # styled as a heading (Heading 1, an outline level, CD Item Heading)
    bold: bool = False  # every word of the paragraph is bold
    number_format: str = ""  # Word's format of the label: decimal, lowerLetter, lowerRoman ...
    level: int | None = None  # an unnumbered paragraph's level, from its style
    vote: VoteRecord | None = None  # what a VOTE line records
    number: int = 0  # the line's number in the source text (0: not from a text file)
    joined: list[int] = field(default_factory=list)  # numbers of the lines joined to it

def clean_line(raw: str) -> str:
    """A line with invisible characters and trailing web page furniture removed and white
    space normalised."""
    text = normalise_space(_INVISIBLE.sub("", xml_safe(raw))).strip()
    if "|" in text:
        text = _TABLE_CELLS.sub(" ", text).strip()
    return strip_clutter(text)


def classify(text: str) -> Line:
    """What a non-blank, cleaned line is."""
    if (vote := parse_vote_line(text)) is not None:
        return Line(Kind.VOTE, text, vote=vote)
    for parse in (_item_number, _numbered, _sub_point, _marker, _resolution, _item_heading):
        line = parse(text)
        if line is not None:
            return line
    match = _NUMBER_TITLE.match(text)
    if match and not _YEAR.match(match.group(1)):
        return Line(Kind.TEXT, text, match.group(1), title=match.group(2))
    return Line(Kind.TEXT, text)


def _item_number(text: str) -> Line | None:
    match = _ITEM_NUMBER.match(text)
    if match is None or _YEAR.match(match.group(1)):
        return None
    return Line(Kind.NUMBER, text, match.group(1), delimiter=match.group(2))


def _numbered(text: str) -> Line | None:
    match = _MAIN.match(text)
    if match and not (match.group(2).strip() in "-–" and _YEAR.match(match.group(1))):
        delimiter = match.group(2).strip()[0]  # (a year before a dash is text: "2025 – 2026")
        return Line(Kind.MAIN, match.group(3), match.group(1), delimiter=delimiter)
    if match := _DECIMAL.match(text):
        label = match.group(1) + match.group(2)
        depth = match.group(2).count(".") - 1
        return Line(Kind.MAIN, match.group(3) or "", label, delimiter="decimal", depth=depth)
    return None


def _sub_point(text: str) -> Line | None:
    for pattern, delimiter in ((_SUB_PAREN, "("), (_SUB_CLOSE, ")"), (_SUB_DOT, ".")):
        match = pattern.match(text)
        if match and _is_sub_token(match.group(1)):
            return Line(Kind.SUB, match.group(2), match.group(1), delimiter=delimiter)
    if match := _BULLET.match(text):
        return Line(Kind.SUB, match.group(1), "", delimiter=BULLET)
    return None


def _is_sub_token(token: str) -> bool:
    return (len(token) == 1 or len(set(token)) == 1 or token.isdigit()
            or bool(_ROMAN.match(token)))


def is_roman(token: str) -> bool:
    return bool(_ROMAN.match(token))


def _marker(text: str) -> Line | None:
    if _MINUTES.match(text):
        return Line(Kind.MINUTES, "", prefix=text)
    if _DECISION.match(text):
        return Line(Kind.DECISION, "", prefix=text)
    if match := _DOCS.match(text):
        return Line(Kind.DOCS, match.group(1))
    if match := _CLUTTER.match(text):
        return Line(Kind.CLUTTER, "", match.group(1) or "")
    if is_clutter(text):
        return Line(Kind.CLUTTER, "")
    return None


def _resolution(text: str) -> Line | None:
    match = _RESOLVED.match(text)
    if match is None:
        return None
    return Line(Kind.RESOLVED, match.group(2), prefix=match.group(1).strip())


def _item_heading(text: str) -> Line | None:
    match = _ITEM.match(text)
    if match is None:
        return None
    return Line(Kind.ITEM, match.group(4), match.group(1) or match.group(2) or match.group(3))


def inline_sub_points(text: str) -> list[tuple[str, str]]:
    """("", lead) then (letter, text) for a line holding "a) ... b) ..." in sequence; [] when
    the letters do not run a), b), ... from a)."""
    marks = list(_INLINE_SUBS.finditer(text))
    letters = [m.group(1) for m in marks]
    if len(marks) < 2 or letters != [chr(ord("a") + i) for i in range(len(marks))]:
        return []
    parts = [("", text[: marks[0].start()].strip())]
    for mark, following in zip(marks, [*marks[1:], None], strict=True):
        end = following.start() if following else len(text)
        parts.append((mark.group(1), text[mark.end() : end].strip()))
    return parts


def split_resolution(text: str) -> tuple[str, str] | None:
    """(prefix, rest) when `text` opens with a RESOLVED form, else None."""
    match = _RESOLVED.match(text)
    return (match.group(1).strip(), match.group(2)) if match else None


def resolution_within(text: str) -> str:
    """The resolution phrase in `text` ("RESOLVED", "it was agreed"), or '' when none."""
    if found := split_resolution(text):
        return found[0]
    match = _RESOLVED_WITHIN.search(text)
    return match.group(0) if match else ""


def exempt_heading(title: str) -> tuple[str, bool, int | None]:
    """(title, exempt, paragraph) for a heading ending "(exempt — Schedule 12A paragraph 3)"."""
    match = _EXEMPT.search(title)
    if match is None:
        return title, False, None
    paragraph = int(match.group(1)) if match.group(1) else None
    return title[: match.start()].rstrip(), True, paragraph


def document_title(text: str) -> str:
    """A supporting document's name without the "PDF 345 KB" a web page adds."""
    return _FILE_SIZE.sub("", text).strip()


def is_field(text: str) -> bool:
    """ "Present: ...", "Venue: ...": a labelled field of a heading block."""
    return bool(_FIELD_LABEL.match(text))


def looks_like_title(text: str, strict: bool = False) -> bool:
    """Short, unpunctuated at the end and starting with a capital; `strict` also refuses
    a field such as "Present: ..." (for lines without a "Minutes:" marker after them)."""
    if not text or len(text) > 200 or len(text.split()) > 25:
        return False
    if text[-1] in ".,;:!" or (strict and _FIELD_LABEL.match(text)):
        return False
    return text[0].isupper() or text[0].isdigit() or text[0] in "'\"‘“("


def merged_lines(text: str, tick: Tick | None = None) -> list[Line]:
    """Classified non-blank lines; a wrapped line is joined to the line it continues (and
    its number noted in `joined`)."""
    lines: list[Line] = []
    parts: dict[int, list[str]] = {}  # index in lines -> the texts joined into it
    blank_before = True
    in_documents = False
    raw_lines = text.splitlines()
    for number, raw in enumerate(raw_lines, start=1):
        every(tick, number, len(raw_lines))
        cleaned = clean_line(raw) if raw and not raw.isspace() else ""
        if not cleaned:
            blank_before = True
            continue
        if is_skipped(cleaned):
            continue
        line = classify(cleaned)
        line.blank_before, line.number = blank_before, number
        if line.kind is Kind.NUMBER and not blank_before and lines and _numbers_line_above(
                lines[-1], line):
            parts.pop(len(lines) - 1, None)  # (a title-like line: its text is whole)
            lines[-1] = _numbered_by(lines[-1], line)
            blank_before = False
            continue
        continues = (line.kind is Kind.TEXT and not blank_before and not in_documents
                     and lines and lines[-1].kind in PARAGRAPH_KINDS
                     and not _starts_anew(lines[-1], line))
        if continues:
            _join(lines[-1], parts.setdefault(len(lines) - 1, [lines[-1].text]), cleaned, number)
        else:
            lines.append(line)
        if line.kind is Kind.DOCS:
            in_documents = True
        elif line.kind is not Kind.TEXT:
            in_documents = False
        blank_before = line.kind is Kind.CLUTTER  # a title right under "Agenda item" stands alone
    for index, texts in parts.items():
        lines[index].text = " ".join(texts).strip()
    return lines


_PREFIX_ONLY = re.compile(r"^[A-Z]{2,5}$")  # "PAR" above the number "1"
_CODE = re.compile(r"^[A-Z]{1,5}\d{1,4}/\d{2,4}$")  # "PLA146/14" under its heading


def _numbers_line_above(above: Line, number: Line) -> bool:
    """A number alone on its line completes the line above: a prefix ("PAR" / "1"), or a
    heading followed by its minute code ("PLANNING APPLICATIONS" / "PLA146/14")."""
    if above.kind is not Kind.TEXT:
        return False
    if _PREFIX_ONLY.match(above.text):
        return number.label.isdigit()
    return bool(_CODE.match(number.label)) and looks_like_title(above.text, strict=True)


def _numbered_by(above: Line, number: Line) -> Line:
    if _PREFIX_ONLY.match(above.text):
        joined = Line(Kind.NUMBER, f"{above.text} {number.text}", f"{above.text} {number.label}")
    else:
        joined = Line(Kind.ITEM, above.text, number.label)
    joined.blank_before = above.blank_before
    return joined


def _join(line: Line, texts: list[str], cleaned: str, number: int) -> None:
    """Join `cleaned` to `line`. Its text is rebuilt only while short: the checks on a longer
    one read only its start, so a long run of wrapped lines is not copied once per line."""
    texts.append(cleaned)
    if len(line.text) <= _LONGEST_TITLE:
        line.text = " ".join(texts).strip()
    line.title = ""
    line.joined.append(number)


def merge_warnings(lines: list[Line]) -> list[str]:
    """What merged_lines did beyond reading: lines joined to the line above, numbers deeper
    than ClerkDesk's three levels."""
    joined = [number for line in lines for number in line.joined]
    deep = [line.number for line in lines
            if line.kind is Kind.MAIN and line.depth > MAX_LEVEL and line.number]
    warnings = []
    if joined:
        were = "was" if len(joined) == 1 else "were"
        them = "it" if len(joined) == 1 else "them"
        warnings.append(f"{_line_list(joined)} {were} joined to the line above {them} "
                        "(read as wrapped text).")
    if deep:
        are = "is" if len(deep) == 1 else "are"
        warnings.append(f"{_line_list(deep)} {are} numbered deeper than three levels: kept as "
                        "paragraphs at the third level.")
    return warnings


def _line_list(numbers: list[int]) -> str:
    """ "Line 6", "Lines 6, 9 and 12", "Lines 6, 9, 12, … (40 lines)"."""
    if len(numbers) == 1:
        return f"Line {numbers[0]}"
    shown = ", ".join(map(str, numbers[:_LISTED_LINES]))
    if len(numbers) > _LISTED_LINES:
        return f"Lines {shown}, … ({len(numbers)} lines)"
    return f"Lines {shown.rsplit(', ', 1)[0]} and {numbers[-1]}"


def _starts_anew(previous: Line, line: Line) -> bool:
    """`line` is not the wrapped rest of `previous`: one of them is a numbered heading, or
    `previous` is a short title-like line (nobody wraps a line that short)."""
    if may_be_numbered_heading(line) or may_be_numbered_heading(previous):
        return True
    if is_field(previous.text) and is_field(line.text):
        return True  # "Present: ..." then "Also present: ...", each on its own line
    if is_capitals_title(previous.text) and not is_capitals_title(line.text):
        return True  # a heading in capitals, then ordinary text
    if previous.kind is Kind.ITEM and len(previous.text) < _SHORT_LINE:
        return True  # "ENV22/31 Minutes" is a heading, not the start of a wrapped line
    if (previous.text[-1:] in _SENTENCE_END and len(line.text) < _SHORT_LINE
            and looks_like_title(line.text, strict=True)):
        return True  # a sub-heading under a finished sentence
    from clerkdesk.importers.attendance_lines import is_attendance_label  # (imports lines)

    if is_field(line.text) and is_attendance_label(line.text):
        return True  # "Present: ..." right under the heading, with no blank line before it
    if previous.kind is not Kind.TEXT or len(previous.text) >= _SHORT_LINE:
        return False
    last_word = previous.text.rsplit(" ", 1)[-1].lower()
    return (looks_like_title(previous.text, strict=True) and line.text[:1].isupper()
            and last_word not in _WRAP_WORDS)


def is_capitals_title(text: str) -> bool:
    """ "APPLICATION FOR A NEW PREMISES LICENCE - THE OLD FORGE": a title in capitals."""
    letters = [c for c in text if c.isalpha()]
    return len(text.split()) >= 2 and len(letters) >= 6 and all(c.isupper() for c in letters)


def may_be_numbered_heading(line: Line, longest: int = _SHORT_LINE) -> bool:
    """ "334 Apologies" or "334. Apologies": a number, then a short title-like text."""
    main_title = line.kind is Kind.MAIN and line.delimiter == "." and line.depth == 0
    text = line.title or (line.text if main_title else "")
    return bool(text) and len(text) < longest and looks_like_title(text, strict=True)
