"""Moving between meetings and items by keyboard never loses the clerk's place (issue 12)."""

import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication
from support.modal import drive_modal, focused


def press(qtbot, sequence: str) -> None:
    combination = QKeySequence(sequence)[0]
    qtbot.keyClick(QApplication.focusWidget(), combination.key(),
                   combination.keyboardModifiers())


def reactivate(qtbot, window) -> None:
    """The offscreen platform does not give the window back its focus after a dialog."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def count_meetings(path) -> int:
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT count(*) FROM meeting").fetchone()[0]


def paragraph_texts(path, item_title: str) -> list[str]:
    with sqlite3.connect(path) as connection:
        return [text for (text,) in connection.execute(
            "SELECT p.text FROM paragraph p JOIN agenda_item i ON p.item_id = i.id "
            "WHERE i.title = ? ORDER BY p.position", (item_title,))]


def open_older(window, sample_db, qtbot):
    assert window.open_meeting(sample_db.older_meeting_id)
    ws = window.meetings.workspace
    ws.focus_editor()
    return ws


def caret_into_second_paragraph(qtbot, ws) -> tuple[int, int]:
    press(qtbot, "Ctrl+Home")
    press(qtbot, "Down")
    for _ in range(4):
        press(qtbot, "Right")
    return ws.editor.caret()


def test_new_meeting_and_import_ask_first_while_the_clock_runs(open_window, sample_db, qtbot,
                                                              monkeypatch):
    import clerkdesk.ui.import_flow
    import clerkdesk.ui.new_meeting_dialog

    reached: list[str] = []  # the dialogs that would follow the question
    monkeypatch.setattr(clerkdesk.ui.new_meeting_dialog, "ask_new_meeting",
                        lambda *_a: reached.append("new meeting"))
    monkeypatch.setattr(clerkdesk.ui.import_flow, "ask_import_path",
                        lambda *_a: reached.append("import"))
    window = open_window(sample_db.path)
    ws = open_older(window, sample_db, qtbot)
    press(qtbot, "F5")  # the meeting clock starts
    caret = caret_into_second_paragraph(qtbot, ws)
    item = ws.editing.item_id

    for shortcut in ("Ctrl+N", "Ctrl+I"):
        asked = drive_modal("leaveMeetingQuestion",
                            lambda _box: qtbot.keyClick(focused(), Qt.Key.Key_Escape))
        press(qtbot, shortcut)
        qtbot.waitUntil(lambda asked=asked: asked != [])
        assert asked == ["done"], shortcut
        assert reached == []
        assert window.meetings.workspace is ws, "Cancel keeps the meeting open"
        assert (ws.editing.item_id, ws.editor.caret()) == (item, caret)
        assert window.focusWidget() is ws.editor
        reactivate(qtbot, window)
    qtbot.keyClicks(ws.editor, "XY")
    assert ws.autosaver.flush()
    assert count_meetings(sample_db.path) == 2
    assert paragraph_texts(sample_db.path, "Improvement Notice Update")[1].startswith(
        "{@member} askXYed")


def test_new_meeting_cancelled_after_agreeing_keeps_the_live_meeting(open_window, sample_db,
                                                                     qtbot, monkeypatch):
    import clerkdesk.ui.new_meeting_dialog

    reached: list[str] = []  # the New meeting dialog, cancelled (it returns no meeting)
    monkeypatch.setattr(clerkdesk.ui.new_meeting_dialog, "ask_new_meeting",
                        lambda *_a: reached.append("new meeting"))
    window = open_window(sample_db.path)
    ws = open_older(window, sample_db, qtbot)
    press(qtbot, "F5")
    caret = caret_into_second_paragraph(qtbot, ws)

    def agree(_box) -> None:
        while focused().text() != "&Close this meeting":  # Cancel is the default
            qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        qtbot.keyClick(focused(), Qt.Key.Key_Space)

    asked = drive_modal("leaveMeetingQuestion", agree)
    press(qtbot, "Ctrl+N")
    qtbot.waitUntil(lambda: asked != [])
    assert asked == ["done"] and reached == ["new meeting"]
    assert window.meetings.workspace is ws and ws.editor.caret() == caret
    assert window.focusWidget() is ws.editor
    assert count_meetings(sample_db.path) == 2


def test_reopening_a_meeting_from_the_list_returns_to_its_item_and_caret(open_window, sample_db,
                                                                         qtbot):
    window = open_window(sample_db.path)
    ws = open_older(window, sample_db, qtbot)
    caret = caret_into_second_paragraph(qtbot, ws)
    press(qtbot, "Ctrl+F4")
    assert window.meetings.workspace is None
    listing = window.browser.meeting_list
    listing.setFocus()
    qtbot.keyClick(listing, Qt.Key.Key_Home)
    qtbot.keyClick(listing, Qt.Key.Key_Down)  # the older meeting
    qtbot.keyClick(listing, Qt.Key.Key_Return)
    ws = window.meetings.workspace
    assert ws is not None and ws.meeting_id == sample_db.older_meeting_id
    assert ws.editor.caret() == caret
    qtbot.keyClicks(QApplication.focusWidget(), "XY")
    assert ws.autosaver.flush()
    assert paragraph_texts(sample_db.path, "Improvement Notice Update")[1].startswith(
        "{@member} askXYed")


def test_enter_on_an_agenda_item_opens_it_with_the_caret_at_the_end(open_window, sample_db,
                                                                    qtbot):
    window = open_window(sample_db.path)
    ws = open_older(window, sample_db, qtbot)
    press(qtbot, "Ctrl+1")
    assert ws.agenda_view.hasFocus()
    press(qtbot, "Down")
    press(qtbot, "Up")
    press(qtbot, "Return")
    assert ws.editor.hasFocus()
    qtbot.keyClicks(ws.editor, " Agreed.")
    assert ws.autosaver.flush()
    assert paragraph_texts(sample_db.path, "Improvement Notice Update")[-1] == (
        "The Sub-Committee noted the report. Agreed.")


def gnome_bindings(monkeypatch):
    """The platform's standard keys as GNOME has them: Redo is only Ctrl+Shift+Z, Close Ctrl+W."""
    real = QKeySequence.keyBindings
    only = {QKeySequence.StandardKey.Redo: "Ctrl+Shift+Z", QKeySequence.StandardKey.Close: "Ctrl+W"}
    monkeypatch.setattr(QKeySequence, "keyBindings", staticmethod(
        lambda key: [QKeySequence(only[key])] if key in only else real(key)))


def test_ctrl_y_and_ctrl_f4_work_beside_ctrl_shift_z_and_ctrl_w(open_window, sample_db, qtbot,
                                                                monkeypatch):
    gnome_bindings(monkeypatch)
    window = open_window(sample_db.path)
    ws = open_older(window, sample_db, qtbot)
    press(qtbot, "Ctrl+End")
    qtbot.keyClicks(ws.editor, " Agreed.")
    last = lambda: paragraph_texts(sample_db.path, "Improvement Notice Update")[-1]  # noqa: E731
    for redo in ("Ctrl+Y", "Ctrl+Shift+Z"):
        press(qtbot, "Ctrl+Z")
        assert ws.autosaver.flush() and last() == "The Sub-Committee noted the report."
        press(qtbot, "Ctrl+1")  # from the agenda too: the menu's keys work everywhere
        press(qtbot, redo)
        assert ws.autosaver.flush() and last().endswith("report. Agreed."), redo
        press(qtbot, "Ctrl+2")
    menu_keys = window.meetings.actions
    from clerkdesk.ui.actions import ActionId

    assert menu_keys[ActionId.REDO].shortcut().toString() == "Ctrl+Y"  # as the README says
    for close in ("Ctrl+F4", "Ctrl+W"):
        assert window.meetings.workspace is not None
        press(qtbot, close)
        assert window.meetings.workspace is None, close
        window.open_meeting(sample_db.older_meeting_id)
        window.meetings.workspace.focus_editor()
