"""The spelling dialog for one word: suggestions first, then add to the committee dictionary
or ignore in this meeting. Enter takes the highlighted line, Esc leaves the word as it is."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)


class Choice(Enum):
    REPLACE = "replace"
    ADD = "add"
    IGNORE = "ignore"


_ROLE = 0x0100  # Qt.ItemDataRole.UserRole


class SuggestionsDialog(QDialog):
    """After `exec()`, `choice` and `replacement` say what the clerk chose (None: nothing)."""

    def __init__(self, word: str, suggestions: tuple[str, ...],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("spellingDialog")
        self.setWindowTitle("Spelling")
        self.word = word
        self.choice: Choice | None = None
        self.replacement = ""
        shown = word if len(word) <= 60 else word[:60] + "…"
        heading = QLabel(f"“{shown}” is not in the dictionary." if suggestions else
                         f"“{shown}” is not in the dictionary, and nothing close is.", self)
        heading.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("spellingChoices")
        self.list.setAccessibleName("Spelling suggestions")
        for suggestion in suggestions:
            self._add(suggestion, Choice.REPLACE, suggestion)
        self._add(f"Add “{shown}” to the committee dictionary", Choice.ADD)
        self._add(f"Ignore “{shown}” in this meeting", Choice.IGNORE)
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _item: self.accept())
        hint = QLabel("Enter: use the highlighted line · Esc: leave the word as it is", self)
        hint.setStyleSheet("color: palette(placeholder-text);")
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.list)
        layout.addWidget(hint)
        rows = max(self.list.count(), 1)
        self.list.setFixedHeight(self.list.sizeHintForRow(0) * rows + 2 * self.list.frameWidth()
                                 + 4)
        self.setMinimumWidth(340)

    def show_below(self, point: QPoint) -> None:
        """Place the dialog just below the word (global `point`), kept on the screen."""
        self.adjustSize()
        screen = self.screen().availableGeometry()
        x = min(max(point.x(), screen.left()), screen.right() - self.width())
        y = point.y() if point.y() + self.height() <= screen.bottom() else \
            point.y() - self.height() - 24
        self.move(x, max(y, screen.top()))

    def _add(self, text: str, choice: Choice, replacement: str = "") -> None:
        item = QListWidgetItem(text, self.list)
        item.setData(_ROLE, (choice, replacement))
        if choice is not Choice.REPLACE:
            font = item.font()
            font.setItalic(True)
            item.setFont(font)

    def accept(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.choice, self.replacement = item.data(_ROLE)
        super().accept()
