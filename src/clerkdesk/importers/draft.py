"""Read minutes (a text file, a Word document, or text) into a `MinutesDraft`: what an import
would write, found without touching any database."""

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from clerkdesk.errors import ImportFailed
from clerkdesk.importers.decode import read_text_file
from clerkdesk.importers.dispatch import FileKind, file_kind, read_word_file
from clerkdesk.importers.meeting_facts import (
    committee_from_text,
    council_from_header,
    meeting_date,
    meeting_time,
    meeting_venue,
)
from clerkdesk.importers.parse import ParsedMinutes, parse_lines, parse_minutes

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


def read_draft(path: Path) -> MinutesDraft:
    """The minutes in `path` (.docx or text); ImportFailed, in one line, for anything else."""
    path = Path(path)
    if file_kind(path) is FileKind.TEXT:
        return draft_from_text(read_text_file(path), source=str(path))
    content = read_word_file(path)
    if not content.lines:
        raise ImportFailed(f"{path.name} contains no text.")
    text = "\n".join(line.text for line in content.lines)
    return draft_of(parse_lines(content.lines), text, source=str(path),
                    committee=content.committee or None, council=content.council)


def draft_from_text(text: str, source: str = "") -> MinutesDraft:
    """Minutes given as text (as copied from a council web page)."""
    label = Path(source).name if source else "The text"
    if "\x00" in text:
        raise ImportFailed(f"{label} holds binary data, not plain-text minutes.")
    return draft_of(parse_minutes(text), text, source=source)


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
