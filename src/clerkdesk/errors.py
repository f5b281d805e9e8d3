"""Exceptions a user may see: each carries a one-line message fit for a dialog or stderr."""


class ClerkDeskError(Exception):
    """A problem the user can act on (bad file, bad argument); never a bug."""


class DatabaseBug(Exception):
    """The database refused a statement because ClerkDesk is wrong (a constraint violated, SQL
    misuse): not the user's to fix, so deliberately not a ClerkDeskError."""


class StorageError(ClerkDeskError):
    """The database could not be read or written (disk full, locked, I/O error)."""


class DatabaseBusy(StorageError):
    """Another program held the database's write lock for longer than we waited."""


class PasswordNeeded(StorageError):
    """The database server wants a (different) password: ask the clerk for it."""


class ServerUnreachable(StorageError):
    """The team database server cannot be reached now (down, network gone, database dropped);
    edits wait in the offline journal."""


class NotAClerkDeskDatabase(StorageError):
    """The file exists but is not a ClerkDesk database; it was left untouched."""


class NewerDatabaseVersion(StorageError):
    """The file was written by a newer ClerkDesk than this one."""


class ParagraphConflict(ClerkDeskError):
    """A paragraph changed (another clerk saved it) since the version this save was based on;
    nothing was overwritten. `theirs` and `version` are what is stored now, when known."""

    def __init__(self, paragraph_id: int | None = None, theirs: str | None = None,
                 version: int | None = None) -> None:
        super().__init__("Another clerk changed this paragraph meanwhile; your text was not "
                         "saved over theirs.")
        self.paragraph_id, self.theirs, self.version = paragraph_id, theirs, version


class NotFound(ClerkDeskError):
    """A meeting, item or person id that does not exist."""


class ImportFailed(ClerkDeskError):
    """An import file could not be read as minutes."""


class ExportFailed(ClerkDeskError):
    """A document could not be written; any existing file was left as it was."""


class ImportCancelled(ClerkDeskError):
    """The clerk stopped an import; nothing of it was written."""
