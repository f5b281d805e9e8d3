"""One icon per kind of flag, for the flags panel, its legend and the minutes' margin.

Each kind differs in shape of its sign as well as colour, so the kinds stay apart for a clerk
who does not see the colours.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QPixmap

from clerkdesk.domain.contrast import text_on
from clerkdesk.domain.enums import FlagKind
from clerkdesk.ui.colours import Tone, text_colour


@dataclass(frozen=True)
class KindLook:
    tone: Tone
    sign: str
    name: str  # short, for the legend
    long_name: str  # for screen readers


LOOKS = {
    FlagKind.REQUEST: KindLook(Tone.REQUEST, "?", "Request", "Request for information"),
    FlagKind.RESOLUTION: KindLook(Tone.RESOLUTION, "✓", "Resolution", "Resolution"),
    FlagKind.ACTION: KindLook(Tone.ACTION, "→", "Action", "Action"),
    FlagKind.DECLARATION: KindLook(Tone.DECLARATION, "!", "Declaration",
                                   "Declaration of interest"),
}
_cache: dict[tuple[FlagKind, int, int], QPixmap] = {}


def paint_marker(painter: QPainter, kind: FlagKind, rect: QRectF, palette: QPalette) -> None:
    """The kind's sign, in a rounded square of its colour."""
    fill = text_colour(LOOKS[kind].tone, palette)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(fill)
    radius = rect.width() / 4
    painter.drawRoundedRect(rect, radius, radius)
    font = QFont(painter.font())
    font.setBold(True)
    font.setPixelSize(max(6, int(rect.height() * 0.8)))
    painter.setFont(font)
    painter.setPen(QColor(*text_on((fill.red(), fill.green(), fill.blue()))))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, LOOKS[kind].sign)
    painter.restore()


def kind_pixmap(kind: FlagKind, size: int, palette: QPalette) -> QPixmap:
    key = (kind, size, palette.cacheKey())
    if key not in _cache:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        paint_marker(painter, kind, QRectF(0, 0, size, size), palette)
        painter.end()
        _cache[key] = pixmap
    return _cache[key]
