"""Run every benchmark and print one markdown table of their key figures (`make bench`).

    .venv/bin/python bench/run_all.py [--out bench/results.md] [--quick]

Each script runs in its own process (offscreen Qt) with `--json`, its own output is shown as it
runs, and the table — measure, value, baseline measured in the same run, ratio, target, met —
is printed and written to bench/results.md with a line about the machine. --quick runs fewer
rounds (for a smoke check, not for figures).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_results import Row, read_rows

BENCH = Path(__file__).resolve().parent
SCRIPTS: list[tuple[str, list[str], list[str]]] = [  # script, arguments, --quick arguments
    ("bench_startup.py", [], ["--rounds", "1"]),
    ("bench_memory.py", [], ["--rounds", "1"]),
    ("bench_typing.py", [], ["--keys", "300"]),
    ("bench_open.py", [], []),
    ("bench_export.py", [], []),
    ("bench_people_filter.py", [], []),
    ("bench_open_checks.py", [], []),
    ("bench_search.py", [], []),
    ("bench_spelling.py", [], ["--rounds", "1"]),
    ("bench_team_open.py", [], []),
    ("bench_team_live.py", [], ["--rounds", "5"]),
    ("bench_import.py", [], ["--quick"]),
]


def run_script(name: str, arguments: list[str], folder: Path) -> list[Row] | str:
    """The script's rows, or why there are none."""
    out = folder / f"{name}.json"
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    print(f"\n== {name} ==", flush=True)
    done = subprocess.run([sys.executable, str(BENCH / name), *arguments, "--json", str(out)],
                          env=env, cwd=BENCH.parent)
    if not out.exists():  # a missed target exits 1 too, but its rows say so ("Met? no")
        return f"{name} failed (exit code {done.returncode})"
    return read_rows(out)


def table(rows: list[Row]) -> str:
    lines = ["| Measure | Value | Baseline (same run) | Ratio | Target | Met? |",
             "|---|---|---|---|---|---|"]
    for row in rows:
        ratio = f"{row.ratio:.2f}x" if row.ratio is not None else "-"
        met = "-" if row.target == "-" else "yes" if row.met else "**no**"
        lines.append(f"| {row.measure} | {row.value} | {row.baseline} | {ratio} | "
                     f"{row.target} | {met} |")
    return "\n".join(lines)


def machine() -> str:
    from PySide6 import __version__ as pyside

    return (f"{dt.date.today().isoformat()}, {platform.system()} {platform.machine()}, "
            f"{os.cpu_count()} CPUs, Python {platform.python_version()}, PySide6 {pyside}, "
            f"Qt platform {os.environ.get('QT_QPA_PLATFORM', 'offscreen')}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=BENCH / "results.md")
    parser.add_argument("--quick", action="store_true", help="fewer rounds: a smoke check")
    args = parser.parse_args(argv)
    rows: list[Row] = []
    failures: list[str] = []
    with tempfile.TemporaryDirectory(prefix="clerkdesk-bench-") as folder:
        for name, arguments, quick in SCRIPTS:
            result = run_script(name, quick if args.quick else arguments, Path(folder))
            if isinstance(result, str):
                failures.append(result)
            else:
                rows += result
    text = f"{table(rows)}\n\nMeasured {machine()}.\n"
    if failures:
        text += "".join(f"\nNot measured: {failure}" for failure in failures) + "\n"
    print("\n" + text)
    args.out.write_text(text, encoding="utf-8")
    print(f"(written to {args.out})")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
