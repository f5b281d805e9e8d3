"""Help > About: the version, and where this computer keeps the database, backups and settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerkdesk import APP_NAME, __version__
from clerkdesk.storage.backups import BACKUP_FOLDER
from clerkdesk.storage.location import default_database_path
from clerkdesk.storage.network_drive import network_warning
from clerkdesk.ui.settings import APPLICATION, ORGANISATION

ABOUT_TEXT = (f"<h3>{APP_NAME} {__version__}</h3>"
              "<p>Live committee minutes for UK local government clerks, exported to Word.</p>"
              "<p>Released under the MIT licence.</p>")


def settings_file() -> Path:
    """Where Qt keeps this user's ClerkDesk settings (a file, or the registry key on Windows)."""
    store = QSettings(QSettings.defaultFormat(), QSettings.Scope.UserScope, ORGANISATION,
                      APPLICATION)
    return Path(store.fileName())


def open_folder(folder: Path) -> bool:
    """Show `folder` in the system's file manager."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


class AboutDialog(QDialog):
    """Version and licence, then each place ClerkDesk writes to, with an Open folder button."""

    def __init__(self, database: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(f"About {APP_NAME}")
        database = database or default_database_path()
        places = [("Database", database, database.parent),
                  ("Backups", database.parent / BACKUP_FOLDER, database.parent / BACKUP_FOLDER),
                  ("Settings", settings_file(), settings_file().parent)]
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(ABOUT_TEXT, self))
        layout.addLayout(self._places_grid(places))
        warning = network_warning(database)
        if warning:
            self.warning = QLabel(f"<b>Warning:</b> {warning}", self)
            self.warning.setObjectName("networkDriveWarning")
            self.warning.setWordWrap(True)
            layout.addWidget(self.warning)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _places_grid(self, places: list[tuple[str, Path, Path]]) -> QGridLayout:
        grid = QGridLayout()
        for row, (label, shown, folder) in enumerate(places):
            grid.addWidget(QLabel(f"{label}:", self), row, 0)
            path_label = QLabel(str(shown), self)
            path_label.setObjectName(f"about{label}Path")
            path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(path_label, row, 1)
            button = QPushButton(f"Open {label.lower()} folder", self)
            button.setObjectName(f"about{label}Open")
            button.setEnabled(folder.is_dir())
            button.clicked.connect(lambda _=False, f=folder: open_folder(f))
            grid.addWidget(button, row, 2)
        return grid
