"""Asks the clerk about each paragraph the autosaver could not save over a colleague's text,
one dialog at a time, and carries out the choice (history keeps every text)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from clerkdesk.errors import ParagraphConflict
from clerkdesk.services import conflicts
from clerkdesk.services.conflicts import Conflict, TextBase
from clerkdesk.ui.editor.controller import EditorController
from clerkdesk.ui.team.conflict_dialog import Choice, ConflictDialog


class ConflictResolver(QObject):
    def __init__(self, controller: EditorController, name_of: Callable[[int], str]) -> None:
        super().__init__(controller)
        self.controller, self.name_of = controller, name_of
        self.autosaver = controller.autosaver
        self._waiting: list[int] = []
        self._asking = False
        self.autosaver.conflictFound.connect(self._found)

    def _found(self, paragraph_id: int) -> None:
        if paragraph_id not in self._waiting:
            self._waiting.append(paragraph_id)
        QTimer.singleShot(0, self._ask_next)  # never open a dialog inside a save

    def _ask_next(self) -> None:
        while self._waiting and not self._asking:
            paragraph_id = self._waiting.pop(0)
            mine = self.autosaver.conflicts.get(paragraph_id)
            if mine is not None:
                self._ask(paragraph_id, mine)

    def _ask(self, paragraph_id: int, mine: str) -> None:
        db, base = self.controller.db, self.autosaver.bases.get(paragraph_id)
        found = self.controller.runner.run(
            lambda: conflicts.conflict_details(db, paragraph_id, mine, base))
        if found is None:
            return
        conflict = found.value
        dialog = ConflictDialog(conflict, self.name_of, self.controller.editor.window())
        self._asking = True
        try:
            chosen = dialog.exec() == ConflictDialog.DialogCode.Accepted
        finally:
            self._asking = False
        if chosen and dialog.choice is not None:
            self._carry_out(conflict, dialog.choice, dialog.chosen_text())

    def _carry_out(self, conflict: Conflict, choice: Choice, text: str) -> None:
        pid = conflict.paragraph_id
        base = TextBase(conflict.their_version, conflict.theirs)
        if choice is not Choice.THEIRS:
            runner, db = self.controller.runner, self.controller.db
            saved = runner.run(
                lambda: conflicts.save_over(db, pid, text, conflict.their_version), quiet=True)
            if saved is None:
                if isinstance(runner.last_refusal, ParagraphConflict):
                    self._found(pid)  # a third save meanwhile: show the newest and ask again
                elif runner.last_refusal is not None:
                    self.controller.report_error(str(runner.last_refusal))
                return
            base = saved.value
        self.autosaver.resolved(pid, base)
        self.controller.show_stored_text(pid, base.text)
