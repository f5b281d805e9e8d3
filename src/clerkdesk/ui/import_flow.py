"""File › Import minutes…: read a Word or text file, preview it, ask about near-miss names,
import it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

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


def import_minutes(parent: QWidget | None, db: Database, path: Path) -> int | None:
    """Show what `path` will become (the preview), ask about near misses, import it; the new
    meeting's id, or None when cancelled or refused."""
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
    try:
        check = import_draft(db, draft, dry_run=True)
        separate = frozenset(
            typed for typed, existing in check.near_misses
            if not same_person(parent, typed, existing)
        )
        report = import_draft(db, draft, keep_separate=separate)
    except ClerkDeskError as error:
        dialogs.show_error(parent, "Import failed", str(error))
        return None
    QMessageBox.information(parent, "Minutes imported", "\n".join(report.summary_lines()))
    return report.meeting_id
