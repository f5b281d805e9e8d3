"""The flags panel reads at a glance: places as 'Item 1, para 2', what each flag is, an icon per
kind with a legend, and the same icon in the minutes' margin."""

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from support.modal import focused

from clerkdesk.domain.enums import FlagKind


def press(qtbot, widget, sequence: str) -> None:
    combination = QKeySequence(sequence)[0]
    qtbot.keyClick(widget, combination.key(), combination.keyboardModifiers())


@pytest.fixture
def meeting(tmp_path: Path):
    from clerkdesk.services.meeting_setup import create_meeting_with_committee
    from clerkdesk.storage.database import open_database

    path = tmp_path / "glance.sqlite"
    db = open_database(path)
    meeting_id = create_meeting_with_committee(
        db, "Harbour Sub-Committee", "Westmere County Council", dt.date(2027, 1, 12),
        dt.time(10), "Council Chamber", "Harbour dredging")
    db.close()
    return path, meeting_id


def entries(panel) -> list[tuple[str, str]]:
    rows = []
    for g in range(panel.list.topLevelItemCount()):
        group = panel.list.topLevelItem(g)
        children = [group.child(i) for i in range(group.childCount())]
        rows += [(c.text(0), c.data(0, Qt.ItemDataRole.AccessibleTextRole)) for c in children]
    return rows


def test_empty_panel_says_what_to_do_next_in_one_line(open_window, meeting, qtbot):
    path, meeting_id = meeting
    window = open_window(path)
    window.open_meeting(meeting_id)
    qtbot.waitUntil(lambda: window.meetings.workspace.side_panels_filled)
    panel = window.meetings.workspace.flags
    only = panel.list.topLevelItem(0)
    assert panel.list.topLevelItemCount() == 1 and "\n" not in only.text(0)
    assert only.text(0).startswith("Nothing flagged yet") and "Ctrl+R" in only.text(0)


def test_request_and_resolution_read_at_a_glance_with_icons_and_legend(open_window, meeting,
                                                                        qtbot):
    path, meeting_id = meeting
    window = open_window(path)
    window.open_meeting(meeting_id)
    ws = window.meetings.workspace
    qtbot.waitUntil(lambda: ws.side_panels_filled)
    editor = ws.editor
    editor.setFocus()
    qtbot.keyClicks(editor, "A Member asked for the dredging costs.")
    press(qtbot, editor, "Ctrl+Shift+R")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), "Harbour Master")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "The Sub-Committee noted the report.")
    press(qtbot, editor, "Ctrl+R")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    ws.autosaver.flush()

    with sqlite3.connect(path) as connection:
        kinds = [k for (k,) in connection.execute("SELECT kind FROM flag ORDER BY id")]
    assert kinds == ["request", "resolution"]
    qtbot.waitUntil(lambda: "noted the report" in entries(ws.flags)[-1][0])  # refreshed
    rows = entries(ws.flags)
    assert rows[0][0] == ("Item 1, para 1 · outstanding\n"
                          "Asked of Harbour Master: A Member asked for the dredging costs.")
    assert rows[1][0].startswith("Item 1, resolution\nNoted: The Sub-Committee noted the report.")
    assert rows[0][1].startswith("Request for information: Item 1, para 1")
    assert rows[1][1].startswith("Resolution: Item 1, resolution")
    assert all(". 1 RESOLVED" not in text for text, _ in rows)
    request_icon = ws.flags.list.topLevelItem(0).child(0).icon(0)
    resolution_icon = ws.flags.list.topLevelItem(1).child(0).icon(0)
    assert not request_icon.isNull() and not resolution_icon.isNull()
    assert request_icon.cacheKey() != resolution_icon.cacheKey()
    legend = ws.flags.legend
    assert [label.text() for label in legend.texts] == [
        "Request", "Resolution", "Action", "Declaration"]
    assert all(label.accessibleName() for label in legend.texts)
    entry = ws.flags.list.topLevelItem(0).child(0)
    line = ws.flags.list.fontMetrics().height()
    ws.flags.list.resize(200, 300)  # a narrow dock: the headline wraps, never cut off
    assert ws.flags.list.visualItemRect(entry).height() >= 3 * line
    kinds_in_margin = editor.numbers.flag_kinds
    assert sorted(kinds_in_margin.values()) == [(FlagKind.REQUEST,), (FlagKind.RESOLUTION,)]
