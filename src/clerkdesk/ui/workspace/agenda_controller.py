"""Agenda navigation and edits: select, add, rename, mark exempt, delete and reorder items.

Failures go through the workspace's ActionRunner. Signals: itemSelected(item_id),
openRequested(item_id) on Enter.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QUndoStack
from PySide6.QtWidgets import QInputDialog, QListView, QWidget

from clerkdesk.errors import StorageError
from clerkdesk.services.workspace import MeetingOutline
from clerkdesk.ui.action_runner import ActionRunner
from clerkdesk.ui.workspace.agenda_commands import (
    AddItemCommand,
    AgendaCommand,
    DeleteItemCommand,
    ExemptCommand,
    MoveItemCommand,
    RenameItemCommand,
)
from clerkdesk.ui.workspace.agenda_model import ITEM_ID_ROLE, AgendaModel


def ask_text(parent: QWidget, title: str, label: str, text: str = "") -> str | None:
    value, ok = QInputDialog.getText(parent, title, label, text=text)
    return value.strip() if ok and value.strip() else None


def ask_paragraph(parent: QWidget) -> int | None:
    value, ok = QInputDialog.getInt(
        parent, "Exempt item", "Schedule 12A paragraph (1–7) that makes this item exempt:",
        3, 1, 7,
    )
    return value if ok else None


class AgendaController(QObject):
    itemSelected = Signal(int)
    openRequested = Signal(int)

    def __init__(self, db, meeting_id: int, view: QListView, stack: QUndoStack,  # noqa: ANN001
                 reload_outline: Callable[[], MeetingOutline],
                 flush: Callable[[], bool], runner: ActionRunner) -> None:
        super().__init__(view)
        self.runner = runner
        self.db, self.meeting_id, self.view, self.stack = db, meeting_id, view, stack
        self.reload_outline, self.flush = reload_outline, flush
        self.model = AgendaModel(self)
        view.setModel(self.model)
        view.selectionModel().currentChanged.connect(self._current_changed)
        view.installEventFilter(self)
        self.model.moveRequested.connect(self.move_to)
        self.ask_text, self.ask_paragraph = ask_text, ask_paragraph

    # --- state ---------------------------------------------------------------------------
    def load(self, outline: MeetingOutline, select: int | None = None) -> None:
        current = select or self.current_item_id()
        self.model.set_items(outline.items)
        row = self.model.row_of(current) if current else -1
        self.select_row(row if row >= 0 else 0)

    def current_item_id(self) -> int | None:
        index = self.view.currentIndex()
        return index.data(ITEM_ID_ROLE) if index.isValid() else None

    def current_item(self):  # noqa: ANN201
        row = self.view.currentIndex().row()
        return self.model.items[row] if 0 <= row < len(self.model.items) else None

    def select_row(self, row: int) -> None:
        if not 0 <= row < self.model.rowCount():
            return
        self.view.selectionModel().setCurrentIndex(
            self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
        )

    def select(self, item_id: int) -> None:
        self.select_row(self.model.row_of(item_id))

    def step(self, delta: int) -> None:
        self.select_row(self.view.currentIndex().row() + delta)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.itemSelected.emit(current.data(ITEM_ID_ROLE))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.modifiers() == Qt.KeyboardModifier.AltModifier and event.key() in (
                Qt.Key.Key_Up, Qt.Key.Key_Down
            ):
                self.move_current(-1 if event.key() == Qt.Key.Key_Up else 1)
                return True
            plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier,
                                          Qt.KeyboardModifier.KeypadModifier)
            if event.key() == Qt.Key.Key_Delete and plain:
                self.delete_current()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
                item_id = self.current_item_id()
                if item_id is not None:
                    self.openRequested.emit(item_id)
                return True
        return super().eventFilter(watched, event)

    # --- commands -------------------------------------------------------------------------
    def before_change(self) -> None:
        if not self.flush():
            raise StorageError("Typed text could not be saved first; the agenda was not changed.")

    def after_change(self, focus: int | None) -> None:
        self.load(self.reload_outline(), select=focus)

    def report_error(self, message: str) -> None:
        self.runner.messageReported.emit(message)

    def _run(self, command: AgendaCommand) -> None:
        if self.runner.run(lambda: self._first_run(command)) is not None:
            self.stack.push(command)

    def _first_run(self, command: AgendaCommand) -> None:
        self.before_change()
        command.first_run()

    def add_item(self) -> None:
        title = self.ask_text(self.view, "Add agenda item", "Title of the new item:")
        if title:
            row = self.view.currentIndex().row()
            self._run(AddItemCommand(self, title, row + 1 if row >= 0 else self.model.rowCount()))

    def rename_current(self) -> None:
        item = self.current_item()
        if item is None:
            return
        title = self.ask_text(self.view, "Rename agenda item", "Title:", item.title)
        if title and title != item.title:
            self._run(RenameItemCommand(self, item.id, item.title, title))

    def toggle_exempt(self) -> None:
        item = self.current_item()
        if item is None:
            return
        new = None if item.exempt else self.ask_paragraph(self.view)
        if item.exempt or new is not None:
            self._run(ExemptCommand(self, item.id, item.exempt_paragraph, new))

    def delete_current(self) -> None:
        item = self.current_item()
        if item is not None:
            self._run(DeleteItemCommand(self, item.id, item.title))

    def move_current(self, delta: int) -> None:
        item = self.current_item()
        if item is not None:
            self.move_to(item.id, self.model.row_of(item.id) + delta)

    def move_to(self, item_id: int, row: int) -> None:
        order = [item.id for item in self.model.items]
        if item_id not in order or not 0 <= row < len(order):
            return
        new = [i for i in order if i != item_id]
        new.insert(row, item_id)
        if new != order:
            self._run(MoveItemCommand(self, item_id, order, new))
