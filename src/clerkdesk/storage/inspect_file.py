"""Look at a file before opening it for writing, so a foreign or damaged file is never changed."""

import sqlite3
import struct
from dataclasses import dataclass
from pathlib import Path

from clerkdesk.errors import NotAClerkDeskDatabase, StorageError

SQLITE_MAGIC = b"SQLite format 3\x00"
META_TABLE = "clerkdesk_meta"
APP_ID = "clerkdesk"


@dataclass(frozen=True)
class FileFacts:
    """What the file says about itself: None version means a brand-new empty database."""

    schema_version: int | None


def _check_header(path: Path) -> None:
    with path.open("rb") as handle:
        header = handle.read(100)
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise NotAClerkDeskDatabase(
            f"{path} is not a ClerkDesk database (it is not an SQLite file). It was not changed."
        )
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
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


def inspect_database_file(path: Path) -> FileFacts:
    """Read-only check of an existing file; raises with a clear message if it is not ours."""
    if path.is_dir():
        raise StorageError(f"{path} is a folder, not a ClerkDesk database file.")
    if path.stat().st_size == 0:
        raise NotAClerkDeskDatabase(
            f"{path} is an empty file, not a ClerkDesk database. It was not changed."
        )
    _check_header(path)
    try:
        connection = sqlite3.connect(read_only_uri(path, settled=_settled(path)), uri=True)
    except sqlite3.Error as error:
        raise StorageError(f"{path} could not be opened: {error}") from error
    try:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        if META_TABLE not in tables:
            if tables:
                raise NotAClerkDeskDatabase(
                    f"{path} is an SQLite database from another application, not a ClerkDesk "
                    "database. It was not changed."
                )
            return FileFacts(schema_version=None)
        facts = dict(connection.execute(f"SELECT key, value FROM {META_TABLE}").fetchall())
    except sqlite3.DatabaseError as error:
        raise NotAClerkDeskDatabase(
            f"{path} is damaged or not a ClerkDesk database ({error}). It was not changed."
        ) from error
    finally:
        connection.close()
    if facts.get("application") != APP_ID or not str(facts.get("schema_version", "")).isdigit():
        raise NotAClerkDeskDatabase(f"{path} is not a ClerkDesk database. It was not changed.")
    return FileFacts(schema_version=int(facts["schema_version"]))
