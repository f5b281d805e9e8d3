"""Help › About names the database, backups and settings places, and warns about network drives."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from support.modal import drive_modal

from clerkdesk.storage import network_drive
from clerkdesk.ui.actions import ActionId


def test_about_shows_where_the_data_lives_and_closes_with_escape(open_window, sample_db, qtbot):
    window = open_window(sample_db.path)
    seen: dict[str, str] = {}

    def read_and_close(dialog) -> None:
        for name in ("Database", "Backups", "Settings"):
            seen[name] = dialog.findChild(QLabel, f"about{name}Path").text()
        seen["open"] = str(dialog.findChild(QPushButton, "aboutDatabaseOpen").isEnabled())
        seen["warning"] = str(dialog.findChild(QLabel, "networkDriveWarning"))
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    outcome = drive_modal("aboutDialog", read_and_close)
    window.action_map[ActionId.ABOUT].trigger()

    assert outcome == ["done"]
    assert seen["Database"] == str(sample_db.path)
    assert seen["Backups"] == str(sample_db.path.parent / "backups")
    assert seen["Settings"]
    assert seen["open"] == "True"
    assert seen["warning"] == "None"


def test_a_database_on_a_network_drive_is_warned_about_on_opening(open_window, sample_db,
                                                                 captured_errors, monkeypatch):
    monkeypatch.setattr(network_drive, "is_on_network_drive", lambda path: True)

    window = open_window(sample_db.path)

    assert window.database.current is not None  # opened all the same: the clerk decides
    assert captured_errors[0][0] == "Database on a network drive"
    assert "team mode" in captured_errors[0][1]
