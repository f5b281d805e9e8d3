"""Opens and closes meetings in the main window and routes meeting actions to the workspace.

Signals: meetingOpened(meeting_id), meetingClosed(), message(str).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QStackedWidget, QWidget

from clerkdesk.domain.enums import FlagKind
from clerkdesk.ui.action_runner import ActionRunner
from clerkdesk.ui.actions import CHANGING_ACTIONS, MEETING_ACTIONS, ActionId
from clerkdesk.ui.settings import LAST_POSITIONS, WORKSPACE_STATE, Settings

if TYPE_CHECKING:
    from clerkdesk.ui.workspace.meeting_workspace import MeetingWorkspace

Position = tuple[int, int, int, int]  # meeting, item, paragraph, offset
LAYOUT_VERSION = 3  # raise when the workspace's docks change, so an old layout is not restored


class MeetingController(QObject):
    meetingOpened = Signal(int)
    meetingClosed = Signal()
    message = Signal(str)

    def __init__(self, pages: QStackedWidget, home: QWidget, settings: Settings,
                 actions: dict[ActionId, QAction]) -> None:
        super().__init__(pages)
        self.pages, self.home, self.settings, self.actions = pages, home, settings, actions
        self.workspace: MeetingWorkspace | None = None
        self.db = None
        self._connect_actions()
        self._update_actions()

    # --- opening and closing ---------------------------------------------------------------
    def set_database(self, db) -> None:  # noqa: ANN001
        self.db = db

    def open_meeting(self, meeting_id: int, position: Position | None = None) -> bool:
        """Open a meeting at `position`, or where the clerk last was in it."""
        if self.db is None or not self.close_meeting():
            return False
        position = position or self.remembered_position(meeting_id)
        from clerkdesk.ui.workspace.meeting_workspace import MeetingWorkspace  # after first paint

        reopening = position is not None and position[0] == meeting_id
        runner = ActionRunner(self.pages)  # a meeting that cannot be read: said in the status bar
        runner.messageReported.connect(self.message)
        built = runner.run(lambda: MeetingWorkspace(
            self.db, meeting_id, self.pages, start_item=position[1] if reopening else None))
        runner.deleteLater()
        if built is None:
            return False
        workspace = built.value
        workspace.restoreState(self.settings.get(WORKSPACE_STATE), LAYOUT_VERSION)
        workspace.errorReported.connect(self.message)
        workspace.stack.canUndoChanged.connect(self._update_actions)
        workspace.stack.canRedoChanged.connect(self._update_actions)
        workspace.stack.undoTextChanged.connect(self._update_actions)
        workspace.stack.redoTextChanged.connect(self._update_actions)
        self.workspace = workspace
        self.pages.addWidget(workspace)
        self.pages.setCurrentWidget(workspace)
        if reopening:
            workspace.jump_to(*position[1:])
        workspace.focus_editor()
        self._update_actions()
        self.meetingOpened.emit(meeting_id)
        return True

    def may_leave(self, doing: str) -> bool:
        """Ask before `doing` closes a meeting in progress; on Cancel the clerk is back in the
        editor where they were. True when there is nothing to ask or the clerk agrees."""
        workspace = self.workspace
        reason = workspace.live_reason() if workspace else ""
        if not reason:
            return True
        from clerkdesk.ui.dialogs import ask_leave_meeting

        if ask_leave_meeting(self.pages, reason, doing):
            return True
        if workspace is not None:
            workspace.focus_editor()
        return False

    def autosave_now(self) -> bool:
        """Write the open meeting's pending text; False (with a message) if it could not be."""
        if self.workspace is None or self.workspace.close_session():
            return True
        self.message.emit("Its latest text is not saved yet: try again in a moment.")
        return False

    def close_meeting(self) -> bool:
        """Save and close the open meeting; False if its text could not be written."""
        workspace = self.workspace
        if workspace is None:
            return True
        if not workspace.close_session():
            self.message.emit("The meeting was not closed: its latest text is not saved yet.")
            return False
        self.remember_position()
        self.settings.set(WORKSPACE_STATE, workspace.saveState(LAYOUT_VERSION))
        self.pages.setCurrentWidget(self.home)
        self.pages.removeWidget(workspace)
        workspace.deleteLater()
        self.workspace = None
        self._update_actions()
        self.meetingClosed.emit()
        return True

    # --- position memory -------------------------------------------------------------------
    def _positions(self) -> dict[str, list[int]]:
        try:
            stored = json.loads(self.settings.get(LAST_POSITIONS))
        except ValueError:
            return {}
        return stored if isinstance(stored, dict) else {}

    def remember_position(self) -> None:
        if self.workspace is None or self.db is None or self.db.path is None:
            return
        position = self.workspace.position()
        if position is None:
            return
        positions = self._positions()
        positions[str(self.db.path)] = [self.workspace.meeting_id, *position]
        positions[f"{self.db.path}#{self.workspace.meeting_id}"] = [self.workspace.meeting_id,
                                                                    *position]
        self.settings.set(LAST_POSITIONS, json.dumps(positions))
        self.settings.sync()

    def remembered_position(self, meeting_id: int | None = None) -> Position | None:
        """Where the clerk last was in this database, or in the meeting `meeting_id`."""
        if self.db is None or self.db.path is None:
            return None
        key = str(self.db.path) if meeting_id is None else f"{self.db.path}#{meeting_id}"
        stored = self._positions().get(key)
        valid = isinstance(stored, list) and len(stored) == 4
        if valid and all(isinstance(v, int) for v in stored):
            return stored[0], stored[1], stored[2], stored[3]
        return None

    # --- actions ----------------------------------------------------------------------------
    def _routes(self) -> dict[ActionId, Callable[[MeetingWorkspace], object]]:
        return {
            ActionId.UNDO: lambda w: w.stack.undo(),
            ActionId.REDO: lambda w: w.stack.redo(),
            ActionId.FIND: lambda w: w.find_bar.open_bar(),
            ActionId.FIND_NEXT: lambda w: w.find_bar.find_next(),
            ActionId.FIND_PREVIOUS: lambda w: w.find_bar.find_next(backwards=True),
            ActionId.REPLACE: lambda w: w.open_replace(),
            ActionId.INSERT_NAME: lambda w: w.speakers.open_picker("insert"),
            ActionId.INSERT_MEMBER: lambda w: w.speakers.insert_anonymous(),
            ActionId.SET_SPEAKER: lambda w: w.speakers.open_picker("speaker"),
            ActionId.SPLIT_PARAGRAPH: lambda w: w.split_paragraph(),
            ActionId.MERGE_PARAGRAPH: lambda w: w.merge_paragraph(),
            ActionId.FLAG_REQUEST: lambda w: w.flagging.flag(FlagKind.REQUEST),
            ActionId.FLAG_RESOLUTION: lambda w: w.flagging.flag(FlagKind.RESOLUTION),
            ActionId.FLAG_ACTION: lambda w: w.flagging.flag(FlagKind.ACTION),
            ActionId.FLAG_DECLARATION: lambda w: w.flagging.flag(FlagKind.DECLARATION),
            ActionId.EDIT_FLAG: lambda w: w.flags_pane.edit_at_caret(),
            ActionId.WRITE_REQUESTS: lambda w: w.flagging.write_requests_paragraph(),
            ActionId.REQUEST_LOG: lambda w: w.open_request_log(),
            ActionId.PREVIOUS_ITEM: lambda w: w.agenda.step(-1),
            ActionId.NEXT_ITEM: lambda w: w.agenda.step(1),
            ActionId.FOCUS_AGENDA: lambda w: w.focus_agenda(),
            ActionId.FOCUS_EDITOR: lambda w: w.focus_editor(),
            ActionId.FOCUS_ROSTER: lambda w: w.focus_roster(),
            ActionId.FOCUS_FLAGS: lambda w: w.focus_flags(),
            ActionId.ADD_ITEM: lambda w: w.agenda.add_item(),
            ActionId.RENAME_ITEM: lambda w: w.agenda.rename_current(),
            ActionId.TOGGLE_EXEMPT: lambda w: w.agenda.toggle_exempt(),
            ActionId.DELETE_ITEM: lambda w: w.agenda.delete_current(),
            ActionId.MOVE_ITEM_UP: lambda w: w.agenda.move_current(-1),
            ActionId.MOVE_ITEM_DOWN: lambda w: w.agenda.move_current(1),
            ActionId.RUN_CHECKS: lambda w: w.review_actions.run_checks(),
            ActionId.SPELLING: lambda w: w.spelling.fix_at_caret(),
            ActionId.NEXT_MISSPELLING: lambda w: w.spelling.next_misspelling(),
            ActionId.PARAGRAPH_HISTORY: lambda w: w.review_actions.open_history(),
            ActionId.APPROVE_PREVIOUS: lambda w: w.review_actions.approve_previous(),
            ActionId.PUBLISH: lambda w: w.review_actions.publish(),
            ActionId.ADD_CORRECTION: lambda w: w.review_actions.add_correction(),
            ActionId.START_MEETING: lambda w: w.clock.start(),
            ActionId.PAUSE_MEETING: lambda w: w.clock.pause(),
            ActionId.END_MEETING: lambda w: w.clock.end(),
        }

    def _connect_actions(self) -> None:
        for action_id, route in self._routes().items():
            self.actions[action_id].triggered.connect(
                lambda _checked=False, route=route, action_id=action_id:
                self._route(route, action_id)
            )
        self.actions[ActionId.CLOSE_MEETING].triggered.connect(self.close_meeting)

    def _route(self, route: Callable[[MeetingWorkspace], object], action_id: ActionId) -> None:
        if self.workspace is None:
            return
        if self.workspace.locked and action_id in CHANGING_ACTIONS:
            self.message.emit(self.workspace.locked_message())
            return
        route(self.workspace)

    def _update_actions(self, *_args: object) -> None:
        open_ = self.workspace is not None
        for action_id in MEETING_ACTIONS:
            self.actions[action_id].setEnabled(open_)
        stack = self.workspace.stack if self.workspace else None
        undo, redo = self.actions[ActionId.UNDO], self.actions[ActionId.REDO]
        undo.setEnabled(bool(stack and stack.canUndo()))
        redo.setEnabled(bool(stack and stack.canRedo()))
        undo.setText(f"&Undo {stack.undoText()}".rstrip() if stack else "&Undo")
        redo.setText(f"&Redo {stack.redoText()}".rstrip() if stack else "&Redo")
