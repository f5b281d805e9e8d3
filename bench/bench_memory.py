"""Peak memory with a generated database (`--size small|large`) against a floor script.

    .venv/bin/python bench/bench_memory.py [--rounds 3] [--size small|large] [--json FILE]

The app is started as in bench_startup.py and quits once it is interactive (the last meeting
reopened, caret in the editor); the floor script paints a bare window, imports SQLAlchemy's ORM
and reads that item's paragraphs in one query. Peak RSS of each process comes from
os.wait4's resource usage (ru_maxrss), median of --rounds runs. Target <= 1.3x: the app must
not hold every paragraph of every meeting in memory.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

from bench_results import Row, add_size_argument, database_label, write_rows
from startup_runs import app_command, floor_command, prepare, run

TARGET = 1.3


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    add_size_argument(parser)
    parser.add_argument("--json", help="write the key figures here for run_all.py")
    args = parser.parse_args(argv)
    peaks: dict[str, list[float]] = {"app": [], "floor": [], "bare": []}
    with tempfile.TemporaryDirectory(prefix="clerkdesk-memory-") as folder:
        setup = prepare(Path(folder), args.size)
        commands = {"app": app_command(setup), "floor": floor_command(setup),
                    "bare": floor_command()}
        for number in range(args.rounds + 1):
            for name, command in commands.items():
                setup.restore_settings()
                result = run(command, setup.env)
                if name == "app" and "interactive" not in result.marks:
                    raise SystemExit(f"the app never became interactive ({result.returncode}, "
                                     f"{result.details}):\n{result.stderr_tail}")
                if number:
                    peaks[name].append(result.peak_rss_mb)
    app, floor, bare = (statistics.median(peaks[name]) for name in ("app", "floor", "bare"))
    ratio = app / floor
    print(f"Peak RSS with {database_label(args.size)} "
          f"(median of {args.rounds})")
    print(f"  app, interactive            {app:6.1f} MB")
    print(f"  floor (window + ORM query)  {floor:6.1f} MB   ratio {ratio:.2f} (<= {TARGET})")
    print(f"  bare QMainWindow            {bare:6.1f} MB")
    write_rows(args.json, [Row(
        "Peak memory, interactive (last meeting open)", f"{app:.0f} MB",
        f"window + ORM import + 1 query {floor:.0f} MB", ratio, f"<= {TARGET}x",
        ratio <= TARGET)])
    return 0


if __name__ == "__main__":
    sys.exit(main())
