"""Translate low-level database errors into messages a clerk can act on."""

from sqlalchemy import exc

from clerkdesk.errors import StorageError

_MESSAGES = (
    ("database or disk is full", "The disk is full: free some space; your text is kept."),
    ("disk i/o error", "The disk reported an input/output error while saving."),
    ("database is locked", "The database is busy in another program; retrying shortly."),
    ("readonly database", "The database file is read-only, so changes cannot be saved."),
    ("unable to open database", "The database file could not be opened."),
    ("malformed", "The database file is damaged (malformed)."),
    ("file is not a database", "The file is not a database."),
)


def storage_error(error: exc.DBAPIError | OSError) -> StorageError:
    """A StorageError whose message explains `error` in plain words."""
    detail = str(getattr(error, "orig", error)).lower()
    for needle, message in _MESSAGES:
        if needle in detail:
            return StorageError(message)
    return StorageError(f"The database could not be used: {getattr(error, 'orig', error)}")
