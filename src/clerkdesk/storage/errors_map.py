"""Translate low-level database errors by their error code: the environment's fault (busy, full,
read-only, damaged, unreachable) becomes a StorageError a clerk can act on; anything else
(constraint, misuse, SQL error) is ClerkDesk's bug and becomes a DatabaseBug."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import exc

from clerkdesk.errors import (
    DatabaseBug,
    DatabaseBusy,
    PasswordNeeded,
    ServerUnreachable,
    StorageError,
)

# The server went away (or its database did): worth waiting for, with edits journalled.
UNREACHABLE_NEEDLES = ("database does not exist", "connection refused", "timeout expired",
                       "terminating connection", "server closed the connection",
                       "consuming input failed", "connection is closed")
DISK_FULL = "The disk is full: free some space; your text is kept."
BUSY_MESSAGE = "The database is busy in another program; retrying shortly."
# SQLite reports some writes that fail for want of space as an I/O error.
NEARLY_FULL_BYTES = 1024 * 1024
# SQLite primary result codes (extended code & 0xFF) that are the environment's, not a bug.
_SQLITE_MESSAGES = {
    "SQLITE_BUSY": BUSY_MESSAGE,
    "SQLITE_LOCKED": BUSY_MESSAGE,
    "SQLITE_FULL": DISK_FULL,
    "SQLITE_IOERR": "The disk reported an input/output error while saving.",
    "SQLITE_READONLY": "The database file is read-only, so changes cannot be saved.",
    "SQLITE_CANTOPEN": "The database file could not be opened.",
    "SQLITE_CORRUPT": "The database file is damaged (malformed).",
    "SQLITE_NOTADB": "The file is not a database.",
    "SQLITE_NOMEM": "The computer ran out of memory while using the database.",
    "SQLITE_PROTOCOL": BUSY_MESSAGE,
}
_SQLITE_BUSY = frozenset({"SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_PROTOCOL"})
_SQLITE_PRIMARY = {5: "SQLITE_BUSY", 6: "SQLITE_LOCKED", 7: "SQLITE_NOMEM", 8: "SQLITE_READONLY",
                   10: "SQLITE_IOERR", 11: "SQLITE_CORRUPT", 13: "SQLITE_FULL",
                   14: "SQLITE_CANTOPEN", 15: "SQLITE_PROTOCOL", 26: "SQLITE_NOTADB"}
# PostgreSQL SQLSTATE classes (first two characters) that are the environment's.
_SQLSTATE_CLASSES = {
    "08": "The connection to the database server was lost.",
    "28": "The database server refused the user name or password.",
    "3D": "There is no database of that name on the server: check the address for a typo, or "
          "ask IT to create it (clerkdesk init-db).",
    "40": BUSY_MESSAGE,
    "53": "The database server is out of space or memory; your text is kept.",
    "55": BUSY_MESSAGE,
    "57": "The connection to the database server was lost (the server stopped it).",
    "58": "The database server reported an input/output error.",
}
_SQLSTATE_BUSY = frozenset({"40", "55"})
_SQLSTATE_UNREACHABLE = frozenset({"08", "3D", "57"})  # the server or its database went away
# Errors without a code (connection failures, hand-made errors): the wording decides the message.
_MESSAGES = (
    ("database or disk is full", DISK_FULL),
    ("disk i/o error", _SQLITE_MESSAGES["SQLITE_IOERR"]),
    ("database is locked", BUSY_MESSAGE),
    ("readonly database", _SQLITE_MESSAGES["SQLITE_READONLY"]),
    ("unable to open database", _SQLITE_MESSAGES["SQLITE_CANTOPEN"]),
    ("malformed", _SQLITE_MESSAGES["SQLITE_CORRUPT"]),
    ("file is not a database", _SQLITE_MESSAGES["SQLITE_NOTADB"]),
    # PostgreSQL (psycopg 3) in team mode
    ("password authentication failed", _SQLSTATE_CLASSES["28"]),
    ("no password supplied",
     "The database server needs a password: give it when asked, or put it in ~/.pgpass."),
    ("failed to resolve host",
     "The database server's name was not found: check the address for a typo."),
    ("could not translate host name",
     "The database server's name was not found: check the address for a typo."),
    ("server does not support ssl",
     "The address asks for an encrypted connection (sslmode), which the server does not offer."),
    ("database does not exist", _SQLSTATE_CLASSES["3D"]),
    ("connection refused",
     "The database server did not answer: it may be down, or the address or port is wrong."),
    ("timeout expired",
     "The database server did not answer in time: check the network and the address."),
    ("terminating connection", _SQLSTATE_CLASSES["57"]),
    ("server closed the connection", _SQLSTATE_CLASSES["08"]),
    ("consuming input failed", _SQLSTATE_CLASSES["08"]),
    ("connection is closed", _SQLSTATE_CLASSES["08"]),
)
PASSWORD_NEEDLES = ("password authentication failed", "no password supplied")
# Without a code, the DB-API class says whose fault it is (OperationalError: the environment).
_BUG_CLASSES = (exc.IntegrityError, exc.ProgrammingError, exc.DataError, exc.NotSupportedError)


def storage_error(error: exc.DBAPIError | OSError,
                  path: Path | None = None) -> StorageError | DatabaseBug:
    """A StorageError explaining `error` in plain words (`path`: the database), or a DatabaseBug
    when the error code says ClerkDesk itself is wrong."""
    original = getattr(error, "orig", error)
    detail = _normalised(str(original))
    name = _sqlite_name(original)
    if name is not None:
        return _from_sqlite(name, original, path)
    sqlstate = getattr(original, "sqlstate", None)
    if isinstance(sqlstate, str) and sqlstate:
        return _from_sqlstate(sqlstate, detail, original)
    return _from_text(error, detail, original, path)


def _sqlite_name(original: object) -> str | None:
    """The primary SQLite result code's name, or None when the error carries no code."""
    code = getattr(original, "sqlite_errorcode", None)
    if not isinstance(code, int):
        return None
    return _SQLITE_PRIMARY.get(code & 0xFF, f"SQLITE_{code & 0xFF}")


def _from_sqlite(name: str, original: object,
                 path: Path | None) -> StorageError | DatabaseBug:
    if name == "SQLITE_IOERR" and path is not None and _nearly_full(path):
        return StorageError(DISK_FULL)
    message = _SQLITE_MESSAGES.get(name)
    if message is None:
        full_name = getattr(original, "sqlite_errorname", name)
        return DatabaseBug(
            f"ClerkDesk sent the database something wrong ({full_name}: {original}).")
    return DatabaseBusy(message) if name in _SQLITE_BUSY else StorageError(message)


def _from_sqlstate(sqlstate: str, detail: str, original: object) -> StorageError | DatabaseBug:
    message = _SQLSTATE_CLASSES.get(sqlstate[:2])
    if message is None:
        return DatabaseBug(
            f"ClerkDesk sent the database something wrong (SQLSTATE {sqlstate}: {original}).")
    if sqlstate[:2] == "28":
        return PasswordNeeded(_by_text(detail) or message)
    if sqlstate[:2] in _SQLSTATE_BUSY:
        return DatabaseBusy(message)
    if sqlstate[:2] in _SQLSTATE_UNREACHABLE:
        return ServerUnreachable(_by_text(detail) or message)
    return StorageError(_by_text(detail) or message)


def _from_text(error: exc.DBAPIError | OSError, detail: str, original: object,
               path: Path | None) -> StorageError | DatabaseBug:
    if isinstance(error, _BUG_CLASSES):
        return DatabaseBug(f"ClerkDesk sent the database something wrong ({original}).")
    if "disk i/o error" in detail and path is not None and _nearly_full(path):
        return StorageError(DISK_FULL)
    message = _by_text(detail)
    if message is None:
        return StorageError(f"The database could not be used: {original}")
    if any(needle in detail for needle in PASSWORD_NEEDLES):
        return PasswordNeeded(message)
    if any(needle in detail for needle in UNREACHABLE_NEEDLES):
        return ServerUnreachable(message)
    return DatabaseBusy(message) if message == BUSY_MESSAGE else StorageError(message)


def _by_text(detail: str) -> str | None:
    return next((message for needle, message in _MESSAGES if needle in detail), None)


def _normalised(detail: str) -> str:
    """Lower case, and PostgreSQL's 'database "x" does not exist' without the name."""
    detail = detail.lower()
    if "does not exist" in detail and "database" in detail:
        return detail + " database does not exist"
    return detail


def _nearly_full(path: Path) -> bool:
    try:
        return shutil.disk_usage(path.parent).free < NEARLY_FULL_BYTES
    except OSError:
        return False
