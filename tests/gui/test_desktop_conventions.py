"""What a Word user expects: Edit › Cut/Copy/Paste/Select all, Ctrl+N for a new meeting,
File › Open recent, and a filter box on the F1 shortcut sheet."""

import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QTableWidget
from support.modal import drive_modal, focused

from clerkdesk.ui.actions import ActionId


def press(qtbot, widget, sequence: str) -> None:
    combination = QKeySequence(sequence)[0]
    qtbot.keyClick(widget, combination.key(), combination.keyboardModifiers())


def menu_texts(window, name: str) -> list[str]:
    menu = window.menuBar().findChild(QMenu, f"menu{name}")
    return [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]


def test_edit_menu_cuts_copies_pastes_and_selects_all_in_the_minutes(open_window, sample_db,
                                                                       qtbot):
    window = open_window(sample_db.path)
    assert menu_texts(window, "Edit")[:6] == ["Undo", "Redo", "Cut", "Copy", "Paste", "Select all"]
    assert window.action_map[ActionId.COPY].shortcuts() == QKeySequence.keyBindings(
        QKeySequence.StandardKey.Copy)
    window.open_meeting(sample_db.newer_meeting_id)
    ws = window.meetings.workspace
    editor = ws.editor
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "Copied words")
    for _word in range(2):
        press(qtbot, editor, "Ctrl+Shift+Left")
    window.action_map[ActionId.COPY].trigger()
    assert QApplication.clipboard().text() == "Copied words"
    press(qtbot, editor, "Ctrl+End")
    qtbot.keyClicks(editor, " and ")
    window.action_map[ActionId.PASTE].trigger()
    ws.autosaver.flush()
    with sqlite3.connect(sample_db.path) as connection:
        texts = [t for (t,) in connection.execute("SELECT text FROM paragraph")]
    assert "Copied words and Copied words" in texts
    window.action_map[ActionId.SELECT_ALL].trigger()
    assert editor.textCursor().selectedText().startswith(editor.document().begin().text())


def test_ctrl_n_makes_a_new_meeting_and_new_database_keeps_its_entry(open_window, sample_db,
                                                                       qtbot):
    window = open_window(sample_db.path)
    assert "New database…" in menu_texts(window, "File")
    assert not window.action_map[ActionId.NEW_DATABASE].shortcuts()
    outcome = drive_modal("newMeetingDialog", lambda dialog: dialog.reject())
    press(qtbot, window.browser.meeting_list, "Ctrl+N")
    qtbot.waitUntil(lambda: bool(outcome))
    assert outcome == ["done"]


def test_open_recent_lists_databases_used_and_reopens_one(open_window, sample_db, tmp_path):
    window = open_window(sample_db.path)
    other = tmp_path / "other.sqlite"
    assert window.new_database_file(other)
    recent = window.findChild(QMenu, "menuOpenRecent")
    recent.aboutToShow.emit()
    entries = [a for a in recent.actions() if not a.isSeparator() and a.data()]
    assert [Path(a.data()) for a in entries] == [other, sample_db.path]
    assert entries[1].text().startswith(f"&2 {sample_db.path.name}")
    entries[1].trigger()
    assert window.database.current.path == sample_db.path


def test_shortcut_sheet_filters_as_you_type(qtbot):
    from clerkdesk.ui.dialogs import ShortcutsDialog

    dialog = ShortcutsDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.filter)
    qtbot.keyClicks(focused(), "export")
    table = dialog.findChild(QTableWidget, "shortcutsTable")
    shown = [table.item(r, 0).text() for r in range(table.rowCount()) if not table.isRowHidden(r)]
    assert shown == ["Export…", "Export as PDF…", "On a problem listed: go to it in the minutes"]
    focused().clear()
    qtbot.keyClicks(focused(), "ctrl+shift+r")
    shown = [table.item(r, 0).text() for r in range(table.rowCount()) if not table.isRowHidden(r)]
    assert shown == ["Flag as request for information…"]
