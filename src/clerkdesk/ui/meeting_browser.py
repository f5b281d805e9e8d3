"""The meetings list beside the selected meeting's minutes, read-only."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelection, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListView,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from clerkdesk.domain import meeting_filter
from clerkdesk.domain.meeting_filter import MeetingFilter, MeetingOrder
from clerkdesk.ui.action_runner import ActionRunner
from clerkdesk.ui.meeting_list import MEETING_ID_ROLE, MeetingDelegate, MeetingListModel
from clerkdesk.ui.minutes_browser import MinutesBrowser

if TYPE_CHECKING:
    from clerkdesk.storage.database import Database

LIST_WIDTH = 280
PREVIEW_PAUSE_MS = 200
PAGE_WIDTH = 820


class MeetingBrowser(QSplitter):
    """Lists the meetings of a database; the current one's minutes show on the right.

    Signals:
        meetings_loaded(int): the list was (re)filled with this many meetings.
    """

    meetings_loaded = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setObjectName("meetingBrowser")
        self.setChildrenCollapsible(False)
        self._database: Database | None = None
        self.runner = ActionRunner(self)  # a preview that cannot be read says why in its place
        self._previews, self._preview_due = True, False
        # While the clerk types a filter, the selected meeting's minutes are drawn after a pause.
        self._filtering = False
        self._previewed: int | None = None
        self._preview_timer = QTimer(self, singleShot=True, interval=PREVIEW_PAUSE_MS)
        self._preview_timer.timeout.connect(self._preview_after_filtering)
        self.model = MeetingListModel(self)
        self._all_meetings: list = []
        self.meeting_list = self._make_list()
        self.minutes_view = MinutesBrowser(self)
        self.runner.messageReported.connect(self.minutes_view.show_message)
        self.addWidget(self._make_list_panel())
        self.addWidget(self.minutes_view)
        self.setStretchFactor(1, 1)
        self.setSizes([LIST_WIDTH, PAGE_WIDTH])

    def _make_list(self) -> QListView:
        view = QListView(self)
        view.setObjectName("meetingList")
        view.setAccessibleName("Meetings")
        view.setModel(self.model)
        view.setItemDelegate(MeetingDelegate(view))
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setUniformItemSizes(True)
        view.setMinimumWidth(180)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # titles elide
        view.selectionModel().selectionChanged.connect(self._selection_changed)
        return view

    def _make_list_panel(self) -> QWidget:
        """The filter (type to narrow; committee, year, order) above the meetings list."""
        panel = QWidget(self)
        self.filter_text: QLineEdit = QLineEdit(panel, objectName="meetingFilterText",
                                                clearButtonEnabled=True)
        self.filter_text.setPlaceholderText("Type to filter: committee, date…")
        self.filter_text.setAccessibleName("Filter meetings")
        self.filter_text.textChanged.connect(self.apply_filter)
        self.filter_text.installEventFilter(self)
        self.filter_committee = self._combo(panel, "meetingFilterCommittee", "Committee")
        self.filter_year = self._combo(panel, "meetingFilterYear", "Year")
        self.sort_order = self._combo(panel, "meetingSortOrder", "Order")
        for order in MeetingOrder:
            self.sort_order.addItem(order.value, order)
        self._fill_choices()
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        for row, (text, combo) in enumerate((("Comm&ittee:", self.filter_committee),
                                             ("&Year:", self.filter_year),
                                             ("&Sort:", self.sort_order))):
            label = QLabel(text, panel)
            label.setBuddy(combo)
            grid.addWidget(label, row, 0)
            grid.addWidget(combo, row, 1)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_text)
        layout.addLayout(grid)
        layout.addWidget(self.meeting_list, 1)
        self.meeting_list.installEventFilter(self)
        return panel

    def _combo(self, parent: QWidget, name: str, accessible: str) -> QComboBox:
        combo = QComboBox(parent, objectName=name)
        combo.setAccessibleName(accessible)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.currentIndexChanged.connect(self.apply_filter)
        return combo

    def _fill_choices(self) -> None:
        """Committees and years that have meetings, keeping the current choices if still there."""
        for combo, any_text, choices in (
            (self.filter_committee, "All committees",
             meeting_filter.committees(self._all_meetings)),
            (self.filter_year, "All years",
             [(year, str(year)) for year in meeting_filter.years(self._all_meetings)]),
        ):
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(any_text, None)
            for value, text in choices:
                combo.addItem(text, value)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            combo.blockSignals(False)

    def chosen_filter(self) -> MeetingFilter:
        return MeetingFilter(self.filter_text.text(), self.filter_committee.currentData(),
                             self.filter_year.currentData())

    def apply_filter(self) -> None:
        """List the meetings that match the filter, keeping the selected one when it does."""
        current = self.current_meeting_id()
        order = MeetingOrder(self.sort_order.currentData() or MeetingOrder.NEWEST)
        self._filtering = True
        try:
            self.model.set_meetings(meeting_filter.shown(
                self._all_meetings, self.chosen_filter(), order))
            row = self.model.row_of(current) if current is not None else None
            if self.model.rowCount():
                self.meeting_list.setCurrentIndex(self.model.index(row or 0))
        finally:
            self._filtering = False
        if not self.model.rowCount() and self._all_meetings:
            self._preview_timer.stop()
            self._previewed = None
            self.minutes_view.show_message("No meeting matches the filter.")
        self.meetings_loaded.emit(self.model.rowCount())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Typing in the list filters it; Down in the filter goes back to the list."""
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        if watched is self.meeting_list and _is_typing(event):
            self.filter_text.setFocus()
            self.filter_text.insert(event.text())
            return True
        if watched is self.filter_text and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return,
                                                           Qt.Key.Key_Enter):
            self.meeting_list.setFocus()
            return True
        if watched is self.filter_text and event.key() == Qt.Key.Key_Escape and \
                self.filter_text.text():
            self.filter_text.clear()
            return True
        return super().eventFilter(watched, event)

    @property
    def meeting_count(self) -> int:
        return self.model.rowCount()

    def set_database(self, database: Database | None, *, preview: bool = True) -> None:
        """Show this database's meetings, newest first, with the newest selected.

        preview=False leaves the selected meeting's minutes for `show_preview_if_due` (a
        meeting about to open over the list need not be rendered twice at start-up).
        """
        self._database = database
        self._previews = preview
        try:
            self.reload()
        finally:
            self._previews = True

    def reload(self) -> None:
        meetings = []
        if self._database is not None:
            from clerkdesk.services.meetings import list_meetings

            database = self._database
            listed = self.runner.run(lambda: list_meetings(database))
            if listed is None:  # e.g. the team server went away: said in the preview's place
                return
            meetings = listed.value
        self._all_meetings = meetings
        self._fill_choices()
        order = MeetingOrder(self.sort_order.currentData() or MeetingOrder.NEWEST)
        meetings = meeting_filter.shown(meetings, self.chosen_filter(), order)
        self.model.set_meetings(meetings)
        self.meetings_loaded.emit(len(meetings))
        if meetings:
            self.meeting_list.setCurrentIndex(self.model.index(0))
            self.show_preview_if_due()
        else:
            self.minutes_view.show_message(self._empty_message())

    def current_meeting_id(self) -> int | None:
        index = self.meeting_list.currentIndex()
        return index.data(MEETING_ID_ROLE) if index.isValid() else None

    def current_committee_id(self) -> int | None:
        meeting = self.model.meeting_at(self.meeting_list.currentIndex().row())
        return meeting.committee_id if meeting else None

    def _empty_message(self) -> str:
        if self._database is None:
            return "No database is open. Use File › Open database… or File › New database…"
        return ("No meetings yet: press Ctrl+N for a new meeting, or File › Import minutes… "
                "(Ctrl+I) to bring in earlier ones.")

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes and self._filtering:
            self._preview_timer.start()  # rendered once the clerk pauses typing
        elif indexes:
            self._show_meeting(indexes[0].data(MEETING_ID_ROLE))

    def _preview_after_filtering(self) -> None:
        meeting_id = self.current_meeting_id()
        if meeting_id is not None and meeting_id != self._previewed:
            self._show_meeting(meeting_id)

    def show_preview_if_due(self) -> None:
        """Render the selected meeting's minutes if a preview was put off."""
        meeting_id = self.current_meeting_id()
        if self._preview_due and meeting_id is not None:
            self._show_meeting(meeting_id)

    def _show_meeting(self, meeting_id: int) -> None:
        if self._database is None:
            return
        self._preview_due = not self._previews
        if self._preview_due:
            return
        from clerkdesk.domain.enums import Audience
        from clerkdesk.services.minutes import published_minutes

        database = self._database
        minutes = self.runner.run(
            lambda: published_minutes(database, meeting_id, Audience.PUBLIC))
        self._previewed = meeting_id if minutes is not None else None
        if minutes is not None:
            self.minutes_view.show_minutes(minutes.value)


def _is_typing(event: QKeyEvent) -> bool:
    """A printable character without Ctrl/Alt/Meta (Shift is fine): the start of a filter."""
    blocked = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
               | Qt.KeyboardModifier.MetaModifier)
    text = event.text()
    return bool(text) and text.isprintable() and not text.isspace() and \
        not event.modifiers() & blocked
