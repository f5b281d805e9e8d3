"""The roster and attendance panel: who is on the committee, who came, and the quorum.

Keys on the selected row act at once, each its own transaction (not on the undo stack):
P present, A apologies, X absent, S substitute (asks for whom), I in attendance, O also
present, 0/Delete not recorded, R remote on/off, E arrived at the current item, L left at the
current item, Insert/Ctrl+N add a person, F2/Enter edit the person.

Signals: personChanged(int) after a person is added or their names/title/kind/role edited;
attendanceChanged() after any attendance change; errorReported(str).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clerkdesk.domain.attendance import default_attending_status, status_for_key
from clerkdesk.domain.enums import AttendanceStatus
from clerkdesk.services import roster
from clerkdesk.ui.action_runner import ActionRunner
from clerkdesk.ui.actions import panel_hint
from clerkdesk.ui.colours import Tone, alert_style, text_style
from clerkdesk.ui.roster.name_delegate import NameDelegate
from clerkdesk.ui.roster.person_dialog import ask_person
from clerkdesk.ui.roster.roster_model import NAME, NOTES, ROLE, STATUS, RosterModel
from clerkdesk.ui.roster.substitute_dialog import ask_substitute_for

if TYPE_CHECKING:
    from clerkdesk.services.roster import RosterRow
    from clerkdesk.storage.database import Database

WIDE_ENOUGH = 460  # px; narrower docks show role and notes under each name
QUORATE_STYLE = "padding: 4px;"
NOT_QUORATE_STYLE = "font-weight: bold; padding: 6px; border-radius: 3px;"
NO_MODIFIERS = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier,
                Qt.KeyboardModifier.KeypadModifier)
LETTER_COMMANDS = {"R": "toggle_remote", "E": "mark_arrived", "L": "mark_left",
                   "S": "ask_substitute"}  # keys listed in ui.actions.PANEL_KEYS
CLEAR_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
EDIT_KEYS = (Qt.Key.Key_F2, Qt.Key.Key_Return, Qt.Key.Key_Enter)


class RosterPanel(QWidget):
    personChanged = Signal(int)
    attendanceChanged = Signal()
    errorReported = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rosterPanel")
        self.setAccessibleName("Roster and attendance")
        self.db: Database | None = None
        self.meeting_id: int | None = None
        self.committee_id: int | None = None
        self.current_item: tuple[int, str] | None = None
        self.model = RosterModel(self)
        self.runner = ActionRunner(self)
        self.runner.messageReported.connect(self._error)
        self._build()
        self.table.installEventFilter(self)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())

    def _build(self) -> None:
        self.quorum_label = QLabel(self)
        self.quorum_label.setObjectName("quorumStatus")
        self.quorum_label.setAccessibleName("Quorum")
        self.quorum_label.setWordWrap(True)
        self.table = QTableView(self)
        self.table.setObjectName("rosterTable")
        self.table.setAccessibleName("Roster")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.name_delegate = NameDelegate(self.table)
        self.table.setItemDelegateForColumn(NAME, self.name_delegate)
        header = self.table.horizontalHeader()
        for column in (ROLE, STATUS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self._lay_out_columns(narrow=True)
        self.message_label = QLabel(self)
        self.message_label.setObjectName("rosterMessage")
        self.message_label.setAccessibleName("Roster message")
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet(text_style(Tone.DANGER))
        self.message_label.hide()
        hint = QLabel(panel_hint("Roster"), self)
        hint.setObjectName("rosterKeys")
        hint.setWordWrap(True)
        hint.setStyleSheet(text_style(Tone.MUTED))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.quorum_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message_label)
        layout.addWidget(hint)
        self.setFocusProxy(self.table)

    def _lay_out_columns(self, narrow: bool) -> None:
        """In a narrow dock role and notes go under the name instead of in their own columns."""
        self.name_delegate.two_lines = narrow
        self.table.setColumnHidden(ROLE, narrow)
        self.table.setColumnHidden(NOTES, narrow)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch if narrow
                                    else QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NOTES, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        narrow = event.size().width() < WIDE_ENOUGH
        if narrow != self.name_delegate.two_lines:
            self._lay_out_columns(narrow)

    # --- loading --------------------------------------------------------------------------

    def set_meeting(self, db: Database, meeting_id: int) -> None:
        self.db, self.meeting_id = db, meeting_id
        self.current_item = None
        committee = self.runner.run(lambda: roster.roster_committee_id(db, meeting_id))
        if committee is None:
            return
        self.committee_id = committee.value
        self.refresh()
        if self.model.rows and not self.table.currentIndex().isValid():
            self.table.selectRow(0)

    def set_current_item(self, item_id: int | None, label: str = "") -> None:
        """The agenda item being minuted: E and L record it, the quorum is counted at it."""
        self.current_item = (item_id, label) if item_id is not None else None
        self._show_quorum()

    def refresh(self) -> None:
        if self.db is None or self.meeting_id is None:
            return
        keep = self.selected_person_id()
        column = max(self.table.currentIndex().column(), 0)
        db, meeting_id = self.db, self.meeting_id
        rows = self.runner.run(lambda: roster.meeting_roster(db, meeting_id))
        if rows is None:
            return
        self.model.set_rows(rows.value)
        if keep is not None:
            self.select_person(keep, column)
        self._show_quorum()

    def _show_quorum(self) -> None:
        if self.db is None or self.meeting_id is None:
            return
        at_item = self.current_item[0] if self.current_item else None
        db, meeting_id = self.db, self.meeting_id
        found = self.runner.run(lambda: roster.quorum_state(db, meeting_id, at_item))
        if found is None:
            return
        state = found.value
        self.quorum_label.setText(state.message)
        self.quorum_label.setAccessibleDescription(state.message)
        self.quorum_label.setStyleSheet(text_style(Tone.SUCCESS) + QUORATE_STYLE if state.quorate
                                         else alert_style() + NOT_QUORATE_STYLE)

    # --- selection ------------------------------------------------------------------------

    def selected_row(self) -> RosterRow | None:
        return self.model.row_at(self.table.currentIndex())

    def selected_person_id(self) -> int | None:
        row = self.selected_row()
        return row.person_id if row else None

    def select_person(self, person_id: int, column: int = 0) -> None:
        row = self.model.row_of(person_id)
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, column))
            self.table.scrollTo(self.model.index(row, column))

    # --- keys -----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.table and event.type() in (QEvent.Type.KeyPress,
                                                      QEvent.Type.ShortcutOverride):
            assert isinstance(event, QKeyEvent)
            command = self._command_for(event)
            if command is not None:
                event.accept()
                if event.type() == QEvent.Type.KeyPress:
                    command()
                return True
        return super().eventFilter(watched, event)

    def _command_for(self, event: QKeyEvent):  # noqa: ANN202 - a bound method or None
        key, modifiers = event.key(), event.modifiers()
        if key == Qt.Key.Key_N and modifiers == Qt.KeyboardModifier.ControlModifier:
            return self.add_person
        if modifiers not in NO_MODIFIERS:
            return None
        if key == Qt.Key.Key_Insert:
            return self.add_person
        if key in EDIT_KEYS:
            return self.edit_selected
        if key in CLEAR_KEYS:
            return lambda: self.set_selected_status(None)
        letter = event.text().upper()
        if letter in LETTER_COMMANDS:
            return getattr(self, LETTER_COMMANDS[letter])
        known, status = status_for_key(letter) if letter else (False, None)
        if known:
            return lambda: self.set_selected_status(status)
        return None

    # --- actions (each one transaction) ---------------------------------------------------

    def set_selected_status(self, status: AttendanceStatus | None) -> None:
        row = self.selected_row()
        if row is not None:
            self._attendance(roster.set_status, row.person_id, status)

    def toggle_remote(self) -> None:
        row = self.selected_row()
        if row is not None:
            self._attendance(roster.set_remote, row.person_id, not row.remote)

    def mark_arrived(self) -> None:
        self._mark_item(roster.set_arrival, "arrived_at_item_id")

    def mark_left(self) -> None:
        self._mark_item(roster.set_departure, "left_at_item_id")

    def _mark_item(self, action, field: str) -> None:  # noqa: ANN001
        """Record the current item; pressing again at the same item takes the mark off."""
        row = self.selected_row()
        if row is None:
            return
        if self.current_item is None:
            self._error("Choose an agenda item first: the mark records the item being minuted.")
            return
        item_id = self.current_item[0]
        self._attendance(action, row.person_id, None if getattr(row, field) == item_id else item_id)

    def ask_substitute(self) -> None:
        row = self.selected_row()
        if row is None or self.db is None:
            return
        candidates = [(c.person_id, c.name)
                      for c in roster.substitute_candidates(self.model.rows, row.person_id)]
        for_whom = None
        if candidates:
            for_whom = ask_substitute_for(self, row.name, candidates)
            if for_whom is None:
                return
        self._attendance(roster.set_substitute_for, row.person_id, for_whom)

    def add_person(self) -> None:
        if self.db is None or self.committee_id is None:
            return
        fields = ask_person(self)
        if fields is None:
            return
        status = None if fields.role else default_attending_status(fields.kind, fields.role)
        db, committee_id = self.db, self.committee_id
        added = self.runner.run(lambda: roster.add_person(db, committee_id, self.meeting_id,
                                                          fields, status))
        if added is None:
            return
        person_id = added.value
        self._done()
        self.select_person(person_id)
        self.personChanged.emit(person_id)
        if status is not None:
            self.attendanceChanged.emit()

    def edit_selected(self) -> None:
        row = self.selected_row()
        if row is None or self.db is None or self.committee_id is None:
            return
        db, committee_id = self.db, self.committee_id
        current = self.runner.run(lambda: roster.person_fields(db, committee_id, row.person_id))
        if current is None:
            return
        fields = ask_person(self, current.value)
        if fields is None or fields == current.value:
            return
        if self.runner.run(lambda: roster.edit_person(db, committee_id, row.person_id,
                                                      fields)) is None:
            return
        self._done()
        self.personChanged.emit(row.person_id)

    def _attendance(self, action, person_id: int, value: object) -> None:  # noqa: ANN001
        if self.db is None or self.meeting_id is None:
            return
        db, meeting_id = self.db, self.meeting_id
        if self.runner.run(lambda: action(db, meeting_id, person_id, value)) is None:
            self.refresh()
            return
        self._done()
        self.attendanceChanged.emit()

    def _done(self) -> None:
        self.message_label.hide()
        self.refresh()
        self.table.setFocus()

    def _error(self, message: str) -> None:
        self.message_label.setText(message)
        self.message_label.show()
        self.errorReported.emit(message)

