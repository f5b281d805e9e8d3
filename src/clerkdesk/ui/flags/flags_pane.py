"""The flags dock's wiring: fills the panel and the editor's margin markers from the meeting's
flags, refreshes them when an action changed flags, and turns the panel's requests into actions.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QUndoStack

from clerkdesk.services import flags as flag_service
from clerkdesk.services.changes import FLAGS, Changes
from clerkdesk.ui.action_runner import ActionRunner
from clerkdesk.ui.editor.minute_editor import MinuteEditor
from clerkdesk.ui.flags.flag_commands import RemoveFlagCommand
from clerkdesk.ui.flags.flag_controller import FlagController
from clerkdesk.ui.flags.flag_panel import FlagPanel


class FlagsPane(QObject):
    def __init__(self, db, meeting_id: int, panel: FlagPanel,  # noqa: ANN001 - Database
                 flagging: FlagController, stack: QUndoStack, runner: ActionRunner,
                 jump_to: Callable[[int, int], None]) -> None:
        super().__init__(panel)
        self.db, self.meeting_id, self.panel = db, meeting_id, panel
        self.flagging, self.stack, self.runner, self.jump_to = flagging, stack, runner, jump_to
        self.editor: MinuteEditor = flagging.editor
        # Several changes in one turn of the event loop (a macro, a replace) re-query once, and
        # not before typed text is saved: the panel quotes the flagged paragraphs.
        self.autosaver = flagging.editing.autosaver
        self._stale = False
        self._pending = QTimer(self, singleShot=True, interval=0)
        self._pending.timeout.connect(self.refresh)
        self.autosaver.stateChanged.connect(self._save_state)
        panel.jumpRequested.connect(jump_to)
        panel.editRequested.connect(self.edit)
        panel.removeRequested.connect(self.remove)
        panel.statusRequested.connect(self.set_status)
        flagging.flagsChanged.connect(self.refresh)
        runner.changed.connect(self._changed)

    def _changed(self, changes: Changes) -> None:
        if changes.flags or changes.paragraphs or changes.agenda or changes.roster:
            self.refresh_soon()

    def refresh_soon(self) -> None:
        """Refresh once control returns to the event loop and typed text is saved."""
        self._stale = True
        if not self.autosaver.pending:
            self._pending.start()

    def _save_state(self, _message: str, ok: bool) -> None:
        if ok and self._stale and not self.autosaver.pending:
            self._pending.start()

    def refresh(self) -> None:
        """Show the meeting's flags in the panel and as markers in the editor's margin."""
        self._pending.stop()
        self._stale = bool(self.autosaver.pending)  # quoted text not saved yet: again after
        done = self.runner.run(lambda: flag_service.meeting_flags(self.db, self.meeting_id))
        if done is not None:
            self.panel.show_records(done.value)
            self.editor.numbers.show_flag_kinds(done.value)

    def _record(self, flag_id: int):  # noqa: ANN202 - a FlagRecord or None
        return next((r for r in self.panel.records if r.id == flag_id), None)

    def edit(self, flag_id: int) -> None:
        """Show the flag's paragraph and open its form."""
        record = self._record(flag_id)
        if record is not None:
            self.jump_to(record.item_id, record.paragraph_id)
            self.flagging.edit(flag_id)

    def edit_at_caret(self) -> None:
        pid = self.editor.caret()[0]
        record = next((r for r in self.panel.records if r.paragraph_id == pid), None)
        if record is not None:
            self.flagging.edit(record.id)

    def remove(self, flag_id: int) -> None:
        """Remove a flag as one undoable step."""
        record = self._record(flag_id)
        if record is None:
            return
        command = RemoveFlagCommand(self.flagging, record.item_id, record.paragraph_id, flag_id)
        if self.runner.run(command.first_run) is not None:
            self.stack.push(command)

    def set_status(self, flag_id: int, status: str) -> None:
        done = self.runner.run(lambda: flag_service.set_request_status(
            self.db, flag_id, status, answered_at_meeting_id=self.meeting_id), FLAGS)
        if done is not None:
            self.flagging.after_change(self.editor.caret()[0])

    def open_request_log(self, committee_id: int) -> None:
        from clerkdesk.ui.flags.request_log_dialog import RequestLogDialog

        RequestLogDialog(self.db, committee_id, self.meeting_id, self.panel.window()).exec()
        self.refresh()
