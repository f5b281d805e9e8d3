"""Review by keyboard: checks panel with fixes and dismissals, paragraph history, approval."""

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from support.modal import drive_modal, focused

from clerkdesk.ui.actions import ActionId


def press(qtbot, widget, sequence: str) -> None:
    combination = QKeySequence(sequence)[0]
    qtbot.keyClick(widget, combination.key(), combination.keyboardModifiers())


def query(path: Path, sql: str, *args) -> list[tuple]:
    with sqlite3.connect(path) as connection:
        return connection.execute(sql, args).fetchall()


@pytest.fixture
def seed_meeting(tmp_path, seed_path):
    from clerkdesk.services.imports import import_text_file
    from clerkdesk.storage.database import open_database

    path = tmp_path / "seed.sqlite"
    db = open_database(path)
    report = import_text_file(db, seed_path)
    db.close()
    return path, report.meeting_id


def test_f7_lists_findings_f_fixes_d_dismisses_enter_jumps(open_window, seed_meeting, qtbot):
    path, meeting = seed_meeting
    window = open_window(path)
    window.open_meeting(meeting)
    ws = window.meetings.workspace
    press(qtbot, ws.editor, "F7")
    panel = ws.review_panel
    assert panel.list.hasFocus()
    texts = [panel.list.item(i).text() for i in range(panel.list.count())]
    mislevelled = next(i for i, t in enumerate(texts) if t.startswith("10 c)") and
                       "question" in t)
    assert any("CYPE" in t for t in texts) and any("EHCP" in t for t in texts)
    panel.list.setCurrentRow(mislevelled)
    finding = panel.selected()
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)  # jumps to the paragraph
    assert ws.editor.caret()[0] == finding.paragraph_id
    panel.list.setFocus()
    panel.list.setCurrentRow(mislevelled)
    qtbot.keyClick(panel.list, Qt.Key.Key_F)  # fix: make it a main paragraph
    assert query(path, "SELECT level FROM paragraph WHERE id=?", finding.paragraph_id) == [(0,)]
    labels = ws.editor.numbers.labels
    assert ws.stack.undoText()  # one undoable step, like Shift+Tab
    ws.editor.setFocus()
    press(qtbot, ws.editor, "Ctrl+Z")
    assert query(path, "SELECT level FROM paragraph WHERE id=?", finding.paragraph_id) == [(1,)]
    assert ws.editor.numbers.labels != labels
    press(qtbot, ws.editor, "Ctrl+Shift+Z")
    assert query(path, "SELECT level FROM paragraph WHERE id=?", finding.paragraph_id) == [(0,)]
    assert ws.editor.numbers.labels == labels
    panel.list.setFocus()
    assert not any(t.startswith("10 c)") and "question" in t
                   for t in (panel.list.item(i).text() for i in range(panel.list.count())))
    count = panel.list.count()
    panel.list.setCurrentRow(0)
    qtbot.keyClick(panel.list, Qt.Key.Key_D)  # dismissed: remembered
    assert panel.list.count() == count - 1
    assert query(path, "SELECT count(*) FROM review_dismissal") == [(1,)]


def test_paragraph_history_restores_an_earlier_text_undoably(open_window, sample_db, qtbot,
                                                             monkeypatch):
    from clerkdesk.services import history

    monkeypatch.setattr(history, "PAUSE", dt.timedelta(0))  # every save is its own revision
    window = open_window(sample_db.path)
    window.open_meeting(sample_db.older_meeting_id)
    ws = window.meetings.workspace
    ws.editor.setFocus()
    ws.editor.moveCursor(ws.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(ws.editor, " Later words.")
    ws.autosaver.flush()

    def choose_original(dialog) -> None:
        assert dialog.list.count() == 1
        qtbot.keyClick(focused(), Qt.Key.Key_Return)

    outcome = drive_modal("historyDialog", choose_original)
    press(qtbot, ws.editor, "Ctrl+Shift+H")
    assert outcome == ["done"]
    sql = "SELECT text FROM paragraph WHERE text LIKE 'The Sub-Committee noted%'"
    assert query(sample_db.path, sql) == [("The Sub-Committee noted the report.",)]
    press(qtbot, ws.editor, "Ctrl+Z")
    assert query(sample_db.path, sql) == [("The Sub-Committee noted the report. Later words.",)]


def test_approved_minutes_are_read_only_and_take_correction_notes(open_window, sample_db, qtbot,
                                                                  monkeypatch):
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    window = open_window(sample_db.path)
    window.open_meeting(sample_db.newer_meeting_id)
    ws = window.meetings.workspace
    window.action_map[ActionId.APPROVE_PREVIOUS].trigger()  # Review › Approve the previous…
    assert query(sample_db.path, "SELECT status, approved_at_meeting_id FROM meeting WHERE id=?",
                 sample_db.older_meeting_id) == [("approved", sample_db.newer_meeting_id)]

    window.open_meeting(sample_db.older_meeting_id)
    ws = window.meetings.workspace
    assert ws.locked and ws.editor.isReadOnly() and ws.lock_banner.isVisible()
    before = query(sample_db.path, "SELECT id, level, text FROM paragraph ORDER BY id")
    ws.editor.setFocus()
    qtbot.keyClicks(ws.editor, "typed into approved minutes")
    qtbot.keyClick(ws.editor, Qt.Key.Key_Return)
    qtbot.keyClick(ws.editor, Qt.Key.Key_Tab)
    press(qtbot, ws.editor, "Ctrl+Shift+R")
    assert not ws.flagging.form.isVisible()
    ws.autosaver.flush()
    assert query(sample_db.path, "SELECT id, level, text FROM paragraph ORDER BY id") == before

    monkeypatch.setattr(QInputDialog, "getMultiLineText",
                        lambda *_a, **_k: ("The venue was County Hall, not Maidstone.", True))
    window.action_map[ActionId.ADD_CORRECTION].trigger()
    assert query(sample_db.path, "SELECT text FROM correction_note") == [
        ("The venue was County Hall, not Maidstone.",)]


def test_deleting_an_empty_paragraph_from_the_review_is_undoable(open_window, sample_db, qtbot):
    window = open_window(sample_db.path)
    assert window.open_meeting(sample_db.older_meeting_id)
    ws = window.meetings.workspace
    ws.editor.setFocus()
    press(qtbot, ws.editor, "Ctrl+End")
    qtbot.keyClick(ws.editor, Qt.Key.Key_Return)  # a new paragraph, left empty
    empty_id = ws.editor.caret()[0]
    assert ws.autosaver.flush()
    assert query(sample_db.path, "SELECT text FROM paragraph WHERE id=?", empty_id) == [("",)]

    press(qtbot, ws.editor, "F7")
    panel = ws.review_panel
    row = next(i for i, finding in enumerate(panel.findings)
               if finding.paragraph_id == empty_id and finding.fix is not None)
    panel.list.setCurrentRow(row)
    qtbot.keyClick(panel.list, Qt.Key.Key_F)  # fix: delete the empty paragraph
    assert query(sample_db.path, "SELECT count(*) FROM paragraph WHERE id=?", empty_id) == [(0,)]
    assert empty_id not in ws.editor.paragraphs.ids()

    ws.editor.setFocus()
    press(qtbot, ws.editor, "Ctrl+Z")  # back, in the window and the file
    assert query(sample_db.path, "SELECT text FROM paragraph WHERE id=?", empty_id) == [("",)]
    assert empty_id in ws.editor.paragraphs.ids()
