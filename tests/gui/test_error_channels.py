"""Three channels: a refusal the clerk can act on goes to the status bar, a failed save to the
save badge, and a bug to a log file and the bug dialog (once, and autosave does not retry it)."""

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from support.modal import drive_modal

from clerkdesk import APP_NAME, __version__
from clerkdesk.bug_log import LOG_NAME, log_folder
from clerkdesk.ui.actions import ActionId

NO_EARLIER = "This committee has no earlier meeting to approve."


def _open(open_window, path: Path, meeting_id: int):
    window = open_window(path)
    window.open_meeting(meeting_id)
    return window, window.meetings.workspace


def test_a_refusal_goes_to_the_status_bar_not_the_save_badge(open_window, sample_db):
    window, ws = _open(open_window, sample_db.path, sample_db.older_meeting_id)
    window.action_map[ActionId.APPROVE_PREVIOUS].trigger()
    assert window.statusBar().currentMessage() == NO_EARLIER
    assert NO_EARLIER not in ws.save_status.text() and not ws.save_status.failed


@pytest.mark.bug_report
def test_a_bug_in_a_save_is_logged_and_shown_once_and_not_retried(open_window, sample_db, qtbot,
                                                                  monkeypatch):
    from clerkdesk.ui.main_window import MainWindow

    # Unsaved text makes closing ask; a failing assertion must not leave teardown waiting.
    monkeypatch.setattr(MainWindow, "_quit_without_saving", lambda *_a: True)
    with sqlite3.connect(sample_db.path) as connection:  # a constraint ClerkDesk should never hit
        connection.execute("CREATE TRIGGER forced_bug BEFORE UPDATE OF text ON paragraph "
                           "BEGIN SELECT RAISE(ABORT, 'forced constraint'); END")
    window, ws = _open(open_window, sample_db.path, sample_db.older_meeting_id)
    shown = drive_modal("bugReport", lambda box: qtbot.keyClick(box, Qt.Key.Key_Return))
    ws.editor.setFocus()
    ws.editor.moveCursor(ws.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(ws.editor, " Kept")
    qtbot.waitUntil(lambda: shown == ["done"], timeout=3000)
    log = (log_folder() / LOG_NAME).read_text(encoding="utf-8")
    assert "IntegrityError" in log and "forced constraint" in log and "Traceback" in log
    assert "forced constraint" in QApplication.clipboard().text()  # "Copy report" was pressed
    assert ws.save_status.failed and "NOT SAVED" in ws.save_status.text()
    assert ws.editor.toPlainText().endswith("Kept")

    qtbot.keyClicks(ws.editor, " again")
    assert not ws.autosaver.flush()  # the same bug: reported already, not shown again
    assert QApplication.activeModalWidget() is None
    log = (log_folder() / LOG_NAME).read_text(encoding="utf-8")
    assert log.count(f"{APP_NAME} {__version__} on") == 1  # one report
    assert not ws.autosaver.retrying

    with sqlite3.connect(sample_db.path) as connection:  # once fixed, the kept text is saved
        connection.execute("DROP TRIGGER forced_bug")
    assert ws.autosaver.flush() and not ws.save_status.failed
    assert rows_with(sample_db.path, "Kept again") == 1


def rows_with(path: Path, text: str) -> int:
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT count(*) FROM paragraph WHERE text LIKE ?",
                                  (f"%{text}",)).fetchone()[0]
