"""Find and replace across the meeting (or all the committee's meetings), with a preview.

Every hit is listed with where it is; untick the ones to keep. Replacing is one undoable step.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clerkdesk.domain.find_replace import Pattern
from clerkdesk.ui.action_runner import ActionRunner

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_DELAY_MS = 200


class ReplaceDialog(QDialog):
    """Accepted with `changes` set: {paragraph id: (before, after)}."""

    def __init__(self, db, meeting_id: int, initial: str = "",  # noqa: ANN001
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("replaceDialog")
        self.setWindowTitle("Find and replace")
        self.db, self.meeting_id = db, meeting_id
        self.changes: dict[int, tuple[str, str]] = {}
        self.find_edit = self._line("replaceFindEdit", "Find", initial)
        self.with_edit = self._line("replaceWithEdit", "Replace with", "")
        self.case_check = QCheckBox("Match &case", self, objectName="matchCaseCheck")
        self.word_check = QCheckBox("&Whole words", self, objectName="wholeWordCheck")
        self.scope = QComboBox(self, objectName="replaceScopeCombo")
        self.scope.setAccessibleName("Where to look")
        self.scope.addItem("This meeting", False)
        self.scope.addItem("Every meeting of this committee", True)
        self.hits = QListWidget(self, objectName="replaceHitList")
        self.hits.setAccessibleName("Matches; untick the ones to keep")
        self.count = QLabel(self, objectName="replaceCount")
        self.runner = ActionRunner(self)  # a refusal is said where the count is
        self.runner.messageReported.connect(self.count.setText)
        buttons = QDialogButtonBox(self)
        self.replace_button = buttons.addButton("&Replace ticked",
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        self.replace_button.setObjectName("replaceTickedButton")
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self._replace)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("&Find:", self.find_edit)
        form.addRow("Replace wit&h:", self.with_edit)
        form.addRow("", self.case_check)
        form.addRow("", self.word_check)
        form.addRow("&In:", self.scope)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hits, 1)
        layout.addWidget(self.count)
        layout.addWidget(buttons)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search)
        self.find_edit.textChanged.connect(lambda _t: self._timer.start())
        for box in (self.case_check, self.word_check):
            box.toggled.connect(lambda _on: self.search())
        self.scope.currentIndexChanged.connect(lambda _i: self.search())
        self.resize(640, 460)
        self.search()

    def _line(self, name: str, accessible: str, text: str) -> QLineEdit:
        edit = QLineEdit(text, self)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        return edit

    def pattern(self) -> Pattern:
        return Pattern(self.find_edit.text(), self.case_check.isChecked(),
                       self.word_check.isChecked())

    def search(self) -> None:
        from clerkdesk.services.find_replace import find

        self.hits.clear()
        if not self.find_edit.text():
            self.count.setText("")
            return
        done = self.runner.run(
            lambda: find(self.db, self.meeting_id, self.pattern(), self.scope.currentData()))
        if done is None:
            return
        found = done.value
        for hit in found:
            row = QListWidgetItem(f"{hit.where}   {hit.preview}", self.hits)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Checked)
            row.setData(HIT_ROLE, hit)
        self.count.setText(f"{len(found)} match(es); Space ticks or unticks one.")
        self.replace_button.setEnabled(bool(found))

    def ticked(self) -> list:
        rows = (self.hits.item(i) for i in range(self.hits.count()))
        return [r.data(HIT_ROLE) for r in rows if r.checkState() == Qt.CheckState.Checked]

    def _replace(self) -> None:
        from clerkdesk.services.find_replace import replace

        self._timer.stop()
        done = self.runner.run(lambda: replace(self.db, self.ticked(), self.with_edit.text()))
        if done is None:
            return
        self.changes = done.value
        self.accept()
