"""Imported names shown and kept as printed while the clerk edits, until the review's fix."""

import datetime as dt
import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

MINUTES = """Licensing Sub-Committee
Minutes of the meeting held on 3 March 2025

1. Application for a premises licence

1) Mr J Scholes explained the application.
2) Councillor J.W. Thomas asked about the opening hours.
"""


def _stored(path: Path) -> list[str]:
    with sqlite3.connect(path) as connection:
        return [row[0] for row in connection.execute(
            "SELECT text FROM paragraph ORDER BY position")]


def _press(qtbot, widget, sequence: str) -> None:
    combination = QKeySequence(sequence)[0]
    qtbot.keyClick(widget, combination.key(), combination.keyboardModifiers())


def test_typing_keeps_printed_names_and_f_applies_the_convention(open_window, tmp_path, qtbot):
    from clerkdesk.services.imports import import_text
    from clerkdesk.storage.database import open_database

    path = tmp_path / "imported.sqlite"
    db = open_database(path)
    meeting = import_text(db, MINUTES, committee="Licensing Sub-Committee",
                          date=dt.date(2025, 3, 3)).meeting_id
    db.close()
    window = open_window(path)
    window.open_meeting(meeting)
    ws = window.meetings.workspace
    editor = ws.editor
    editor.setFocus()
    assert editor.toPlainText().splitlines()[0] == "Mr J Scholes explained the application."
    _press(qtbot, editor, "Ctrl+Home")
    _press(qtbot, editor, "End")
    qtbot.keyClicks(editor, " He took questions.")
    assert ws.editing.autosaver.flush()
    first = _stored(path)[0]
    assert first.endswith("|Mr J Scholes} explained the application. He took questions.")
    _press(qtbot, editor, "F7")
    panel = ws.review_panel
    texts = [panel.list.item(i).text() for i in range(panel.list.count())]
    whole = next(i for i, t in enumerate(texts) if "as the imported minutes printed" in t)
    panel.list.setCurrentRow(whole)
    qtbot.keyClick(panel.list, Qt.Key.Key_F)
    assert not any("|" in text for text in _stored(path))
    assert editor.toPlainText().splitlines()[0] == (
        "Mr Scholes explained the application. He took questions.")
