"""Owns the open database: opening, creating, first-run demo, daily backup and closing.

Storage and services are imported inside methods so the window can paint before SQLAlchemy loads.
"""

from __future__ import annotations

import importlib.util
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from clerkdesk.errors import ClerkDeskError

if TYPE_CHECKING:
    from clerkdesk.storage.database import Database

log = logging.getLogger(__name__)
DEMO_MODULE = "clerkdesk.services.demo"


class DatabaseController(QObject):
    """Keeps one Database open at a time; a failed open leaves the previous one open.

    Signals:
        opened(object): a Database was opened and is now current.
        failed(str, str): title and one-line message of a database that could not be opened.
        notice(str): something worth a status-bar message (e.g. an upgrade backup was made).
        warned(str, str): title and text of a risk the clerk must read (a network drive).
    """

    opened = Signal(object)
    failed = Signal(str, str)
    notice = Signal(str)
    warned = Signal(str, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.current: Database | None = None

    def open_at_startup(self, target: str, is_default: bool) -> bool:
        """Open the chosen database; the default one gets its folder and, when empty, the demo."""
        database = self._open(target, create_folder=is_default, title="Could not open database")
        if database is None:
            return False
        if is_default:
            self._ensure_demo(database)
        self._make_current(database)
        return True

    def open_file(self, path: str | Path) -> bool:
        """Open an existing database file (File > Open)."""
        if not Path(path).is_file():
            self.failed.emit("Could not open database", f"{path} does not exist.")
            return False
        database = self._open(str(path), create_folder=False, title="Could not open database")
        if database is None:
            return False
        self._make_current(database)
        return True

    def open_team(self, url: str, ask_password: Callable[[str], str | None],
                  retry_unreachable: Callable[[str], bool] | None = None) -> bool:
        """Open a team database; when the server wants a password, ask (up to three times).
        When it does not answer, `retry_unreachable(message)` may ask to try again."""
        from clerkdesk.errors import PasswordNeeded, ServerUnreachable
        from clerkdesk.storage.database import open_database
        from clerkdesk.storage.team import with_password

        target = url
        attempts = 0
        while attempts < 3:
            attempts += 1
            try:
                database = open_database(target)
            except PasswordNeeded as error:
                password = ask_password(str(error))
                if password is None:
                    return False
                target = with_password(url, password)
            except ServerUnreachable as error:
                if retry_unreachable is None:
                    self.failed.emit("Could not connect to the team database", str(error))
                    return False
                if not retry_unreachable(str(error)):
                    return False
                attempts -= 1
            except ClerkDeskError as error:
                self.failed.emit("Could not connect to the team database", str(error))
                return False
            else:
                self._make_current(database)
                return True
        self.failed.emit("Could not connect to the team database",
                         "The server refused the password three times.")
        return False

    def create_file(self, path: str | Path) -> bool:
        """Create an empty database at a new path and open it (File > New); never overwrites."""
        if Path(path).exists():
            self.failed.emit(
                "Could not create database",
                f"{path} already exists. Choose a new file name, or use Open database… to open it.",
            )
            return False
        database = self._open(str(path), create_folder=False, title="Could not create database")
        if database is None:
            return False
        self._make_current(database)
        return True

    def close(self) -> None:
        if self.current is not None:
            self.current.close()
            self.current = None

    def _open(self, target: str, create_folder: bool, title: str) -> Database | None:
        from clerkdesk.storage.database import open_database

        try:
            return open_database(target, create_folder=create_folder)
        except ClerkDeskError as error:
            self.failed.emit(title, str(error))
        except OSError as error:  # e.g. no permission to create the folder
            self.failed.emit(title, f"{target}: {error.strerror or error}")
        return None

    def _ensure_demo(self, database: Database) -> None:
        if importlib.util.find_spec(DEMO_MODULE) is None:
            return
        from clerkdesk.services.demo import ensure_demo

        try:
            ensure_demo(database)
        except ClerkDeskError as error:
            log.warning("demo meeting not loaded: %s", error)

    def current_path(self) -> Path | None:
        """The open database's file, or None (none open, or a server database)."""
        return self.current.path if self.current is not None else None

    def _make_current(self, database: Database) -> None:
        from clerkdesk.storage.network_drive import network_warning

        self.close()
        self.current = database
        self.opened.emit(database)
        warning = network_warning(database.path) if database.path is not None else None
        if warning:
            self.warned.emit("Database on a network drive", warning)
        # After `opened`, which shows the file's name in the status bar: the notice covers it.
        if database.upgrade_backup is not None:
            self.notice.emit(
                f"Database upgraded; the old version was kept at {database.upgrade_backup}"
            )
        for notice in database.notices:  # e.g. an unfinished change from a crash left out
            self.notice.emit(notice)
        # After the list has painted, on a thread: the copy takes seconds on a large file.
        QTimer.singleShot(0, database.start_daily_backup)
