"""A paragraph's history: its texts over time; Enter puts the chosen one back (undoable)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

TEXT_ROLE = Qt.ItemDataRole.UserRole + 1


class HistoryDialog(QDialog):
    """Accepted with `chosen` holding the stored text to restore."""

    def __init__(self, revisions: list, current: str, names: dict[int, str],
                 parent: QWidget | None = None) -> None:
        from clerkdesk.services.history import readable

        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.setWindowTitle("Paragraph history")
        self.chosen: str | None = None
        self.list = QListWidget(self)
        self.list.setObjectName("historyList")
        self.list.setAccessibleName("Earlier texts of this paragraph, newest first")
        self.list.setWordWrap(True)
        self.list.setSpacing(3)
        seen = {current}
        for revision in revisions:  # newest first: each shows the text it replaced
            if revision.before in seen:
                continue
            seen.add(revision.before)
            when = f"{revision.started_at:%-d %b %Y %H:%M} ({revision.phase})"
            if revision.clerk:  # team mode: who replaced this text
                when += f", changed by {revision.clerk}"
            text = readable(revision.before, names) or "(empty)"
            row = QListWidgetItem(f"Before {when}:\n{text}", self.list)
            row.setData(TEXT_ROLE, revision.before)
        empty = self.list.count() == 0
        if empty:
            QListWidgetItem("No earlier text: this paragraph has not been changed.",
                            self.list).setFlags(Qt.ItemFlag.NoItemFlags)
        else:
            self.list.setCurrentRow(0)
        self.list.itemActivated.connect(self._choose)
        buttons = QDialogButtonBox(self)
        restore = buttons.addButton("&Restore this text", QDialogButtonBox.ButtonRole.AcceptRole)
        restore.setEnabled(not empty)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(lambda: self._choose(self.list.currentItem()))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Now:\n" + (readable(current, names) or "(empty)"), self,
                                wordWrap=True))
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(620, 420)
        self.list.setFocus()

    def _choose(self, row: QListWidgetItem | None) -> None:
        if row is not None and row.data(TEXT_ROLE) is not None:
            self.chosen = row.data(TEXT_ROLE)
            self.accept()
