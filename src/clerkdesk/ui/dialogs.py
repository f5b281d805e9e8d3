"""Small dialogs: error messages, file choosers, About and the keyboard shortcut list."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clerkdesk.ui.actions import keyboard_rows

DATABASE_FILTER = "ClerkDesk databases (*.sqlite *.db);;All files (*)"
DATABASE_SUFFIX = ".sqlite"


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.warning(parent, title, message)


def ask_open_path(parent: QWidget | None, start: str = "") -> Path | None:
    path, _ = QFileDialog.getOpenFileName(parent, "Open database", start, DATABASE_FILTER)
    return Path(path) if path else None


def ask_new_path(parent: QWidget | None, start: str = "") -> Path | None:
    """A file name for a new database, with `.sqlite` added when no suffix was typed."""
    path, _ = QFileDialog.getSaveFileName(
        parent, "New database", start, DATABASE_FILTER,
        options=QFileDialog.Option.DontConfirmOverwrite,  # an existing file is refused anyway
    )
    if not path:
        return None
    chosen = Path(path)
    return chosen if chosen.suffix else chosen.with_suffix(DATABASE_SUFFIX)


def ask_copy_path(parent: QWidget | None, start: str = "") -> Path | None:
    path, _ = QFileDialog.getSaveFileName(parent, "Save a copy as", start, DATABASE_FILTER)
    if not path:
        return None
    chosen = Path(path)
    return chosen if chosen.suffix else chosen.with_suffix(DATABASE_SUFFIX)


def ask_leave_meeting(parent: QWidget | None, reason: str, doing: str) -> bool:
    """Whether to close the meeting in progress in order to `doing`; Cancel is the default."""
    box = QMessageBox(QMessageBox.Icon.Question, "Meeting in progress",
                      f"{reason} Close this meeting to {doing}?", parent=parent)
    box.setObjectName("leaveMeetingQuestion")
    close = box.addButton("&Close this meeting", QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is close



def show_about(parent: QWidget | None, database: Path | None) -> None:
    from clerkdesk.ui.about_dialog import AboutDialog

    AboutDialog(database, parent).exec()


def _native(keys: str) -> str:
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


class ShortcutsDialog(QDialog):
    """Every action from the actions table with its shortcut, read-only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle("Keyboard shortcuts")
        rows = [(text, " or ".join(_native(k) for k in keys) or "—", where)
                for where, text, keys in keyboard_rows()]
        self.rows = rows
        self.filter = QLineEdit(self)
        self.filter.setObjectName("shortcutsFilter")
        self.filter.setAccessibleName("Filter shortcuts")
        self.filter.setPlaceholderText("Type part of an action, a menu or a key (Ctrl+R)")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter)
        table = QTableWidget(len(rows), 3, self)
        self.table = table
        table.setObjectName("shortcutsTable")
        table.setAccessibleName("Keyboard shortcuts")
        table.setHorizontalHeaderLabels(["Action", "Keys", "Where"])
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        for row, cells in enumerate(rows):
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
                table.setItem(row, column, cell)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(640, 560)
        self.filter.setFocus()

    def _filter(self, query: str) -> None:
        for row, cells in enumerate(self.rows):
            self.table.setRowHidden(row, not shortcut_matches(query, *cells))


def shortcut_matches(query: str, action: str, shortcut: str, menu: str) -> bool:
    """Part of the action's or menu's name, or the whole key ('ctrl+r'; 'ctrl+' as a start)."""
    query, key = query.strip().lower(), shortcut.lower()
    if not query:
        return True
    return query in action.lower() or query in menu.lower() or key == query or \
        (query.endswith("+") and key.startswith(query))
