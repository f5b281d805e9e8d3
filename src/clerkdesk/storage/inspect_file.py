"""Look at a file before opening it for writing, so a foreign or damaged file is never changed."""

import os
import sqlite3
import struct
from dataclasses import dataclass, field
from pathlib import Path

from clerkdesk.errors import NotAClerkDeskDatabase, StorageError
from clerkdesk.storage.wal_file import already_in_database, read_wal

SQLITE_MAGIC = b"SQLite format 3\x00"
META_TABLE = "clerkdesk_meta"
APP_ID = "clerkdesk"
# SQLite copies the log into the file just after a commit wrote it; a restore comes much later.
CHECKPOINT_MARGIN_NS = 2_000_000_000


@dataclass(frozen=True)
class FileFacts:
    """What the file says about itself: None version means a brand-new empty database."""

    schema_version: int | None
    columns: dict[str, set[str]] = field(default_factory=dict)  # table -> its column names
    notices: tuple[str, ...] = ()  # said once: e.g. a crash log that was not a log


def _page_size(header: bytes) -> int:
    size = struct.unpack(">H", header[16:18])[0]
    return 65536 if size == 1 else size


def _check_header(path: Path) -> None:
    with path.open("rb") as handle:
        header = handle.read(100)
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise NotAClerkDeskDatabase(
            f"{path} is not a ClerkDesk database (it is not an SQLite file). It was not changed."
        )
    page_size = _page_size(header)
    page_count, change_counter, valid_for = (
        struct.unpack(">I", header[28:32])[0],
        struct.unpack(">I", header[24:28])[0],
        struct.unpack(">I", header[92:96])[0],
    )
    if page_count and change_counter == valid_for and path.stat().st_size < page_size * page_count:
        raise NotAClerkDeskDatabase(
            f"{path} is damaged: the file is shorter than its header says (truncated). "
            "It was not changed; restore it from the backups folder beside it."
        )


def read_only_uri(path: Path, settled: bool = False) -> str:
    """An SQLite URI opening `path` read-only; "#", "?" and "%" in the name are escaped.

    `settled` (no -wal, -shm or -journal beside it, so no connection is open) adds
    immutable=1: SQLite then makes no -wal/-shm files beside a file it only looks at.
    """
    return Path(path).absolute().as_uri() + "?mode=ro" + ("&immutable=1" if settled else "")


def _settled(path: Path) -> bool:
    return not any(Path(f"{path}{suffix}").exists() for suffix in ("-wal", "-shm", "-journal"))


def inspect_database_file(path: Path, *, quick_check: bool = True) -> FileFacts:
    """Read-only check of an existing file; raises with a clear message if it is not ours.

    quick_check=False leaves out SQLite's whole-file check (for a file storage.checked_files
    vouches for); the header, -wal, tables and version are checked all the same.
    """
    if path.is_dir():
        raise StorageError(f"{path} is a folder, not a ClerkDesk database file.")
    if path.stat().st_size == 0:
        raise NotAClerkDeskDatabase(
            f"{path} is an empty file, not a ClerkDesk database. It was not changed."
        )
    _check_header(path)
    notices = _check_wal(path)
    try:
        connection = sqlite3.connect(read_only_uri(path, settled=_settled(path)), uri=True)
    except sqlite3.Error as error:
        raise StorageError(f"{path} could not be opened: {error}") from error
    try:
        facts = _read_facts(path, connection)
        if facts.schema_version is not None and quick_check:
            _quick_check(path, connection)
    except sqlite3.DatabaseError as error:
        raise NotAClerkDeskDatabase(
            f"{path} is damaged or not a ClerkDesk database ({error}). It was not changed."
        ) from error
    finally:
        connection.close()
    return FileFacts(facts.schema_version, facts.columns, notices)


def _read_facts(path: Path, connection: sqlite3.Connection) -> FileFacts:
    tables = [row[0] for row in connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")]
    if META_TABLE not in tables:
        if tables:
            raise NotAClerkDeskDatabase(
                f"{path} is an SQLite database from another application, not a ClerkDesk "
                "database. It was not changed."
            )
        return FileFacts(schema_version=None)
    meta = dict(connection.execute(f"SELECT key, value FROM {META_TABLE}").fetchall())
    if meta.get("application") != APP_ID:
        raise NotAClerkDeskDatabase(f"{path} is not a ClerkDesk database. It was not changed.")
    version = str(meta.get("schema_version", ""))
    if not (version.isascii() and version.isdigit() and int(version) >= 1):
        raise NotAClerkDeskDatabase(
            f"{path} is not a ClerkDesk database ClerkDesk can read: its schema version "
            f"{version!r} is not one ClerkDesk ever wrote. It was not changed."
        )
    columns = {
        table: {row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')}
        for table in tables
    }
    return FileFacts(schema_version=int(version), columns=columns)


def _quick_check(path: Path, connection: sqlite3.Connection) -> None:
    """SQLite's quick check (structure, not index contents): refuse a damaged file for writing."""
    try:
        found = connection.execute("PRAGMA quick_check(1)").fetchone()[0]
    except sqlite3.DatabaseError as error:
        found = str(error)
    if found != "ok":
        lines = [line for line in found.splitlines() if not line.startswith("***")]
        raise NotAClerkDeskDatabase(damaged_message(path, (lines or [found])[0].strip()))


def damaged_message(path: Path, detail: str) -> str:
    """One sentence: the file is damaged, was not changed, and the two ways back."""
    from clerkdesk.storage.backups import latest_backup

    backup = latest_backup(path)
    restore = (f"restore the latest backup, {backup}" if backup
               else "restore it from a copy (there is no backup beside it)")
    rescue = path.with_name(f"{path.stem}-recovered.sqlite")
    return (
        f"{path} is damaged ({detail}), so ClerkDesk did not write to it and it was not changed: "
        f"{restore}, or rescue what is readable into a new file with "
        f"`sqlite3 {path} .recover | sqlite3 {rescue}`."
    )


def _check_wal(path: Path) -> tuple[str, ...]:
    """Refuse a -wal that belongs to an earlier copy of the file; notices for what SQLite drops.

    SQLite replays any valid -wal beside a file. A leftover -wal older than the database
    file itself was not written after it (ClerkDesk writes the -wal after the file, and a clean
    close removes it), unless a checkpoint already copied it in: then replaying it is harmless.
    The margin keeps a checkpoint that another ClerkDesk could not finish (a reader held older
    pages) from looking like a restore.
    """
    wal = Path(f"{path}-wal")
    if not wal.is_file() or wal.stat().st_size == 0:
        return ()
    facts = read_wal(wal)
    if not facts.valid:
        return (f"{wal.name} beside the database was not a valid change log (no saved change "
                "was in it), so SQLite will discard it.",)
    if not os.access(path.parent, os.W_OK):
        raise StorageError(
            f"{path} has changes from an interrupted session in {wal.name}, and its folder is "
            "read-only, so ClerkDesk cannot finish saving them: copy the file and its -wal "
            "to a folder you can write to and open it there. It was not changed."
        )
    with path.open("rb") as handle:
        page_size = _page_size(handle.read(100))
    older = path.stat().st_mtime_ns - wal.stat().st_mtime_ns > CHECKPOINT_MARGIN_NS
    if (older and facts.committed_pages
            and not already_in_database(facts, path, page_size)):
        raise NotAClerkDeskDatabase(
            f"{wal} is older than {path.name}, so it belongs to an earlier copy of the file (a "
            "backup copied over it?) and replaying it would mix two versions: ClerkDesk left "
            f"both unchanged; set it aside (move {wal.name} and {path.name}-shm to another "
            "folder) to open the file as it is."
        )
    if facts.unfinished:
        return ("A change that was being saved when ClerkDesk (or the computer) stopped was "
                "unfinished and has been left out; every change saved before it is kept.",)
    return ()
