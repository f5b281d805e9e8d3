"""File › Connect to team database…: where the team's PostgreSQL database is, and a password
prompt when ~/.pgpass does not have one (the password is never stored by ClerkDesk)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from clerkdesk.storage.team import DEFAULT_PORT, SSL_MODES, team_url

HINT = ("Your IT team gives you these. The password is asked for when needed, or read from "
        "~/.pgpass; ClerkDesk never stores it.")


class TeamDatabaseDialog(QDialog):
    """Host, port, database, user and TLS mode of the team database."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teamDatabaseDialog")
        self.setWindowTitle("Connect to team database")
        self.setMinimumWidth(480)
        form = QFormLayout(self)
        hint = QLabel(HINT)
        hint.setWordWrap(True)
        form.addRow(hint)
        self.host_edit = self._field("host", "db.council.gov.uk")
        self.port_spin = QSpinBox(objectName="port", minimum=1, maximum=65535, value=DEFAULT_PORT)
        self.database_edit = self._field("database", "clerkdesk")
        self.database_edit.setText("clerkdesk")
        self.user_edit = self._field("user", "your user name")
        self.sslmode_combo = QComboBox(objectName="sslmode")
        self.sslmode_combo.addItems(SSL_MODES)
        for label, widget in (("&Server:", self.host_edit), ("&Port:", self.port_spin),
                              ("&Database:", self.database_edit), ("&User:", self.user_edit),
                              ("&Encryption (sslmode):", self.sslmode_combo)):
            form.addRow(label, widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Connect")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.host_edit.setFocus()

    def _field(self, name: str, placeholder: str) -> QLineEdit:
        field = QLineEdit(objectName=name)
        field.setPlaceholderText(placeholder)
        return field

    def accept(self) -> None:
        for field in (self.host_edit, self.database_edit, self.user_edit):
            if not field.text().strip():
                field.setFocus()
                return
        super().accept()

    def url(self) -> str:
        return team_url(self.host_edit.text(), self.database_edit.text(), self.user_edit.text(),
                        port=self.port_spin.value(), sslmode=self.sslmode_combo.currentText())


def ask_team_url(parent: QWidget | None) -> str | None:
    dialog = TeamDatabaseDialog(parent)
    return dialog.url() if dialog.exec() == QDialog.DialogCode.Accepted else None


def ask_password(parent: QWidget | None, reason: str) -> str | None:
    """The password for this connection only (not stored), or None when cancelled."""
    dialog = QInputDialog(parent)
    dialog.setObjectName("passwordDialog")
    dialog.setWindowTitle("Team database password")
    dialog.setLabelText(f"{reason}\nPassword:")
    dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.textValue()
