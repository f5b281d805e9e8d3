"""Start-up: the benchmark probe reports first paint then the reopened meeting with the caret in
the editor (bench/bench_startup.py relies on it), and the meeting list's preview waits while
the last meeting reopens over it."""

import json
import sys
from pathlib import Path

from PySide6.QtWidgets import QTextBrowser

from clerkdesk.ui.settings import LAST_POSITIONS, Settings

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from startup_runs import app_command, prepare, run  # noqa: E402


def test_probe_reports_first_paint_then_interactive_in_a_real_start(tmp_path):
    setup = prepare(tmp_path, meetings=3, paragraphs=90)  # the benchmark's set-up, small
    started = run(app_command(setup), setup.env)
    assert started.returncode == 0, started.stderr_tail
    assert "interactive" in started.marks, (started.details, started.stderr_tail)
    assert 0 < started.marks["first-paint"] < started.marks["interactive"]
    assert started.details["interactive"].startswith(
        f"caret-in-editor meeting={setup.meeting_id} ")


def preview(window) -> str:  # noqa: ANN001 - MainWindow
    return window.findChild(QTextBrowser, "minutesView").toPlainText()


def test_list_preview_waits_while_the_last_meeting_reopens(open_window, sample_db):
    first = open_window(sample_db.path)
    assert first.open_meeting(sample_db.older_meeting_id)
    first.close()  # remembers the meeting, item and caret

    window = open_window(sample_db.path)
    assert window.meetings.workspace.meeting_id == sample_db.older_meeting_id
    assert "Apologies and Substitutes" not in preview(window)
    assert window.meetings.close_meeting()
    assert window.browser.current_meeting_id() == sample_db.newer_meeting_id
    assert "Apologies and Substitutes" in preview(window)


def test_list_preview_shows_at_once_when_the_remembered_meeting_is_gone(open_window, sample_db):
    Settings().set(LAST_POSITIONS, json.dumps({str(sample_db.path): [999, 1, 1, 0]}))
    window = open_window(sample_db.path)
    assert window.meetings.workspace is None
    assert "Apologies and Substitutes" in preview(window)
