"""Opening a 300-paragraph meeting in the live-minutes window, and switching agenda items.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_open.py [--json FILE]

A database from bench/generate_db.py holds meetings of 300 paragraphs each, spread over 6-12
agenda items; one more meeting has all 300 in a single item (the editor's worst case). Each
figure runs in the real MainWindow: `open_meeting` (the workspace with agenda, editor, flags and
roster panels, timed until the panels, which load just after the editor's first paint, are
filled) or the Next item key (Ctrl+PgDown), timed until the event loop has painted the result.
Opening is repeated (close, reopen); the first, cold open also loads the meeting window's code.
Target: under 150 ms each (the slowest run counts).
The editor alone (no workspace) is timed by bench_typing.py.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from bench_results import Row, ms, write_rows
from generate_db import generate
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from support.refleak import shield

PARAGRAPHS = 300
OPENS = 7
TARGET_S = 0.150


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    QApplication.processEvents()
    return time.perf_counter() - start


def add_single_item_meeting(path: Path) -> int:
    """A meeting whose one item holds PARAGRAPHS paragraphs (copied from the generated ones)."""
    from clerkdesk.services.committees import find_or_create_committee
    from clerkdesk.services.meetings import add_item_in, create_meeting_in
    from clerkdesk.services.paragraphs import add_paragraph_in
    from clerkdesk.storage.database import open_database
    from clerkdesk.storage.models import Paragraph

    db = open_database(path)
    try:
        with db.transaction() as session:
            texts = session.query(Paragraph.text, Paragraph.level).limit(PARAGRAPHS).all()
            committee = find_or_create_committee(session, "Planning Committee", "")
            meeting = create_meeting_in(session, committee.id, dt.date(2030, 1, 1))
            item = add_item_in(session, meeting.id, "Local Plan Review")
            for text, level in texts:
                add_paragraph_in(session, item.id, text, level)
            return meeting.id
    finally:
        db.close()


def open_fully(window, meeting_id: int) -> float:  # noqa: ANN001
    """Seconds until the meeting is open and painted with its side panels filled (they load
    just after the editor's first paint)."""
    start = time.perf_counter()
    window.open_meeting(meeting_id)
    QApplication.processEvents()
    while not window.meetings.workspace.side_panels_filled:
        QApplication.processEvents()
    return time.perf_counter() - start


def open_times(window, meeting_id: int, shown: int | None = None) -> list[float]:  # noqa: ANN001
    """Seconds to open the meeting, OPENS times; `shown`: paragraphs the editor must show."""
    times = []
    for _ in range(OPENS):
        times.append(open_fully(window, meeting_id))
        count = len(window.meetings.workspace.editor.paragraphs.ids())
        if shown is not None and count != shown:
            raise SystemExit(f"the editor shows {count} paragraphs, not {shown}")
        window.meetings.close_meeting()
        QApplication.processEvents()
    return times


def switch_times(window, meeting_id: int) -> list[float]:  # noqa: ANN001
    window.open_meeting(meeting_id)
    workspace = window.meetings.workspace
    editor = workspace.editor
    editor.setFocus()
    QApplication.processEvents()
    count = len(workspace.outline.items)
    times = []
    for key in [Qt.Key.Key_PageDown] * (count - 1) + [Qt.Key.Key_PageUp] * (count - 1):
        times.append(timed(lambda key=key: QTest.keyClick(
            editor, key, Qt.KeyboardModifier.ControlModifier)))
    if workspace.editing.item_id != workspace.outline.items[0].id:
        raise SystemExit("Ctrl+PgDown / Ctrl+PgUp did not step through the agenda")
    window.meetings.close_meeting()
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", help="write the key figures here for run_all.py")
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication([])
    shield()
    with tempfile.TemporaryDirectory(prefix="clerkdesk-open-") as folder:
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)  # never the user's settings
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
        path = generate(Path(folder) / "open.sqlite", meetings=3, paragraphs=3 * PARAGRAPHS)
        single = add_single_item_meeting(path)
        from clerkdesk.ui.main_window import MainWindow

        window = MainWindow()
        window.show()
        window.start(str(path), False)
        QApplication.processEvents()
        first = open_fully(window, 1)
        window.meetings.close_meeting()
        opens = open_times(window, 2)
        single_opens = open_times(window, single, PARAGRAPHS)
        switches = switch_times(window, 2)
        window.close()
        app.processEvents()

    slowest = {"open": max(opens), "single": max(single_opens), "switch": max(switches)}
    print(f"Live-minutes window, {PARAGRAPHS}-paragraph meetings (median / slowest of "
          f"{OPENS} opens; {len(switches)} item switches)")
    print(f"  first open (cold: imports the workspace) {first * 1000:6.1f} ms")
    print(f"  open, items of 6-12                      {statistics.median(opens) * 1000:6.1f} / "
          f"{slowest['open'] * 1000:.1f} ms (< 150)")
    print(f"  open, one {PARAGRAPHS}-paragraph item             "
          f"{statistics.median(single_opens) * 1000:6.1f} / {slowest['single'] * 1000:.1f} ms "
          "(< 150)")
    print(f"  switch item (Ctrl+PgDown/PgUp)           {statistics.median(switches) * 1000:6.1f} / "
          f"{slowest['switch'] * 1000:.1f} ms (< 150)")
    rows = [
        Row("First open after start-up (cold: loads the meeting window's code)", ms(first), "-",
            None, "< 150 ms", first < TARGET_S),
        Row(f"Open a {PARAGRAPHS}-paragraph meeting (agenda of 6-12 items)",
            f"{ms(statistics.median(opens))} (slowest {ms(slowest['open'])})", "-", None,
            "< 150 ms", slowest["open"] < TARGET_S),
        Row(f"Open a meeting whose one item has {PARAGRAPHS} paragraphs",
            f"{ms(statistics.median(single_opens))} (slowest {ms(slowest['single'])})", "-",
            None, "< 150 ms", slowest["single"] < TARGET_S),
        Row("Switch agenda item (Ctrl+PgDown)",
            f"{ms(statistics.median(switches))} (slowest {ms(slowest['switch'])})", "-", None,
            "< 150 ms", slowest["switch"] < TARGET_S),
    ]
    write_rows(args.json, rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
