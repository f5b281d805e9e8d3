"""A read-only page showing one meeting's minutes in a document font at a readable line length."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPalette, QResizeEvent
from PySide6.QtWidgets import QFrame, QTextBrowser, QWidget

from clerkdesk.domain.minutes import MinutesView
from clerkdesk.export.minutes_html import minutes_html, placeholder_html
from clerkdesk.ui.colours import Tone, text_colour

DOCUMENT_FAMILIES = ["Arial", "Liberation Sans", "Helvetica", "Nimbus Sans", "DejaVu Sans"]
DOCUMENT_POINT_SIZE = 11
MAX_LINE_CHARACTERS = 88
MIN_MARGIN = 28


def html_colours(palette: QPalette) -> dict[str, str]:
    """The minutes' colours (export.minutes_html.COLOUR_NAMES) as they read on `palette`."""
    tones = {"muted": Tone.MUTED, "exempt": Tone.EXEMPT, "request": Tone.REQUEST,
             "action": Tone.ACTION, "declaration": Tone.DECLARATION}
    return {name: text_colour(tone, palette).name() for name, tone in tones.items()}


def document_font() -> QFont:
    """Arial (or its metric twin) as in most published council minutes."""
    font = QFont()
    font.setFamilies(DOCUMENT_FAMILIES)
    font.setPointSize(DOCUMENT_POINT_SIZE)
    return font


class MinutesBrowser(QTextBrowser):
    """Shows MinutesView as formatted text; wide windows get white margins, not long lines."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("minutesView")
        self.setAccessibleName("Minutes")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setOpenLinks(False)
        # Text wraps to the width; Qt's table layout can overshoot it by a pixel.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.document().setDefaultFont(document_font())
        self.show_message("No meeting selected.")

    def show_minutes(self, minutes: MinutesView) -> None:
        self.setHtml(minutes_html(minutes, html_colours(self.palette())))
        self._fit_margins()

    def show_message(self, message: str) -> None:
        self.setHtml(placeholder_html(message, html_colours(self.palette())["muted"]))
        self._fit_margins()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._fit_margins()

    def _fit_margins(self) -> None:
        """Centre a column at most MAX_LINE_CHARACTERS wide inside the viewport."""
        width = self.viewport().width()
        column = QFontMetricsF(self.document().defaultFont()).averageCharWidth()
        column = int(column * MAX_LINE_CHARACTERS)
        side = max(MIN_MARGIN, (width - column) // 2)
        root = self.document().rootFrame()
        frame_format = root.frameFormat()
        if frame_format.leftMargin() == side and frame_format.topMargin() == MIN_MARGIN:
            return
        frame_format.setLeftMargin(side)
        frame_format.setRightMargin(side)
        frame_format.setTopMargin(MIN_MARGIN)
        frame_format.setBottomMargin(MIN_MARGIN)
        root.setFrameFormat(frame_format)
