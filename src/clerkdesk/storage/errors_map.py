"""Translate low-level database errors into messages a clerk can act on."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import exc

from clerkdesk.errors import DatabaseBusy, StorageError

BUSY = "database is locked"
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
)


def storage_error(error: exc.DBAPIError | OSError, path: Path | None = None) -> StorageError:
    """A StorageError whose message explains `error` in plain words (`path`: the database)."""
    detail = str(getattr(error, "orig", error)).lower()
    if "disk i/o error" in detail and path is not None and _nearly_full(path):
        return StorageError(DISK_FULL)
    for needle, message in _MESSAGES:
        if needle in detail:
            return DatabaseBusy(message) if needle == BUSY else StorageError(message)
    return StorageError(f"The database could not be used: {getattr(error, 'orig', error)}")


def _nearly_full(path: Path) -> bool:
    try:
        return shutil.disk_usage(path.parent).free < NEARLY_FULL_BYTES
    except OSError:
        return False
