"""Read minutes (a text file, a Word document, or text) into a `MinutesDraft`: what an import
would write, found without touching any database."""

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path

from clerkdesk.domain.numbering import ParagraphScheme
from clerkdesk.errors import ImportFailed
from clerkdesk.importers.decode import read_text_file
from clerkdesk.importers.dispatch import FileKind, file_kind, read_word_file
from clerkdesk.importers.lines import Kind, Line, merge_warnings, merged_lines
from clerkdesk.importers.meeting_facts import (
    committee_from_text,
    council_from_header,
    meeting_date,
    meeting_time,
    meeting_venue,
)
from clerkdesk.importers.parse import ParsedMinutes, parse_lines
from clerkdesk.importers.progress import Progress

DEFAULT_COMMITTEE = "Imported minutes"


@dataclass(frozen=True)
class MinutesDraft:
    """Minutes as read: the heading's facts, the items with their paragraphs, the attendance
    (`parsed.attendance`) and what could not be placed (`parsed.warnings`)."""

    parsed: ParsedMinutes
    committee: str
    date: dt.date | None  # None when the heading gives none
    time: dt.time | None = None
    venue: str = ""
    council: str = ""
    source: str = ""  # the file read, for messages
    committee_from: str = "the heading"  # where the committee's name was found

    @property
    def label(self) -> str:
        return Path(self.source).name if self.source else "The text"


class Mark(StrEnum):
    """What the clerk says a source line is, overriding the parser's reading."""

    ITEM = "item"  # the heading of an agenda item
    PARAGRAPH = "paragraph"  # text of the minutes, never a heading
    SKIP = "skip"  # not part of the minutes


@dataclass(frozen=True)
class Source:
    """The lines of a minutes file as read, before they are placed into items."""

    lines: list[Line]
    text: str
    source: str = ""
    committee: str = ""  # named by a ClerkDesk Word export
    council: str = ""
    warnings: tuple[str, ...] = ()  # what reading found amiss (an unresolved XML entity)


def read_draft(path: Path, progress: Progress | None = None) -> MinutesDraft:
    """The minutes in `path` (.docx or text); ImportFailed, in one line, for anything else.
    `progress` hears of it as the first 600 thousandths of an import (ImportCancelled when the
    clerk stops it)."""
    progress = progress or Progress()
    return draft_from_source(read_source(path, progress), progress=progress)


def draft_from_text(text: str, source: str = "",
                    progress: Progress | None = None) -> MinutesDraft:
    """Minutes given as text (as copied from a council web page)."""
    progress = progress or Progress()
    return draft_from_source(source_from_text(text, source, progress), progress=progress)


def read_source(path: Path, progress: Progress | None = None) -> Source:
    path = Path(path)
    if file_kind(path) is FileKind.TEXT:
        return source_from_text(read_text_file(path), str(path), progress)
    content = read_word_file(path)
    if not content.lines:
        raise ImportFailed(f"{path.name} contains no text.")
    (progress or Progress()).report(400)
    text = "\n".join(line.text for line in content.lines)
    return Source(content.lines, text, str(path), content.committee, content.council,
                  tuple(content.warnings))


def source_from_text(text: str, source: str = "", progress: Progress | None = None) -> Source:
    """The text's lines, wrapped lines joined (the 50-400 thousandths of an import)."""
    label = Path(source).name if source else "The text"
    if "\x00" in text:
        raise ImportFailed(f"{label} holds binary data, not plain-text minutes.")
    progress = progress or Progress()
    progress.report(50)
    return Source(merged_lines(text, progress.phase(50, 400)), text, source)


def draft_from_source(source: Source, marks: Mapping[int, Mark] | None = None,
                      scheme: ParagraphScheme | None = None,
                      progress: Progress | None = None) -> MinutesDraft:
    """The draft of the source's lines, with the clerk's marks (by line index) and numbering
    scheme, when given, instead of the parser's guesses (the 400-600 thousandths of an
    import). The warnings say which lines were joined or numbered too deep, and what reading
    found amiss."""
    lines = [_marked(line, (marks or {}).get(index)) for index, line in enumerate(source.lines)]
    kept = [line for line in lines if line is not None]
    parsed = parse_lines(kept, (progress or Progress()).phase(400, 600))
    parsed.warnings.extend(source.warnings)
    parsed.warnings.extend(merge_warnings(kept))
    if scheme is not None:
        parsed.scheme, parsed.scheme_found = scheme, True
    return draft_of(parsed, source.text, source=source.source,
                    committee=source.committee or None, council=source.council)


def _marked(line: Line, mark: Mark | None) -> Line | None:
    if mark is Mark.SKIP:
        return None
    if mark is Mark.ITEM:
        return replace(line, kind=Kind.ITEM, text=line.title or line.text, heading=False)
    if mark is Mark.PARAGRAPH:
        return replace(line, kind=Kind.PLAIN, heading=False, bold=False)
    return line


def draft_of(parsed: ParsedMinutes, text: str, *, source: str = "", committee: str | None = None,
             council: str = "") -> MinutesDraft:
    """The draft of parsed minutes; the committee is named by the heading (else the most
    prominent "the X Committee", else the file's name); `text` is where it is looked for."""
    found = [(name, origin) for name, origin in (
        ((committee or "").strip(), "the document"),
        (committee_from_text(parsed.header, text) or "", "the heading"),
        (Path(source).stem if source else "", "the file's name"),
        (DEFAULT_COMMITTEE, "nowhere: the default")) if name]
    name, origin = found[0]
    return MinutesDraft(parsed, name, meeting_date(parsed.header), meeting_time(parsed.header),
                        meeting_venue(parsed.header), council or council_from_header(parsed.header),
                        source, origin)
