"""The review panel: findings of the checks in minute order, each with its fix if obvious.

Keys: Enter jumps to the paragraph, F applies the offered fix, D dismisses the finding
(remembered), F5 runs the checks again.

Signals: jumpRequested(item_id, paragraph_id), fixRequested(finding),
dismissRequested(finding), refreshRequested().
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerkdesk.ui.actions import panel_hint
from clerkdesk.ui.colours import Tone, text_colour, text_style

FINDING_ROLE = Qt.ItemDataRole.UserRole + 1
SEVERITY_TONES = {"error": Tone.DANGER, "warning": Tone.WARNING, "suggestion": Tone.MUTED}


class ReviewPanel(QWidget):
    jumpRequested = Signal(int, int)
    fixRequested = Signal(object)
    dismissRequested = Signal(object)
    refreshRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewPanel")
        self.setAccessibleName("Review checks")
        self.findings: Sequence = ()
        self.summary = QLabel(self)
        self.summary.setObjectName("reviewSummary")
        self.summary.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("reviewList")
        self.list.setAccessibleName("Findings")
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.installEventFilter(self)
        self.list.itemActivated.connect(self._activated)
        hint = QLabel(panel_hint("Review panel"), self)
        hint.setStyleSheet(f"{text_style(Tone.MUTED)} font-size: 9pt;")
        hint.setWordWrap(True)
        again = QPushButton("&Check again", self)
        again.setObjectName("reviewRefreshButton")
        again.clicked.connect(self.refreshRequested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addWidget(hint)
        layout.addWidget(again)

    def show_findings(self, findings: Sequence, several_items: bool = True) -> None:
        row = max(0, self.list.currentRow())
        self.findings = findings
        self.list.clear()
        for finding in findings:
            severity = str(getattr(finding.severity, "value", finding.severity))
            fix = "  — fix: " + finding.fix.description if finding.fix else ""
            where = finding.where(several_items)
            entry = QListWidgetItem(f"{where}  [{severity}]\n{finding.message}{fix}", self.list)
            entry.setData(FINDING_ROLE, finding)
            tone = SEVERITY_TONES.get(severity, Tone.MUTED)
            entry.setForeground(text_colour(tone, self.palette()))
        count = len(findings)
        self.summary.setText("No findings: the minutes pass every check." if not count else
                             f"{count} finding{'s' if count != 1 else ''}.")
        if count:
            self.list.setCurrentRow(min(row, count - 1))

    def selected(self):  # noqa: ANN201
        item = self.list.currentItem()
        return item.data(FINDING_ROLE) if item is not None else None

    def _activated(self, item: QListWidgetItem) -> None:
        finding = item.data(FINDING_ROLE)
        if finding is not None and finding.paragraph_id:
            self.jumpRequested.emit(finding.item_id, finding.paragraph_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        finding = self.selected()
        key = event.key()
        if key == Qt.Key.Key_F5:
            self.refreshRequested.emit()
        elif finding is not None and key == Qt.Key.Key_F and finding.fix is not None:
            self.fixRequested.emit(finding)
        elif finding is not None and key == Qt.Key.Key_D:
            self.dismissRequested.emit(finding)
        else:
            return super().eventFilter(watched, event)
        return True
