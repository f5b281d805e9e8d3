"""Empty states say what to do next in one line; the meeting list shows whole committee names
and that Enter opens a meeting."""

import datetime as dt
from pathlib import Path

from PySide6.QtGui import QFontMetrics

from clerkdesk.ui.meeting_list import STATUS_ROLE, title_lines

LONG = "Children's Services, Education and Skills Scrutiny and Performance Sub-Committee"


def test_an_empty_database_says_how_to_make_a_meeting(open_window, tmp_path: Path):
    window = open_window()
    assert window.new_database_file(tmp_path / "empty.sqlite")
    message = window.browser.minutes_view.toPlainText().strip()
    assert "\n" not in message and "Ctrl+N" in message and "Import" in message


def test_an_item_with_no_paragraphs_says_start_typing(open_window, tmp_path: Path):
    from clerkdesk.services.meeting_setup import create_meeting_with_committee
    from clerkdesk.storage.database import open_database

    path = tmp_path / "one.sqlite"
    db = open_database(path)
    meeting = create_meeting_with_committee(db, LONG, "Westmere County Council",
                                            dt.date(2027, 2, 3), dt.time(10), "Room 1", "Budget")
    db.close()
    window = open_window(path)
    list_index = window.browser.model.index(0)
    tip = list_index.data(0x03)  # ToolTipRole
    assert LONG in tip and "Enter opens" in tip
    assert list_index.data(STATUS_ROLE) == "Draft"
    window.open_meeting(meeting)
    editor = window.meetings.workspace.editor
    assert editor.document().isEmpty() or not editor.toPlainText().strip()
    assert editor.placeholderText().startswith("No minutes for this item yet")
    assert "\n" not in editor.placeholderText()


def test_long_committee_names_wrap_onto_a_second_line_whole(qapp):
    metrics = QFontMetrics(qapp.font())
    title = f"3 Feb 2027 — {LONG}"
    width = metrics.horizontalAdvance(title) * 2 // 3
    lines = title_lines(metrics, title, width)
    assert len(lines) == 2 and " ".join(lines) == title
    assert all(metrics.horizontalAdvance(line) <= width for line in lines)
    narrow = title_lines(metrics, title, width // 3)
    assert len(narrow) == 2 and narrow[-1].endswith("…")
