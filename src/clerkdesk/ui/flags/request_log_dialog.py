"""The committee's request log: every request and action of every meeting, with its status.

Keys: P provided (answered at the open meeting), O outstanding/open again, W withdrawn,
D done; Ctrl+C copies the shown lines for pasting into an agenda. The log is the clerk's working
list, so requests made in exempt items are shown, marked [exempt]; the copied lines go out
into agendas, so they pass through the public filter and leave those out.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clerkdesk.domain.enums import ActionStatus, RequestStatus
from clerkdesk.ui.action_runner import ActionRunner
from clerkdesk.ui.colours import Tone, text_style

COLUMNS = ("Meeting", "Ref", "Asked of", "Status", "Age", "What")
STATUS_CHOICES = (("Outstanding and open", "outstanding"), ("All", None))
KEYS = {
    Qt.Key.Key_P: ("request", RequestStatus.PROVIDED), Qt.Key.Key_O: (None, None),
    Qt.Key.Key_W: ("request", RequestStatus.WITHDRAWN), Qt.Key.Key_D: ("action", ActionStatus.DONE),
}


class LogTable(QTableWidget):
    def __init__(self, dialog: RequestLogDialog) -> None:
        super().__init__(0, len(COLUMNS), dialog)
        self.dialog = dialog

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.matches(QKeySequence.StandardKey.Copy):
            self.dialog.copy_lines()
        elif not self.dialog.status_key(event.key()):
            super().keyPressEvent(event)


class RequestLogDialog(QDialog):
    def __init__(self, db, committee_id: int, meeting_id: int | None,  # noqa: ANN001
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("requestLogDialog")
        self.db, self.committee_id, self.meeting_id = db, committee_id, meeting_id
        self.entries: Sequence = ()
        self.runner = ActionRunner(self)  # a refusal is said in the dialog's message line
        self.filter = QComboBox(self)
        self.filter.setObjectName("requestLogFilter")
        self.filter.setAccessibleName("Show")
        for text, value in STATUS_CHOICES:
            self.filter.addItem(text, value)
        self.table = LogTable(self)
        self.table.setObjectName("requestLogTable")
        self.table.setAccessibleName("Requests and actions")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.message = QLabel(self)
        self.runner.messageReported.connect(self.message.setText)
        self.message.setWordWrap(True)
        hint = QLabel("P provided · W withdrawn · D done · O outstanding again · "
                      "Ctrl+C copies the lines for an agenda", self)
        hint.setStyleSheet(text_style(Tone.MUTED))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(QLabel("&Show:", self, buddy=self.filter))
        top.addWidget(self.filter)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.setWindowTitle("Request log")
        self.resize(900, 480)
        self.reload()
        self.table.setFocus()

    def reload(self) -> None:
        from clerkdesk.services.request_log import request_log

        status = self.filter.currentData()
        found = self.runner.run(lambda: request_log(self.db, self.committee_id))
        if found is None:
            return
        entries = found.value
        if status == "outstanding":
            entries = [e for e in entries if e.status in (RequestStatus.OUTSTANDING.value,
                                                          ActionStatus.OPEN.value)]
        self.entries = entries
        row = max(0, self.table.currentRow())
        self.table.setRowCount(len(entries))
        for index, entry in enumerate(entries):
            cells = (entry.meeting_date.strftime("%-d %b %Y"),
                     f"{entry.item_label}. {entry.paragraph_label}", entry.asked_of,
                     entry.status, f"{entry.age_days} days",
                     f"[exempt] {entry.what}" if entry.exempt else entry.what)
            for column, text in enumerate(cells):
                self.table.setItem(index, column, QTableWidgetItem(text))
        if entries:
            self.table.selectRow(min(row, len(entries) - 1))
        self.setWindowTitle(f"Request log — {len(entries)} shown")

    def status_key(self, key: int) -> bool:
        if key not in KEYS or not 0 <= self.table.currentRow() < len(self.entries):
            return False
        from clerkdesk.services.flags import set_request_status

        entry = self.entries[self.table.currentRow()]
        kind, status = KEYS[Qt.Key(key)]
        if status is None:  # O: back to outstanding/open
            status = RequestStatus.OUTSTANDING if entry.kind == "request" else ActionStatus.OPEN
        elif kind != entry.kind:
            return False
        if self.runner.run(lambda: set_request_status(
                self.db, entry.flag_id, status, answered_at_meeting_id=self.meeting_id)) is None:
            return True
        self.reload()
        return True

    def copy_lines(self) -> None:
        from clerkdesk.domain.enums import Audience
        from clerkdesk.domain.publication import visible
        from clerkdesk.services.request_log import format_log_line

        public = visible(self.entries, Audience.PUBLIC)
        QGuiApplication.clipboard().setText("\n".join(format_log_line(e) for e in public))
        left_out = len(self.entries) - len(public)
        note = f" ({left_out} exempt left out: not for publication)" if left_out else ""
        self.message.setText(f"{len(public)} line(s) copied{note}.")
