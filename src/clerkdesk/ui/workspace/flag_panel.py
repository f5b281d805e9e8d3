"""The flags dock: this meeting's requests, resolutions, actions and declarations, in order.

Signals: jumpRequested(item_id, paragraph_id).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from clerkdesk.domain.minutes import MinutesView

_KIND_TEXT = {
    "request": "Request",
    "resolution": "Resolution",
    "action": "Action",
    "declaration": "Declaration",
}
TARGET_ROLE = Qt.ItemDataRole.UserRole + 1


class FlagPanel(QWidget):
    jumpRequested = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("flagPanel")
        self.setAccessibleName("Flags")
        self.list = QListWidget(self)
        self.list.setObjectName("flagList")
        self.list.setAccessibleName("Flagged paragraphs")
        self.list.setWordWrap(True)
        self.list.setSpacing(3)
        self.list.setAlternatingRowColors(True)
        self.hint = QLabel(
            "Requests, resolutions, actions and declarations of this meeting. "
            "Enter jumps to the paragraph.", self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #666;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.hint)
        layout.addWidget(self.list, 1)
        self.list.itemActivated.connect(self._activated)

    def show_minutes(self, minutes: MinutesView) -> None:
        self.list.clear()
        for item in minutes.items:
            for paragraph in item.paragraphs:
                for flag in paragraph.flags:
                    summary = flag.summary or paragraph.text
                    number = paragraph.label or ("RESOLVED" if flag.kind == "resolution" else "")
                    where = f"{item.label} {number}".strip()
                    status = f" [{flag.status}]" if flag.status else ""
                    text = f"{_KIND_TEXT[flag.kind]} — {where}{status}\n{summary[:120]}"
                    entry = QListWidgetItem(text, self.list)
                    entry.setData(TARGET_ROLE, (item.id, paragraph.id))
        if not self.list.count():
            QListWidgetItem("No flags yet.", self.list).setFlags(Qt.ItemFlag.NoItemFlags)

    def _activated(self, entry: QListWidgetItem) -> None:
        target = entry.data(TARGET_ROLE)
        if target:
            self.jumpRequested.emit(*target)
