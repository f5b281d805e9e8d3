"""The main window: menus, status bar and remembered layout around the meeting browser."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

from clerkdesk import APP_NAME
from clerkdesk.ui import dialogs
from clerkdesk.ui.actions import ACTIONS as ACTION_SPECS
from clerkdesk.ui.actions import MENUS, ActionId, create_actions
from clerkdesk.ui.database_controller import DatabaseController
from clerkdesk.ui.meeting_browser import MeetingBrowser
from clerkdesk.ui.settings import (
    BROWSER_SPLITTER,
    LAST_DATABASE,
    WINDOW_GEOMETRY,
    WINDOW_STATE,
    Settings,
)

if TYPE_CHECKING:
    from clerkdesk.storage.database import Database

DEFAULT_SIZE = QSize(1180, 760)
STATUS_TIMEOUT_MS = 8000


class MainWindow(QMainWindow):
    """Wires the actions table to the database controller and the meeting browser."""

    def __init__(self, settings: Settings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setAccessibleName(APP_NAME)
        self.settings = settings or Settings()
        self.database = DatabaseController(self)
        self.browser = MeetingBrowser(self)
        self.setCentralWidget(self.browser)
        self.action_map = create_actions(self)
        self._build_menus()
        self._build_status_bar()
        self._connect()
        self._update_title(None)
        self._restore_layout()

    # --- construction -------------------------------------------------------------------------

    def _build_menus(self) -> None:
        menus = {}
        for key, title in MENUS:
            menu = self.menuBar().addMenu(title)
            menu.setObjectName(f"menu{key}")
            menus[key] = menu
        for spec in ACTION_SPECS:
            if spec.id is ActionId.QUIT:
                menus[spec.menu].addSeparator()
            menus[spec.menu].addAction(self.action_map[spec.id])

    def _build_status_bar(self) -> None:
        self.database_label = QLabel(self)
        self.database_label.setObjectName("databaseLabel")
        self.database_label.setAccessibleName("Open database")
        self.count_label = QLabel(self)
        self.count_label.setObjectName("meetingCountLabel")
        self.count_label.setAccessibleName("Number of meetings")
        self.statusBar().addWidget(self.database_label, 1)
        self.statusBar().addPermanentWidget(self.count_label)

    def _connect(self) -> None:
        handlers = {
            ActionId.NEW_DATABASE: self.choose_new_database,
            ActionId.OPEN_DATABASE: self.choose_database,
            ActionId.QUIT: self.close,
            ActionId.SHORTCUTS: self.show_shortcuts,
            ActionId.ABOUT: lambda: dialogs.show_about(self),
        }
        for action_id, handler in handlers.items():
            self.action_map[action_id].triggered.connect(handler)
        self.database.opened.connect(self._database_opened)
        self.database.failed.connect(lambda title, text: dialogs.show_error(self, title, text))
        self.database.notice.connect(
            lambda text: self.statusBar().showMessage(text, STATUS_TIMEOUT_MS)
        )
        self.browser.meetings_loaded.connect(self._show_count)

    # --- database ----------------------------------------------------------------------------

    def start(self, target: str, is_default: bool) -> None:
        """Open the start-up database (the last one used, when no --db or env was given)."""
        remembered = self.settings.remembered_database() if is_default else None
        reopened = remembered is not None and remembered != Path(target) and \
            self.database.open_at_startup(str(remembered), is_default=False)
        if not reopened:
            self.database.open_at_startup(target, is_default)
        if self.database.current is None:
            self.browser.set_database(None)

    def open_database_file(self, path: str | Path) -> bool:
        return self.database.open_file(path)

    def new_database_file(self, path: str | Path) -> bool:
        return self.database.create_file(path)

    def choose_database(self) -> None:
        path = dialogs.ask_open_path(self, self._start_folder())
        if path is not None:
            self.open_database_file(path)

    def choose_new_database(self) -> None:
        path = dialogs.ask_new_path(self, self._start_folder())
        if path is not None:
            self.new_database_file(path)

    def _start_folder(self) -> str:
        current = self.database.current
        return str(current.path.parent) if current is not None and current.path else ""

    def _database_opened(self, database: Database) -> None:
        self._update_title(database)
        if database.path is not None:
            self.settings.set(LAST_DATABASE, str(database.path))
        self.browser.set_database(database)
        self.browser.meeting_list.setFocus()

    def _update_title(self, database: Database | None) -> None:
        if database is None:
            self.setWindowTitle(APP_NAME)
            self.database_label.setText("No database open")
            return
        name = database.path.name if database.path else database.label
        self.setWindowTitle(f"{name} — {APP_NAME}")
        self.database_label.setText(database.label)

    def _show_count(self, count: int) -> None:
        self.count_label.setText("1 meeting" if count == 1 else f"{count} meetings")

    def show_shortcuts(self) -> None:
        dialogs.ShortcutsDialog(self).exec()

    # --- layout memory -----------------------------------------------------------------------

    def _restore_layout(self) -> None:
        if not self.restoreGeometry(self.settings.get(WINDOW_GEOMETRY)):
            self.resize(DEFAULT_SIZE)
        self.restoreState(self.settings.get(WINDOW_STATE))
        self.browser.restoreState(self.settings.get(BROWSER_SPLITTER))

    def save_layout(self) -> None:
        self.settings.set(WINDOW_GEOMETRY, self.saveGeometry())
        self.settings.set(WINDOW_STATE, self.saveState())
        self.settings.set(BROWSER_SPLITTER, self.browser.saveState())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        self.save_layout()
        self.database.close()
        super().closeEvent(event)
