"""Start-up time with a generated database (`--size`: small 200 meetings / 50,000 paragraphs,
large 5,000 / 1,000,000), in two figures.

    .venv/bin/python bench/bench_startup.py [--rounds 11] [--size small|large] [--json FILE]

1. First paint: process start to the main window's first paint, against a bare PySide6
   QMainWindow script (bench/floor_window.py). Target <= 1.3x.
2. Interactive: process start to the reopened meeting's editor painted with the caret in it
   (the last meeting of the last session, as a clerk reopens the app), against a floor script
   that paints a bare window, imports SQLAlchemy's ORM and reads the same item's paragraphs in
   one query. Target <= 1.3x.
3. Meeting list: process start to the meeting list painted with its meetings (a database
   with no meeting to reopen, so the list is what the clerk sees first), against the same
   floor. Target <= 1.3x. This is the figure the number of meetings in the file could grow.

Every figure is the median of --rounds runs, each a new process; the kinds of run alternate so
machine load hits all alike, and one first round (cold caches, bytecode, the daily backup) is
dropped. How the app is started and instrumented: bench/startup_runs.py.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from bench_results import Row, add_size_argument, database_label, ms, write_rows
from startup_runs import Run, app_command, child_environment, floor_command, prepare, run

TARGET = 1.3


def collect(rounds: int, size: str) -> dict[str, list[Run]]:
    with tempfile.TemporaryDirectory(prefix="clerkdesk-startup-") as folder:
        setup = prepare(Path(folder), size)
        commands = {"app": app_command(setup), "bare": floor_command(),
                    "floor": floor_command(setup), "list": app_command(setup)}
        fresh = Path(folder) / "home-list"  # settings that remember no meeting
        runs: dict[str, list[Run]] = {name: [] for name in commands}
        for number in range(rounds + 1):
            for name, command in commands.items():
                setup.restore_settings()
                shutil.rmtree(fresh / "config", ignore_errors=True)
                env = child_environment(fresh) if name == "list" else setup.env
                result = run(command, env)
                if number:  # the first round only warms caches
                    runs[name].append(result)
    return runs


def median_mark(runs: list[Run], mark: str) -> float:
    missing = [r for r in runs if mark not in r.marks]
    if missing:
        raise SystemExit(f"a run never reported {mark!r} (exit code {missing[0].returncode}, "
                         f"{missing[0].details}):\n{missing[0].stderr_tail}")
    return statistics.median(r.marks[mark] for r in runs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=11)
    add_size_argument(parser)
    parser.add_argument("--json", help="write the key figures here for run_all.py")
    args = parser.parse_args(argv)
    runs = collect(args.rounds, args.size)

    paint = median_mark(runs["app"], "first-paint")
    bare = median_mark(runs["bare"], "first-paint")
    ready = median_mark(runs["app"], "interactive")
    floor = median_mark(runs["floor"], "interactive")
    listed = median_mark(runs["list"], "list-shown")
    caret_ok = all(r.details["interactive"].startswith("caret-in-editor") for r in runs["app"])
    rows = [
        Row("Start-up: first paint of the main window", ms(paint),
            f"bare QMainWindow {ms(bare)}", paint / bare, f"<= {TARGET}x", paint / bare <= TARGET),
        Row("Start-up: interactive (last meeting open, caret in editor)", ms(ready),
            f"window + ORM import + 1 query {ms(floor)}", ready / floor, f"<= {TARGET}x",
            ready / floor <= TARGET and caret_ok),
        Row("Start-up: meeting list shown (no meeting to reopen)", ms(listed),
            f"window + ORM import + 1 query {ms(floor)}", listed / floor, f"<= {TARGET}x",
            listed / floor <= TARGET),
    ]
    print(f"Start-up with {database_label(args.size)}, "
          f"median of {args.rounds} runs each (seconds from process start)")
    print(f"  app first paint     {paint:.3f}   bare QMainWindow    {bare:.3f}   "
          f"ratio {paint / bare:.2f} (<= {TARGET})")
    print(f"  app interactive     {ready:.3f}   floor (ORM + query) {floor:.3f}   "
          f"ratio {ready / floor:.2f} (<= {TARGET})")
    print(f"  app meeting list    {listed:.3f}   floor (ORM + query) {floor:.3f}   "
          f"ratio {listed / floor:.2f} (<= {TARGET})")
    print(f"  app detail: {runs['app'][-1].details['interactive']}; "
          f"{runs['list'][-1].details['list-shown']}")
    if not caret_ok:
        print("MISSED: the app did not reopen the meeting with the caret in the editor")
    write_rows(args.json, rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
