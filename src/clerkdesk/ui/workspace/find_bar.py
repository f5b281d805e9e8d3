"""Find within the current agenda item: Enter for the next match, Shift+Enter the previous."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QTextEdit, QToolButton, QWidget


class FindEdit(QLineEdit):
    """A line edit that turns Enter/Shift+Enter/Escape into find-bar commands."""

    def __init__(self, bar: FindBar) -> None:
        super().__init__(bar)
        self.bar = bar

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            backwards = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self.bar.find_next(backwards=backwards)
        elif event.key() == Qt.Key.Key_Escape:
            self.bar.close_bar()
        else:
            super().keyPressEvent(event)


class FindBar(QWidget):
    def __init__(self, editor: QTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.setAccessibleName("Find")
        self.editor = editor
        self.edit = FindEdit(self)
        self.edit.setObjectName("findEdit")
        self.edit.setAccessibleName("Find text")
        self.edit.setPlaceholderText("Find in this item (Enter: next, Shift+Enter: previous)")
        self.result = QLabel(self)
        self.result.setObjectName("findResult")
        close = QToolButton(self, text="✕", autoRaise=True)
        close.setAccessibleName("Close find")
        close.clicked.connect(self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(QLabel("Find:", self))
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.result)
        layout.addWidget(close)
        self.edit.textEdited.connect(lambda _text: self.find_next(from_start_of_match=True))
        self.hide()

    def open_bar(self) -> None:
        selected = self.editor.textCursor().selectedText()
        if selected:
            self.edit.setText(selected)
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.editor.setFocus()

    def find_next(self, backwards: bool = False, from_start_of_match: bool = False) -> bool:
        needle = self.edit.text()
        if not needle:
            self.result.clear()
            return False
        document: QTextDocument = self.editor.document()
        cursor = self.editor.textCursor()
        if from_start_of_match and cursor.hasSelection():
            cursor.setPosition(cursor.selectionStart())
        flags = QTextDocument.FindFlag.FindBackward if backwards else QTextDocument.FindFlag(0)
        found = document.find(needle, cursor, flags)
        if found.isNull():  # wrap around
            start = QTextCursor(document)
            if backwards:
                start.movePosition(QTextCursor.MoveOperation.End)
            found = document.find(needle, start, flags)
        if found.isNull():
            self.result.setText("No matches")
            return False
        self.result.setText("")
        self.editor.setTextCursor(found)
        self.editor.ensureCursorVisible()
        return True
