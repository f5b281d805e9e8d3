"""Translate low-level database errors into messages a clerk can act on."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import exc

from clerkdesk.errors import DatabaseBusy, PasswordNeeded, ServerUnreachable, StorageError

BUSY = "database is locked"
PASSWORD_NEEDLES = ("password authentication failed", "no password supplied")
# The server went away (or its database did): worth waiting for, with edits journalled.
UNREACHABLE_NEEDLES = ("database does not exist", "connection refused", "timeout expired",
                       "terminating connection", "server closed the connection",
                       "consuming input failed", "connection is closed")
DISK_FULL = "The disk is full: free some space; your text is kept."
# SQLite reports some writes that fail for want of space as an I/O error.
NEARLY_FULL_BYTES = 1024 * 1024
_MESSAGES = (
    ("database or disk is full", DISK_FULL),
    ("disk i/o error", "The disk reported an input/output error while saving."),
    (BUSY, "The database is busy in another program; retrying shortly."),
    ("readonly database", "The database file is read-only, so changes cannot be saved."),
    ("unable to open database", "The database file could not be opened."),
    ("malformed", "The database file is damaged (malformed)."),
    ("file is not a database", "The file is not a database."),
    # PostgreSQL (psycopg 3) in team mode
    ("password authentication failed",
     "The database server refused the user name or password."),
    ("no password supplied",
     "The database server needs a password: give it when asked, or put it in ~/.pgpass."),
    ("failed to resolve host",
     "The database server's name was not found: check the address for a typo."),
    ("could not translate host name",
     "The database server's name was not found: check the address for a typo."),
    ("server does not support ssl",
     "The address asks for an encrypted connection (sslmode), which the server does not offer."),
    ("database does not exist",
     "There is no database of that name on the server: check the address for a typo, or ask IT "
     "to create it (clerkdesk init-db)."),
    ("connection refused",
     "The database server did not answer: it may be down, or the address or port is wrong."),
    ("timeout expired",
     "The database server did not answer in time: check the network and the address."),
    ("terminating connection",
     "The connection to the database server was lost (the server stopped it)."),
    ("server closed the connection",
     "The connection to the database server was lost."),
    ("consuming input failed", "The connection to the database server was lost."),
    ("connection is closed", "The connection to the database server was lost."),
)


def storage_error(error: exc.DBAPIError | OSError, path: Path | None = None) -> StorageError:
    """A StorageError whose message explains `error` in plain words (`path`: the database)."""
    detail = _normalised(str(getattr(error, "orig", error)))
    if "disk i/o error" in detail and path is not None and _nearly_full(path):
        return StorageError(DISK_FULL)
    for needle, message in _MESSAGES:
        if needle in detail:
            if needle in PASSWORD_NEEDLES:
                return PasswordNeeded(message)
            if needle in UNREACHABLE_NEEDLES:
                return ServerUnreachable(message)
            return DatabaseBusy(message) if needle == BUSY else StorageError(message)
    return StorageError(f"The database could not be used: {getattr(error, 'orig', error)}")


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
