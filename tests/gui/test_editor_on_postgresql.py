"""The live-minutes editor on a team (PostgreSQL) database, driven by keyboard."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from support.editor_harness import build_database, open_editor, stored_rows, type_text

pytestmark = pytest.mark.postgresql

Key = Qt.Key


@pytest.fixture
def rig(qtbot, pg_url):
    meeting = build_database(pg_url, [[("Mr Love introduced the report.", 0)]])
    opened = open_editor(meeting)
    qtbot.addWidget(opened.editor)
    qtbot.waitExposed(opened.editor)
    yield opened
    opened.db.close()


def test_typing_a_paragraph_and_a_sub_point_reaches_the_server(rig):
    rig.editor.moveCursor(rig.editor.textCursor().MoveOperation.End)
    QTest.keyClick(rig.editor, Key.Key_Return)
    type_text(rig.editor, "A Member asked about waiting lists – and timescales.")
    QTest.keyClick(rig.editor, Key.Key_Return)
    QTest.keyClick(rig.editor, Key.Key_Tab)
    type_text(rig.editor, "Ms Hammond would reply in writing.")
    assert rig.autosaver.flush(), rig.autosaver.last_error
    assert [(text, level) for text, level, _ in stored_rows(rig.meeting.path, rig.item_id)] == [
        ("Mr Love introduced the report.", 0),
        ("A Member asked about waiting lists – and timescales.", 0),
        ("Ms Hammond would reply in writing.", 1),
    ]
    assert rig.errors == []


def test_undo_reaches_the_server(rig):
    rig.editor.moveCursor(rig.editor.textCursor().MoveOperation.End)
    type_text(rig.editor, " Noted.")
    assert rig.autosaver.flush()
    combination = QKeySequence.keyBindings(QKeySequence.StandardKey.Undo)[0][0]
    QTest.keyClick(rig.editor, combination.key(), combination.keyboardModifiers())
    assert rig.autosaver.flush()
    assert [text for text, _, _ in stored_rows(rig.meeting.path, rig.item_id)] == [
        "Mr Love introduced the report."]


def test_server_stopped_mid_typing_keeps_the_text_and_saves_it_when_back(rig, pg_server):
    rig.editor.moveCursor(rig.editor.textCursor().MoveOperation.End)
    type_text(rig.editor, " The Chair")
    assert rig.autosaver.flush()
    pg_server.stop()
    try:
        type_text(rig.editor, " thanked the officers.")
        assert rig.autosaver.flush() is False
        assert rig.states[-1][0].startswith("NOT SAVED") and rig.states[-1][1] is False
        assert "database server" in rig.autosaver.last_error
        assert rig.shown_rows() == [("Mr Love introduced the report. The Chair thanked the "
                                     "officers.", 0)]
    finally:
        pg_server.start()
    assert rig.autosaver.flush(), rig.autosaver.last_error
    assert [text for text, _, _ in stored_rows(rig.meeting.path, rig.item_id)] == [
        "Mr Love introduced the report. The Chair thanked the officers."]
