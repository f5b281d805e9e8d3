"""Draws minute numbers, meeting-clock stamps and flag markers beside the editor's paragraphs.

Numbers are not text in the document: they are computed by the same domain function the
export uses and painted in the space each block's left margin leaves free. Typing repaints the
typed paragraph's first line on most keys, so each label, stamp and name is laid out once as a
QStaticText (kept per text and font, made again when the editor's font or palette changes) and
only drawn after that.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QStaticText, QTextBlock, QTransform

from clerkdesk.domain.clock import format_elapsed
from clerkdesk.domain.enums import BULLET_LABEL, FlagKind, ParagraphStyle
from clerkdesk.domain.numbering import ParagraphScheme, paragraph_labels
from clerkdesk.ui.colours import Tone, text_colour
from clerkdesk.ui.editor.blocks import (
    SPEAKER_GUTTER,
    paragraph_elapsed,
    paragraph_flagged,
    paragraph_id,
    paragraph_level,
    paragraph_speaker,
    paragraph_style,
)
from clerkdesk.ui.flags.flag_icons import paint_marker

if TYPE_CHECKING:
    from clerkdesk.ui.editor.minute_editor import MinuteEditor

LABEL_GAP = 10.0
MARKER_SIZE = 12.0
RESOLVED_LABEL = "RESOLVED"
# Made once: combining Qt's Python enum flags costs microseconds on every paint.
ELIDE = Qt.TextElideMode.ElideRight
NO_PEN = Qt.PenStyle.NoPen
STATIC_TEXTS_KEPT = 4096  # labels, stamps and names: a long meeting has a few hundred


class NumberPainter:
    """Keeps the label of every block and paints the visible ones."""

    def __init__(self, editor: MinuteEditor) -> None:
        self.editor = editor
        self.scheme = ParagraphScheme.PAREN
        self.item_label = ""
        self.labels: list[str] = []
        self._font_key = ""
        self._font_cache: tuple[QFont, QFont] = (QFont(), QFont())
        self._elided: dict[tuple[str, str], str] = {}  # (name, font key) -> name as it fits
        self._style_ready = False  # fonts, colours and static texts match the editor's
        self._static: dict[tuple[str, bool], QStaticText] = {}  # (text, small font) -> laid out
        self.static_texts_made = 0  # how many texts were laid out (for tests)
        self.flag_kinds: dict[int, tuple[FlagKind, ...]] = {}  # paragraph id -> kinds flagged
        self._muted = QColor()
        self._flag = QColor()
        self._colour = QColor()

    def configure(self, scheme: ParagraphScheme, item_label: str) -> None:
        self.scheme, self.item_label = scheme, item_label

    def relabel(self) -> None:
        """Recompute every label (after a structural change; typing never needs it)."""
        blocks = self.editor.paragraphs.blocks()
        styles = [paragraph_style(b) for b in blocks]
        levels = [
            paragraph_level(b) if style is ParagraphStyle.NUMBERED else None
            for b, style in zip(blocks, styles, strict=True)
        ]
        labels = paragraph_labels(self.scheme, levels, self.item_label)
        shown = {ParagraphStyle.RESOLUTION: RESOLVED_LABEL, ParagraphStyle.BULLET: BULLET_LABEL}
        self.labels = [shown.get(style, label) for label, style in zip(labels, styles, strict=True)]
        self.editor.viewport().update()

    def _paint_speaker(self, painter: QPainter, speaker: int, rect: QRectF, top: float,
                       height: float, small: QFont) -> None:
        name = self.editor.paragraphs.names.get(speaker, "")
        if not name:
            return
        painter.setFont(small)
        painter.setPen(self._muted)
        width = SPEAKER_GUTTER - 16
        margin = self.editor.document().documentMargin()
        left = self.editor.viewport().width() - margin - SPEAKER_GUTTER + 12
        key = (name, self._font_key)
        shown = self._elided.get(key)
        if shown is None:
            shown = self._elided[key] = painter.fontMetrics().elidedText(name, ELIDE, int(width))
        self._draw(painter, shown, small, True, left, top, height)

    def style_changed(self) -> None:
        """The editor's font or palette changed: fonts, colours and texts are made again."""
        self._style_ready = False

    def _fonts(self) -> tuple[QFont, QFont]:
        """The editor's font and a smaller one, with the margin colours, made again only after
        `style_changed`."""
        if not self._style_ready:
            font = self.editor.font()
            small = QFont(font)
            small.setPointSizeF(max(6.0, font.pointSizeF() * 0.75))
            self._font_cache = (QFont(font), small)
            self._font_key = font.key()
            palette = self.editor.palette()
            self._muted = text_colour(Tone.MUTED, palette)
            self._flag = text_colour(Tone.DANGER, palette)
            self._colour = palette.text().color()
            self._static.clear()
            self._style_ready = True
        return self._font_cache

    def _static_text(self, text: str, font: QFont, small: bool) -> QStaticText:
        """`text` laid out once in `font` (the editor's, or its small one)."""
        key = (text, small)
        found = self._static.get(key)
        if found is None:
            if len(self._static) >= STATIC_TEXTS_KEPT:
                self._static.clear()
            found = QStaticText(text)
            found.setTextFormat(Qt.TextFormat.PlainText)
            found.prepare(QTransform(), font)
            self._static[key] = found
            self.static_texts_made += 1
        return found

    def _draw(self, painter: QPainter, text: str, font: QFont, small: bool, x: float,
              top: float, height: float, right: float | None = None) -> None:
        """Draw `text` centred on the line from `top` to `top + height`, from `x` (or ending
        at `right`)."""
        static = self._static_text(text, font, small)
        size = static.size()
        left = x if right is None else right - size.width()
        painter.drawStaticText(QPointF(left, top + (height - size.height()) / 2), static)

    def show_flag_kinds(self, records: Iterable) -> None:
        """Which kinds of flag each paragraph carries (FlagRecords), for the margin icons."""
        kinds: dict[int, list[FlagKind]] = {}
        for record in records:
            listed = kinds.setdefault(record.paragraph_id, [])
            if record.kind not in listed:
                listed.append(record.kind)
        self.flag_kinds = {pid: tuple(listed) for pid, listed in kinds.items()}
        self.editor.viewport().update()

    @property
    def stamp_colour(self) -> QColor:
        """The colour of time stamps and speaker names (for tests and the legend)."""
        return QColor(self._muted)

    def label_of(self, block: QTextBlock) -> str:
        number = block.blockNumber()
        return self.labels[number] if number < len(self.labels) else ""

    def paint(self, clip: QRect) -> None:
        """Paint the margins of the paragraphs whose first line lies in `clip`.

        Typing repaints only the lines below the caret's line start, so most keystrokes touch
        no first line and cost no painter at all.
        """
        editor = self.editor
        layout = editor.document().documentLayout()
        offset_y = editor.verticalScrollBar().value()
        offset_x = editor.horizontalScrollBar().value()
        margin = editor.document().documentMargin()
        block = self._block_at(layout, clip.top() + offset_y)
        painter: QPainter | None = None
        font, small = self._fonts()
        colour = self._colour
        try:
            while block.isValid():
                rect = layout.blockBoundingRect(block).translated(-offset_x, -offset_y)
                if rect.top() > clip.bottom():
                    break
                line = block.layout().lineAt(0) if block.layout().lineCount() else None
                first_top = rect.top() + (line.y() if line else 0)
                first_bottom = first_top + (line.height() if line else rect.height())
                if first_bottom >= clip.top() and first_top <= clip.bottom():
                    if painter is None:
                        painter = QPainter(editor.viewport())
                    self._paint_block(painter, block, rect, margin, font, small, colour)
                block = block.next()
        finally:
            if painter is not None:
                painter.end()

    def _block_at(self, layout, y: float) -> QTextBlock:  # noqa: ANN001 - the document layout
        """The block at document height `y`, walking from the caret's block: typing repaints
        next to the caret, so this is a step or two, and unlike cursorForPosition it never
        hit-tests the characters of a long paragraph or lays out paragraphs far off screen."""
        block = self.editor.textCursor().block()
        while block.previous().isValid() and layout.blockBoundingRect(block).top() > y:
            block = block.previous()
        following = block.next()
        while following.isValid() and layout.blockBoundingRect(following).top() <= y:
            block, following = following, following.next()
        return block

    def _paint_block(self, painter: QPainter, block: QTextBlock, rect: QRectF, margin: float,
                     font: QFont, small: QFont, colour: QColor) -> None:
        line = block.layout().lineAt(0) if block.layout().lineCount() else None
        top = rect.top() + (line.y() if line else 0)
        height = line.height() if line else 20.0
        text_left = margin + block.blockFormat().leftMargin()
        label = self.label_of(block)
        if label:
            resolved = label == RESOLVED_LABEL
            chosen = small if resolved else font
            painter.setFont(chosen)
            painter.setPen(colour)
            self._draw(painter, label, chosen, resolved, margin, top, height,
                       right=text_left - LABEL_GAP)
        stamp = format_elapsed(paragraph_elapsed(block))
        if stamp:
            painter.setFont(small)
            painter.setPen(self._muted)
            self._draw(painter, stamp, small, True, 2, top, height)
        speaker = paragraph_speaker(block)
        if speaker is not None:
            self._paint_speaker(painter, speaker, rect, top, height, small)
        if paragraph_flagged(block):
            self._paint_flags(painter, block, top, height)

    def _paint_flags(self, painter: QPainter, block: QTextBlock, top: float,
                     height: float) -> None:
        """The flags panel's icon for each kind on the paragraph (a dot until they are known)."""
        kinds = self.flag_kinds.get(paragraph_id(block) or 0, ())
        size = min(MARKER_SIZE, height)
        if not kinds:
            painter.setBrush(self._flag)
            painter.setPen(NO_PEN)
            painter.drawEllipse(QRectF(48, top + height / 2 - 3, 7, 7))
        for n, kind in enumerate(kinds[:2]):
            rect = QRectF(47 + n * (size + 1), top + (height - size) / 2, size, size)
            paint_marker(painter, kind, rect, self.editor.palette())
