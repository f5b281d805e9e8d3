"""Read an agenda - a list of item titles in a text file, a Word document or pasted text - as
entries with the numbering as typed removed (and kept as the item number where it is one,
"35/20" or "PLA146/14"); `services.agenda_import` makes them a meeting."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from clerkdesk.domain.agenda_lines import agenda_title
from clerkdesk.errors import ImportFailed
from clerkdesk.importers.decode import read_text_file
from clerkdesk.importers.dispatch import FileKind, file_kind, read_word_file
from clerkdesk.importers.lines import Kind, Line, classify, clean_line, document_title

_SKIPPED = (Kind.CLUTTER,)
_MARKERS = (Kind.MINUTES, Kind.DECISION)  # skipped as "Minutes:"; "Minutes" alone is a title
_NOT_TITLES = {"agenda", "agenda items", "part 1", "part 2", "part i", "part ii", "items"}


@dataclass(frozen=True)
class AgendaEntry:
    title: str
    label: str | None = None  # the item number as written, when it is one


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


def agenda_lines(path_or_text: Path | str) -> list[Line]:
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


def source_name(path_or_text: Path | str) -> str:
    path = _as_path(path_or_text)
    return path.name if path is not None else "The agenda text"
