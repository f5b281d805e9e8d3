"""The meetings of the open database as a Qt list model, and a two-line delegate to draw them."""

from collections.abc import Sequence

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from clerkdesk.domain.enums import MeetingStatus
from clerkdesk.domain.minutes import MeetingSummary
from clerkdesk.ui.colours import Tone, text_colour

MEETING_ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2

STATUS_NAMES = {
    MeetingStatus.DRAFT: "Draft",
    MeetingStatus.APPROVED: "Approved",
    MeetingStatus.PUBLISHED: "Published",
}

AnyIndex = QModelIndex | QPersistentModelIndex
OPEN_HINT = "Enter opens it for live minutes."
TITLE_LINES = 2


def title_lines(metrics: QFontMetrics, title: str, width: int,
                most: int = TITLE_LINES) -> list[str]:
    """`title` wrapped at spaces into at most `most` lines of `width`; the last one elided."""
    lines: list[str] = []
    words = title.split(" ")
    while words and len(lines) < most - 1:
        line = words.pop(0)
        while words and metrics.horizontalAdvance(f"{line} {words[0]}") <= width:
            line = f"{line} {words.pop(0)}"
        lines.append(line)
    if words:
        lines.append(metrics.elidedText(" ".join(words), Qt.TextElideMode.ElideRight, width))
    return lines


def meeting_title(meeting: MeetingSummary) -> str:
    """'11 Jul 2023 — SEND Sub-Committee'."""
    return f"{meeting.date.day} {meeting.date:%b %Y} — {meeting.committee}"


class MeetingListModel(QAbstractListModel):
    """Read-only list of MeetingSummary rows, in the order given (newest first from services)."""

    def __init__(self, parent=None) -> None:  # noqa: ANN001 - any QObject
        super().__init__(parent)
        self._meetings: list[MeetingSummary] = []

    def set_meetings(self, meetings: Sequence[MeetingSummary]) -> None:
        self.beginResetModel()
        self._meetings = list(meetings)
        self.endResetModel()

    def meeting_at(self, row: int) -> MeetingSummary | None:
        return self._meetings[row] if 0 <= row < len(self._meetings) else None

    def row_of(self, meeting_id: int) -> int | None:
        for row, meeting in enumerate(self._meetings):
            if meeting.id == meeting_id:
                return row
        return None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._meetings)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        meeting = self.meeting_at(index.row()) if index.isValid() else None
        if meeting is None:
            return None
        status = STATUS_NAMES.get(meeting.status, str(meeting.status))
        if role == Qt.ItemDataRole.DisplayRole:
            return meeting_title(meeting)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{meeting_title(meeting)}, {status}. {OPEN_HINT}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{meeting_title(meeting)}, {status}"
        if role == STATUS_ROLE:
            return status
        if role == MEETING_ID_ROLE:
            return meeting.id
        return None


class MeetingDelegate(QStyledItemDelegate):
    """Title on the first line, status in smaller muted text underneath."""

    PADDING = 6

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:  # noqa: N802
        metrics = option.fontMetrics
        height = metrics.height() * (TITLE_LINES + 1) + self.PADDING * 2 + 2
        return QSize(0, height)  # as wide as the view: long titles are elided, not scrolled

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget else None
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorGroup.Active if opt.state & QStyle.StateFlag.State_Active \
            else QPalette.ColorGroup.Inactive
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        rect = opt.rect.adjusted(self.PADDING + 2, self.PADDING, -self.PADDING, -self.PADDING)
        line = opt.fontMetrics.height()
        painter.save()
        painter.setPen(opt.palette.color(group, text_role))
        lines = title_lines(opt.fontMetrics, str(index.data()), rect.width())
        for number, text in enumerate(lines):
            painter.drawText(rect.adjusted(0, number * line, 0, 0), Qt.AlignmentFlag.AlignLeft,
                             text)
        small = QFont(opt.font)
        small.setPointSizeF(max(opt.font.pointSizeF() * 0.88, 7.0))
        painter.setFont(small)
        if not selected:
            painter.setPen(text_colour(Tone.MUTED, opt.palette))
        status = str(index.data(STATUS_ROLE))
        if selected:
            status = f"{status} · Enter opens"
        painter.drawText(rect.adjusted(0, line * len(lines) + 2, 0, 0),
                         Qt.AlignmentFlag.AlignLeft, status)
        painter.restore()
