"""File › Import minutes…: read a Word or text file, preview it, ask about near-miss names,
import it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from clerkdesk.errors import ClerkDeskError
from clerkdesk.ui import dialogs

if TYPE_CHECKING:
    from clerkdesk.storage.database import Database

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
    return edit.date().toPython()


def import_minutes(parent: QWidget | None, db: Database, path: Path) -> int | None:
    """Show what `path` will become (the preview), ask the date when the text gives none, ask
    about near misses, import it; the new meeting's id, or None when cancelled or refused."""
    from clerkdesk.importers.draft import draft_from_source, read_source
    from clerkdesk.services.imports import import_draft
    from clerkdesk.ui.import_preview import preview_import

    try:
        source = read_source(path)
        first = import_draft(db, draft_from_source(source), dry_run=True)
    except ClerkDeskError as error:
        dialogs.show_error(parent, "Import failed", str(error))
        return None
    draft = preview_import(parent, source, first)
    if draft is None:
        return None
    date = ask_meeting_date(parent, path.name) if draft.date is None else None
    if draft.date is None and date is None:
        return None
    try:
        check = import_draft(db, draft, date=date, dry_run=True)
        separate = frozenset(
            typed for typed, existing in check.near_misses
            if not same_person(parent, typed, existing)
        )
        report = import_draft(db, draft, date=date, keep_separate=separate)
    except ClerkDeskError as error:
        dialogs.show_error(parent, "Import failed", str(error))
        return None
    QMessageBox.information(parent, "Minutes imported", "\n".join(report.summary_lines()))
    return report.meeting_id
