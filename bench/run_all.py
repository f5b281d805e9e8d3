"""Run every benchmark and print one markdown table of their key figures (`make bench`).

    .venv/bin/python bench/run_all.py [--out bench/results.md] [--readme README.md] [--quick]
                                      [--sizes small,large] [--only bench_open.py,...]

Each script runs in its own process (offscreen Qt) with `--json`, its own output is shown as it
runs; the scripts whose figures depend on the size of the database run once per size (`--size
small`: 200 meetings / 50,000 paragraphs; `--size large`: 5,000 / 1,000,000, generated once
and cached under bench/.cache/). The table — measure, database, value, baseline measured in the
same run, ratio, target, met — is printed, written to bench/results.md, and written into the
README between the `bench-table` markers, with the date, the machine and its load average
before and after. --quick runs fewer rounds (for a smoke check, not for figures).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from bench_results import DATABASES, Row, database_label, read_rows

BENCH = Path(__file__).resolve().parent
README = BENCH.parent / "README.md"
START, END = "<!-- bench-table:start -->", "<!-- bench-table:end -->"
SIZED = True  # the script takes --size and runs once per database size
SCRIPTS: list[tuple[str, list[str], list[str], bool]] = [  # script, args, --quick args, sized
    ("bench_startup.py", [], ["--rounds", "1"], SIZED),
    ("bench_memory.py", [], ["--rounds", "1"], SIZED),
    ("bench_typing.py", [], ["--keys", "300"], False),
    ("bench_open.py", [], [], SIZED),
    ("bench_export.py", [], [], SIZED),
    ("bench_people_filter.py", [], [], False),
    ("bench_open_checks.py", [], [], SIZED),
    ("bench_search.py", [], [], SIZED),
    ("bench_spelling.py", [], ["--rounds", "1"], False),
    ("bench_team_open.py", [], [], False),
    ("bench_team_live.py", [], ["--rounds", "5"], False),
    ("bench_import.py", [], ["--quick"], False),
]


def run_script(name: str, arguments: list[str], folder: Path, size: str | None) -> list[Row] | str:
    """The script's rows (on the database of `size`, when it takes one), or why there are none."""
    sized = ["--size", size] if size else []
    out = folder / f"{name}-{size or 'any'}.json"
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    print(f"\n== {name} {' '.join(sized)} ==", flush=True)
    done = subprocess.run([sys.executable, str(BENCH / name), *arguments, *sized,
                           "--json", str(out)], env=env, cwd=BENCH.parent)
    if not out.exists():  # a missed target exits 1 too, but its rows say so ("Met? no")
        return f"{name} {' '.join(sized)} failed (exit code {done.returncode})"
    rows = read_rows(out)
    label = database_label(size) if size else "-"
    return [row if row.database != "-" else replace(row, database=label) for row in rows]


def table(rows: list[Row]) -> str:
    lines = ["| Measure | Database | Value | Baseline (same run) | Ratio | Target | Met? |",
             "|---|---|---|---|---|---|---|"]
    for row in rows:
        ratio = f"{row.ratio:.2f}x" if row.ratio is not None else "-"
        met = "-" if row.target == "-" else "yes" if row.met else "**no**"
        lines.append(f"| {row.measure} | {row.database} | {row.value} | {row.baseline} | "
                     f"{ratio} | {row.target} | {met} |")
    return "\n".join(lines)


def into_readme(readme: Path, text: str) -> bool:
    """Put `text` between the README's bench-table markers; False when they are missing."""
    old = readme.read_text(encoding="utf-8")
    start, end = old.find(START), old.find(END)
    if start < 0 or end < start:
        return False
    readme.write_text(f"{old[:start + len(START)]}\n{text}{old[end:]}", encoding="utf-8")
    return True


def load() -> str:
    return "/".join(f"{figure:.1f}" for figure in os.getloadavg())


def machine() -> str:
    from PySide6 import __version__ as pyside

    return (f"{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, "
            f"{platform.system()} {platform.machine()}, "
            f"{os.cpu_count()} CPUs, Python {platform.python_version()}, PySide6 {pyside}, "
            f"Qt platform {os.environ.get('QT_QPA_PLATFORM', 'offscreen')}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=BENCH / "results.md")
    parser.add_argument("--readme", type=Path, default=README,
                        help="write the table between its bench-table markers")
    parser.add_argument("--quick", action="store_true", help="fewer rounds: a smoke check")
    parser.add_argument("--sizes", default=",".join(DATABASES),
                        help="database sizes for the sized scripts (small,large)")
    parser.add_argument("--only", help="only these scripts (comma-separated file names)")
    args = parser.parse_args(argv)
    sizes = [size for size in args.sizes.split(",") if size]
    chosen = set(args.only.split(",")) if args.only else None
    rows: list[Row] = []
    failures: list[str] = []
    started, load_before = time.monotonic(), load()
    with tempfile.TemporaryDirectory(prefix="clerkdesk-bench-") as folder:
        for name, arguments, quick, sized in SCRIPTS:
            if chosen is not None and name not in chosen:
                continue
            for size in sizes if sized else [None]:
                result = run_script(name, quick if args.quick else arguments, Path(folder), size)
                if isinstance(result, str):
                    failures.append(result)
                else:
                    rows += result
    minutes = (time.monotonic() - started) / 60
    text = (f"{table(rows)}\n\nMeasured {machine()}; load average (1/5/15 min) {load_before} "
            f"before and {load()} after; `make bench` took {minutes:.0f} min.\n")
    if failures:
        text += "".join(f"\nNot measured: {failure}" for failure in failures) + "\n"
    print("\n" + text)
    args.out.write_text(text, encoding="utf-8")
    print(f"(written to {args.out})")
    if args.quick or chosen is not None:
        print("(a --quick or --only run: the README table is left as it was)")
    elif into_readme(args.readme, text):
        print(f"(written into {args.readme} between the bench-table markers)")
    else:
        print(f"({args.readme} has no bench-table markers: not written there)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
