"""On a team database the paragraph history says which clerk made each change."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from support.modal import drive_modal
from support.sample_meeting import build_sample

pytestmark = pytest.mark.postgresql


def test_history_names_the_clerk_who_changed_the_text(open_window, pg_url, qtbot, monkeypatch):
    from clerkdesk.services import history

    monkeypatch.setattr(history, "PAUSE", dt.timedelta(0))
    sample = build_sample(pg_url)
    window = open_window(pg_url)
    window.open_meeting(sample.older_meeting_id)
    ws = window.meetings.workspace
    ws.editor.setFocus()
    ws.editor.moveCursor(ws.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(ws.editor, " Later words.")
    assert ws.autosaver.flush()
    rows: list[str] = []

    def read_rows(dialog) -> None:
        rows.extend(dialog.list.item(i).text() for i in range(dialog.list.count()))
        qtbot.keyClick(dialog.list, Qt.Key.Key_Escape)

    outcome = drive_modal("historyDialog", read_rows)
    sequence = QKeySequence("Ctrl+Shift+H")[0]
    qtbot.keyClick(ws.editor, sequence.key(), sequence.keyboardModifiers())
    assert outcome == ["done"]
    assert len(rows) == 1 and "changed by postgres" in rows[0]
