"""File › Print…: the minutes as published on A4, with a preview; every page says DRAFT until
they are approved, and NOT FOR PUBLICATION in the full version.

Qt's print output is for paper only: the PDF to publish is File › Export as PDF… (tagged).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPageLayout, QPageSize, QPainter, QTextDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QMessageBox, QWidget

from clerkdesk.domain.enums import Audience
from clerkdesk.domain.minutes import MinutesView
from clerkdesk.domain.publication import NOT_FOR_PUBLICATION, checked
from clerkdesk.export.minutes_html import minutes_html
from clerkdesk.export.plaintext import DRAFT_TEXT, is_draft
from clerkdesk.ui.action_runner import boxed
from clerkdesk.ui.colours import ink, paper_palette
from clerkdesk.ui.minutes_browser import document_font, html_colours

if TYPE_CHECKING:
    from clerkdesk.storage.database import Database

TITLE = "Print minutes"
MARGIN_MM = 20.0
BAND_LINES = 2.0  # the page mark at the top and the page number at the bottom
PREVIEW_HEIGHT = 0.92  # of the screen's available height
PREVIEW_ASPECT = 1.1  # width : height of the preview window


def page_mark(minutes: MinutesView) -> str:
    """What heads every page: NOT FOR PUBLICATION (full version), DRAFT until approved."""
    marks = [NOT_FOR_PUBLICATION] if minutes.audience is Audience.FULL else []
    if is_draft(minutes):
        marks.append(DRAFT_TEXT)
    return "   ·   ".join(marks)


def print_document(minutes: MinutesView) -> QTextDocument:
    """The published minutes (heading, numbered paragraphs; no flag lines) as a document."""
    document = QTextDocument()
    document.setDefaultFont(document_font())
    document.setHtml(minutes_html(checked(minutes), html_colours(paper_palette()), flags=False))
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle,
                                f"{minutes.committee} {minutes.date.isoformat()} minutes")
    return document


def a4_printer(mode: QPrinter.PrinterMode = QPrinter.PrinterMode.ScreenResolution) -> QPrinter:
    """A printer set to A4 portrait with 20 mm margins (screen resolution: the minutes' layout
    is in screen pixels; text still prints as outlines, not bitmaps)."""
    printer = QPrinter(mode)
    printer.setPageLayout(QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter))
    return printer


def paint_minutes(printer: QPrinter, minutes: MinutesView) -> None:
    """Lay the minutes out on the printer's pages, the page mark and number on each."""
    document = print_document(minutes)
    mark = page_mark(minutes)
    painter = QPainter()
    if not painter.begin(printer):
        return
    try:
        page = printer.pageLayout().paintRectPixels(printer.resolution())
        band = QFontMetricsF(document.defaultFont()).height() * BAND_LINES
        body = QSizeF(page.width(), page.height() - 2 * band)
        document.setPageSize(body)
        count = document.pageCount()
        for index in range(count):
            if index:
                printer.newPage()
            _paint_page(painter, document, index, count, mark, body, band)
    finally:
        painter.end()


def _paint_page(painter: QPainter, document: QTextDocument, index: int, count: int,
                mark: str, body: QSizeF, band: float) -> None:
    font = QFont(document.defaultFont())
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(ink())
    width = body.width()
    painter.drawText(QRectF(0, 0, width, band), Qt.AlignmentFlag.AlignLeft
                     | Qt.AlignmentFlag.AlignTop, mark)
    font.setBold(False)
    painter.setFont(font)
    painter.drawText(QRectF(0, band + body.height(), width, band),
                     Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                     f"Page {index + 1} of {count}")
    painter.save()
    top = index * body.height()
    painter.translate(0, band - top)
    document.drawContents(painter, QRectF(0, top, width, body.height()))
    painter.restore()


def ask_audience(parent: QWidget | None) -> Audience | None:
    """Public or full version (Public is the default), or None on Cancel."""
    box = QMessageBox(QMessageBox.Icon.Question, TITLE, "Print which version of the minutes?",
                      parent=parent)
    box.setObjectName("printVersionQuestion")
    box.setInformativeText("The full version includes exempt items and says NOT FOR "
                           "PUBLICATION on every page.")
    public = box.addButton("&Public version", QMessageBox.ButtonRole.AcceptRole)
    full = box.addButton("&Full version (members only)", QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(public)
    box.exec()
    chosen = box.clickedButton()
    return Audience.PUBLIC if chosen is public else Audience.FULL if chosen is full else None


def _fit_to_screen(preview: QPrintPreviewDialog) -> None:
    """Nearly the screen's height (a whole page readable at 1366×768), a page and a bit wide."""
    screen = preview.screen().availableGeometry()
    height = int(screen.height() * PREVIEW_HEIGHT)
    preview.resize(min(screen.width(), int(height * PREVIEW_ASPECT)), height)


def ask_print(parent: QWidget | None, db: Database, meeting_id: int) -> bool:
    """Ask which version, then show the print preview (Print prints); False if cancelled."""
    from clerkdesk.domain.publication import published
    from clerkdesk.services.minutes import load_minutes

    audience = ask_audience(parent)
    if audience is None:
        return False
    loaded = boxed(parent, TITLE).run(lambda: published(load_minutes(db, meeting_id), audience))
    if loaded is None:
        return False
    minutes = loaded.value
    printer = a4_printer()
    printer.setDocName(f"{minutes.committee} {minutes.date.isoformat()} minutes")
    preview = QPrintPreviewDialog(printer, parent)
    preview.setObjectName("printPreview")
    preview.setWindowTitle(f"{TITLE} — {page_mark(minutes) or 'approved'}")
    preview.paintRequested.connect(lambda target: paint_minutes(target, minutes))
    _fit_to_screen(preview)
    preview.exec()
    return True
