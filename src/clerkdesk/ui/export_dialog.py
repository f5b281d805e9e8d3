"""File > Export to Word…: choose the file, public or full version, and Word or literal numbers."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from clerkdesk.errors import ClerkDeskError
from clerkdesk.export.safe_write import TargetLocked
from clerkdesk.ui import dialogs
from clerkdesk.ui.field_widgets import named
from clerkdesk.ui.settings import LAST_EXPORT_FOLDER, Settings

if TYPE_CHECKING:
    from clerkdesk.storage.database import Database

TITLE = "Export to Word"
WORD_FILTER = "Word documents (*.docx)"
Exporter = Callable[[Path, bool, bool, bool], Path]  # (target, full, literal, ignore lock)
PUBLIC_HELP = "Exempt items appear only as their headings. This is the version to publish."
FULL_HELP = ("Includes exempt items. Every page is marked NOT FOR PUBLICATION: "
             "for members and officers only.")


class ExportDialog(QDialog):
    """Collects the target file and options; `exporter` runs on Export, errors keep it open."""

    def __init__(self, names: tuple[str, str], folder: Path, exporter: Exporter,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(TITLE)
        self._names = names  # suggested (public, full) file names
        self._exporter = exporter
        self._confirmed: Path | None = None  # a path whose replacement the user already agreed
        self.written: Path | None = None
        self._build(folder)
        self.path_edit.setFocus()
        self.path_edit.selectAll()
        self.resize(620, 0)

    def _build(self, folder: Path) -> None:
        self.path_edit = named(QLineEdit(str(folder / self._names[0]), self), "exportPathEdit",
                               "Word file")
        self.browse_button = named(QPushButton("&Browse…", self), "exportBrowseButton",
                                   "Browse for the Word file")
        self.browse_button.setAutoDefault(False)
        self.browse_button.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.browse_button)
        self.public_radio = named(QRadioButton("&Public version", self), "exportPublicRadio",
                                  "Public version")
        self.full_radio = named(QRadioButton("&Full version (members only)", self),
                                "exportFullRadio", "Full version, members only")
        self.public_radio.setChecked(True)
        self.full_radio.toggled.connect(self._version_changed)
        self.version_help = QLabel(PUBLIC_HELP, self)
        self.version_help.setWordWrap(True)
        self.literal_check = named(
            QCheckBox("&Literal numbers (plain text, for pasting into web pages)", self),
            "exportLiteralCheck", "Literal numbers")
        form = QFormLayout()
        file_label = QLabel("F&ile:", self)
        file_label.setBuddy(self.path_edit)
        form.addRow(file_label, file_row)
        versions = QVBoxLayout()
        versions.addWidget(self.public_radio)
        versions.addWidget(self.full_radio)
        versions.addWidget(self.version_help)
        form.addRow("Version:", versions)
        form.addRow("Numbering:", self.literal_check)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.export_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.export_button.setText("&Export")
        self.export_button.setObjectName("exportButton")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    @property
    def full(self) -> bool:
        return self.full_radio.isChecked()

    @property
    def literal_numbers(self) -> bool:
        return self.literal_check.isChecked()

    def target(self) -> Path:
        return Path(self.path_edit.text().strip()).expanduser()

    def _version_changed(self, full: bool) -> None:
        """Swap the suggested name for the other version's, unless the user typed their own."""
        self.version_help.setText(FULL_HELP if full else PUBLIC_HELP)
        current = self.target()
        old, new = (self._names[0], self._names[1]) if full else (self._names[1], self._names[0])
        if current.name == old:
            self.path_edit.setText(str(current.with_name(new)))

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, TITLE, str(self.target()), WORD_FILTER)
        if path:
            self.path_edit.setText(path)
            self._confirmed = Path(path)  # the file dialog asked before choosing an existing file

    def accept(self) -> None:
        from clerkdesk.services.export import docx_target

        if not self.path_edit.text().strip():
            dialogs.show_error(self, TITLE, "Type the name of the Word file to write.")
            return
        try:
            target = docx_target(self.target())
            if not self._may_replace(target):
                return
            self.written = self._write(target, ignore_lock=False)
        except TargetLocked as locked:
            if not (locked.lock.may_go_on and self._go_on(str(locked))):
                dialogs.show_error(self, TITLE, str(locked))
                return
            try:
                self.written = self._write(target, ignore_lock=True)
            except ClerkDeskError as error:
                dialogs.show_error(self, TITLE, str(error))
                return
        except ClerkDeskError as error:
            dialogs.show_error(self, TITLE, str(error))
            return
        super().accept()

    def _write(self, target: Path, ignore_lock: bool) -> Path:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return self._exporter(target, self.full, self.literal_numbers, ignore_lock)
        finally:
            QApplication.restoreOverrideCursor()

    def _go_on(self, message: str) -> bool:
        """Ask before writing over a lock whose program is not known to be running."""
        answer = QMessageBox.question(
            self, TITLE, f"{message}\n\nWrite the file anyway?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _may_replace(self, target: Path) -> bool:
        if not target.is_file() or target == self._confirmed:
            return True
        answer = QMessageBox.question(
            self, TITLE, f"{target.name} already exists. Replace it?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes


def start_folder(settings: Settings) -> Path:
    """The folder of the last export if it still exists, else Documents, else home."""
    remembered = settings.get(LAST_EXPORT_FOLDER)
    for folder in (Path(remembered) if remembered else None, Path.home() / "Documents"):
        if folder is not None and folder.is_dir():
            return folder
    return Path.home()


def ask_export(parent: QWidget | None, db: Database, meeting_id: int,
               settings: Settings) -> Path | None:
    """Show the Export to Word dialog and write the file; the path written, or None."""
    from clerkdesk.services.export import export_meeting, suggested_file_names

    def exporter(target: Path, full: bool, literal: bool, ignore_lock: bool = False) -> Path:
        return export_meeting(db, meeting_id, target, full=full, literal_numbers=literal,
                              ignore_lock=ignore_lock)

    try:
        names = suggested_file_names(db, meeting_id)
    except ClerkDeskError as error:
        dialogs.show_error(parent, TITLE, str(error))
        return None
    dialog = ExportDialog(names, start_folder(settings), exporter, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.written is None:
        return None
    settings.set(LAST_EXPORT_FOLDER, str(dialog.written.parent))
    return dialog.written
