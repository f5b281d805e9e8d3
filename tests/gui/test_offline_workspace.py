"""The meeting window on a team database whose server stops mid-meeting, driven by keyboard."""

import pytest
from PySide6.QtCore import Qt
from support.editor_harness import build_database, stored_rows, type_text

pytestmark = pytest.mark.postgresql
SENT_WITHIN_MS = 60_000  # the retry waits up to 30 s once the server was down for long


@pytest.fixture
def workspace(open_window, pg_url, qtbot):
    meeting = build_database(pg_url, [[("Mr Love introduced the report.", 0)]])
    window = open_window(pg_url)
    window.browser.meeting_list.setFocus()
    qtbot.keyClick(window.browser.meeting_list, Qt.Key.Key_Return)
    ws = window.meetings.workspace
    qtbot.waitUntil(lambda: ws.side_panels_filled)
    return window, ws, meeting


def test_the_badge_says_offline_in_amber_never_not_saved_and_all_arrives(workspace, pg_server,
                                                                        qtbot):
    window, ws, meeting = workspace
    sync = ws.autosaver.offline  # the database's sender outlives the meeting's window
    shown = []

    def badge_changed(_count: int) -> None:
        shown.append(ws.save_status.text())

    ws.autosaver.offline.waitingChanged.connect(badge_changed)
    ws.autosaver.stateChanged.connect(lambda message, _ok: shown.append(message))
    ws.editor.setFocus()
    ws.editor.moveCursor(ws.editor.textCursor().MoveOperation.End)
    pg_server.stop()
    try:
        type_text(ws.editor, " Officers would reply in writing.")
        qtbot.keyClick(ws.editor, Qt.Key.Key_Return)
        type_text(ws.editor, "The Sub-Committee noted the report.")
        qtbot.waitUntil(lambda: ws.save_status.waiting)  # the autosave found the server gone
        qtbot.waitUntil(lambda: window.statusBar().currentMessage() != "")  # flags refresh too
        waiting = ws.autosaver.offline.waiting
        assert ws.save_status.text() == f"Offline — {waiting} changes waiting" and waiting >= 2
        assert not any("NOT SAVED" in text for text in shown)
        ws.autosaver.offline.waitingChanged.disconnect(badge_changed)
        assert window.meetings.close_meeting()  # the journal holds the text: closing is safe
    finally:
        pg_server.start()
    qtbot.waitUntil(lambda: sync.waiting == 0, timeout=SENT_WITHIN_MS)
    assert [text for text, _level, _pos in stored_rows(meeting.path, meeting.item_ids[0])] == [
        "Mr Love introduced the report. Officers would reply in writing.",
        "The Sub-Committee noted the report."]


def test_save_a_copy_of_the_team_database_writes_a_checked_sqlite_file(workspace, tmp_path,
                                                                       qtbot):
    import sqlite3

    window, ws, _meeting = workspace
    ws.editor.setFocus()
    ws.editor.moveCursor(ws.editor.textCursor().MoveOperation.End)
    type_text(ws.editor, " Copied.")
    copy = tmp_path / "minutes-copy.sqlite"
    assert window.save_copy(copy)
    with sqlite3.connect(copy) as connection:
        assert connection.execute("SELECT text FROM paragraph").fetchall() == [
            ("Mr Love introduced the report. Copied.",)]
    assert window.database.current.path is None  # work goes on in the team database
    assert str(copy) in window.statusBar().currentMessage()


def test_no_copy_while_offline_edits_wait(workspace, pg_server, captured_errors, tmp_path,
                                          qtbot):
    window, ws, _meeting = workspace
    ws.editor.setFocus()
    ws.editor.moveCursor(ws.editor.textCursor().MoveOperation.End)
    pg_server.stop()
    try:
        type_text(ws.editor, " Not yet sent.")
        qtbot.waitUntil(lambda: ws.save_status.waiting)
        assert not window.save_copy(tmp_path / "copy.sqlite")
    finally:
        pg_server.start()
    assert "not on the team database yet" in captured_errors[-1][1]
    assert not (tmp_path / "copy.sqlite").exists()


def test_a_resolution_flagged_offline_by_keyboard_arrives_with_its_layout(workspace, pg_server,
                                                                          qtbot):
    from PySide6.QtGui import QKeySequence
    from support.modal import focused

    window, ws, meeting = workspace
    sync = ws.autosaver.offline
    ws.editor.setFocus()
    ws.editor.moveCursor(ws.editor.textCursor().MoveOperation.End)
    pg_server.stop()
    try:
        qtbot.keyClick(ws.editor, Qt.Key.Key_Return)
        type_text(ws.editor, "The Sub-Committee agreed the report.")
        combination = QKeySequence("Ctrl+R")[0]
        qtbot.keyClick(ws.editor, combination.key(), combination.keyboardModifiers())
        assert ws.flagging.form.isVisible()
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
        assert ws.editor.numbers.labels == ["1)", "RESOLVED"]
        assert sync.waiting >= 3 and ws.save_status.waiting
    finally:
        pg_server.start()
    qtbot.waitUntil(lambda: sync.waiting == 0, timeout=SENT_WITHIN_MS)
    import psycopg
    from sqlalchemy import make_url

    given = make_url(str(meeting.path))
    with psycopg.connect(host=given.host, port=given.port, user=given.username,
                         password=given.password, dbname=given.database) as connection:
        rows = connection.execute(
            "SELECT p.text, p.style, f.kind FROM paragraph p LEFT JOIN flag f "
            "ON f.paragraph_id = p.id WHERE p.item_id = %s ORDER BY p.position",
            (meeting.item_ids[0],)).fetchall()
    assert [(text, kind) for text, _style, kind in rows] == [
        ("Mr Love introduced the report.", None),
        ("The Sub-Committee agreed the report.", "resolution")]
    assert rows[1][1] != rows[0][1]  # laid out as the RESOLVED paragraph
