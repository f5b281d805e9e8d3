"""File › Import minutes… on a long file: the window shows progress, and Esc cancels the import
leaving nothing behind (no meeting, committee or person; the file unchanged)."""

import hashlib
import sqlite3
from contextlib import closing
from pathlib import Path

from PySide6.QtCore import Qt
from support.modal import drive_modal, focused

HEADING = "Harbour Board\nMinutes of the meeting held on 3 March 2026 at 10.00 am\n\n"
ITEM = ("{n}. Mooring fees {n}\n\n1) Councillor Wren Talbot asked about fee band {n}.\n\n"
        "RESOLVED – That fee band {n} be noted.\n\n")


def long_minutes(path: Path, items: int = 3000) -> Path:
    path.write_text(HEADING + "".join(ITEM.format(n=n) for n in range(1, items + 1)),
                    encoding="utf-8")
    return path


def counts(database: Path) -> tuple[int, int, int]:
    with closing(sqlite3.connect(database)) as connection:
        return tuple(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                     for table in ("meeting", "committee", "person"))


def test_esc_cancels_a_long_import_and_leaves_nothing_behind(
        open_window, sample_db, tmp_path, qtbot, monkeypatch, captured_errors):
    from clerkdesk.ui import import_flow

    monkeypatch.setattr(import_flow, "SHOW_PROGRESS_AFTER_MS", 0)
    source = long_minutes(tmp_path / "harbour.txt")
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    window = open_window(sample_db.path)
    before = counts(sample_db.path)
    seen: list[str] = []

    def press_esc(dialog) -> None:
        seen.append(dialog.labelText())
        qtbot.keyClick(focused(), Qt.Key.Key_Escape)

    outcome = drive_modal("importProgress", press_esc)
    assert window.import_minutes(source) is None
    assert outcome == ["done"]
    assert seen and seen[0].startswith("Reading harbour.txt")
    assert captured_errors == []  # cancelling is not an error
    assert window.statusBar().currentMessage() == (
        "Import of harbour.txt cancelled: nothing was imported.")
    assert counts(sample_db.path) == before
    assert hashlib.sha256(source.read_bytes()).hexdigest() == digest


def test_a_long_import_left_to_run_shows_progress_and_stores_the_meeting(
        open_window, sample_db, tmp_path, qtbot, monkeypatch, captured_errors):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from clerkdesk.ui import import_flow

    monkeypatch.setattr(import_flow, "SHOW_PROGRESS_AFTER_MS", 0)
    monkeypatch.setattr(QMessageBox, "information", lambda *_args, **_kwargs: None)
    source = long_minutes(tmp_path / "harbour.txt", items=400)
    window = open_window(sample_db.path)
    before = counts(sample_db.path)
    seen: list[int] = []

    def watch() -> None:  # runs whenever the import lets the window process events
        dialog = QApplication.activeModalWidget()
        if dialog is not None and dialog.objectName() == "importProgress":
            seen.append(dialog.value())
        if len(seen) < 1000:
            QTimer.singleShot(5, watch)

    QTimer.singleShot(0, watch)
    previewed = drive_modal(  # the preview between reading and importing: Enter imports
        "importPreviewDialog", lambda _dialog: qtbot.keyClick(focused(), Qt.Key.Key_Return))
    meeting_id = window.import_minutes(source)
    assert previewed == ["done"]
    seen.extend([1000] * 1000)  # stop watching
    assert meeting_id is not None and captured_errors == []
    assert any(0 <= value < 1000 for value in seen)  # shown while it ran
    assert counts(sample_db.path)[0] == before[0] + 1
