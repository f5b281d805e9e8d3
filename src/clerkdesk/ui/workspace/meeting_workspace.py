"""One open meeting: agenda on the left, the minute editor, flags on the right, clock on top.

It is a QMainWindow embedded in the application window so it can own its docks and toolbar.
One QUndoStack per open meeting undoes typing, paragraph and agenda edits alike.

Signals: errorReported(str), titleChanged(str).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QLabel,
    QListView,
    QMainWindow,
    QSizePolicy,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from clerkdesk.services import workspace
from clerkdesk.services.changes import PARAGRAPHS, Changes
from clerkdesk.ui.action_runner import ActionRunner
from clerkdesk.ui.after_paint import AfterFirstPaint
from clerkdesk.ui.colours import Tone, fill_style
from clerkdesk.ui.editor.autosave import Autosaver
from clerkdesk.ui.editor.controller import EditorController
from clerkdesk.ui.editor.minute_editor import MinuteEditor
from clerkdesk.ui.flags.flag_controller import FlagController
from clerkdesk.ui.flags.flag_panel import FlagPanel
from clerkdesk.ui.flags.flags_pane import FlagsPane
from clerkdesk.ui.review.review_actions import ReviewActions
from clerkdesk.ui.review.review_controller import ReviewController
from clerkdesk.ui.review.review_panel import ReviewPanel
from clerkdesk.ui.roster.roster_panel import RosterPanel
from clerkdesk.ui.speakers.speaker_controller import SpeakerController
from clerkdesk.ui.spelling.spelling_controller import SpellingController
from clerkdesk.ui.team.conflicts import ConflictResolver
from clerkdesk.ui.team.live_updates import LiveUpdates
from clerkdesk.ui.workspace.agenda_controller import AgendaController
from clerkdesk.ui.workspace.agenda_model import item_text
from clerkdesk.ui.workspace.clock_bar import MeetingClockBar
from clerkdesk.ui.workspace.find_bar import FindBar
from clerkdesk.ui.workspace.save_status import SaveStatus

EMPTY_ITEM = ("No minutes for this item yet: start typing; Enter starts the next paragraph, "
              "Ctrl+PgDown goes to the next item.")


class MeetingWorkspace(QMainWindow):
    errorReported = Signal(str)
    titleChanged = Signal(str)

    def __init__(self, db, meeting_id: int, parent: QWidget | None = None,  # noqa: ANN001
                 start_item: int | None = None) -> None:
        """`start_item`: the agenda item shown first (default: the first item)."""
        super().__init__(parent)
        self.setObjectName("meetingWorkspace")
        self.setWindowFlags(Qt.WindowType.Widget)
        self.db, self.meeting_id = db, meeting_id
        self.outline = workspace.meeting_outline(db, meeting_id)
        self.stack = QUndoStack(self)
        self.runner = ActionRunner(self)
        self.autosaver = Autosaver(db, self)
        self._build_centre()
        self._build_docks()
        self._build_toolbar()
        self.editing = EditorController(db, self.editor, self.stack, self.autosaver,
                                        lambda: self.outline, self.clock.elapsed_now)
        self.conflicts = ConflictResolver(
            self.editing, lambda person: self.outline.names.get(person, "[unknown]"))
        self.agenda = AgendaController(db, meeting_id, self.agenda_view, self.stack,
                                       self.reload_outline, self.autosaver.flush, self.runner)
        self.speakers = SpeakerController(db, meeting_id, self.editing, self.stack,
                                          self.refresh_names, self.runner)
        self.flagging = FlagController(db, meeting_id, self.editing, self.stack, self.runner)
        self.review = ReviewController(db, meeting_id, self.review_panel, self.editing,
                                       self.runner)
        self.spelling = SpellingController(db, meeting_id, self.editor)
        self.live = LiveUpdates(self)
        self.flags_pane = FlagsPane(db, meeting_id, self.flags, self.flagging, self.stack,
                                    self.runner, self.jump_to)
        self.review_actions = ReviewActions(db, meeting_id, self.runner, self.editing,
                                            self.review, self.review_dock,
                                            lambda: self.outline.names)
        self._connect()
        self.agenda.load(self.outline, select=start_item)
        self._apply_lock()
        # The side panels' queries wait until the editor is on screen (start-up benchmark).
        self.side_panels_filled = False
        AfterFirstPaint(self.editor.viewport(), self.fill_side_panels)

    def fill_side_panels(self) -> None:
        """Load the roster and the flags panel (once; later changes refresh them)."""
        if self.side_panels_filled:
            return
        self.side_panels_filled = True
        self.roster.set_meeting(self.db, self.meeting_id)
        if self.editing.item_id is not None:  # shown before the roster existed: tell it now
            self._item_shown(self.editing.item_id)
        self.flags_pane.refresh()
        self.live.start()  # other clerks' changes (team database only)

    # --- construction ---------------------------------------------------------------------
    def _build_centre(self) -> None:
        centre = QWidget(self)
        self.heading = QLabel(centre)
        self.heading.setObjectName("itemHeading")
        self.heading.setAccessibleName("Agenda item")
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-size: 13pt; font-weight: bold; padding: 8px 18px 2px;")
        self.lock_banner = QLabel(centre)
        self.lock_banner.setObjectName("lockBanner")
        self.lock_banner.setStyleSheet(f"{fill_style(Tone.NOTICE)} padding: 6px 18px;")
        self.lock_banner.hide()
        self.editor = MinuteEditor(centre)
        self.editor.setPlaceholderText(EMPTY_ITEM)
        self.find_bar = FindBar(self.editor, centre)
        layout = QVBoxLayout(centre)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.heading)
        layout.addWidget(self.lock_banner)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.find_bar)
        self.setCentralWidget(centre)

    def _build_docks(self) -> None:
        self.agenda_view = QListView(self)
        self.agenda_view.setObjectName("agendaList")
        self.agenda_view.setAccessibleName("Agenda")
        self.agenda_view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.agenda_view.setWordWrap(True)
        self.agenda_view.setSpacing(2)
        self.agenda_view.setMinimumWidth(230)
        agenda_dock = QDockWidget("Agenda", self, objectName="agendaDock")
        agenda_dock.setWidget(self.agenda_view)
        agenda_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, agenda_dock)
        self.flags = FlagPanel(self)
        self.flags.setMinimumWidth(250)
        flag_dock = QDockWidget("Flags", self, objectName="flagDock")
        flag_dock.setWidget(self.flags)
        flag_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, flag_dock)
        self.roster = RosterPanel(self)
        roster_dock = QDockWidget("Roster", self, objectName="rosterDock")
        roster_dock.setWidget(self.roster)
        roster_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, roster_dock)
        self.tabifyDockWidget(flag_dock, roster_dock)
        self.review_panel = ReviewPanel(self)
        review_dock = QDockWidget("Review", self, objectName="reviewDock")
        review_dock.setWidget(self.review_panel)
        review_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, review_dock)
        self.tabifyDockWidget(roster_dock, review_dock)
        flag_dock.raise_()
        self.flag_dock, self.roster_dock, self.review_dock = flag_dock, roster_dock, review_dock
        self.resizeDocks([agenda_dock, flag_dock], [260, 300], Qt.Orientation.Horizontal)

    def _build_toolbar(self) -> None:
        bar = QToolBar("Meeting", self, objectName="meetingToolbar")
        bar.setMovable(False)
        title = QLabel(f"  {self.outline.committee} — {self.outline.date_text}  ", bar)
        title.setObjectName("meetingTitle")
        title.setStyleSheet("font-weight: bold;")
        self.clock = MeetingClockBar(self.db, self.meeting_id, self.outline.clock, bar)
        self.save_status = SaveStatus(bar)
        spacer = QWidget(bar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        for widget in (title, self.clock, spacer, self.save_status):
            bar.addWidget(widget)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)

    def _connect(self) -> None:
        # Refusals go to the status bar (errorReported), never to the save badge, which only
        # the autosaver writes; a bug in a save is reported once through the runner.
        self.runner.messageReported.connect(self.errorReported)
        self.runner.changed.connect(self._changed)
        self.autosaver.stateChanged.connect(self.save_status.show_state)
        self.editor.textEdited.connect(lambda *_: self.live.typed(self.editing.item_id or 0))
        self.autosaver.bugHit.connect(self.runner.report_bug)
        for reporter in (self.editing, self.roster):
            reporter.errorReported.connect(self.runner.messageReported)
        self.spelling.messageReported.connect(self.errorReported)
        self.autosaver.offline.waitingChanged.connect(self.save_status.show_waiting)
        self.autosaver.offline.wentOffline.connect(self.errorReported)
        self.agenda.itemSelected.connect(self._show_item)
        self.agenda.openRequested.connect(self.open_item_at_end)
        self.editing.itemShown.connect(self._item_shown)
        self.editing.structureChanged.connect(lambda _item: self.flags_pane.refresh_soon())
        self.flags.logRequested.connect(self.open_request_log)
        self.review.minutesChanged.connect(self.flags_pane.refresh_soon)
        self.review_panel.jumpRequested.connect(self.jump_to)
        self.flagging.personAdded.connect(self._person_added)
        self.roster.personChanged.connect(lambda _person: self.refresh_names())

    # --- state ----------------------------------------------------------------------------
    def _changed(self, changes: Changes) -> None:
        """What an action changed: the outline (agenda, names, approval state) is re-read."""
        if changes.roster:
            self.refresh_names()
        elif changes.agenda or changes.status:
            self.reload_outline()
        if changes.status:
            self._apply_lock()

    def reload_outline(self) -> workspace.MeetingOutline:
        done = self.runner.run(lambda: workspace.meeting_outline(self.db, self.meeting_id))
        if done is None:
            return self.outline
        self.outline = done.value
        current = self.editing.item_id
        item = next((i for i in self.outline.items if i.id == current), None)
        if item is not None:
            self.editor.numbers.configure(self.outline.scheme, item.label)
            self.editor.numbers.relabel()
            self._item_shown(item.id)
        self.flags_pane.refresh_soon()
        return self.outline

    def refresh_names(self) -> None:
        """Re-render after a roster or naming-convention change: names are references."""
        caret = self.editor.caret()
        self.reload_outline()
        self.editor.paragraphs.names = self.outline.names
        self.spelling.refresh()  # new names, committee words or house style
        if self.editing.item_id is not None:
            self.editing.show_item(self.editing.item_id, force=True)
            self.editing.place_caret(caret)

    def _person_added(self) -> None:
        """A name typed into a flag form joined the roster: show it once the flag is saved."""
        QTimer.singleShot(0, self.roster.refresh)
        QTimer.singleShot(0, self.refresh_names)

    def _show_item(self, item_id: int) -> None:
        self.runner.run(lambda: self.editing.show_item(item_id))

    def _item_shown(self, item_id: int) -> None:
        item = next((i for i in self.outline.items if i.id == item_id), None)
        if item is not None:
            self.heading.setText(item_text(item))
            self.roster.set_current_item(item.id, item.label)

    def open_replace(self) -> None:
        """Find and replace across the meeting; the whole replace is one undoable step."""
        from clerkdesk.ui.workspace.replace_dialog import ReplaceDialog

        if not self.autosaver.flush():
            return
        initial = self.editor.textCursor().selectedText()
        dialog = ReplaceDialog(self.db, self.meeting_id, initial, self)
        if dialog.exec() == ReplaceDialog.DialogCode.Accepted:
            pattern = dialog.pattern()
            text = f"Replace “{pattern.needle}” with “{dialog.with_edit.text()}”"
            self.editing.adopt_replace(dialog.changes, text)
            self.runner.announce(PARAGRAPHS)

    def open_request_log(self) -> None:
        self.flags_pane.open_request_log(self.outline.committee_id)

    # --- approval lock ----------------------------------------------------------------------
    @property
    def locked(self) -> bool:
        return self.outline.status.value != "draft"

    def locked_message(self) -> str:
        return (f"These minutes are {self.outline.status.value} and cannot be changed; "
                "use Review › Add a correction note.")

    def _apply_lock(self) -> None:
        """Approved or published minutes are shown read-only, with a banner saying so."""
        self.editor.setReadOnly(self.locked)
        self.lock_banner.setVisible(self.locked)
        self.lock_banner.setText(self.locked_message() if self.locked else "")

    # --- navigation -----------------------------------------------------------------------
    def jump_to(self, item_id: int, paragraph_id: int, offset: int = 0) -> None:
        self.agenda.select(item_id)
        self.editing.show_item(item_id)
        self.editing.place_caret((paragraph_id, offset))

    def open_item_at_end(self, item_id: int) -> None:
        """Show the item in the editor with the caret after its last word (Enter on the agenda)."""
        self._show_item(item_id)
        ids = self.editor.paragraphs.ids()
        if ids:
            self.editing.place_caret((ids[-1], len(self.editor.paragraphs.block(ids[-1]).text())))
        self.editor.setFocus()

    def position(self) -> tuple[int, int, int] | None:
        if self.editing.item_id is None:
            return None
        pid, offset = self.editor.caret()
        return self.editing.item_id, pid, offset

    def focus_editor(self) -> None:
        self.editor.setFocus()

    def focus_roster(self) -> None:
        self.roster_dock.raise_()
        self.roster.table.setFocus()

    def focus_flags(self) -> None:
        self.flag_dock.raise_()
        self.flags.list.setFocus()

    def focus_agenda(self) -> None:
        self.agenda_view.setFocus()

    def split_paragraph(self) -> None:
        pid, offset = self.editor.caret()
        if pid:
            self.editing.split(pid, offset)

    def merge_paragraph(self) -> None:
        pid, _offset = self.editor.caret()
        if pid:
            self.editing.merge(pid, True)

    def live_reason(self) -> str:
        """Why closing now would interrupt the meeting ("" when it would not)."""
        if self.clock.elapsed_now() is not None:
            return "The meeting clock is running."
        if self.autosaver.pending:
            return "Its latest text is not saved yet."
        return ""

    def close_session(self) -> bool:
        """Write everything pending; False when the disk refuses (the text is still held)."""
        saved = self.autosaver.flush()
        if saved:
            self.live.stop()
        return saved
