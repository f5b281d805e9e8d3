"""Other clerks' changes to the open meeting, shown as they commit (team database only).

A QSocketNotifier on the listening connection's socket wakes the Qt thread when a notice
arrives (no thread, no polling); notices are gathered for a moment and applied together. Text
a colleague saved replaces a paragraph's text in place unless this clerk has typed in it and
not yet saved (then the save finds the conflict and asks). A change of the item's shape
(paragraphs added, removed, moved, re-levelled) reloads the item after saving what was typed.
Typing in an item tells the others at the first key and every TYPING_REPEAT_S seconds after;
the agenda shows "being edited by …" until TYPING_EXPIRY_S pass without a notice.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from clerkdesk.errors import ClerkDeskError
from clerkdesk.services import team_events, workspace
from clerkdesk.services.conflicts import TextBase
from clerkdesk.services.team_events import TeamEvent

if TYPE_CHECKING:
    from clerkdesk.ui.workspace.meeting_workspace import MeetingWorkspace

GATHER_MS = 30  # a change of many rows (a move renumbers them all) arrives as one burst
RECONNECT_MS = 2000
TYPING_REPEAT_S = 10.0
TYPING_EXPIRY_S = 30.0
FLAG_KINDS = {"flag", "request_flag", "resolution_flag", "action_flag", "declaration_flag"}


class LiveUpdates(QObject):
    """Signals: applied(list of TeamEvent) after a batch of notices was shown."""

    applied = Signal(list)

    def __init__(self, meeting: MeetingWorkspace) -> None:
        super().__init__(meeting)
        self.meeting = meeting
        self.listener: team_events.Listener | None = None
        self._notifier: QSocketNotifier | None = None
        self._events: list[TeamEvent] = []
        self._gather = QTimer(self, singleShot=True, interval=GATHER_MS)
        self._gather.timeout.connect(self._apply)
        self._reconnect = QTimer(self, singleShot=True, interval=RECONNECT_MS)
        self._reconnect.timeout.connect(self.start)
        self._expiry = QTimer(self, interval=1000)
        self._expiry.timeout.connect(self._expire_typists)
        self.typists: dict[int, tuple[str, float]] = {}  # item id -> (clerk, last notice)
        self._announced: tuple[int, float] = (0, 0.0)
        self.stopped = False

    def start(self) -> None:
        """Listen (a team database only); a failure retries every RECONNECT_MS."""
        if self.stopped or not team_events.is_team_database(self.meeting.db):
            return
        listening = self.meeting.runner.run(lambda: team_events.Listener(self.meeting.db),
                                            quiet=True)
        if listening is None:  # the server is away: try again shortly
            self._reconnect.start()
            return
        self.listener = listening.value
        self._notifier = QSocketNotifier(self.listener.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._readable)
        self._expiry.start()
        if self._events or self.typists:  # back after a drop: anything may have changed
            self._gather.start()

    def stop(self) -> None:
        self.stopped = True
        self._drop_connection()
        self._reconnect.stop()
        self._expiry.stop()

    def _drop_connection(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if self.listener is not None:
            self.listener.close()
            self.listener = None

    def _readable(self) -> None:
        if self.listener is None:
            return
        try:
            events = self.listener.read()
        except ClerkDeskError:  # the server went away: listen again when it is back
            self._drop_connection()
            self._reconnect.start()
            return
        mine = [e for e in events if e.meeting == self.meeting.meeting_id]
        if mine:
            self._events.extend(mine)
            self._gather.start()

    # --- typing ----------------------------------------------------------------------------
    def typed(self, item_id: int) -> None:
        """This clerk typed in `item_id`: tell the others (at most every TYPING_REPEAT_S)."""
        now = time.monotonic()
        last_item, last_time = self._announced
        if self.listener is None or (item_id == last_item and now - last_time < TYPING_REPEAT_S):
            return
        self._announced = (item_id, now)
        try:
            self.listener.announce_typing(self.meeting.meeting_id, item_id, self.meeting.db.clerk)
        except ClerkDeskError:
            self._drop_connection()
            self._reconnect.start()

    def _expire_typists(self) -> None:
        now = time.monotonic()
        stale = [item for item, (_clerk, seen) in self.typists.items()
                 if now - seen > TYPING_EXPIRY_S]
        for item in stale:
            del self.typists[item]
        if stale:
            self._show_typists()

    def _show_typists(self) -> None:
        self.meeting.agenda.model.set_editors(
            {item: clerk for item, (clerk, _seen) in self.typists.items()})

    # --- applying --------------------------------------------------------------------------
    def _apply(self) -> None:
        events, self._events = self._events, []
        typing = [e for e in events if e.kind == team_events.TYPING and e.item is not None]
        for event in typing:
            self.typists[event.item or 0] = (event.clerk or "another clerk", time.monotonic())
        if typing:
            self._show_typists()
        kinds = {e.kind for e in events}
        try:
            self._refresh(events, kinds)
        except ClerkDeskError as error:
            self.meeting.editing.report_error(str(error))
        self.applied.emit(events)

    def _refresh(self, events: list[TeamEvent], kinds: set[str]) -> None:
        meeting = self.meeting
        if "agenda_item" in kinds:
            meeting.reload_outline()
            meeting.agenda.load(meeting.outline, select=meeting.editing.item_id)
        if "attendance" in kinds:
            meeting.roster.refresh()
        shown = meeting.editing.item_id
        if any(e.item == shown and (e.kind == "paragraph" or e.kind in FLAG_KINDS)
               for e in events):
            refresh_shown_item(meeting)
        if kinds & FLAG_KINDS:
            meeting.flags_pane.refresh()


def refresh_shown_item(meeting: MeetingWorkspace) -> None:
    """Show what is stored for the shown item, never over text this clerk has not saved."""
    controller, autosaver = meeting.editing, meeting.autosaver
    item_id = controller.item_id
    if item_id is None:
        return
    stored = workspace.item_paragraphs(meeting.db, item_id)
    paragraphs = controller.editor.paragraphs
    shown = [d for d in map(paragraphs.data, paragraphs.blocks()) if d.id]
    if [(p.id, p.level, p.style, p.speaker_id, p.flagged) for p in stored] != \
            [(d.id, d.level, d.style, d.speaker_id, d.flagged) for d in shown]:
        caret = controller.editor.caret()
        autosaver.flush()  # what this clerk typed is saved (or held as a conflict) first
        controller.show_item(item_id, force=True)
        controller.editor.set_caret(*caret)
        return
    unsaved = autosaver.pending
    for paragraph, data in zip(stored, shown, strict=True):
        if paragraph.id in unsaved:
            continue  # typed and not yet saved: the save compares and asks
        if paragraph.text != data.text:
            controller.show_stored_text(paragraph.id, paragraph.text)
        autosaver.bases[paragraph.id] = TextBase(paragraph.version, paragraph.text)
