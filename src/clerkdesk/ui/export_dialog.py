"""File > Export…: the format, the file, public or full version, and the checks before export."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
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

from clerkdesk.export.safe_write import TargetLocked
from clerkdesk.services.export import EXPORT_FORMATS, export_target
from clerkdesk.ui import dialogs
from clerkdesk.ui.action_runner import boxed
from clerkdesk.ui.export_findings import FindingsList
from clerkdesk.ui.field_widgets import named

if TYPE_CHECKING:
    from clerkdesk.domain.review import Finding
    from clerkdesk.services.export_checks import ExportCheck

TITLE = "Export minutes"
# one entry per format in the combo (.htm is accepted when typed, as a web page)
FORMATS = {suffix: form for suffix, form in EXPORT_FORMATS.items() if suffix != ".htm"}
Exporter = Callable[[Path, bool, bool, bool], Path]  # (target, full, literal, ignore lock)
PUBLIC_HELP = "Exempt items appear only as their headings. This is the version to publish."
FULL_HELP = ("Includes exempt items. Every page is marked NOT FOR PUBLICATION: "
             "for members and officers only.")


def target_for(text: str, suffix: str) -> Path:
    """The file named by `text`, with `suffix` added when it has none; an unknown suffix is
    refused in one line."""
    path = Path(text.strip()).expanduser()
    return export_target(path if path.suffix else path.with_name(path.name + suffix))


class ExportDialog(QDialog):
    """Collects the target file and options; `exporter` runs on Export, errors keep it open.

    With blocking findings (`check`), a plain Export is held back until the clerk chooses
    Export anyway (then `on_anyway` records it); Enter on a finding closes the dialog with
    `go_to` set.
    """

    def __init__(self, names: tuple[str, str], folder: Path, exporter: Exporter,
                 parent: QWidget | None = None, *, suffix: str = ".docx",
                 check: ExportCheck | None = None,
                 on_anyway: Callable[[], None] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(TITLE)
        self._names = tuple(Path(name).stem for name in names)  # suggested (public, full)
        self._exporter = exporter
        self._check = check
        self._on_anyway = on_anyway
        self._anyway = False
        self._confirmed: Path | None = None  # a path whose replacement the user already agreed
        self.written: Path | None = None
        self.runner = boxed(self, TITLE)  # a refusal is said in a message box; bugs reported
        self.go_to: Finding | None = None
        self._build(folder / (self._names[0] + suffix), suffix)
        self.path_edit.setFocus()
        self.path_edit.selectAll()
        self.resize(680, 0)

    def _build(self, path: Path, suffix: str) -> None:
        self.findings = FindingsList(self)
        self.findings.goToRequested.connect(self._go_to)
        self.format_combo = named(QComboBox(self), "exportFormatCombo", "Format")
        for key, (label, _filter) in FORMATS.items():
            self.format_combo.addItem(label, key)
        self.format_combo.setCurrentIndex(list(FORMATS).index(suffix))
        self.format_combo.currentIndexChanged.connect(self._format_changed)
        self.path_edit = named(QLineEdit(str(path), self), "exportPathEdit", "File")
        self.path_edit.textEdited.connect(self._path_edited)
        self.browse_button = named(QPushButton("&Browse…", self), "exportBrowseButton",
                                   "Browse for the file")
        self.browse_button.setAutoDefault(False)
        self.browse_button.clicked.connect(self._browse)
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
        layout = QVBoxLayout(self)
        layout.addWidget(self.findings)
        layout.addLayout(self._form())
        layout.addWidget(self._buttons())
        self._show_check()
        self._format_changed()

    def _form(self) -> QFormLayout:
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.browse_button)
        form = QFormLayout()
        for text, buddy, row in (("Fo&rmat:", self.format_combo, self.format_combo),
                                 ("F&ile:", self.path_edit, file_row)):
            label = QLabel(text, self)
            label.setBuddy(buddy)
            form.addRow(label, row)
        versions = QVBoxLayout()
        versions.addWidget(self.public_radio)
        versions.addWidget(self.full_radio)
        versions.addWidget(self.version_help)
        form.addRow("Version:", versions)
        form.addRow("Numbering:", self.literal_check)
        return form

    def _buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.export_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.export_button.setText("&Export")
        self.export_button.setObjectName("exportButton")
        self.anyway_button = named(
            buttons.addButton("Export &anyway", QDialogButtonBox.ButtonRole.ActionRole),
            "exportAnywayButton", "Export anyway, with the problems listed")
        self.anyway_button.setAutoDefault(False)
        self.anyway_button.clicked.connect(self._export_anyway)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        return buttons

    def _show_check(self) -> None:
        check = self._check
        found = check.findings if check is not None else ()
        accepted = check is not None and check.accepted
        several = check is not None and check.several_items
        self.findings.show_findings(found, accepted, several)
        self.anyway_button.setVisible(self.blocked)

    @property
    def blocked(self) -> bool:
        """Whether a plain Export is held back by findings the clerk has not exported over."""
        return self._check is not None and self._check.blocked and not self._anyway

    @property
    def full(self) -> bool:
        return self.full_radio.isChecked()

    @property
    def suffix(self) -> str:
        return str(self.format_combo.currentData())

    @property
    def literal_numbers(self) -> bool:
        return self.literal_check.isEnabled() and self.literal_check.isChecked()

    def target(self) -> Path:
        return Path(self.path_edit.text().strip()).expanduser()

    def _format_changed(self) -> None:
        """Give the file the chosen format's suffix (when it has one of ours or none)."""
        current = self.target()
        if self.path_edit.text().strip() and (not current.suffix
                                              or current.suffix.lower() in FORMATS):
            self.path_edit.setText(str(current.with_name(current.stem + self.suffix)))
        self.literal_check.setEnabled(self.suffix == ".docx")

    def _path_edited(self, text: str) -> None:
        """A typed known suffix chooses the format."""
        suffix = Path(text.strip()).suffix.lower()
        if suffix in FORMATS and suffix != self.suffix:
            self.format_combo.blockSignals(True)
            self.format_combo.setCurrentIndex(list(FORMATS).index(suffix))
            self.format_combo.blockSignals(False)
            self.literal_check.setEnabled(suffix == ".docx")

    def _version_changed(self, full: bool) -> None:
        """Swap the suggested name for the other version's, unless the user typed their own."""
        self.version_help.setText(FULL_HELP if full else PUBLIC_HELP)
        current = self.target()
        old, new = (self._names[0], self._names[1]) if full else (self._names[1], self._names[0])
        if current.stem == old:
            self.path_edit.setText(str(current.with_name(new + current.suffix)))

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, TITLE, str(self.target()),
                                              FORMATS[self.suffix][1])
        if path:
            self.path_edit.setText(path)
            self._path_edited(path)
            self._confirmed = Path(path)  # the file dialog asked before choosing an existing file

    def _go_to(self, finding: Finding) -> None:
        self.go_to = finding
        self.reject()

    def _export_anyway(self) -> None:
        self._anyway = True
        self.accept()
        self._anyway = self.written is not None

    def accept(self) -> None:
        if self.blocked:
            self.findings.list.setFocus()  # a plain Export waits: fix these or Export anyway
            return
        if not self.path_edit.text().strip():
            dialogs.show_error(self, TITLE, "Type the name of the file to write.")
            return
        written = self.runner.run(self._write_chosen)
        if written is None or written.value is None:
            return
        self.written = written.value
        if self._anyway and self._on_anyway is not None:
            self.runner.run(self._on_anyway, refused=lambda message: dialogs.show_error(
                self, TITLE, f"Saved, but Export anyway is not remembered: {message}"))
        super().accept()

    def _write_chosen(self) -> Path | None:
        """Write the file named in the dialog; None when the clerk would not replace it."""
        target = target_for(self.path_edit.text(), self.suffix)
        return self._write(target) if self._may_replace(target) else None

    def _write(self, target: Path) -> Path:
        """Write the file; over a stale lock only when the clerk agrees."""
        try:
            return self._export(target, ignore_lock=False)
        except TargetLocked as locked:
            if not (locked.lock.may_go_on and self._go_on(str(locked))):
                raise
            return self._export(target, ignore_lock=True)

    def _export(self, target: Path, ignore_lock: bool) -> Path:
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
