"""The main window: menus, status bar and remembered layout around the meeting browser.

Start-up paints the bare frame first (`MainWindow(build=False)`, then `build()` after the
first paint), so the modules behind the menus and the meeting list load after the clerk
already sees the window; each Qt class is set up by PySide6 on first use, which costs time.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import QMainWindow, QWidget

from clerkdesk import APP_NAME
from clerkdesk.ui.screen_fit import keep_on_screen, place_first_run
from clerkdesk.ui.settings import (
    BROWSER_SPLITTER,
    LAST_DATABASE,
    WINDOW_GEOMETRY,
    WINDOW_STATE,
    Settings,
)

if TYPE_CHECKING:
    from clerkdesk.storage.database import Database
    from clerkdesk.ui.actions import ActionId
    from clerkdesk.ui.search_dialog import SearchDialog

STATUS_TIMEOUT_MS = 8000
PRELOAD_DELAY_MS = 300


def _preload_meeting_window() -> None:
    import clerkdesk.ui.workspace.meeting_workspace  # noqa: F401 - imported for later use


def _separate_before() -> frozenset[ActionId]:
    from clerkdesk.ui.actions import ActionId

    return frozenset({
        ActionId.QUIT, ActionId.NEW_MEETING, ActionId.IMPORT_MINUTES,
        ActionId.COMMITTEE_SETTINGS, ActionId.CUT, ActionId.FIND, ActionId.INSERT_NAME,
        ActionId.SPLIT_PARAGRAPH, ActionId.FOCUS_AGENDA, ActionId.ADD_ITEM, ActionId.EDIT_FLAG,
    })


class MainWindow(QMainWindow):
    """Wires the actions table to the database controller and the meeting browser."""

    ready = Signal()  # build() has run: menus, list and controllers exist

    def __init__(self, settings: Settings | None = None, parent: QWidget | None = None, *,
                 build: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setAccessibleName(APP_NAME)
        self.setWindowTitle(APP_NAME)
        self.settings = settings or Settings()
        if not self.restoreGeometry(self.settings.get(WINDOW_GEOMETRY)):
            place_first_run(self)
        self.built = False
        self._placed = False
        if build:
            self.build()

    def build(self) -> None:
        """Menus, meeting list and controllers (once; start-up calls it after the first paint)."""
        if self.built:
            return
        from PySide6.QtWidgets import QStackedWidget

        from clerkdesk.ui.actions import create_actions
        from clerkdesk.ui.database_controller import DatabaseController
        from clerkdesk.ui.meeting_browser import MeetingBrowser
        from clerkdesk.ui.meeting_controller import MeetingController
        from clerkdesk.ui.publishing import Publishing

        self.built = True
        self.database = DatabaseController(self)
        self.browser = MeetingBrowser(self)
        self.pages = QStackedWidget(self)
        self.pages.setObjectName("pages")
        self.pages.addWidget(self.browser)
        self.setCentralWidget(self.pages)
        self.action_map = create_actions(self)
        self.search_dialog: SearchDialog | None = None
        self.meetings = MeetingController(self.pages, self.browser, self.settings, self.action_map)
        self.publishing = Publishing(self)
        self._build_menus()
        self._build_status_bar()
        self._connect()
        self._update_title(None)
        self.restoreState(self.settings.get(WINDOW_STATE))
        self.browser.restoreState(self.settings.get(BROWSER_SPLITTER))
        self.ready.emit()

    # --- construction -------------------------------------------------------------------------

    def _build_menus(self) -> None:
        from clerkdesk.ui.actions import ACTIONS, MENUS, ActionId
        from clerkdesk.ui.recent_databases import RecentMenu

        separate_before = _separate_before()
        menus = {}
        for key, title in MENUS:
            menu = self.menuBar().addMenu(title)
            menu.setObjectName(f"menu{key}")
            menus[key] = menu
        for spec in ACTIONS:
            if spec.id in separate_before:
                menus[spec.menu].addSeparator()
            menus[spec.menu].addAction(self.action_map[spec.id])
            if spec.id is ActionId.OPEN_DATABASE:
                menus[spec.menu].addMenu(RecentMenu(self.settings, self.open_database_file, self))

    def _build_status_bar(self) -> None:
        from PySide6.QtWidgets import QLabel

        self.database_label = QLabel(self)
        self.database_label.setObjectName("databaseLabel")
        self.database_label.setAccessibleName("Open database")
        self.count_label = QLabel(self)
        self.count_label.setObjectName("meetingCountLabel")
        self.count_label.setAccessibleName("Number of meetings")
        self.statusBar().addWidget(self.database_label, 1)
        self.statusBar().addPermanentWidget(self.count_label)
        # A message covers the file's name (Qt leaves it showing when the window was mid-layout).
        self.statusBar().messageChanged.connect(
            lambda message: self.database_label.setVisible(not message))

    def _connect(self) -> None:
        from clerkdesk.ui import dialogs
        from clerkdesk.ui.actions import ActionId
        from clerkdesk.ui.clipboard_actions import edit_handlers
        from clerkdesk.ui.meeting_list import MEETING_ID_ROLE

        handlers = {
            ActionId.NEW_DATABASE: self.choose_new_database,
            ActionId.OPEN_DATABASE: self.choose_database,
            ActionId.QUIT: self.close,
            ActionId.SAVE_COPY: self.choose_copy_path,
            ActionId.CONNECT_TEAM: self.connect_team_database,
            ActionId.NEW_MEETING: self.new_meeting,
            ActionId.IMPORT_MINUTES: self.choose_import,
            ActionId.NEW_MEETING_MODERNGOV: self.new_meeting_from_moderngov,
            ActionId.REFRESH_MEMBERS_MODERNGOV: self.refresh_members_from_moderngov,
            ActionId.CHECK_AGENDA_MODERNGOV: self.check_agenda_on_moderngov,
            ActionId.EXPORT_WORD: self.export_to_word,
            ActionId.EXPORT_PDF: lambda: self.publishing.export(".pdf"),
            ActionId.PRINT: self.publishing.print,
            ActionId.OPEN_MEETING: self.open_selected_meeting,
            ActionId.COMMITTEE_SETTINGS: self.edit_committee_settings,
            ActionId.SEARCH_ALL: self.search_all_meetings,
            ActionId.SHORTCUTS: self.show_shortcuts,
            ActionId.ABOUT: lambda: dialogs.show_about(self, self.database.current_path()),
            **edit_handlers(),
        }
        for action_id, handler in handlers.items():
            self.action_map[action_id].triggered.connect(handler)
        self.database.opened.connect(self._database_opened)
        self.database.failed.connect(lambda title, text: dialogs.show_error(self, title, text))
        self.database.warned.connect(lambda title, text: dialogs.show_error(self, title, text))
        self.database.notice.connect(
            lambda text: self.statusBar().showMessage(text, STATUS_TIMEOUT_MS)
        )
        self.browser.meetings_loaded.connect(self._show_count)
        self.browser.meeting_list.activated.connect(
            lambda index: self.open_meeting(index.data(MEETING_ID_ROLE))
        )
        self.meetings.message.connect(
            lambda text: self.statusBar().showMessage(text, STATUS_TIMEOUT_MS)
        )
        self.meetings.meetingClosed.connect(self.browser.reload)

    # --- database ----------------------------------------------------------------------------

    def start(self, target: str, is_default: bool) -> None:
        """Open the start-up database (the last one used, when no --db or env was given)."""
        team = self.settings.remembered_team_url() if is_default else None
        if team is not None and self._reopen_team(team):
            return
        remembered = self.settings.remembered_database() if is_default else None
        reopened = remembered is not None and remembered != Path(target) and \
            self.database.open_at_startup(str(remembered), is_default=False)
        if not reopened:
            self.database.open_at_startup(target, is_default)
        if self.database.current is None:
            self.browser.set_database(None)

    def _reopen_team(self, url: str) -> bool:
        """The team database used last time; if its server does not answer, the clerk may
        try again, open a file, or go on to the database on this computer."""
        from clerkdesk.ui.team.startup import OPEN_FILE, RETRY, ask_when_unreachable
        from clerkdesk.ui.team_dialog import ask_password

        answers: list[str] = []

        def unreachable(message: str) -> bool:
            answers.append(ask_when_unreachable(self, url, message))
            return answers[-1] == RETRY

        if self.database.open_team(url, lambda reason: ask_password(self, reason), unreachable):
            return True
        if answers and answers[-1] == OPEN_FILE:
            self.choose_database()
        return self.database.current is not None

    def open_database_file(self, path: str | Path) -> bool:
        return self.database.open_file(path)

    def new_database_file(self, path: str | Path) -> bool:
        return self.database.create_file(path)

    def choose_database(self) -> None:
        from clerkdesk.ui import dialogs

        path = dialogs.ask_open_path(self, self._start_folder())
        if path is not None:
            self.open_database_file(path)

    def connect_team_database(self) -> bool:
        from clerkdesk.ui.team_dialog import ask_password, ask_team_url

        url = ask_team_url(self)
        if url is None:
            return False
        return self.database.open_team(url, lambda reason: ask_password(self, reason))

    def choose_new_database(self) -> None:
        from clerkdesk.ui import dialogs

        path = dialogs.ask_new_path(self, self._start_folder())
        if path is not None:
            self.new_database_file(path)

    def _start_folder(self) -> str:
        current = self.database.current
        return str(current.path.parent) if current is not None and current.path else ""

    def _database_opened(self, database: Database) -> None:
        from clerkdesk.ui.recent_databases import remember_database

        if self.search_dialog is not None:  # it searched the database just closed
            self.search_dialog.close()
            self.search_dialog = None
        self._update_title(database)
        if database.path is not None:
            self.settings.set(LAST_DATABASE, str(database.path))
            remember_database(self.settings, database.path)
        else:  # a team database: its URL without the password, and its offline journal
            from clerkdesk.ui.team.offline import send_waiting_edits

            self.settings.set(LAST_DATABASE, database.label)
            send_waiting_edits(database, self.statusBar())
        self.meetings.set_database(database)
        position = self.meetings.remembered_position()
        if position is not None and self.open_meeting(position[0], position):
            # The list is hidden behind the reopened meeting: it loads once the editor is up.
            from clerkdesk.ui.after_paint import AfterFirstPaint

            self.browser.set_database(None)
            workspace = self.meetings.workspace
            assert workspace is not None  # just opened
            AfterFirstPaint(workspace.editor.viewport(),
                            lambda: self._list_meetings_of(database))
            return
        self.browser.set_database(database)
        self.browser.meeting_list.setFocus()
        # While the clerk reads the list, load the meeting window's code (~0.1 s) so the
        # first meeting opens as fast as later ones.
        QTimer.singleShot(PRELOAD_DELAY_MS, _preload_meeting_window)

    def _list_meetings_of(self, database: Database) -> None:
        if self.database.current is database:
            self.browser.set_database(database, preview=False)

    # --- meetings ----------------------------------------------------------------------------

    def open_meeting(self, meeting_id: int | None, position: tuple | None = None) -> bool:
        if meeting_id is None:
            return False
        return self.meetings.open_meeting(meeting_id, position)

    def open_selected_meeting(self) -> None:
        self.open_meeting(self.browser.current_meeting_id())

    def search_all_meetings(self) -> None:
        """Show the search dialog (Ctrl+Shift+F) for the open database."""
        from clerkdesk.ui.search_dialog import SearchDialog

        database = self.database.current
        if database is None:
            return
        dialog = self.search_dialog
        if dialog is None or dialog.database is not database:
            dialog = self.search_dialog = SearchDialog(database, self)
            dialog.openRequested.connect(self.open_meeting_at)
        dialog.show_for_search()

    def open_meeting_at(self, meeting_id: int, item_id: int, paragraph_id: int) -> bool:
        """Open a meeting (or stay in the open one) at an item and paragraph."""
        workspace = self.meetings.workspace
        if workspace is None or workspace.meeting_id != meeting_id:
            if not self.open_meeting(meeting_id):
                return False
            workspace = self.meetings.workspace
            assert workspace is not None  # just opened
        self.activateWindow()  # the search dialog had the focus
        workspace.jump_to(item_id, paragraph_id)
        return True

    def new_meeting(self) -> None:
        from clerkdesk.ui.new_meeting_dialog import ask_new_meeting

        database = self.database.current
        if database is None or not self.meetings.may_leave("start a new meeting"):
            return
        meeting_id = ask_new_meeting(self, database)  # the open meeting stays open until then
        if meeting_id is None:
            self._back_to_meeting()
        else:
            from clerkdesk.ui.flags.outstanding_dialog import offer_outstanding

            offer_outstanding(self, database, meeting_id)
            from clerkdesk.services.approval import add_previous_minutes_item

            add_previous_minutes_item(database, meeting_id)
            self.browser.reload()
            self.open_meeting(meeting_id)

    def new_meeting_from_moderngov(self) -> int | None:
        from clerkdesk.ui.moderngov.flows import new_meeting_from_site

        database, committee_id = self.database.current, self._current_committee_id()
        if database is None or committee_id is None or not self.meetings.close_meeting():
            return None
        meeting_id = new_meeting_from_site(self, database, committee_id)
        if meeting_id is not None:
            from clerkdesk.ui.flags.outstanding_dialog import offer_outstanding

            offer_outstanding(self, database, meeting_id)
            self.browser.reload()
            self.open_meeting(meeting_id)
        return meeting_id

    def refresh_members_from_moderngov(self) -> None:
        from clerkdesk.ui.moderngov.flows import refresh_members

        database, committee_id = self.database.current, self._current_committee_id()
        if database is None or committee_id is None:
            return
        if refresh_members(self, database, committee_id) and self.meetings.workspace:
            self.meetings.workspace.refresh_names()

    def check_agenda_on_moderngov(self) -> None:
        from clerkdesk.ui.moderngov.flows import check_agenda

        database, workspace = self.database.current, self.meetings.workspace
        meeting_id = workspace.meeting_id if workspace else self.browser.current_meeting_id()
        if database is None or meeting_id is None or not self.meetings.close_meeting():
            return
        check_agenda(self, database, meeting_id)
        self.browser.reload()
        if workspace is not None:
            self.open_meeting(meeting_id)

    def choose_import(self) -> None:
        from clerkdesk.ui.import_flow import ask_import_path

        if not self.meetings.may_leave("import minutes"):
            return
        path = ask_import_path(self, self._start_folder())
        if path is None:
            self._back_to_meeting()
        else:
            self.import_minutes(path)

    def _back_to_meeting(self) -> None:
        if self.meetings.workspace is not None:
            self.meetings.workspace.focus_editor()

    def import_minutes(self, path: Path) -> int | None:
        from clerkdesk.ui.import_flow import import_minutes

        database = self.database.current
        if database is None or not self.meetings.autosave_now():
            return None
        meeting_id = import_minutes(self, database, Path(path))
        if meeting_id is None:
            self._back_to_meeting()
        else:
            self.browser.reload()
            self.open_meeting(meeting_id)
        return meeting_id

    def export_to_word(self) -> Path | None:
        return self.publishing.export(".docx")

    def edit_committee_settings(self) -> None:
        from clerkdesk.ui.committee_settings_dialog import edit_committee_settings

        database = self.database.current
        committee_id = self._current_committee_id()
        if database is None or committee_id is None:
            return
        workspace = self.meetings.workspace
        if edit_committee_settings(self, database, committee_id) and workspace is not None:
            workspace.refresh_names()
        self.browser.reload()

    def _current_committee_id(self) -> int | None:
        if self.meetings.workspace is not None:
            return self.meetings.workspace.outline.committee_id
        return self.browser.current_committee_id()

    def choose_copy_path(self) -> None:
        from clerkdesk.ui import dialogs

        database = self.database.current
        if database is None:
            return
        path = dialogs.ask_copy_path(self, str(database.path.parent) if database.path else "")
        if path is not None:
            self.save_copy(path)

    def save_copy(self, path: Path) -> bool:
        """Write pending text, then copy the whole database to `path` (work stays here)."""
        from clerkdesk.storage.backups import sqlite_copy
        from clerkdesk.ui import dialogs

        database = self.database.current
        workspace = self.meetings.workspace
        if database is None:
            return False
        if workspace is not None and not workspace.close_session():
            dialogs.show_error(self, "Copy not made", "The latest text is not saved yet.")
            return False
        if database.path is None:
            return self._save_team_copy(database, Path(path))
        try:
            sqlite_copy(database.path, Path(path))
        except (OSError, Exception) as error:  # noqa: BLE001 - sqlite3 errors are not OSError
            dialogs.show_error(self, "Copy not made", f"{path} could not be written: {error}")
            return False
        self.statusBar().showMessage(f"Copy saved to {path}", STATUS_TIMEOUT_MS)
        return True

    def _save_team_copy(self, database: Database, path: Path) -> bool:
        from clerkdesk.ui import dialogs
        from clerkdesk.ui.team.copy import copy_team_database

        problem = copy_team_database(self, database, path)
        if problem:
            dialogs.show_error(self, "Copy not made", problem)
            return False
        self.statusBar().showMessage(f"Copy of the team database saved to {path}",
                                     STATUS_TIMEOUT_MS)
        return True

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
        from clerkdesk.ui import dialogs

        dialogs.ShortcutsDialog(self).exec()

    # --- layout memory -----------------------------------------------------------------------

    def save_layout(self) -> None:
        self.settings.set(WINDOW_GEOMETRY, self.saveGeometry())
        self.settings.set(WINDOW_STATE, self.saveState())
        self.settings.set(BROWSER_SPLITTER, self.browser.saveState())
        self.settings.sync()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if not self._placed:  # the frame's size is known once shown
            self._placed = True
            keep_on_screen(self)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        if not self.built:  # closed before start-up finished: nothing to save
            super().closeEvent(event)
            return
        if not self.meetings.close_meeting() and not self._quit_without_saving():
            event.ignore()
            return
        self.save_layout()
        self.database.close()
        super().closeEvent(event)

    def _quit_without_saving(self) -> bool:
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.warning(
            self, "Text not saved",
            "The latest text could not be written to the database (see the red warning). "
            "Quit anyway and lose it?",
            QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Discard,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard
