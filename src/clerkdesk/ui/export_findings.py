"""The export dialog's list of blocking findings: Enter on one goes to it.

Signals: goToRequested(finding).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from clerkdesk.domain.review import Finding
from clerkdesk.ui.colours import Tone, text_colour, text_style
from clerkdesk.ui.field_widgets import named

FINDING_ROLE = Qt.ItemDataRole.UserRole + 1
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
MAX_ROWS_SHOWN = 6  # more scroll
LIST_PADDING = 6


def summary_text(count: int, accepted: bool) -> str:
    """The line above the list: what the findings mean for Export."""
    problems = f"{count} problem{'s' if count != 1 else ''}"
    if accepted:
        return (f"{problems} you exported anyway before (still listed; Enter on one goes to "
                "it):")
    return (f"{problems} to fix before publishing. Enter on one goes to it; or choose "
            "Export anyway:")


class FindingsList(QWidget):
    """The blocking findings, one a line ("item 2, 3)  empty paragraph"); hidden when none."""

    goToRequested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = named(QLabel(self), "exportFindingsSummary", "Problems before export")
        self.summary.setWordWrap(True)
        self.list = named(QListWidget(self), "exportFindings", "Problems to fix")
        self.list.setWordWrap(True)
        self.list.installEventFilter(self)
        self.list.itemDoubleClicked.connect(self._go_to)
        self.summary.setBuddy(self.list)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.list)

    def show_findings(self, findings: Sequence[Finding], accepted: bool,
                      several_items: bool) -> None:
        self.list.clear()
        tone = Tone.WARNING if accepted else Tone.DANGER
        for finding in findings:
            entry = QListWidgetItem(f"{finding.where(several_items)}  {finding.message}",
                                    self.list)
            entry.setData(FINDING_ROLE, finding)
            entry.setForeground(text_colour(tone, self.palette()))
        self.summary.setText(summary_text(len(findings), accepted))
        self.summary.setStyleSheet(f"{text_style(tone)} font-weight: bold;")
        rows = min(len(findings), MAX_ROWS_SHOWN)
        self.list.setMaximumHeight(self.list.sizeHintForRow(0) * rows + 2 * self.list.frameWidth()
                                   + LIST_PADDING if findings else 0)
        self.list.setCurrentRow(0)
        self.setVisible(bool(findings))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (watched is self.list and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.key() in ENTER_KEYS):
            item = self.list.currentItem()
            if item is not None:
                self._go_to(item)
            return True  # Enter here never presses the dialog's Export button
        return super().eventFilter(watched, event)

    def _go_to(self, item: QListWidgetItem) -> None:
        self.goToRequested.emit(item.data(FINDING_ROLE))
