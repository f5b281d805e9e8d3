"""The meetings list beside the selected meeting's minutes, read-only."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QListView, QSplitter, QWidget

from clerkdesk.errors import ClerkDeskError
from clerkdesk.ui.meeting_list import MEETING_ID_ROLE, MeetingDelegate, MeetingListModel
from clerkdesk.ui.minutes_browser import MinutesBrowser

if TYPE_CHECKING:
    from clerkdesk.storage.database import Database

LIST_WIDTH = 280
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
        self._previews, self._preview_due = True, False
        self.model = MeetingListModel(self)
        self.meeting_list = self._make_list()
        self.minutes_view = MinutesBrowser(self)
        self.addWidget(self.meeting_list)
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

            meetings = list_meetings(self._database)
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
        return "This database has no meetings yet."

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            self._show_meeting(indexes[0].data(MEETING_ID_ROLE))

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

        try:
            self.minutes_view.show_minutes(
                published_minutes(self._database, meeting_id, Audience.PUBLIC))
        except ClerkDeskError as error:
            self.minutes_view.show_message(str(error))
