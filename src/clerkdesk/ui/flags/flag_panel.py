"""The flags dock: this meeting's requests, resolutions, actions and declarations by kind.

Keys on a flag: Enter jumps to its paragraph, F4 edits it, Delete removes it; on a request
P marks it provided, O outstanding, W withdrawn; on an action D marks it done, O open again.

Signals: jumpRequested(item_id, paragraph_id), editRequested(flag_id),
removeRequested(flag_id), statusRequested(flag_id, status), logRequested().
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QIcon, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clerkdesk.domain.enums import ActionStatus, FlagKind, RequestStatus
from clerkdesk.domain.flag_summary import flag_headline, place_label
from clerkdesk.ui.actions import panel_hint
from clerkdesk.ui.colours import Tone, text_style
from clerkdesk.ui.flags.flag_icons import LOOKS, kind_pixmap

RECORD_ROLE = Qt.ItemDataRole.UserRole + 1
MIN_TEXT_WIDTH = 60
ICON_SIZE = 16
ICON_GAP = 10
GROUPS = (
    (FlagKind.REQUEST, "Requests for information"),
    (FlagKind.RESOLUTION, "Resolutions"),
    (FlagKind.ACTION, "Actions"),
    (FlagKind.DECLARATION, "Declarations of interest"),
)
STATUS_KEYS = {
    Qt.Key.Key_P: (FlagKind.REQUEST, RequestStatus.PROVIDED),
    Qt.Key.Key_W: (FlagKind.REQUEST, RequestStatus.WITHDRAWN),
    Qt.Key.Key_D: (FlagKind.ACTION, ActionStatus.DONE),
}
STATUS_FILTERS = (("Any status", None), ("Outstanding / open", "open"),
                  ("Provided / done", "closed"), ("Withdrawn / dropped", "dropped"))
_OPEN = {RequestStatus.OUTSTANDING.value, ActionStatus.OPEN.value}
_CLOSED = {RequestStatus.PROVIDED.value, ActionStatus.DONE.value}
_DROPPED = {RequestStatus.WITHDRAWN.value, ActionStatus.DROPPED.value}
EMPTY_TEXT = ("Nothing flagged yet: in the minutes press Ctrl+R for a resolution, "
              "Ctrl+Shift+R a request, Ctrl+Shift+A an action, Ctrl+Shift+D a declaration.")
NOTHING_MATCHES = "No flags of this kind or status: choose “All kinds” or “Any status”."


def _status_matches(status: str, wanted: str | None) -> bool:
    groups = {"open": _OPEN, "closed": _CLOSED, "dropped": _DROPPED}
    return wanted is None or status in groups[wanted]


class WrappingDelegate(QStyledItemDelegate):
    """Row heights for text wrapped at the list's width (Qt's own hint never wraps)."""

    def sizeHint(self, option: QStyleOptionViewItem,  # noqa: N802 - Qt API
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        view = self.parent()
        if not isinstance(view, QTreeView):
            return super().sizeHint(option, index)
        depth, parent = 1, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        opt = QStyleOptionViewItem(option)
        icon = view.iconSize().width() if view.iconSize().isValid() else ICON_SIZE
        # Qt measures wrapped text at the rect's width, leaving out the icon: take it off here.
        width = view.viewport().width() - view.indentation() * depth - icon - ICON_GAP
        opt.rect = QRect(0, 0, max(MIN_TEXT_WIDTH, width), 1)  # a valid rect turns wrapping on
        return super().sizeHint(opt, index)


class FlagLegend(QWidget):
    """Each kind's icon with its name, so the colours and signs need no guessing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("flagLegend")
        self.setAccessibleName("Flag kinds")
        self.texts: list[QLabel] = []
        grid = QGridLayout(self)  # two by two: the names stay whole in a narrow dock
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(4, 1)
        for number, (look_kind, look) in enumerate(LOOKS.items()):
            icon = QLabel(self)
            icon.setPixmap(kind_pixmap(look_kind, 14, self.palette()))
            icon.setAccessibleName(look.long_name)
            text = QLabel(look.name, self)
            text.setAccessibleName(look.long_name)
            text.setToolTip(look.long_name)
            self.texts.append(text)
            grid.addWidget(icon, number // 2, (number % 2) * 2)
            grid.addWidget(text, number // 2, (number % 2) * 2 + 1)


class FlagPanel(QWidget):
    jumpRequested = Signal(int, int)
    editRequested = Signal(int)
    removeRequested = Signal(int)
    statusRequested = Signal(int, str)
    logRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("flagPanel")
        self.setAccessibleName("Flags")
        self.records: Sequence = ()
        self.kind_filter = QComboBox(self)
        self.kind_filter.setObjectName("flagKindFilter")
        self.kind_filter.setAccessibleName("Show flags of kind")
        self.kind_filter.addItem("All kinds", None)
        for kind, title in GROUPS:
            self.kind_filter.addItem(title, kind)
        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("flagStatusFilter")
        self.status_filter.setAccessibleName("Show flags with status")
        for text, value in STATUS_FILTERS:
            self.status_filter.addItem(text, value)
        self.list = QTreeWidget(self)
        self.list.setObjectName("flagList")
        self.list.setAccessibleName("Flagged paragraphs")
        self.list.setHeaderHidden(True)
        self.list.setWordWrap(True)
        self.list.setUniformRowHeights(False)
        self.list.setIndentation(10)
        self.list.setItemDelegate(WrappingDelegate(self.list))
        self.list.installEventFilter(self)
        self.list.itemActivated.connect(self._activated)
        self.log_button = QPushButton("Request &log…", self)
        self.log_button.setObjectName("requestLogButton")
        self.log_button.clicked.connect(self.logRequested)
        hint = QLabel(panel_hint("Flags panel"), self)
        hint.setWordWrap(True)
        hint.setStyleSheet(f"{text_style(Tone.MUTED)} font-size: 9pt;")
        self.legend = FlagLegend(self)
        filters = QHBoxLayout()
        filters.addWidget(self.kind_filter, 1)
        filters.addWidget(self.status_filter, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.legend)
        layout.addWidget(hint)
        layout.addWidget(self.log_button)
        self.kind_filter.currentIndexChanged.connect(lambda _i: self._fill())
        self.status_filter.currentIndexChanged.connect(lambda _i: self._fill())

    def show_records(self, records: Sequence) -> None:
        """FlagRecords of the meeting, in minute order."""
        selected = self.selected_record()
        self.records = records
        self._fill(selected.id if selected else None)

    def _fill(self, select_id: int | None = None) -> None:
        self.list.clear()
        kind, status = self.kind_filter.currentData(), self.status_filter.currentData()
        bold = QFont(self.list.font())
        bold.setBold(True)
        for group_kind, title in GROUPS:
            rows = [r for r in self.records if r.kind == group_kind
                    and (kind is None or kind == group_kind) and _status_matches(r.status, status)]
            if not rows:
                continue
            group = QTreeWidgetItem(self.list, [f"{title} ({len(rows)})"])
            group.setFont(0, bold)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for record in rows:
                entry = QTreeWidgetItem(group, [self._row_text(record)])
                entry.setData(0, RECORD_ROLE, record)
                entry.setIcon(0, QIcon(kind_pixmap(record.kind, ICON_SIZE, self.palette())))
                entry.setData(0, Qt.ItemDataRole.AccessibleTextRole,
                              f"{LOOKS[record.kind].long_name}: {self._row_text(record)}")
                entry.setToolTip(0, record.short_text)
                if record.id == select_id:
                    self.list.setCurrentItem(entry)
            group.setExpanded(True)
        if not self.list.topLevelItemCount():
            empty = EMPTY_TEXT if not self.records else NOTHING_MATCHES
            QTreeWidgetItem(self.list, [empty]).setFlags(Qt.ItemFlag.NoItemFlags)

    @staticmethod
    def _row_text(record) -> str:  # noqa: ANN001
        where = place_label(record.item_label, record.paragraph_label)
        status = f" · {record.status}" if record.status else ""
        headline = flag_headline(record.kind, record.fields, record.asked_of_text,
                                 record.short_text)
        return f"{where}{status}\n{headline}"

    def selected_record(self):  # noqa: ANN201
        item = self.list.currentItem()
        return item.data(0, RECORD_ROLE) if item is not None else None

    def _activated(self, item: QTreeWidgetItem) -> None:
        record = item.data(0, RECORD_ROLE)
        if record is not None:
            self.jumpRequested.emit(record.item_id, record.paragraph_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize:
            self.list.doItemsLayout()  # rows wrap again at the new width
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            record = self.selected_record()
            if record is not None and self._key(record, event):
                return True
        return super().eventFilter(watched, event)

    def _key(self, record, event: QKeyEvent) -> bool:  # noqa: ANN001
        key = event.key()
        if event.modifiers() not in (Qt.KeyboardModifier.NoModifier,
                                     Qt.KeyboardModifier.KeypadModifier):
            return False
        if key == Qt.Key.Key_F4:
            self.editRequested.emit(record.id)
        elif key == Qt.Key.Key_Delete:
            self.removeRequested.emit(record.id)
        elif key == Qt.Key.Key_O and record.kind in (FlagKind.REQUEST, FlagKind.ACTION):
            reopened = RequestStatus.OUTSTANDING if record.kind is FlagKind.REQUEST \
                else ActionStatus.OPEN
            self.statusRequested.emit(record.id, reopened.value)
        elif key in STATUS_KEYS and STATUS_KEYS[Qt.Key(key)][0] == record.kind:
            self.statusRequested.emit(record.id, STATUS_KEYS[Qt.Key(key)][1].value)
        else:
            return False
        return True
