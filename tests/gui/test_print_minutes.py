"""File › Print…: the preview opens offscreen; the printed pages hold no exempt text in the
public version and say DRAFT (and NOT FOR PUBLICATION in the full one) on every page."""

import datetime as dt
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import QDialog
from support.modal import drive_modal, focused

from clerkdesk.domain.enums import Audience
from clerkdesk.domain.publication import NOT_FOR_PUBLICATION, published
from clerkdesk.export.plaintext import DRAFT_TEXT
from clerkdesk.services.agenda import set_item_exempt
from clerkdesk.services.approval import approve
from clerkdesk.services.committees import create_committee
from clerkdesk.services.meetings import create_meeting
from clerkdesk.services.minutes import load_minutes
from clerkdesk.services.paragraphs import add_paragraph
from clerkdesk.ui.print_minutes import a4_printer, ask_print, paint_minutes

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

CANARY = "Zanzibar-canary-7731"
LONG = ("The Chair reminded members that the report set out the options in detail and that "
        "officers would answer questions on each of them in turn.")


@pytest.fixture
def meeting(db) -> int:
    committee_id = create_committee(db, "Westmere Planning")
    meeting_id = create_meeting(db, committee_id, dt.date(2026, 10, 14),
                                agenda=["Budget", "Land sale"])
    budget, land = load_minutes(db, meeting_id).items
    for number in range(40):  # enough for several pages
        add_paragraph(db, budget.id, f"{LONG} ({number + 1})")
    add_paragraph(db, land.id, f"Members discussed the {CANARY} offer.")
    set_item_exempt(db, land.id, 3)
    return meeting_id


def pdf_pages(db, meeting_id: int, audience: Audience, path: Path) -> list[str]:
    """The text of each page printed to a PDF file, in drawing order (the page mark first).
    A test aid only: the PDF to publish is the tagged export."""
    printer = a4_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    paint_minutes(printer, published(load_minutes(db, meeting_id), audience))
    text = subprocess.run(["pdftotext", "-raw", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout
    return [page for page in text.split("\f") if page.strip()]


def test_the_public_print_has_no_exempt_text_and_says_draft_on_every_page(qapp, db, meeting,
                                                                         tmp_path):
    pages = pdf_pages(db, meeting, Audience.PUBLIC, tmp_path / "public.pdf")
    assert len(pages) >= 2
    assert all(page.lstrip().startswith(DRAFT_TEXT) for page in pages)
    assert all(f"Page {n} of {len(pages)}" in page for n, page in enumerate(pages, 1))
    printed = "".join(pages)
    assert CANARY not in printed and NOT_FOR_PUBLICATION not in printed
    assert "Land sale" in printed and "Schedule 12A" in printed
    assert "1)" in printed and "40)" in printed


def test_the_full_print_is_marked_not_for_publication_on_every_page(qapp, db, meeting, tmp_path):
    pages = pdf_pages(db, meeting, Audience.FULL, tmp_path / "full.pdf")
    assert all(page.lstrip().startswith(NOT_FOR_PUBLICATION) for page in pages)
    assert CANARY in "".join(pages)


def test_approved_minutes_print_without_draft(qapp, db, meeting, tmp_path):
    approve(db, meeting, at_meeting_id=None, on=dt.date(2026, 11, 3), by_person_id=None)
    pages = pdf_pages(db, meeting, Audience.PUBLIC, tmp_path / "approved.pdf")
    assert "DRAFT" not in "".join(pages)


def test_the_preview_opens_on_the_chosen_version(qtbot, db, meeting):
    seen: list[int] = []

    def choose_public(question: QDialog) -> None:
        qtbot.keyClick(focused(), Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda: not question.isVisible())

    def look(preview: QDialog) -> None:
        widget = preview.findChild(QPrintPreviewWidget)
        qtbot.waitUntil(lambda: widget.pageCount() > 0)
        seen.append(widget.pageCount())
        assert "DRAFT" in preview.windowTitle()
        qtbot.keyClick(focused(), Qt.Key.Key_Escape)

    question = drive_modal("printVersionQuestion", choose_public)
    shown = drive_modal("printPreview", look)
    assert ask_print(None, db, meeting) is True
    assert question == ["done"] and shown == ["done"]
    assert seen and seen[0] >= 2
