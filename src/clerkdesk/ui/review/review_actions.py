"""The Review menu's actions on the open meeting: checks, paragraph history, approving the
previous minutes, publishing and correction notes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QDockWidget, QInputDialog, QMessageBox, QWidget

from clerkdesk.services import approval, workspace
from clerkdesk.services.changes import PARAGRAPHS, STATUS
from clerkdesk.ui.action_runner import ActionRunner
from clerkdesk.ui.editor.controller import EditorController
from clerkdesk.ui.review.review_controller import ReviewController

APPROVE_QUESTION = ("Record the minutes of the previous meeting as a correct record, approved at "
                    "this meeting and signed by the Chair? They will then be read-only.")


class ReviewActions:
    """Runs each Review action through the window's ActionRunner (which shows any refusal)."""

    def __init__(self, db, meeting_id: int, runner: ActionRunner,  # noqa: ANN001 - Database
                 editing: EditorController, review: ReviewController, dock: QDockWidget,
                 names: Callable[[], dict[int, str]]) -> None:
        self.db, self.meeting_id, self.runner = db, meeting_id, runner
        self.editing, self.review, self.dock, self.names = editing, review, dock, names

    @property
    def window(self) -> QWidget | None:
        return self.runner.window

    def run_checks(self) -> None:
        self.dock.raise_()
        self.review.run()
        self.review.panel.list.setFocus()

    def open_history(self) -> None:
        """The caret paragraph's earlier texts; restoring one is an undoable step."""
        from clerkdesk.services.find_replace import restore_texts
        from clerkdesk.services.history import revisions
        from clerkdesk.ui.review.history_dialog import HistoryDialog

        editor = self.editing.editor
        pid = editor.caret()[0]
        if not pid or not self.editing.autosaver.flush():
            return
        found = self.runner.run(lambda: revisions(self.db, pid))
        if found is None:
            return
        current = editor.stored(pid)
        dialog = HistoryDialog(found.value, current, self.names(), self.window)
        if not dialog.exec() or dialog.chosen is None or dialog.chosen == current:
            return
        chosen = dialog.chosen
        if self.runner.run(lambda: restore_texts(self.db, {pid: chosen}), PARAGRAPHS):
            self.editing.adopt_replace({pid: (current, chosen)}, "Restore earlier text")

    def approve_previous(self) -> None:
        """Record the previous meeting's minutes as approved at this one, after asking."""
        previous = self.runner.run(lambda: approval.previous_meeting(self.db, self.meeting_id))
        if previous is None:
            return
        if previous.value is None:
            self.runner.messageReported.emit("This committee has no earlier meeting to approve.")
            return
        previous_id: int = previous.value
        state = self.runner.run(lambda: approval.approval(self.db, previous_id))
        if state is None:
            return
        if state.value.status.value != "draft":
            self.runner.messageReported.emit(
                f"The previous minutes are already {state.value.status.value}.")
            return
        answer = QMessageBox.question(self.window, "Approve the previous minutes",
                                      APPROVE_QUESTION)
        if answer == QMessageBox.StandardButton.Yes:
            self.runner.run(lambda: self._approve(previous_id))

    def _approve(self, previous_id: int) -> None:
        approval.approve(self.db, previous_id, at_meeting_id=self.meeting_id,
                         on=workspace.meeting_date(self.db, self.meeting_id),
                         by_person_id=approval.chair_of(self.db, self.meeting_id))

    def publish(self) -> None:
        self.runner.run(lambda: approval.publish(self.db, self.meeting_id, dt.date.today()))

    def add_correction(self) -> None:
        text, ok = QInputDialog.getMultiLineText(
            self.window, "Correction note",
            "The correction, as it should appear with the minutes:")
        if not ok or not text.strip():
            return
        pid = self.editing.editor.caret()[0] or None
        self.runner.run(lambda: approval.add_correction(self.db, self.meeting_id, text,
                                                        paragraph_id=pid), STATUS)
