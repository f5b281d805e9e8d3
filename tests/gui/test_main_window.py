"""The main window: meetings list, minutes view, opening/creating databases, start-up choices."""

import importlib.util
import os
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel, QListView, QTableWidget, QTextBrowser

from clerkdesk.ui.actions import ActionId
from clerkdesk.ui.meeting_list import STATUS_ROLE

# The offscreen platform warns on every top-level show; nothing ClerkDesk can act on.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def meeting_list(window) -> QListView:
    return window.findChild(QListView, "meetingList")


def minutes_view(window) -> QTextBrowser:
    return window.findChild(QTextBrowser, "minutesView")


def list_texts(window) -> list[str]:
    model = meeting_list(window).model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_meetings_listed_newest_first_with_status(open_window, sample_db):
    window = open_window(sample_db.path)
    assert list_texts(window) == [
        "11 Jul 2023 — SEND Sub-Committee",
        "6 Jun 2023 — SEND Sub-Committee",
    ]
    assert meeting_list(window).model().index(0, 0).data(STATUS_ROLE) == "Draft"
    assert window.windowTitle().startswith("sample.sqlite")
    assert window.findChild(QLabel, "meetingCountLabel").text() == "2 meetings"
    assert window.findChild(QLabel, "databaseLabel").text() == str(sample_db.path)


def test_arrow_key_selects_meeting_and_shows_its_minutes(open_window, sample_db, qtbot):
    window = open_window(sample_db.path)
    view, listing = minutes_view(window), meeting_list(window)
    assert "Apologies and Substitutes" in view.toPlainText()  # the newest is shown first
    assert "introduced the report" not in view.toPlainText()

    qtbot.keyClick(listing, Qt.Key.Key_Down)

    assert window.browser.current_meeting_id() == sample_db.older_meeting_id
    text = view.toPlainText()
    assert "Minutes of a meeting held on 6 June 2023, Maidstone" in text
    assert re.search(r"1\)\s+Mr Love introduced the report\.", text)
    assert re.search(r"2\)\s+A Member asked about waiting lists & <timescales>\.", text)
    assert re.search(r"a\)\s+Sarah Hammond would reply in writing\.", text)
    assert "RESOLVED – The Sub-Committee noted the report." in text
    assert "Information requested: Waiting list figures" in text
    # The list's preview is the public version: an exempt item shows the committee's line.
    assert "This item was considered in private." in text and "paragraph 3 of Schedule 12A" in text

    qtbot.keyClick(listing, Qt.Key.Key_Up)
    assert "introduced the report" not in view.toPlainText()


def test_unreadable_file_is_refused_and_previous_database_stays_open(
    open_window, sample_db, captured_errors, tmp_path
):
    window = open_window(sample_db.path)
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(os.urandom(4096))
    before = junk.read_bytes()

    assert window.open_database_file(junk) is False

    assert len(captured_errors) == 1
    assert "junk.sqlite" in captured_errors[0][1]
    assert junk.read_bytes() == before
    assert window.database.current.path == sample_db.path
    assert window.windowTitle().startswith("sample.sqlite")
    assert len(list_texts(window)) == 2


def test_new_database_opens_empty_and_never_overwrites(
    open_window, sample_db, captured_errors, tmp_path
):
    window = open_window(sample_db.path)
    fresh = tmp_path / "fresh.sqlite"

    assert window.new_database_file(fresh) is True
    assert fresh.is_file()
    assert list_texts(window) == []
    assert window.windowTitle().startswith("fresh.sqlite")
    assert window.findChild(QLabel, "meetingCountLabel").text() == "0 meetings"
    assert "No meetings yet" in minutes_view(window).toPlainText()

    before = sample_db.path.read_bytes()
    assert window.new_database_file(sample_db.path) is False
    assert "already exists" in captured_errors[0][1]
    assert sample_db.path.read_bytes() == before
    assert window.database.current.path == fresh


def test_open_file_dialog_action_opens_the_chosen_file(
    open_window, sample_db, tmp_path, monkeypatch
):
    from clerkdesk.ui import dialogs

    window = open_window(tmp_path / "first.sqlite")
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *_args: sample_db.path)

    window.action_map[ActionId.OPEN_DATABASE].trigger()

    assert window.database.current.path == sample_db.path
    assert len(list_texts(window)) == 2


def test_bad_start_up_database_leaves_a_usable_window(open_window, captured_errors, tmp_path):
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database at all" * 100)

    window = open_window(junk)

    assert captured_errors and "junk.sqlite" in captured_errors[0][1]
    assert window.database.current is None
    assert window.windowTitle() == "ClerkDesk"
    assert "No database is open" in minutes_view(window).toPlainText()
    assert window.action_map[ActionId.OPEN_DATABASE].isEnabled()


def test_last_database_is_reopened_only_for_the_default_location(
    open_window, sample_db, tmp_path
):
    first = open_window(sample_db.path)
    first.close()
    default = tmp_path / "data" / "clerkdesk.sqlite"

    reopened = open_window(default, is_default=True)
    assert reopened.database.current.path == sample_db.path
    assert not default.exists()
    reopened.close()

    explicit = tmp_path / "explicit.sqlite"
    chosen = open_window(explicit, is_default=False)
    assert chosen.database.current.path == explicit


def test_unreadable_remembered_database_falls_back_to_the_default(
    open_window, captured_errors, tmp_path
):
    from clerkdesk.ui.settings import LAST_DATABASE, Settings

    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database" * 50)
    Settings().set(LAST_DATABASE, str(junk))
    default = tmp_path / "data" / "clerkdesk.sqlite"

    window = open_window(default, is_default=True)

    assert "junk.sqlite" in captured_errors[0][1]
    assert window.database.current.path == default


@pytest.mark.skipif(importlib.util.find_spec("clerkdesk.services.demo") is None,
                    reason="the demo service is not in this checkout")
def test_first_run_of_default_database_creates_folder_and_demo(open_window, tmp_path):
    default = tmp_path / "new-folder" / "clerkdesk.sqlite"
    window = open_window(default, is_default=True)
    assert default.is_file()
    assert len(list_texts(window)) == 1
    assert minutes_view(window).toPlainText().strip()


def test_geometry_and_splitter_remembered(open_window, sample_db, qtbot):
    first = open_window(sample_db.path)
    first.resize(720, 520)  # the offscreen screen is 800x600
    first.browser.setSizes([250, 470])
    sizes = first.browser.sizes()
    first.close()

    second = open_window(sample_db.path)
    assert (second.width(), second.height()) == (720, 520)
    assert second.browser.sizes() == sizes


def test_actions_use_standard_shortcuts(open_window):
    window = open_window()
    open_action = window.action_map[ActionId.OPEN_DATABASE]
    assert open_action.shortcuts() == QKeySequence.keyBindings(QKeySequence.StandardKey.Open)
    assert window.action_map[ActionId.NEW_MEETING].shortcuts() == QKeySequence.keyBindings(
        QKeySequence.StandardKey.New)  # Ctrl+N: the common action, as in Word
    assert not window.action_map[ActionId.NEW_DATABASE].shortcuts()
    assert window.action_map[ActionId.QUIT].shortcuts()  # Ctrl+Q where the platform has none
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&File", "&Edit", "Fla&gs", "&Agenda", "&Meeting", "&Review", "&Help"]


def test_no_two_actions_share_a_shortcut(open_window):
    from clerkdesk.ui.actions import EditorKey

    window = open_window()
    seen: dict[str, str] = {}
    for action in window.action_map.values():
        for sequence in action.shortcuts():
            text = sequence.toString(QKeySequence.SequenceFormat.PortableText)
            assert text not in seen, f"{text} is used by {seen.get(text)} and {action.text()}"
            seen[text] = action.text()
    for key in EditorKey:
        assert QKeySequence(key.value).toString() not in seen, f"{key} clashes with an action"


def test_shortcuts_dialog_lists_every_action(qtbot):
    from clerkdesk.ui.actions import ACTIONS, keyboard_rows
    from clerkdesk.ui.dialogs import ShortcutsDialog

    dialog = ShortcutsDialog()
    qtbot.addWidget(dialog)
    table = dialog.findChild(QTableWidget, "shortcutsTable")
    names = [table.item(row, 0).text() for row in range(table.rowCount())]
    assert names == [text for _where, text, _keys in keyboard_rows()]
    assert set(names) >= {spec.text.replace("&", "") for spec in ACTIONS}
    assert "Make the paragraph a sub-point of the one above" in names
    open_row = names.index("Open database…")
    expected = QKeySequence(QKeySequence.StandardKey.Open).toString(
        QKeySequence.SequenceFormat.NativeText)
    assert expected in table.item(open_row, 1).text()


def test_widgets_have_accessible_names(open_window):
    window = open_window()
    assert meeting_list(window).accessibleName() == "Meetings"
    assert minutes_view(window).accessibleName() == "Minutes"
    assert minutes_view(window).isReadOnly()


def test_screenshot_smoke(open_window, sample_db, tmp_path: Path):
    window = open_window(sample_db.path)
    shot = tmp_path / "main-window.png"
    assert window.grab().save(str(shot))
    assert shot.stat().st_size > 1000


def test_run_gui_paints_then_opens_the_database_and_remembers_it(sample_db, qapp):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from clerkdesk.ui.app import application_icon, run_gui
    from clerkdesk.ui.main_window import MainWindow
    from clerkdesk.ui.settings import LAST_DATABASE, Settings

    seen: list[int] = []

    def close_when_loaded() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        if windows and windows[0].database.current is not None:
            seen.append(windows[0].browser.meeting_count)
            windows[0].close()
        elif len(seen) == 0:
            QTimer.singleShot(20, close_when_loaded)

    QTimer.singleShot(20, close_when_loaded)
    QTimer.singleShot(5000, qapp.quit)  # never hang the suite

    assert run_gui(str(sample_db.path), False) == 0
    assert seen == [2]
    assert Settings().get(LAST_DATABASE) == str(sample_db.path)
    assert not application_icon().isNull()
