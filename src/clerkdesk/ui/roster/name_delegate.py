"""Draws a roster name with its role and notes on a second, smaller line (narrow docks)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from clerkdesk.ui.colours import Tone, text_colour
from clerkdesk.ui.roster.roster_model import SECOND_LINE_ROLE

Index = QModelIndex | QPersistentModelIndex
WRAP = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
PAD = 3


class NameDelegate(QStyledItemDelegate):
    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.two_lines = False

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        notes = index.data(SECOND_LINE_ROLE) if self.two_lines else ""
        if not notes:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        name, opt.text = opt.text, ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        text_rect = opt.rect.adjusted(PAD + 1, PAD, -PAD, -PAD)
        painter.save()
        painter.setFont(opt.font)
        pen = opt.palette.color(QPalette.ColorRole.HighlightedText if selected
                                else QPalette.ColorRole.Text)
        foreground = index.data(Qt.ItemDataRole.ForegroundRole)
        painter.setPen(foreground if foreground is not None and not selected else pen)
        used = painter.boundingRect(text_rect, WRAP, name)
        painter.drawText(text_rect, WRAP, name)
        painter.setFont(_notes_font(opt.font))
        if not selected:
            painter.setPen(text_colour(Tone.MUTED, opt.palette))
        notes_rect = QRect(text_rect.left(), used.bottom() + 1, text_rect.width(),
                           text_rect.bottom() - used.bottom())
        painter.drawText(notes_rect, WRAP, notes)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        base = super().sizeHint(option, index)
        notes = index.data(SECOND_LINE_ROLE) if self.two_lines else ""
        if not notes:
            return base
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        width = max(opt.rect.width() - 2 * PAD - 1, 40)
        name_height = QFontMetrics(opt.font).boundingRect(
            QRect(0, 0, width, 10_000), WRAP, opt.text).height()
        notes_height = QFontMetrics(_notes_font(opt.font)).boundingRect(
            QRect(0, 0, width, 10_000), WRAP, notes).height()
        return QSize(base.width(), name_height + notes_height + 2 * PAD + 1)


def _notes_font(font: QFont) -> QFont:
    small = QFont(font)
    small.setBold(False)
    small.setItalic(True)
    if small.pointSizeF() > 0:
        small.setPointSizeF(small.pointSizeF() * 0.9)
    return small
