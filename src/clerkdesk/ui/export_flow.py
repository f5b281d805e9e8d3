"""Export a meeting from the window: checks, the dialog, the file, then "Saved …"."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QWidget

from clerkdesk.ui.action_runner import boxed
from clerkdesk.ui.export_dialog import TITLE, ExportDialog
from clerkdesk.ui.saved_notice import show_saved
from clerkdesk.ui.settings import LAST_EXPORT_FOLDER, Settings, committee_export_folder

if TYPE_CHECKING:
    from clerkdesk.domain.review import Finding
    from clerkdesk.storage.database import Database


def start_folder(settings: Settings, committee_id: int | None = None) -> Path:
    """The committee's last export folder, else the last export folder, else Documents,
    else home — the first that still exists."""
    remembered = [settings.get(committee_export_folder(committee_id))
                  if committee_id is not None else "", settings.get(LAST_EXPORT_FOLDER)]
    candidates = [Path(folder) for folder in remembered if folder]
    for folder in (*candidates, Path.home() / "Documents"):
        if folder.is_dir():
            return folder
    return Path.home()


def remember_folder(settings: Settings, committee_id: int, folder: Path) -> None:
    settings.set(committee_export_folder(committee_id), str(folder))
    settings.set(LAST_EXPORT_FOLDER, str(folder))


def ask_export(parent: QWidget | None, db: Database, meeting_id: int, settings: Settings, *,
               suffix: str = ".docx", go_to: Callable[[Finding], None] | None = None
               ) -> Path | None:
    """Check the meeting, show the export dialog and write the file; the path written, or
    None. Enter on a blocking finding closes the dialog and calls `go_to` with it."""
    from clerkdesk.services.export import export_meeting, suggested_file_names
    from clerkdesk.services.export_checks import accept_findings, export_check

    def exporter(target: Path, full: bool, literal: bool, ignore_lock: bool = False) -> Path:
        return export_meeting(db, meeting_id, target, full=full, literal_numbers=literal,
                              ignore_lock=ignore_lock)

    runner = boxed(parent, TITLE)
    checked = runner.run(lambda: (suggested_file_names(db, meeting_id),
                                  export_check(db, meeting_id)))
    if checked is None:
        return None
    names, check = checked.value
    dialog = ExportDialog(
        names, start_folder(settings, check.committee_id), exporter, parent, suffix=suffix,
        check=check, on_anyway=lambda: accept_findings(db, meeting_id, check.findings))
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    if dialog.go_to is not None and go_to is not None:
        go_to(dialog.go_to)
    if not accepted or dialog.written is None:
        return None
    remember_folder(settings, check.committee_id, dialog.written.parent)
    show_saved(dialog.written, parent)
    return dialog.written
