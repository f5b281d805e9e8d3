"""The offline journal: edits to a team database kept in a local SQLite file until sent.

One file per team database (named by a hash of its URL without the password) in a `journals`
folder beside the settings. Every append is its own committed transaction (WAL, synchronous
FULL), so a change the window accepted survives a crash or power cut. Paragraphs created while
offline get negative temporary ids; the journal remembers which real id each one became.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import URL, make_url

from clerkdesk.errors import StorageError

PENDING, DONE, SET_ASIDE = "pending", "done", "set_aside"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS entry (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    op TEXT NOT NULL,
    args TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending',
    reason TEXT
);
CREATE TABLE IF NOT EXISTS id_map (temp INTEGER PRIMARY KEY, real INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS known_version (paragraph INTEGER PRIMARY KEY, version INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS counter (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
"""


@dataclass(frozen=True)
class Entry:
    """One journalled edit: `op` names the service, `args` its JSON arguments."""

    seq: int
    op: str
    args: dict[str, Any]


def journals_folder() -> Path:
    """The `journals` folder beside ClerkDesk's settings (platformdirs' user config folder)."""
    import platformdirs

    return Path(platformdirs.user_config_dir("ClerkDesk", appauthor=False)) / "journals"


def journal_path(url: str, folder: Path | None = None) -> Path:
    """The journal file of a team database URL (the same file whatever the password)."""
    given = make_url(url)
    safe = URL.create(given.get_backend_name(), username=given.username, host=given.host,
                      port=given.port, database=given.database)  # no password, no driver
    digest = hashlib.sha256(safe.render_as_string().encode()).hexdigest()[:20]
    return (folder or journals_folder()) / f"{digest}.sqlite"


class Journal:
    """Append, count, read in order, and mark edits sent; safe against crashes."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._connection = sqlite3.connect(str(path), isolation_level=None)
            self._connection.execute("PRAGMA journal_mode=WAL")
            self._connection.execute("PRAGMA synchronous=FULL")
            self._connection.executescript(_SCHEMA)
        except (OSError, sqlite3.Error) as error:
            raise StorageError(f"The offline journal {path} could not be opened: {error}") from None

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        try:
            self._connection.execute("BEGIN IMMEDIATE")
            try:
                yield self._connection
            except BaseException:
                self._connection.execute("ROLLBACK")
                raise
            self._connection.execute("COMMIT")
        except sqlite3.Error as error:
            raise StorageError(f"The offline journal could not be written: {error}") from None

    def append(self, op: str, args: dict[str, Any]) -> int:
        """Keep an edit; a text save replacing the last pending save of the same paragraph
        takes its place (the same result when replayed, and one change to send, not hundreds)."""
        with self._write() as db:
            last = db.execute("SELECT seq, op, args FROM entry WHERE state = 'pending' "
                              "ORDER BY seq DESC LIMIT 1").fetchone()
            if (op == "text" and last is not None and last[1] == "text"
                    and json.loads(last[2])["paragraph"] == args["paragraph"]):
                db.execute("UPDATE entry SET args = ? WHERE seq = ?", (json.dumps(args), last[0]))
                return int(last[0])
            cursor = db.execute("INSERT INTO entry (op, args) VALUES (?, ?)",
                                (op, json.dumps(args)))
            return int(cursor.lastrowid or 0)

    def pending(self) -> list[Entry]:
        rows = self._connection.execute(
            "SELECT seq, op, args FROM entry WHERE state = 'pending' ORDER BY seq")
        return [Entry(seq, op, json.loads(args)) for seq, op, args in rows]

    def pending_count(self) -> int:
        row = self._connection.execute("SELECT count(*) FROM entry WHERE state = 'pending'")
        return int(row.fetchone()[0])

    def set_aside(self) -> list[tuple[Entry, str]]:
        """Edits the server refused on replay (a conflict), kept with the reason."""
        rows = self._connection.execute(
            "SELECT seq, op, args, reason FROM entry WHERE state = 'set_aside' ORDER BY seq")
        return [(Entry(seq, op, json.loads(args)), reason) for seq, op, args, reason in rows]

    def finish(self, seq: int, *, new_ids: dict[int, int] | None = None,
               versions: dict[int, int] | None = None) -> None:
        """The entry reached the server: mark it sent with what it taught us, in one commit."""
        with self._write() as db:
            db.execute("UPDATE entry SET state = 'done' WHERE seq = ?", (seq,))
            self._store(db, new_ids or {}, versions or {})

    def put_aside(self, seq: int, reason: str) -> None:
        """Keep an entry the server refused, out of the replay queue (never deleted)."""
        with self._write() as db:
            db.execute("UPDATE entry SET state = 'set_aside', reason = ? WHERE seq = ?",
                       (reason, seq))

    def resolve(self, seq: int) -> None:
        """The clerk settled a set-aside entry (e.g. in the conflict dialog)."""
        with self._write() as db:
            db.execute("UPDATE entry SET state = 'done' WHERE seq = ?", (seq,))

    def remember_versions(self, versions: dict[int, int]) -> None:
        """The server versions our next saves of these paragraphs are based on."""
        if versions:
            with self._write() as db:
                self._store(db, {}, versions)

    @staticmethod
    def _store(db: sqlite3.Connection, new_ids: dict[int, int], versions: dict[int, int]) -> None:
        db.executemany("INSERT OR REPLACE INTO id_map VALUES (?, ?)", new_ids.items())
        db.executemany("INSERT OR REPLACE INTO known_version VALUES (?, ?)", versions.items())

    def version(self, paragraph_id: int) -> int | None:
        row = self._connection.execute(
            "SELECT version FROM known_version WHERE paragraph = ?", (paragraph_id,)).fetchone()
        return None if row is None else int(row[0])

    def new_temporary_ids(self, count: int) -> list[int]:
        """Negative ids, never reused in this journal, for paragraphs created offline."""
        with self._write() as db:
            row = db.execute("SELECT value FROM counter WHERE name = 'temp'").fetchone()
            last = 0 if row is None else int(row[0])
            db.execute("INSERT OR REPLACE INTO counter VALUES ('temp', ?)", (last - count,))
        return [last - n for n in range(1, count + 1)]

    def real_id(self, paragraph_id: int) -> int:
        """The server id of a paragraph (a temporary id once its creation was sent)."""
        if paragraph_id >= 0:
            return paragraph_id
        row = self._connection.execute(
            "SELECT real FROM id_map WHERE temp = ?", (paragraph_id,)).fetchone()
        return paragraph_id if row is None else int(row[0])

    def id_map(self) -> dict[int, int]:
        return dict(self._connection.execute("SELECT temp, real FROM id_map"))

    def close(self) -> None:
        self._connection.close()
