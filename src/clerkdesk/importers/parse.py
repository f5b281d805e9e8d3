"""Turn plain-text minutes into items with levelled paragraphs; numbers are read, never stored."""

from collections import Counter
from dataclasses import dataclass, field

from clerkdesk.domain.enums import ParagraphStyle
from clerkdesk.domain.numbering import ParagraphScheme
from clerkdesk.importers.lines import (
    PARAGRAPH_KINDS,
    Kind,
    Line,
    classify,
    clean_line,
    document_title,
    is_roman,
    looks_like_title,
    split_resolution,
)


@dataclass
class ParsedParagraph:
    text: str
    level: int = 0
    style: ParagraphStyle = ParagraphStyle.NUMBERED
    ref: str = ""  # where it stood in the source, for messages: "9", "10 b", "RESOLVED"
    resolution_prefix: str = ""  # set when the paragraph is (or opens with) a resolution


@dataclass
class ParsedItem:
    title: str
    number_label: str | None = None
    paragraphs: list[ParsedParagraph] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    has_minutes_marker: bool = False


@dataclass
class ParsedMinutes:
    items: list[ParsedItem]
    header: list[str]  # lines before the first item: council, committee, date, attendance
    scheme: ParagraphScheme = ParagraphScheme.PAREN

    @property
    def uses_minutes_heading(self) -> bool:
        return any(item.has_minutes_marker for item in self.items)

    def paragraphs(self) -> list[ParsedParagraph]:
        return [p for item in self.items for p in item.paragraphs]

    def is_empty(self) -> bool:
        """No item titles and no numbered paragraphs or resolutions: not minutes at all."""
        titled = any(item.title for item in self.items)
        return not titled and all(p.style is ParagraphStyle.UNNUMBERED for p in self.paragraphs())


def parse_minutes(text: str) -> ParsedMinutes:
    builder = _Builder()
    lines = merged_lines(text)
    for index, line in enumerate(lines):
        builder.take(line, lines[index + 1] if index + 1 < len(lines) else None)
    return ParsedMinutes(builder.items, builder.header, builder.scheme())


def merged_lines(text: str) -> list[Line]:
    """Classified non-blank lines; a wrapped line is joined to the line it continues."""
    lines: list[Line] = []
    blank_before = True
    in_documents = False
    for raw in text.splitlines():
        cleaned = clean_line(raw)
        if not cleaned:
            blank_before = True
            continue
        line = classify(cleaned)
        line.blank_before = blank_before
        continues = (line.kind is Kind.TEXT and not blank_before and not in_documents
                     and lines and lines[-1].kind in PARAGRAPH_KINDS)
        if continues:
            lines[-1].text = f"{lines[-1].text} {cleaned}".strip()
        else:
            lines.append(line)
        if line.kind is Kind.DOCS:
            in_documents = True
        elif line.kind is not Kind.TEXT:
            in_documents = False
        blank_before = line.kind is Kind.CLUTTER  # a title right under "Agenda item" stands alone
    return lines


class _Builder:
    """One pass over the lines, keeping the current item and sub-point numbering context."""

    def __init__(self) -> None:
        self.items: list[ParsedItem] = []
        self.header: list[str] = []
        self.in_documents = False
        self.pending_label: str | None = None
        self.main_label = ""
        self.sub_style = ""  # "alpha" for a) b), "roman" for (i) (ii) at the first sub-level
        self.last_letter = ""
        self.delimiters: Counter[str] = Counter()

    @property
    def item(self) -> ParsedItem | None:
        return self.items[-1] if self.items else None

    def scheme(self) -> ParagraphScheme:
        if not self.delimiters:
            return ParagraphScheme.PAREN
        top = self.delimiters.most_common(1)[0][0]
        return {".": ParagraphScheme.DOT, "decimal": ParagraphScheme.DECIMAL}.get(
            top, ParagraphScheme.PAREN)

    def take(self, line: Line, following: Line | None) -> None:
        handler = {
            Kind.CLUTTER: self._clutter, Kind.MINUTES: self._minutes, Kind.DOCS: self._documents,
            Kind.ITEM: self._item_heading, Kind.MAIN: self._main, Kind.SUB: self._sub,
            Kind.RESOLVED: self._resolved, Kind.TEXT: self._text,
        }[line.kind]
        handler(line, following)

    def _start_item(self, title: str, label: str | None) -> ParsedItem:
        item = ParsedItem(title, label or self.pending_label)
        self.items.append(item)
        self.pending_label = None
        self.in_documents = False
        self.main_label = self.sub_style = self.last_letter = ""
        return item

    def _current_item(self) -> ParsedItem:
        return self.item or self._start_item("", None)

    def _add(self, paragraph: ParsedParagraph) -> None:
        self.in_documents = False
        self._current_item().paragraphs.append(paragraph)

    def _clutter(self, line: Line, _following: Line | None) -> None:
        self.pending_label = line.label or self.pending_label

    def _minutes(self, _line: Line, _following: Line | None) -> None:
        self._current_item().has_minutes_marker = True
        self.in_documents = False

    def _documents(self, line: Line, _following: Line | None) -> None:
        self.in_documents = True
        if line.text:
            self._current_item().documents.append(document_title(line.text))

    def _item_heading(self, line: Line, _following: Line | None) -> None:
        self._start_item(line.text, line.label)

    def _main(self, line: Line, following: Line | None) -> None:
        if line.depth == 0 and looks_like_title(line.text) and _opens_item(line, following):
            self._start_item(line.text, line.label.split(".")[0])
            return
        item = self._current_item()
        if line.delimiter == "decimal" and item.number_label is None:
            item.number_label = line.label.split(".")[0]
        self.delimiters[line.delimiter] += 1
        if line.depth == 0:
            self.main_label, self.sub_style, self.last_letter = line.label, "", ""
        self._add(self._numbered(line.text, line.depth, line.label))

    def _sub(self, line: Line, _following: Line | None) -> None:
        level = self._sub_level(line.label)
        ref = f"{self.main_label} {line.label}".strip()
        self._add(self._numbered(line.text, level, ref))

    def _sub_level(self, token: str) -> int:
        follows_letter = len(token) == 1 and self.last_letter and (
            ord(token) == ord(self.last_letter) + 1)
        if token and is_roman(token) and self.sub_style == "alpha" and not follows_letter:
            level = 2
        else:
            level = 1
            self.sub_style = self.sub_style or ("roman" if token == "i" else "alpha")
            self.last_letter = token if self.sub_style == "alpha" else ""
        return min(level, self._numbered_depth() + 1)

    def _numbered_depth(self) -> int:
        item = self.item
        numbered = [p.level for p in item.paragraphs if p.style is ParagraphStyle.NUMBERED] if (
            item) else []
        return numbered[-1] if numbered else -1

    def _numbered(self, text: str, level: int, ref: str) -> ParsedParagraph:
        resolution = split_resolution(text)
        prefix = resolution[0] if resolution else ""
        return ParsedParagraph(text, level, ParagraphStyle.NUMBERED, ref, prefix)

    def _resolved(self, line: Line, _following: Line | None) -> None:
        self._add(ParsedParagraph(line.text, 0, ParagraphStyle.RESOLUTION, "RESOLVED", line.prefix))

    def _text(self, line: Line, following: Line | None) -> None:
        item = self.item
        if self._is_title(line, following):
            self._start_item(line.text, None)
        elif self.in_documents and item is not None:
            item.documents.append(document_title(line.text))
        elif item is None:
            self.header.append(line.text)
        elif item.paragraphs and not item.paragraphs[-1].text:
            item.paragraphs[-1].text = line.text
        else:
            level = item.paragraphs[-1].level if item.paragraphs else 0
            self._add(ParsedParagraph(line.text, level, ParagraphStyle.UNNUMBERED, self.main_label))

    def _is_title(self, line: Line, following: Line | None) -> bool:
        if following is None:
            return False
        item = self.item
        if following.kind is Kind.DOCS and line.blank_before and not self.in_documents:
            return looks_like_title(line.text)
        if following.kind is Kind.MINUTES and looks_like_title(line.text):
            documents_first = self.in_documents and item is not None and not (
                item.paragraphs or item.has_minutes_marker)
            return not documents_first
        if following.kind is Kind.MAIN and following.depth == 0 and line.blank_before:
            restarts = item is None or _restarts_numbering(following)
            return restarts and looks_like_title(line.text, strict=True)
        return False


def _opens_item(line: Line, following: Line | None) -> bool:
    """A numbered line is an item heading when "Minutes:" or its own 13.1 paragraphs follow."""
    if following is None:
        return False
    if following.kind is Kind.MINUTES:
        return True
    return following.delimiter == "decimal" and following.label.startswith(f"{line.label}.")


def _restarts_numbering(line: Line) -> bool:
    return line.label == "1" or (line.delimiter == "decimal" and line.label.endswith(".1"))
