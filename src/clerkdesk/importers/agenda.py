"""Import an agenda - a list of item titles in a text file, a Word document or pasted text - as
the items of a new meeting, with the numbering as typed removed (and kept as the item number
where it is one, "35/20" or "PLA146/14")."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerkdesk.domain.agenda_lines import agenda_title
from clerkdesk.domain.numbering import ItemNumbering
from clerkdesk.errors import ImportFailed
from clerkdesk.importers.decode import read_text_file
from clerkdesk.importers.dispatch import FileKind, file_kind, read_word_file
from clerkdesk.importers.lines import Kind, Line, classify, clean_line, document_title
from clerkdesk.importers.scheme_detect import item_numbering, label_override
from clerkdesk.services._lookup import get_or_fail
from clerkdesk.services.committees import find_or_create_committee
from clerkdesk.services.meetings import add_item_in, create_meeting_in
from clerkdesk.storage.database import Database
from clerkdesk.storage.models import Committee

_SKIPPED = (Kind.CLUTTER,)
_MARKERS = (Kind.MINUTES, Kind.DECISION)  # skipped as "Minutes:"; "Minutes" alone is a title
_NOT_TITLES = {"agenda", "agenda items", "part 1", "part 2", "part i", "part ii", "items"}


@dataclass(frozen=True)
class AgendaEntry:
    title: str
    label: str | None = None  # the item number as written, when it is one


def import_agenda(
    db: Database, path_or_text: Path | str, committee: str | int, date: dt.date,
    time: dt.time | None = None, venue: str = "",
) -> int:
    """A new draft meeting whose agenda is the titles listed; its id.

    `path_or_text` is a file (.txt or .docx; a str naming an existing file counts as one) or the
    agenda as text. `committee` is a committee id or name (created if new; a new committee
    takes the item numbering the agenda uses). No existing meeting is changed.
    """
    entries = agenda_entries(_agenda_lines(path_or_text))
    if not entries:
        raise ImportFailed(f"{_source_name(path_or_text)} lists no agenda items.")
    with db.transaction() as session:
        row = _committee(session, committee, [e.label for e in entries])
        numbering = ItemNumbering(row.item_number_template, row.item_number_start)
        meeting = create_meeting_in(session, row.id, date, time, venue.strip())
        for index, entry in enumerate(entries):
            add_item_in(session, meeting.id, entry.title,
                        number_label=label_override(numbering, index, entry.label))
        return meeting.id


def agenda_entries(lines: list[Line]) -> list[AgendaEntry]:
    """Titles from classified lines. When two or more lines are numbered, bulleted or styled
    as headings, only those are items: the rest are descriptions and document lists."""
    entries: list[tuple[AgendaEntry, bool]] = []
    pending: str | None = None
    in_documents = False
    for line in lines:
        if line.kind is Kind.DOCS:
            in_documents = True
            continue
        if line.kind in _MARKERS and not line.prefix.endswith(":"):
            line = Line(Kind.TEXT, line.prefix, heading=line.heading)
        if line.kind in _SKIPPED or line.kind in _MARKERS or (
                in_documents and line.kind is Kind.TEXT):
            continue
        in_documents = False
        if line.kind is Kind.NUMBER:
            pending = line.label
            continue
        entry = _entry(line, pending)
        marked = entry.label is not None or line.heading or line.kind is Kind.SUB or (
            line.kind is Kind.TEXT and agenda_title(line.text) != line.text)
        pending = None
        if entry.title and entry.title.casefold() not in _NOT_TITLES:
            entries.append((entry, marked))
    if sum(marked for _, marked in entries) >= 2:
        return [entry for entry, marked in entries if marked]
    return [entry for entry, _ in entries]


def _entry(line: Line, pending: str | None) -> AgendaEntry:
    if line.kind in (Kind.MAIN, Kind.ITEM) and line.depth == 0:
        return AgendaEntry(_title(line.text), line.label)
    if line.kind is Kind.TEXT and line.title:
        return AgendaEntry(_title(line.title), line.label)
    return AgendaEntry(_title(line.text), pending)


def _title(text: str) -> str:
    return agenda_title(document_title(text))


def _agenda_lines(path_or_text: Path | str) -> list[Line]:
    path = _as_path(path_or_text)
    if path is None:
        return text_lines(str(path_or_text))
    if file_kind(path) is FileKind.WORD:
        return read_word_file(path).lines
    return text_lines(read_text_file(path))


def text_lines(text: str) -> list[Line]:
    if "\x00" in text:
        raise ImportFailed("The agenda holds binary data, not a list of titles.")
    return [classify(cleaned) for raw in text.splitlines() if (cleaned := clean_line(raw))]


def _as_path(path_or_text: Path | str) -> Path | None:
    if isinstance(path_or_text, Path):
        return path_or_text
    text = path_or_text.strip()
    if text and "\n" not in text and len(text) < 1000 and Path(text).expanduser().is_file():
        return Path(text).expanduser()
    return None


def _source_name(path_or_text: Path | str) -> str:
    path = _as_path(path_or_text)
    return path.name if path is not None else "The agenda text"


def _committee(session: Session, committee: str | int, labels: list[str | None]) -> Committee:
    if isinstance(committee, int):
        return get_or_fail(session, Committee, committee, "committee")
    name = committee.strip()
    if not name:
        raise ImportFailed("Name the committee the agenda is for.")
    existing = session.scalars(select(Committee).where(Committee.name == name)).first()
    row = find_or_create_committee(session, name)
    numbering = item_numbering(labels)
    if existing is None and numbering is not None:
        row.item_number_template, row.item_number_start = numbering.template, numbering.start
        session.flush()
    return row
