"""File › Import minutes…: read a Word or text file, preview it, ask about near-miss names,
import it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from clerkdesk.errors import ClerkDeskError, ImportCancelled
from clerkdesk.ui import dialogs

if TYPE_CHECKING:
    from clerkdesk.importers.draft import Source
    from clerkdesk.importers.progress import ProgressCallback
    from clerkdesk.importers.report import ImportReport
    from clerkdesk.storage.database import Database

T = TypeVar("T")
SHOW_PROGRESS_AFTER_MS = 400  # a quick import shows no dialog at all
CANCELLED_SHOWN_MS = 10_000
PROGRESS_WIDTH = 380  # room for a long file name, and a bar that visibly moves

TEXT_FILTER = "Minutes (*.docx *.txt *.text);;Word documents (*.docx);;Text (*.txt);;All files (*)"


def ask_import_path(parent: QWidget | None, start: str = "") -> Path | None:
    path, _ = QFileDialog.getOpenFileName(parent, "Import minutes", start, TEXT_FILTER)
    return Path(path) if path else None


def same_person(parent: QWidget | None, typed: str, existing: str) -> bool:
    """Ask whether a near-miss spelling is the roster person; Yes (link) is the default."""
    answer = QMessageBox.question(
        parent, "Same person?",
        f"The minutes mention “{typed}”, which looks like {existing}, already on the roster.\n\n"
        f"Is “{typed}” {existing}? (Yes links every mention to {existing}; No adds "
        f"“{typed}” as a separate person.)",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes


def ask_meeting_date(parent: QWidget | None, file_name: str) -> dt.date | None:
    """The meeting's date when the minutes give none (never assumed to be today);
    None when the clerk cancels."""
    dialog = QDialog(parent)
    dialog.setObjectName("meetingDateDialog")
    dialog.setWindowTitle("Date of the meeting")
    dialog.setMinimumWidth(440)
    edit = QDateEdit(QDate.currentDate(), dialog)
    edit.setObjectName("meetingDateEdit")
    edit.setAccessibleName("Date of the meeting")
    edit.setDisplayFormat("d MMMM yyyy")
    edit.setCalendarPopup(True)
    label = QLabel(f"No meeting date was found in {file_name}. On what &date was the meeting "
                   "held?", dialog)
    label.setWordWrap(True)
    label.setBuddy(edit)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    for widget in (label, edit, buttons):
        layout.addWidget(widget)
    edit.setFocus()
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    day = edit.date()
    return dt.date(day.year(), day.month(), day.day())


def import_minutes(parent: QWidget | None, db: Database, path: Path) -> int | None:
    """Show what `path` will become (the preview), ask the date when the text gives none, ask
    about near misses, import it; the new meeting's id, or None when cancelled or refused. A
    long read or import shows its progress; Esc (or Cancel) stops it and nothing is written."""
    from clerkdesk.importers.draft import draft_from_source, read_source
    from clerkdesk.importers.progress import Progress
    from clerkdesk.services.imports import import_draft
    from clerkdesk.ui.import_preview import preview_import

    def read(progress: ProgressCallback) -> tuple[Source, ImportReport]:
        steps = Progress(progress)
        source = read_source(path, steps)
        return source, import_draft(db, draft_from_source(source, progress=steps), dry_run=True,
                                    progress=steps)

    read_back = _said_if_stopped(parent, path, lambda: with_progress(
        parent, f"Reading {path.name}…", read))
    if read_back is None:
        return None
    draft = preview_import(parent, *read_back)
    if draft is None:
        return None
    date = ask_meeting_date(parent, path.name) if draft.date is None else None
    if draft.date is None and date is None:
        return None

    def check_then_import() -> ImportReport:
        check = with_progress(parent, f"Checking {path.name}…", lambda progress: import_draft(
            db, draft, date=date, dry_run=True, progress=progress))
        separate = frozenset(
            typed for typed, existing in check.near_misses
            if not same_person(parent, typed, existing)
        )
        return with_progress(parent, f"Importing {path.name}…", lambda progress: import_draft(
            db, draft, date=date, keep_separate=separate, progress=progress))

    report = _said_if_stopped(parent, path, check_then_import)
    if report is None:
        return None
    QMessageBox.information(parent, "Minutes imported", "\n".join(report.summary_lines()))
    return report.meeting_id


def _said_if_stopped(parent: QWidget | None, path: Path, run: Callable[[], T]) -> T | None:
    """`run()`, or None once a cancel (status bar) or a refusal (message box) has been shown."""
    try:
        return run()
    except ImportCancelled:
        _say_cancelled(parent, path)
    except ClerkDeskError as error:
        dialogs.show_error(parent, "Import failed", str(error))
    return None


def _say_cancelled(parent: QWidget | None, path: Path) -> None:
    if isinstance(parent, QMainWindow):
        parent.statusBar().showMessage(
            f"Import of {path.name} cancelled: nothing was imported.", CANCELLED_SHOWN_MS)


def with_progress(parent: QWidget | None, label: str, run: Callable[[ProgressCallback], T]) -> T:
    """`run(progress)` with a progress dialog shown once it has taken a moment; the dialog's
    Cancel (or Esc) makes `progress` answer False, which stops the import."""
    dialog = QProgressDialog(label, "Cancel", 0, 1000, parent)
    dialog.setObjectName("importProgress")
    dialog.setWindowTitle("Import minutes")
    dialog.setMinimumWidth(PROGRESS_WIDTH)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_PROGRESS_AFTER_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setValue(0)

    def progress(done: int, total: int) -> bool:
        dialog.setValue(done * 1000 // max(total, 1))  # (also lets the window repaint and hear Esc)
        return not dialog.wasCanceled()

    try:
        return run(progress)
    finally:
        dialog.close()
        dialog.deleteLater()
