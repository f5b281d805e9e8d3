"""Search all meetings by keyboard: Ctrl+Shift+F, type, Return, Enter opens the paragraph."""

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from clerkdesk.ui.colours import highlight_style
from clerkdesk.ui.search_dialog import HIT_ROLE, HTML_ROLE

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints",
                                       "This plugin does not support raise")
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _stored(path, like: str) -> list[tuple[int, str]]:
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT id, text FROM paragraph WHERE text LIKE ?",
                                  (like,)).fetchall()


def _open_search(window, qtbot):
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F, CTRL_SHIFT)
    dialog = window.search_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(dialog.query.hasFocus, timeout=2000)
    return dialog


def test_from_ctrl_shift_f_to_the_paragraph_by_keyboard(open_window, sample_db, qtbot):
    window = open_window(sample_db.path)
    dialog = _open_search(window, qtbot)
    qtbot.keyClicks(dialog.query, "Hammond")
    qtbot.keyClick(dialog.query, Qt.Key.Key_Return)

    assert dialog.tree.hasFocus()
    hit = dialog.tree.currentIndex().data(HIT_ROLE)
    assert hit.meeting_id == sample_db.older_meeting_id
    assert "Sarah Hammond would reply" in hit.text
    shown = dialog.tree.currentIndex().data(HTML_ROLE)
    assert "{@" not in shown and f'"{highlight_style()}">Sarah Hammond</span>' in shown
    heading = dialog.tree.currentIndex().parent().data(HTML_ROLE)
    assert "6 June 2023" in heading and "SEND Sub-Committee" in heading

    qtbot.keyClick(dialog.tree, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    workspace = window.meetings.workspace
    assert workspace is not None and workspace.meeting_id == sample_db.older_meeting_id
    qtbot.waitUntil(workspace.editor.hasFocus, timeout=2000)
    qtbot.keyClick(workspace.editor, Qt.Key.Key_End)
    qtbot.keyClicks(workspace.editor, " Later")
    assert window.meetings.close_meeting()

    [(paragraph_id, text)] = _stored(sample_db.path, "%would reply in writing%")
    assert paragraph_id == hit.paragraph_id
    assert text.startswith("{@") and text.endswith("} would reply in writing. Later")


def test_exempt_items_are_searched_only_when_asked_and_marked(open_window, sample_db, qtbot):
    window = open_window(sample_db.path)
    dialog = _open_search(window, qtbot)
    qtbot.keyClicks(dialog.query, "commercial terms")
    qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    assert dialog.model.rowCount() == 0 and "0 results" in dialog.notice.text()

    dialog.exempt.setFocus()
    qtbot.keyClick(dialog.exempt, Qt.Key.Key_Space)
    group = dialog.model.index(0, 0)
    hit_row = dialog.model.index(0, 0, group)
    assert hit_row.data(HIT_ROLE).item_exempt and "EXEMPT" in hit_row.data(HTML_ROLE)


def test_a_query_that_cannot_be_read_says_so_in_one_line(open_window, sample_db, qtbot):
    window = open_window(sample_db.path)
    dialog = _open_search(window, qtbot)
    qtbot.keyClicks(dialog.query, '"waiting lists')
    qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    assert 'no closing "' in dialog.notice.text() and dialog.model.rowCount() == 0


def test_filters_chosen_by_keyboard_narrow_the_results(open_window, sample_db, qtbot):
    window = open_window(sample_db.path)
    dialog = _open_search(window, qtbot)
    qtbot.keyClicks(dialog.query, "waiting OR reply OR report")
    qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    assert dialog.model.rowCount() == 1  # one meeting
    everything = dialog.model.rowCount(dialog.model.index(0, 0))
    dialog.flag_kind.setFocus()
    qtbot.keyClick(dialog.flag_kind, Qt.Key.Key_Down)  # Any paragraph -> Request
    hits = [dialog.model.index(row, 0, dialog.model.index(0, 0)).data(HIT_ROLE)
            for row in range(dialog.model.rowCount(dialog.model.index(0, 0)))]
    assert 0 < len(hits) < everything
    assert all(hit.kind == "request" or "waiting" in hit.text for hit in hits)
    dialog.status.setFocus()
    qtbot.keyClick(dialog.status, Qt.Key.Key_Down)  # Any status -> Draft
    qtbot.keyClick(dialog.status, Qt.Key.Key_Down)  # -> Approved
    assert dialog.model.rowCount() == 0


def test_opening_another_database_closes_the_search_of_the_old_one(
        open_window, sample_db, qtbot, tmp_path):
    window = open_window(sample_db.path)
    dialog = _open_search(window, qtbot)
    assert window.new_database_file(tmp_path / "other.sqlite")
    assert not dialog.isVisible() and window.search_dialog is None
    window.activateWindow()  # offscreen has no window manager to hand the focus back
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    again = _open_search(window, qtbot)
    qtbot.keyClicks(again.query, "Hammond")
    qtbot.keyClick(again.query, Qt.Key.Key_Return)
    assert again.model.rowCount() == 0
