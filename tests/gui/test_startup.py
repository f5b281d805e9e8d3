"""Start-up: the benchmark probe reports first paint then the reopened meeting with the caret in
the editor (bench/bench_startup.py relies on it), and the meeting list's preview waits while
the last meeting reopens over it."""

import json
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTextBrowser

from clerkdesk.ui.settings import LAST_POSITIONS, Settings

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from startup_runs import app_command, child_environment, prepare, run


def test_probe_reports_first_paint_then_interactive_in_a_real_start(tmp_path):
    setup = prepare(tmp_path, meetings=3, paragraphs=90)  # the benchmark's set-up, small
    started = run(app_command(setup), setup.env)
    assert started.returncode == 0, started.stderr_tail
    assert "interactive" in started.marks, (started.details, started.stderr_tail)
    assert 0 < started.marks["first-paint"] < started.marks["interactive"]
    assert started.details["interactive"].startswith(
        f"caret-in-editor meeting={setup.meeting_id} ")


def test_probe_reports_the_meeting_list_when_no_meeting_reopens(tmp_path):
    setup = prepare(tmp_path, meetings=3, paragraphs=90)
    started = run(app_command(setup), child_environment(tmp_path / "fresh-home"))
    assert started.returncode == 0, started.stderr_tail
    assert "interactive" not in started.marks
    assert 0 < started.marks["first-paint"] < started.marks["list-shown"]
    assert started.details["list-shown"] == "meetings=3"


def preview(window) -> str:
    return window.findChild(QTextBrowser, "minutesView").toPlainText()


def test_list_preview_waits_while_the_last_meeting_reopens(open_window, sample_db, qtbot):
    first = open_window(sample_db.path)
    assert first.open_meeting(sample_db.older_meeting_id)
    first.close()  # remembers the meeting, item and caret

    window = open_window(sample_db.path)
    assert window.meetings.workspace.meeting_id == sample_db.older_meeting_id
    qtbot.waitUntil(lambda: window.browser.meeting_count == 2)  # listed once the editor is up
    assert "Apologies and Substitutes" not in preview(window)
    assert window.meetings.close_meeting()
    assert window.browser.current_meeting_id() == sample_db.newer_meeting_id
    assert "Apologies and Substitutes" in preview(window)


def test_list_preview_shows_at_once_when_the_remembered_meeting_is_gone(open_window, sample_db):
    Settings().set(LAST_POSITIONS, json.dumps({str(sample_db.path): [999, 1, 1, 0]}))
    window = open_window(sample_db.path)
    assert window.meetings.workspace is None
    assert "Apologies and Substitutes" in preview(window)


def test_the_bare_frame_paints_first_and_builds_once(qtbot):
    from clerkdesk.ui.main_window import MainWindow

    window = MainWindow(build=False)  # as `clerkdesk` starts: frame first, contents after paint
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert not window.built and window.menuBar().actions() == []
    window.build()
    menus = [action.text() for action in window.menuBar().actions()]
    window.build()  # a second call changes nothing
    assert window.built and menus and [a.text() for a in window.menuBar().actions()] == menus


def test_closing_before_the_contents_are_built_is_safe(qtbot):
    from clerkdesk.ui.main_window import MainWindow

    window = MainWindow(build=False)
    qtbot.addWidget(window)
    window.show()
    assert window.close()


def test_side_panels_fill_after_the_editor_paints(open_window, sample_db, qtbot):
    window = open_window(sample_db.path)
    assert window.open_meeting(sample_db.older_meeting_id)
    ws = window.meetings.workspace
    assert not ws.side_panels_filled  # the editor comes first
    qtbot.waitUntil(lambda: ws.side_panels_filled)
    assert ws.flags.list.topLevelItemCount() > 0 and ws.roster.model.rows


def test_a_reopened_meeting_loads_only_the_remembered_item(open_window, sample_db, qtbot,
                                                           monkeypatch):
    from clerkdesk.services import workspace

    first = open_window(sample_db.path)
    assert first.open_meeting(sample_db.older_meeting_id)
    ws = first.meetings.workspace
    qtbot.keyClick(ws.editor, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    remembered = ws.editing.item_id
    assert remembered != ws.outline.items[0].id
    first.close()

    loaded: list[int] = []
    real = workspace.item_paragraphs
    monkeypatch.setattr(workspace, "item_paragraphs",
                        lambda db, item_id: loaded.append(item_id) or real(db, item_id))
    window = open_window(sample_db.path)
    assert window.meetings.workspace.editing.item_id == remembered
    assert loaded == [remembered]  # not the first item, then the remembered one


def test_the_meeting_window_code_loads_while_the_list_is_shown(open_window, sample_db, qtbot,
                                                               monkeypatch):
    from clerkdesk.ui import main_window

    preloaded: list[bool] = []
    monkeypatch.setattr(main_window, "_preload_meeting_window", lambda: preloaded.append(True))
    window = open_window(sample_db.path)  # nothing to reopen: the list is shown
    assert window.meetings.workspace is None and not preloaded
    qtbot.waitUntil(lambda: preloaded == [True], timeout=2000)


def test_closing_a_meeting_before_its_side_panels_fill_is_safe(open_window, sample_db, qtbot):
    window = open_window(sample_db.path)
    assert window.open_meeting(sample_db.older_meeting_id)
    assert not window.meetings.workspace.side_panels_filled
    assert window.meetings.close_meeting()  # at once: the fill is still pending
    qtbot.wait(600)  # past the fill's fallback timer; pytest-qt fails on any slot exception
    assert window.meetings.workspace is None
    assert window.open_meeting(sample_db.newer_meeting_id)
    qtbot.waitUntil(lambda: window.meetings.workspace.side_panels_filled)


def test_the_roster_counts_the_quorum_at_the_shown_item_once_filled(open_window, sample_db,
                                                                     qtbot):
    window = open_window(sample_db.path)
    assert window.open_meeting(sample_db.older_meeting_id)
    ws = window.meetings.workspace
    qtbot.waitUntil(lambda: ws.side_panels_filled)
    assert ws.roster.current_item is not None
    assert ws.roster.current_item[0] == ws.editing.item_id
