"""File › Import minutes…: read a Word or text file, ask about near-miss names, import it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QWidget,
)

from clerkdesk.errors import ClerkDeskError, ImportCancelled
from clerkdesk.ui import dialogs

if TYPE_CHECKING:
    from clerkdesk.importers.progress import ProgressCallback
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


def import_minutes(parent: QWidget | None, db: Database, path: Path) -> int | None:
    """Import `path` as a new meeting after asking about near misses; the new meeting's id.
    A long import shows its progress; Esc (or Cancel) stops it and nothing is written."""
    from clerkdesk.importers.dispatch import import_file

    try:
        preview = with_progress(parent, f"Reading {path.name}…", lambda progress: import_file(
            db, path, dry_run=True, progress=progress))
        separate = frozenset(
            typed for typed, existing in preview.near_misses
            if not same_person(parent, typed, existing)
        )
        report = with_progress(parent, f"Importing {path.name}…", lambda progress: import_file(
            db, path, keep_separate=separate, progress=progress))
    except ImportCancelled:
        if isinstance(parent, QMainWindow):
            parent.statusBar().showMessage(
                f"Import of {path.name} cancelled: nothing was imported.", CANCELLED_SHOWN_MS)
        return None
    except ClerkDeskError as error:
        dialogs.show_error(parent, "Import failed", str(error))
        return None
    QMessageBox.information(parent, "Minutes imported", "\n".join(report.summary_lines()))
    return report.meeting_id


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
