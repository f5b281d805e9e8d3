"""The live-minutes workspace driven by keyboard: agenda edits, clock, find, saving, reopening."""

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QListView, QWidget

from clerkdesk.errors import StorageError


def rows(path: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(path) as connection:
        return connection.execute(sql).fetchall()


def item_titles(path: Path, meeting_id: int) -> list[str]:
    return [r[0] for r in rows(path, f"SELECT title FROM agenda_item WHERE meeting_id={meeting_id}"
                                     " ORDER BY position")]


@pytest.fixture
def workspace(open_window, sample_db, qtbot):
    window = open_window(sample_db.path)
    window.browser.meeting_list.setFocus()
    qtbot.keyClick(window.browser.meeting_list, Qt.Key.Key_Down)  # the older, fuller meeting
    qtbot.keyClick(window.browser.meeting_list, Qt.Key.Key_Return)
    ws = window.meetings.workspace
    assert ws is not None and ws.meeting_id == sample_db.older_meeting_id
    qtbot.waitUntil(lambda: ws.side_panels_filled)  # roster and flags load after the editor
    return window, ws


def key(qtbot, widget, sequence: str) -> None:
    """Press a key sequence such as 'Ctrl+PgDown' as the focused widget would receive it."""
    from PySide6.QtGui import QKeySequence

    combination = QKeySequence(sequence)[0]
    qtbot.keyClick(widget, combination.key(), combination.keyboardModifiers())


def test_enter_opens_meeting_with_agenda_editor_and_panels(workspace):
    window, ws = workspace
    agenda = window.findChild(QListView, "agendaList")
    assert [agenda.model().index(r).data() for r in range(agenda.model().rowCount())] == [
        "1.  Improvement Notice Update", "2.  Transport contract  [exempt para 3]",
    ]
    assert window.findChild(QLabel, "itemHeading").text() == "1.  Improvement Notice Update"
    assert ws.editor.numbers.labels == ["1)", "2)", "a)", "RESOLVED"]
    for name in ("minuteEditor", "flagPanel", "meetingClock", "saveStatus"):
        assert window.findChild(object, name) is not None, name
    assert ws.flags.list.topLevelItem(0).text(0) == "Requests for information (1)"


def test_agenda_by_keyboard_add_rename_move_delete_and_undo(workspace, sample_db, qtbot):
    window, ws = workspace
    meeting = sample_db.older_meeting_id
    answers = iter(["Matters arising", "Matters arising from the last meeting"])
    ws.agenda.ask_text = lambda *_args, **_kw: next(answers)
    ws.focus_agenda()
    agenda = ws.agenda_view
    key(qtbot, agenda, "Ctrl+Shift+I")  # add after the current (first) item
    assert item_titles(sample_db.path, meeting) == [
        "Improvement Notice Update", "Matters arising", "Transport contract"]
    key(qtbot, agenda, "F2")
    qtbot.keyClick(agenda, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert item_titles(sample_db.path, meeting) == [
        "Matters arising from the last meeting", "Improvement Notice Update", "Transport contract"]
    qtbot.keyClick(agenda, Qt.Key.Key_Down)
    qtbot.keyClick(agenda, Qt.Key.Key_Delete)  # deletes "Improvement Notice Update" and its text
    assert rows(sample_db.path, "SELECT count(*) FROM paragraph p JOIN agenda_item i ON "
                "p.item_id = i.id WHERE i.title = 'Improvement Notice Update'") == [(0,)]
    key(qtbot, agenda, "Ctrl+Z")
    assert item_titles(sample_db.path, meeting) == [
        "Matters arising from the last meeting", "Improvement Notice Update", "Transport contract"]
    assert rows(sample_db.path, "SELECT count(*) FROM paragraph p JOIN agenda_item i ON "
                "p.item_id = i.id WHERE i.title = 'Improvement Notice Update'") == [(4,)]
    assert rows(sample_db.path, "SELECT count(*) FROM request_flag") == [(1,)]


def test_next_item_key_switches_and_saves_typing_first(workspace, sample_db, qtbot):
    window, ws = workspace
    editor = ws.editor
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, " Extra words")
    key(qtbot, editor, "Ctrl+PgDown")  # next item: pending text is written at once
    assert window.findChild(QLabel, "itemHeading").text().startswith("2.  Transport contract")
    stored = rows(sample_db.path, "SELECT text FROM paragraph ORDER BY id")
    assert ("The Sub-Committee noted the report. Extra words",) in stored
    key(qtbot, editor, "Ctrl+PgUp")
    assert editor.toPlainText().endswith("Extra words")


def test_clock_start_stamps_paragraphs_pause_and_end(workspace, sample_db, qtbot):
    window, ws = workspace
    editor = ws.editor
    editor.setFocus()
    key(qtbot, editor, "F5")
    assert rows(sample_db.path, "SELECT started_at IS NOT NULL FROM meeting WHERE id="
                f"{sample_db.older_meeting_id}") == [(1,)]
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "The Chair adjourned the meeting.")
    ws.autosaver.flush()
    assert rows(sample_db.path, "SELECT elapsed_seconds FROM paragraph WHERE text = "
                "'The Chair adjourned the meeting.'") == [(0,)]
    key(qtbot, editor, "F6")
    assert ws.clock.label.text().startswith("Adjourned")
    key(qtbot, editor, "Shift+F5")
    assert rows(sample_db.path, "SELECT ended_at IS NOT NULL, paused_at IS NULL FROM meeting "
                f"WHERE id={sample_db.older_meeting_id}") == [(1, 1)]


def test_find_bar_by_keyboard(workspace, qtbot):
    window, ws = workspace
    ws.editor.setFocus()
    key(qtbot, ws.editor, "Ctrl+F")
    assert ws.find_bar.isVisible()
    qtbot.keyClicks(ws.find_bar.edit, "report")
    assert ws.editor.textCursor().selectedText() == "report"
    first = ws.editor.textCursor().position()
    qtbot.keyClick(ws.find_bar.edit, Qt.Key.Key_Return)
    assert ws.editor.textCursor().position() > first
    qtbot.keyClick(ws.find_bar.edit, Qt.Key.Key_Escape)
    assert not ws.find_bar.isVisible() and ws.editor.hasFocus()


def test_failed_save_is_shown_text_kept_and_meeting_not_closed(workspace, sample_db, qtbot,
                                                               monkeypatch):
    window, ws = workspace

    def full_disk(*_args, **_kwargs):
        raise StorageError("The disk is full: free some space; your text is kept.")

    monkeypatch.setattr("clerkdesk.services.editing.save_texts", full_disk)
    ws.editor.setFocus()
    ws.editor.moveCursor(ws.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(ws.editor, " Kept")
    qtbot.waitUntil(lambda: ws.save_status.failed, timeout=2000)
    assert "NOT SAVED" in ws.save_status.text()
    assert not window.meetings.close_meeting()
    assert window.meetings.workspace is ws and ws.editor.toPlainText().endswith("Kept")
    monkeypatch.undo()
    qtbot.waitUntil(lambda: not ws.save_status.failed, timeout=4000)  # the retry saves it
    assert ("The Sub-Committee noted the report. Kept",) in rows(
        sample_db.path, "SELECT text FROM paragraph")


def test_reopening_returns_to_meeting_item_and_caret(open_window, workspace, sample_db, qtbot):
    window, ws = workspace
    key(qtbot, ws.editor, "Ctrl+PgDown")
    ws.editor.moveCursor(ws.editor.textCursor().MoveOperation.End)
    expected = ws.position()
    window.close()
    again = open_window(sample_db.path)
    reopened = again.meetings.workspace
    assert reopened is not None and reopened.meeting_id == sample_db.older_meeting_id
    assert reopened.position() == expected


def test_save_a_copy_keeps_working_on_the_original(workspace, sample_db, tmp_path, qtbot):
    window, ws = workspace
    ws.editor.setFocus()
    ws.editor.moveCursor(ws.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(ws.editor, " Copied")
    copy = tmp_path / "copy.sqlite"
    assert window.save_copy(copy)
    copied = rows(copy, "SELECT text FROM paragraph")
    assert ("The Sub-Committee noted the report. Copied",) in copied
    assert window.database.current.path == sample_db.path
    QApplication.processEvents()


def test_import_asks_the_date_and_about_near_miss_names(open_window, sample_db, seed_path,
                                                        monkeypatch, qtbot):
    from PySide6.QtWidgets import QMessageBox
    from support.modal import drive_modal, focused

    asked: list[str] = []

    def answer(_parent, _title, text, *_args):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    monkeypatch.setattr(QMessageBox, "information", lambda *_a, **_k: None)
    window = open_window(sample_db.path)
    chosen: list = []
    dated: list[list[str]] = []

    def pick_date(dialog) -> None:
        assert focused().parentWidget().objectName() == "meetingDateEdit" or \
            focused().objectName() == "meetingDateEdit"
        edit = dialog.findChild(QWidget, "meetingDateEdit")
        qtbot.keyClick(focused(), Qt.Key.Key_Right)  # the month section
        qtbot.keyClick(focused(), Qt.Key.Key_Down)  # a month earlier
        chosen.append(edit.date().toPython())
        qtbot.keyClick(focused(), Qt.Key.Key_Return)

    def accept_preview(_dialog) -> None:
        dated.append(drive_modal("meetingDateDialog", pick_date))
        qtbot.keyClick(focused(), Qt.Key.Key_Return)

    outcome = drive_modal("importPreviewDialog", accept_preview)
    meeting_id = window.import_minutes(seed_path)
    assert outcome == ["done"] and dated == [["done"]]
    assert rows(sample_db.path, f"SELECT date FROM meeting WHERE id = {meeting_id}") == [
        (chosen[0].isoformat(),)]
    assert chosen[0] != dt.date.today()
    assert meeting_id is not None and window.meetings.workspace.meeting_id == meeting_id
    assert len(asked) == 1 and "“Sara Hammond”" in asked[0] and "Sarah Hammond" in asked[0]
    assert rows(sample_db.path, "SELECT count(*) FROM person WHERE family_name='Hammond'") == [
        (1,)]


def test_ctrl_e_exports_the_open_meeting_with_text_just_typed(workspace, tmp_path, qtbot):
    import zipfile

    from support.modal import drive_modal, focused

    window, ws = workspace
    ws.editor.setFocus()
    ws.editor.moveCursor(ws.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(ws.editor, " Typed just before export")
    target = tmp_path / "out" / "minutes.docx"
    target.parent.mkdir()

    def fill(dialog) -> None:
        path_edit = dialog.findChild(object, "exportPathEdit")
        path_edit.setFocus()
        path_edit.selectAll()
        qtbot.keyClicks(focused(), str(target))
        qtbot.keyClick(focused(), Qt.Key.Key_Return)

    outcome = drive_modal("exportDialog", fill)
    key(qtbot, ws.editor, "Ctrl+E")
    assert outcome == ["done"]
    with zipfile.ZipFile(target) as docx:
        document = docx.read("word/document.xml").decode()
    assert "Typed just before export" in document
    assert "The commercial terms were considered" not in document  # exempt: public version


def test_find_and_replace_by_keyboard_is_one_undoable_step(workspace, sample_db, qtbot):
    from support.modal import drive_modal, focused

    window, ws = workspace
    ws.editor.setFocus()

    def replace(dialog) -> None:
        find_edit = dialog.findChild(object, "replaceFindEdit")
        find_edit.setFocus()
        qtbot.keyClicks(find_edit, "report")
        dialog.search()
        assert dialog.hits.count() == 2  # "introduced the report", "noted the report"
        qtbot.keyClick(find_edit, Qt.Key.Key_Tab)
        qtbot.keyClicks(focused(), "paper")
        qtbot.keyClick(focused(), Qt.Key.Key_Return)

    outcome = drive_modal("replaceDialog", replace)
    key(qtbot, ws.editor, "Ctrl+H")
    assert outcome == ["done"]
    texts = [r[0] for r in rows(sample_db.path, "SELECT text FROM paragraph ORDER BY id")]
    assert sum("paper" in t for t in texts) == 2 and not any("report" in t for t in texts)
    assert "introduced the paper" in ws.editor.toPlainText()
    key(qtbot, ws.editor, "Ctrl+Z")
    texts = [r[0] for r in rows(sample_db.path, "SELECT text FROM paragraph ORDER BY id")]
    assert sum("report" in t for t in texts) == 2
    assert "introduced the report" in ws.editor.toPlainText()
