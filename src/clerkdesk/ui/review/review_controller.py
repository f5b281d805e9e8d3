"""Runs the review checks for the open meeting and applies fixes as undoable steps.

Failures go through the workspace's ActionRunner. Signals: minutesChanged().
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from clerkdesk.domain.review import FixKind
from clerkdesk.services.changes import FLAGS, PARAGRAPHS
from clerkdesk.ui.action_runner import ActionRunner
from clerkdesk.ui.editor.controller import EditorController
from clerkdesk.ui.review.review_panel import ReviewPanel


class ReviewController(QObject):
    minutesChanged = Signal()

    def __init__(self, db, meeting_id: int, panel: ReviewPanel,  # noqa: ANN001
                 editing: EditorController, runner: ActionRunner) -> None:
        super().__init__(panel)
        self.db, self.meeting_id, self.panel, self.editing = db, meeting_id, panel, editing
        self.runner = runner
        panel.refreshRequested.connect(self.run)
        panel.fixRequested.connect(self.fix)
        panel.dismissRequested.connect(self.dismiss)

    def run(self) -> None:
        from clerkdesk.services.review import check_meeting, has_several_items

        if not self.editing.autosaver.flush():
            return
        found = self.runner.run(lambda: (check_meeting(self.db, self.meeting_id),
                                         has_several_items(self.db, self.meeting_id)))
        if found is not None:
            self.panel.show_findings(*found.value)

    def fix(self, finding) -> None:  # noqa: ANN001
        """Apply the offered fix; text and level fixes join the meeting's undo history."""
        from clerkdesk.services.review import apply_fix
        from clerkdesk.services.workspace import item_paragraphs

        if not self.editing.autosaver.flush():
            return
        pid, item_id = finding.paragraph_id, finding.item_id
        kind = finding.fix.kind if finding.fix is not None else None
        if kind in (FixKind.SET_LEVEL, FixKind.DELETE_PARAGRAPH) and item_id and pid:
            self._fix_in_editor(item_id, pid, finding.fix)
            return
        before = self._texts(item_paragraphs, item_id, pid)
        if self.runner.run(lambda: apply_fix(self.db, finding), PARAGRAPHS | FLAGS) is None:
            return
        after = self._texts(item_paragraphs, item_id, pid)
        changed = {p: (before[p], after[p]) for p in before if p in after and before[p] != after[p]}
        self.editing.adopt_replace(changed, f"Fix: {finding.fix.description}") if changed else \
            self._reload()
        self.minutesChanged.emit()
        self.run()

    def _fix_in_editor(self, item_id: int, pid: int, fix) -> None:  # noqa: ANN001
        """The editor's own level change or deletion, so the fix is one undoable step."""
        if self.runner.run(lambda: self.editing.show_item(item_id)) is None:
            return
        if not self._unchanged(pid, fix):
            self.runner.messageReported.emit("That paragraph has changed since it was checked; "
                                             "check again (F7).")
            self.run()
            return
        if fix.kind is FixKind.DELETE_PARAGRAPH:
            step = lambda: self.editing.delete(pid)  # noqa: E731
        else:
            step = lambda: self.editing.set_level_undoably(pid, fix.level or 0)  # noqa: E731
        if self.runner.run(step) is None:
            return
        self.minutesChanged.emit()
        self.run()

    def _unchanged(self, pid: int, fix) -> bool:  # noqa: ANN001
        """The paragraph is still in the shown item (and, to delete it, still as checked)."""
        if pid not in self.editing.editor.paragraphs.ids():
            return False
        return fix.kind is not FixKind.DELETE_PARAGRAPH or self.editing.editor.stored(pid) == \
            fix.old_text

    def _texts(self, item_paragraphs, item_id: int | None, pid: int | None) -> dict:  # noqa: ANN001
        if not item_id or not pid:
            return {}
        return {p.id: p.text for p in item_paragraphs(self.db, item_id) if p.id == pid}

    def _reload(self) -> None:
        if self.editing.item_id is not None:
            caret = self.editing.editor.caret()
            self.editing.show_item(self.editing.item_id, force=True)
            self.editing.place_caret(caret)

    def dismiss(self, finding) -> None:  # noqa: ANN001
        from clerkdesk.services.review import dismiss

        if self.runner.run(lambda: dismiss(self.db, finding)) is not None:
            self.run()
