"""After an export: "Saved minutes.docx" with Open and Show in folder (non-modal)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget


def file_url(path: Path) -> QUrl:
    return QUrl.fromLocalFile(str(path))


class SavedNotice(QMessageBox):
    """Says where the file went; Open shows it in its application, Show in folder its folder."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(QMessageBox.Icon.Information, "Exported", f"Saved {path.name}",
                         parent=parent)
        self.setObjectName("savedNotice")
        self.setInformativeText(str(path.parent))
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.path = path
        self.open_button = self.addButton("&Open", QMessageBox.ButtonRole.ActionRole)
        self.folder_button = self.addButton("Show in &folder", QMessageBox.ButtonRole.ActionRole)
        self.close_button = self.addButton(QMessageBox.StandardButton.Close)
        self.setDefaultButton(self.open_button)
        self.setEscapeButton(self.close_button)
        self.buttonClicked.connect(self._clicked)

    def _clicked(self, button: object) -> None:
        if button is self.open_button:
            QDesktopServices.openUrl(file_url(self.path))
        elif button is self.folder_button:
            QDesktopServices.openUrl(file_url(self.path.parent))


def show_saved(path: Path, parent: QWidget | None = None) -> SavedNotice:
    """Show the notice without blocking; it closes itself when a button is pressed."""
    notice = SavedNotice(path, parent)
    notice.show()
    return notice
