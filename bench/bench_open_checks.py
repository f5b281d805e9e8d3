"""Cost of the checks run before a database is opened for writing (header, tables, -wal, and
SQLite's `PRAGMA quick_check`), on the large database of bench/generate_db.py.

Usage: .venv/bin/python bench/bench_open_checks.py     (target: quick check < 250 ms there)
"""

import argparse
import sqlite3
import sys
import tempfile
from pathlib import Path

from bench_results import Row, median_seconds, ms, write_rows
from generate_db import generate

from clerkdesk.storage import inspect_file
from clerkdesk.storage.database import open_database

TARGET_MS = 250



def quick_check(path: Path) -> None:
    connection = sqlite3.connect(inspect_file.read_only_uri(path, settled=True), uri=True)
    try:
        assert connection.execute("PRAGMA quick_check(1)").fetchone()[0] == "ok"
    finally:
        connection.close()


def open_and_close(path: Path) -> None:
    open_database(path).close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", help="write the key figures here for run_all.py")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        path = generate(Path(folder) / "large.sqlite")
        size_mb = path.stat().st_size / 1e6
        whole = median_seconds(lambda: open_and_close(path))
        check = median_seconds(lambda: quick_check(path))
    print(f"database:                      {size_mb:.1f} MB")
    print(f"open_database, all checks:     {ms(whole)}")
    print(f"  of which PRAGMA quick_check: {ms(check)}  (target < {TARGET_MS} ms)")
    write_rows(args.json, [
        Row(f"Open the large database for writing ({size_mb:.0f} MB), all checks", ms(whole),
            f"of which quick_check {ms(check)}", None, "-", True),
        Row("PRAGMA quick_check on the large database", ms(check), "-", None,
            f"< {TARGET_MS} ms", check * 1000 < TARGET_MS),
    ])
    return 0 if check * 1000 < TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
