"""Asks whom a substitute stands in for: type to filter the members, arrows to choose, Enter."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clerkdesk.ui.field_widgets import named

PERSON_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_LIST_KEYS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)


class SubstituteDialog(QDialog):
    def __init__(
        self, substitute: str, candidates: list[tuple[int, str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("substituteDialog")
        self.setWindowTitle("Substitute for")
        prompt = QLabel(f"{substitute} is substituting for:", self)
        self.filter_edit = named(QLineEdit(self), "substituteFilter", "Type part of a name")
        self.filter_edit.setPlaceholderText("Type to filter, Enter to choose")
        prompt.setBuddy(self.filter_edit)
        self.list = named(QListWidget(self), "substituteList", "Members")
        for person_id, name in candidates:
            QListWidgetItem(name, self.list).setData(PERSON_ID_ROLE, person_id)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(prompt)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.filter_edit.textChanged.connect(self._filter)
        self.filter_edit.installEventFilter(self)
        self.list.itemActivated.connect(lambda _item: self.accept())
        self._filter("")
        self.filter_edit.setFocus()
        self.resize(320, 260)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.filter_edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in _LIST_KEYS:
                self.list.keyPressEvent(event)  # arrows move the choice, focus stays typing
                return True
        return super().eventFilter(watched, event)

    def _filter(self, text: str) -> None:
        words = text.casefold().split()
        first_shown = None
        for row in range(self.list.count()):
            item = self.list.item(row)
            hidden = not all(word in item.text().casefold() for word in words)
            item.setHidden(hidden)
            if not hidden and first_shown is None:
                first_shown = item
        current = self.list.currentItem()
        if (current is None or current.isHidden()) and first_shown is not None:
            self.list.setCurrentItem(first_shown)
        elif current is not None and current.isHidden():
            self.list.setCurrentRow(-1)

    def accept(self) -> None:
        if self.chosen() is not None:
            super().accept()

    def chosen(self) -> int | None:
        item = self.list.currentItem()
        if item is None or item.isHidden():
            return None
        return item.data(PERSON_ID_ROLE)


def ask_substitute_for(
    parent: QWidget | None, substitute: str, candidates: list[tuple[int, str]]
) -> int | None:
    """The id of the member chosen, or None when cancelled."""
    dialog = SubstituteDialog(substitute, candidates, parent)
    try:
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
