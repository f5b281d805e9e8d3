"""Turn minutes (plain-text or Word lines) into items with levelled paragraphs; numbers are read,
never stored, and what cannot be placed is reported rather than guessed silently."""

import re
from collections import Counter
from dataclasses import dataclass, field

from clerkdesk.domain.enums import ParagraphStyle
from clerkdesk.domain.numbering import ItemNumbering, ParagraphScheme
from clerkdesk.domain.vote_lines import VoteRecord
from clerkdesk.importers.attendance_lines import (
    AttendanceBlock,
    Attendee,
    item_attendees,
    read_attendance,
)
from clerkdesk.importers.lines import (
    BULLET,
    Kind,
    Line,
    classify,
    document_title,
    exempt_heading,
    inline_sub_points,
    is_capitals_title,
    is_field,
    is_roman,
    looks_like_title,
    may_be_numbered_heading,
    merge_warnings,
    merged_lines,
    resolution_within,
)
from clerkdesk.importers.placement import Placement
from clerkdesk.importers.progress import Progress, Tick, every
from clerkdesk.importers.scheme_detect import item_numbering, paragraph_scheme

_LONGEST_HEADING = 120
_MARKERS = (Kind.MINUTES, Kind.DOCS, Kind.DECISION)


@dataclass
class ParsedParagraph:
    text: str
    level: int = 0
    style: ParagraphStyle = ParagraphStyle.NUMBERED
    ref: str = ""  # where it stood in the source, for messages: "9", "10 b", "RESOLVED"
    resolution_prefix: str = ""  # set when the paragraph is (or holds) a resolution
    vote: VoteRecord | None = None  # the vote recorded under a resolution


@dataclass
class ParsedItem:
    title: str
    number_label: str | None = None
    paragraphs: list[ParsedParagraph] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    has_minutes_marker: bool = False
    decision: list[ParsedParagraph] = field(default_factory=list)  # a web page's "Decision:"
    exempt: bool = False
    exempt_paragraph: int | None = None


@dataclass
class ParsedMinutes:
    items: list[ParsedItem]
    header: list[str]  # lines before the first item: council, committee, date, attendance
    scheme: ParagraphScheme = ParagraphScheme.PAREN
    scheme_found: bool = False  # some paragraph or sub-point carried a number
    numbering: ItemNumbering | None = None  # item numbers as read, when they run on
    warnings: list[str] = field(default_factory=list)  # what could not be placed
    attendance: AttendanceBlock = field(default_factory=AttendanceBlock)  # read from the header
    warning_lines: list[int] = field(default_factory=list)  # each warning's source line, or 0

    @property
    def uses_minutes_heading(self) -> bool:
        return any(item.has_minutes_marker for item in self.items)

    def paragraphs(self) -> list[ParsedParagraph]:
        return [p for item in self.items for p in item.paragraphs]

    def is_empty(self) -> bool:
        """No item titles and no numbered paragraphs or resolutions: not minutes at all."""
        titled = any(item.title for item in self.items)
        return not titled and all(p.style is ParagraphStyle.UNNUMBERED for p in self.paragraphs())


def parse_minutes(text: str, progress: Progress | None = None) -> ParsedMinutes:
    """Minutes from text; `progress` hears of it as the 50-600 thousandths of an import."""
    progress = progress or Progress()
    lines = merged_lines(text, progress.phase(50, 400))
    parsed = parse_lines(lines, progress.phase(400, 600))
    parsed.warnings.extend(merge_warnings(lines))
    return parsed


def parse_lines(lines: list[Line], tick: Tick | None = None) -> ParsedMinutes:
    """Minutes from classified lines (of a text file, or of a Word document's paragraphs)."""
    builder = _Builder()
    for index, line in enumerate(lines):
        every(tick, index, len(lines))
        builder.take(line, lines[index + 1] if index + 1 < len(lines) else None)
    return builder.finish()


class _Builder:
    """One pass over the lines, keeping the current item and sub-point numbering context."""

    def __init__(self) -> None:
        self.items: list[ParsedItem] = []
        self.header: list[str] = []
        self.set_apart: list[str] = []  # header lines a document styles as headings or in bold
        self.placement = Placement()
        self.in_documents = False
        self.in_decision = False
        self.pending_label: str | None = None
        self.title_next = False  # an item number stood alone: the next line is its title
        self.item_attendance: list[Attendee] = []  # "Also present for this item: ..."
        self.main_label = ""
        self.sub_style = ""  # "alpha" for a) b), "roman" for (i) (ii) at the first sub-level
        self.last_letter = ""
        self.main_delimiters: Counter[str] = Counter()
        self.sub_delimiters: Counter[str] = Counter()

    @property
    def item(self) -> ParsedItem | None:
        return self.items[-1] if self.items else None

    def finish(self) -> ParsedMinutes:
        self._finish_item()
        scheme = paragraph_scheme(self.main_delimiters, self.sub_delimiters)
        numbering = item_numbering([item.number_label for item in self.items])
        attendance = _roll_call(read_attendance(self.header), self.items)
        attendance.attendees += self.item_attendance
        plain_header = [line for index, line in enumerate(self.header)
                        if line not in self.set_apart and index not in attendance.lines_read]
        header_warnings = self.placement.header_warnings(plain_header)
        warnings = header_warnings + self.placement.warnings
        lines = [0] * len(header_warnings) + self.placement.warning_lines
        return ParsedMinutes(self.items, self.header, scheme or ParagraphScheme.PAREN,
                             scheme is not None, numbering, warnings, attendance, lines)

    def take(self, line: Line, following: Line | None) -> None:
        self.placement.line = line.number or self.placement.line
        title_next, self.title_next = self.title_next, False
        if title_next and (title := _title_text(line)):
            self._start_item(title, None)
            return
        if (line.heading or line.bold) and self._heading(line, following):
            return
        handler = {
            Kind.CLUTTER: self._clutter, Kind.MINUTES: self._minutes, Kind.DOCS: self._documents,
            Kind.ITEM: self._item_heading, Kind.MAIN: self._main, Kind.SUB: self._sub,
            Kind.RESOLVED: self._resolved, Kind.TEXT: self._text, Kind.DECISION: self._decision,
            Kind.NUMBER: self._number, Kind.VOTE: self._vote, Kind.PLAIN: self._plain,
        }[line.kind]
        handler(line, following)

    # --- items ---------------------------------------------------------------------------

    def _start_item(self, title: str, label: str | None) -> ParsedItem:
        self._finish_item()
        title, exempt, paragraph = exempt_heading(title)
        item = ParsedItem(title, label or self.pending_label, exempt=exempt,
                          exempt_paragraph=paragraph)
        self.items.append(item)
        self.pending_label = None
        self.in_documents = self.in_decision = False
        self._reset_numbering()
        self.placement.start_item(item.number_label or str(len(self.items)))
        return item

    def _finish_item(self) -> None:
        """A "Decision:" block stands in for the minutes only when the item has none; beside
        them it is left out, and the clerk is told."""
        item = self.item
        if item is not None and item.decision:
            if not item.paragraphs:
                item.paragraphs = item.decision
            else:
                same = [p.text for p in item.decision] == [p.text for p in item.paragraphs
                                                           if p.text][-len(item.decision):]
                what = ("repeats the minutes and was imported once" if same else
                        "was left out: it differs from the minutes, so check them")
                self.placement.warn(
                    f'Item {item.number_label or len(self.items)}: the "Decision:" block {what}.')
            item.decision = []

    def _reset_numbering(self) -> None:
        self.main_label = self.sub_style = self.last_letter = ""
        self.placement.restart_numbering()

    def _current_item(self) -> ParsedItem:
        if self.item is None:
            self.placement.untitled_first_item()
            return self._start_item("", None)
        return self.item

    def _target(self) -> list[ParsedParagraph]:
        item = self._current_item()
        return item.decision if self.in_decision else item.paragraphs

    def _add(self, paragraph: ParsedParagraph) -> None:
        self.in_documents = False
        self._target().append(paragraph)

    def _heading(self, line: Line, following: Line | None) -> bool:
        """A Word paragraph styled as a heading (or set in bold) that opens an item."""
        if line.kind is Kind.NUMBER:
            self.pending_label, self.title_next = line.label, True
            return True
        numbered_title = line.delimiter == "." or (line.heading and line.delimiter == ")")
        if line.kind is Kind.MAIN and line.depth == 0 and numbered_title:
            label, title = line.label, line.text
        elif line.kind is Kind.ITEM or (line.kind is Kind.TEXT and line.title):
            label, title = line.label, line.title or line.text
        elif line.kind is Kind.TEXT:
            label, title = None, line.text
        else:
            return False
        if not line.heading and not (looks_like_title(title, strict=True)
                                     and (label or self.item is not None)):
            return False
        if self.item is None and label is None and not _opens_section(following):
            return False
        self._start_item(title, label)
        return True

    def _item_heading(self, line: Line, _following: Line | None) -> None:
        """ "101/23 Apologies: Cllr Lloyd sent her apologies." holds the title and the text."""
        title, rest = _title_and_text(line.text)
        self._start_item(title, line.label)
        if rest:
            self.take(classify(rest), None)

    def _number(self, line: Line, following: Line | None) -> None:
        """An item number alone on its line: the title follows, or it numbers a paragraph."""
        title = _title_text(following) if following is not None else ""
        if following is not None and title and (
                following.heading or looks_like_title(title, strict=True)):
            self.pending_label, self.title_next = line.label, True
        elif line.delimiter == ".":
            self._main(Line(Kind.MAIN, "", line.label, delimiter="."), following)
        elif self.item is None:
            self.header.append(line.text)
        else:
            self.placement.unplaced(line.text, "a number with no title or text after it")

    # --- markers ---------------------------------------------------------------------------

    def _clutter(self, line: Line, _following: Line | None) -> None:
        self.pending_label = line.label or self.pending_label

    def _minutes(self, line: Line, _following: Line | None) -> None:
        if self._page_title(line):
            return
        item = self._current_item()
        if not item.has_minutes_marker and not self.in_decision:
            self._drop_description(item, "Minutes:")
        self.in_decision = self.in_documents = False
        item.has_minutes_marker = True
        self._reset_numbering()

    def _decision(self, line: Line, _following: Line | None) -> None:
        if self._page_title(line):
            return
        item = self._current_item()
        if not item.has_minutes_marker:
            self._drop_description(item, "Decision:")
        self.in_decision, self.in_documents = True, False
        item.decision.clear()  # a repeated block replaces the earlier one
        self._reset_numbering()

    def _page_title(self, line: Line) -> bool:
        """"Minutes" (no colon) before any item is the title of a web page, not a marker."""
        if self.item is None and not line.prefix.endswith(":"):
            self.header.append(line.prefix)
            return True
        return False

    def _drop_description(self, item: ParsedItem, marker: str) -> None:
        """Unnumbered text between an item's title and its first marker describes the item
        (a web page's agenda text); it is not minutes."""
        if item.paragraphs and all(p.style is ParagraphStyle.UNNUMBERED for p in item.paragraphs):
            for paragraph in item.paragraphs:
                self.placement.unplaced(paragraph.text, f"the item's description before "
                                        f'"{marker}"')
            item.paragraphs.clear()

    def _documents(self, line: Line, _following: Line | None) -> None:
        self.in_documents = True
        if line.text:
            self._current_item().documents.append(document_title(line.text))

    # --- paragraphs ----------------------------------------------------------------------------

    def _main(self, line: Line, following: Line | None) -> None:
        if line.depth == 0 and looks_like_title(line.text) and _opens_item(line, following):
            self._start_item(line.text, line.label.split(".")[0])
            return
        item = self._current_item()
        if line.delimiter == "decimal" and item.number_label is None:
            item.number_label = line.label.split(".")[0]
        self.main_delimiters[line.delimiter] += 1
        if line.depth == 0:
            self.main_label, self.sub_style, self.last_letter = line.label, "", ""
            self.placement.paragraph(line.label, line.delimiter)
        inline = inline_sub_points(line.text)
        if not inline:
            self._add(self._numbered(line.text, line.depth, line.label))
            return
        self._add(self._numbered(inline[0][1], line.depth, line.label))
        for letter, text in inline[1:]:
            self.sub_delimiters[")"] += 1
            self._add(self._numbered(text, line.depth + 1, f"{line.label} {letter}"))

    def _sub(self, line: Line, following: Line | None) -> None:
        if line.delimiter == BULLET:
            self._bullet(line)
            return
        if line.delimiter == "(" and line.label.isalpha() and is_capitals_title(line.text):
            self._start_item(line.text, f"({line.label})")  # a hearing's lettered items
            return
        if self._numbered_depth() < 0 and not (self._after_resolution() or self.in_decision):
            self.placement.orphan_sub_point(line.label, line.delimiter)
        level = self._sub_level(line.label, line.number_format)
        if line.delimiter != "•":
            self.sub_delimiters[line.delimiter] += 1
        if level == 1:
            self.placement.sub_point(line.label, self.sub_style)
        ref = f"{self.main_label} {line.label}".strip()
        self._add(self._numbered(line.text, level, ref))

    def _bullet(self, line: Line) -> None:
        """A bullet point: under a numbered paragraph, one level below it."""
        level = min(self._numbered_depth() + 1, 2)
        self._add(ParsedParagraph(line.text, level, ParagraphStyle.BULLET, self.main_label,
                                  resolution_within(line.text)))

    def _sub_level(self, token: str, number_format: str) -> int:
        follows_letter = len(token) == 1 and self.last_letter and (
            ord(token) == ord(self.last_letter) + 1)
        if number_format:  # Word says which it is
            roman = "Roman" in number_format
        else:
            roman = bool(token) and is_roman(token) and not follows_letter
        if roman and self.sub_style == "alpha":
            level = 2
        else:
            level = 1
            self.sub_style = self.sub_style or ("roman" if roman or token == "i" else "alpha")
            self.last_letter = token if self.sub_style == "alpha" else ""
        return min(level, self._numbered_depth() + 1)

    def _numbered_depth(self) -> int:
        numbered = [p.level for p in self._target()  # sub-points under RESOLVED belong to it
                    if p.style in (ParagraphStyle.NUMBERED, ParagraphStyle.RESOLUTION)] if (
            self.item) else []
        return numbered[-1] if numbered else -1

    def _after_resolution(self) -> bool:
        return bool(self.item) and any(
            p.style is ParagraphStyle.RESOLUTION for p in self._target())

    def _numbered(self, text: str, level: int, ref: str) -> ParsedParagraph:
        return ParsedParagraph(text, level, ParagraphStyle.NUMBERED, ref, resolution_within(text))

    def _resolved(self, line: Line, _following: Line | None) -> None:
        self.placement.resolution()
        self._add(ParsedParagraph(line.text, 0, ParagraphStyle.RESOLUTION, "RESOLVED", line.prefix))

    def _vote(self, line: Line, following: Line | None) -> None:
        """A vote belongs to the resolution above it; anywhere else it is ordinary text."""
        resolution = _open_resolution(self._target()) if self.item is not None else None
        if resolution is None or resolution.vote is not None:
            self._text(Line(Kind.TEXT, line.text), following)
        else:
            resolution.vote = line.vote

    def _plain(self, line: Line, _following: Line | None) -> None:
        """A line the clerk marked as a paragraph: unnumbered text of the current item."""
        target = self._target()
        level = target[-1].level if target else 0
        self._add(ParsedParagraph(line.text, level, ParagraphStyle.UNNUMBERED, self.main_label,
                                  resolution_within(line.text)))

    def _text(self, line: Line, following: Line | None) -> None:
        item = self.item
        if item is not None:  # the line stays text too: the minutes as written
            self.item_attendance += item_attendees(
                line.text, item.number_label or str(len(self.items)))
        target = self._target() if item is not None else []
        if self._is_title(line, following):
            self._start_item(line.title or line.text, line.label or None)
        elif line.title and _opens_numbered_title(line, following):
            self._start_item(line.title, line.label)
        elif self.in_documents and item is not None:
            item.documents.append(document_title(line.text))
        elif item is None:
            self.header.append(line.text)
            if line.heading or line.bold:
                self.set_apart.append(line.text)
        elif target and not target[-1].text:
            target[-1].text = line.text
            target[-1].resolution_prefix = target[-1].resolution_prefix or resolution_within(
                line.text)
        else:
            level = line.level if line.level is not None else (target[-1].level if target else 0)
            self._add(ParsedParagraph(line.text, level, ParagraphStyle.UNNUMBERED,
                                      self.main_label, resolution_within(line.text)))

    def _is_title(self, line: Line, following: Line | None) -> bool:
        if following is None:
            return False
        item = self.item
        if following.kind is Kind.DOCS and line.blank_before and not self.in_documents:
            describes = item is not None and not (item.paragraphs or item.documents
                                                  or item.has_minutes_marker)
            return not describes and looks_like_title(line.text)
        if following.kind in (Kind.MINUTES, Kind.DECISION) and looks_like_title(line.text):
            documents_first = self.in_documents and item is not None and not (
                item.paragraphs or item.has_minutes_marker)
            return not documents_first
        if following.kind is Kind.MAIN and following.depth == 0 and line.blank_before and not (
                following.heading or following.bold):
            restarts = item is None or _restarts_numbering(following)
            return restarts and looks_like_title(line.text, strict=True)
        return False


_TITLE_THEN_TEXT = re.compile(r"^(?P<title>[^:.;]{2,80}?)(?::\s+|\s+[–—-]\s+(?=RESOLVED\b))"
                              r"(?P<rest>\S.*)$")


def _title_and_text(heading: str) -> tuple[str, str]:
    """(title, text) of "Apologies: Cllr Lloyd sent apologies." or "Minutes – RESOLVED that
    ..."; a heading's closing colon is dropped."""
    match = _TITLE_THEN_TEXT.match(heading)
    if match and len(match.group("title").split()) <= 14:
        return match.group("title").strip(), match.group("rest")
    return heading.rstrip(":").rstrip(), ""


def _roll_call(header: AttendanceBlock, items: list[ParsedItem]) -> AttendanceBlock:
    """With no attendance before the first item, the attendance recorded in it (Scottish
    minutes' "Calling of the Roll"); its lines stay the item's text, as written."""
    if header.attendees or not items:
        return header
    texts = [p.text for p in items[0].paragraphs if p.style is ParagraphStyle.UNNUMBERED]
    within = read_attendance(texts)
    if not within.attendees:
        return header
    return AttendanceBlock(within.attendees, header.lines_read, header.not_read + within.not_read)


def _title_text(line: Line) -> str:
    """The words of a line that can be an item title ("Minutes" without a colon is one)."""
    if line.kind is Kind.TEXT:
        return line.text
    if line.kind in (Kind.MINUTES, Kind.DECISION) and not line.prefix.endswith(":"):
        return line.prefix
    return ""


def _opens_section(following: Line | None) -> bool:
    """What follows a heading before the first item shows it titles an item: minutes (a
    marker, a numbered paragraph, a resolution, a sentence), not more of the document's
    heading ("Minutes of the meeting held on ...", "Present: ...", a subtitle)."""
    if following is None or following.heading:
        return False
    if following.kind in (*_MARKERS, Kind.MAIN, Kind.SUB, Kind.RESOLVED):
        return True
    return following.kind is Kind.TEXT and not (
        looks_like_title(following.text) or is_field(following.text))


def _opens_item(line: Line, following: Line | None) -> bool:
    """A numbered line is an item heading when a marker ("Minutes:"), its own 13.1 paragraphs,
    or - for "334. Title" - unnumbered text, a resolution or a restart at 1 follows."""
    if following is None:
        return False
    if following.kind in _MARKERS:
        return True
    if following.delimiter == "decimal" and following.label.startswith(f"{line.label}."):
        return True
    if line.delimiter != "." or not may_be_numbered_heading(line, _LONGEST_HEADING):
        return False
    if following.kind is Kind.MAIN:
        return following.depth == 0 and _restarts_numbering(following)
    return following.kind in (Kind.TEXT, Kind.RESOLVED)


def _opens_numbered_title(line: Line, following: Line | None) -> bool:
    """ "334 Apologies for absence" heads an item when a sentence, a marker, a paragraph or
    another numbered heading follows (not when it is one line of an address)."""
    if following is None or not may_be_numbered_heading(line, _LONGEST_HEADING):
        return False
    if following.kind is Kind.TEXT:
        return bool(following.title) or not looks_like_title(following.text)
    return following.kind in (*_MARKERS, Kind.RESOLVED, Kind.MAIN, Kind.SUB, Kind.ITEM)


def _restarts_numbering(line: Line) -> bool:
    return line.label == "1" or (line.delimiter == "decimal" and line.label.endswith(".1"))


def _open_resolution(paragraphs: list[ParsedParagraph]) -> ParsedParagraph | None:
    """The resolution the last paragraphs belong to (itself, or its sub-points), if any."""
    for paragraph in reversed(paragraphs):
        if paragraph.resolution_prefix:
            return paragraph
        if paragraph.level == 0:
            return None
    return None
