"""On a SQLite file no change notices run: no listening connection, typing announces nothing."""

from support.editor_harness import build_database, type_text


def test_a_meeting_on_a_file_does_not_listen(open_window, db_path, qtbot):
    meeting = build_database(db_path, [[("Mr Love introduced the report.", 0)]])
    window = open_window(db_path)
    window.open_meeting(meeting.meeting_id)
    ws = window.meetings.workspace
    qtbot.waitUntil(lambda: ws.side_panels_filled)
    ws.editor.set_caret(ws.editor.paragraphs.ids()[0], 0)
    type_text(ws.editor, "A")
    assert ws.live.listener is None and not ws.live._reconnect.isActive()
    assert ws.autosaver.flush()
