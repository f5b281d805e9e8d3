"""Cost of the checks run before a database is opened for writing (header, tables, -wal, and
SQLite's `PRAGMA quick_check`), on a generated database (bench/generate_db.py, `--size`).

Usage: .venv/bin/python bench/bench_open_checks.py [--size small|large]
       (target: quick check < 250 ms on the small one)

The quick check reads the whole file, so it grows with it; a file this computer's ClerkDesk
closed cleanly and nothing touched since opens without it (storage/checked_files.py, re-checked
weekly): both opens are timed.
"""

import argparse
import os
import sqlite3
import sys
import tempfile
from pathlib import Path

from bench_results import DATABASES, Row, add_size_argument, median_seconds, ms, write_rows
from generate_db import copy_to

from clerkdesk.storage import checked_files, inspect_file
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


def open_unvouched(path: Path) -> None:
    """An open that runs every check: the file as if brought from another computer."""
    checked_files.record_path().unlink(missing_ok=True)
    open_database(path).close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", help="write the key figures here for run_all.py")
    add_size_argument(parser)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        os.environ["XDG_DATA_HOME"] = folder  # the record of checked files: never the user's
        path = copy_to(Path(folder), *DATABASES[args.size])
        size_mb = path.stat().st_size / 1e6
        whole = median_seconds(lambda: open_unvouched(path))
        check = median_seconds(lambda: quick_check(path))
        vouched = median_seconds(lambda: open_and_close(path))
    print(f"database:                      {size_mb:.1f} MB")
    print(f"open_database, all checks:     {ms(whole)}")
    print(f"  of which PRAGMA quick_check: {ms(check)}")
    print(f"open_database, closed cleanly here before: {ms(vouched)}  (target < {TARGET_MS} ms)")
    write_rows(args.json, [
        Row(f"Open the database for writing ({size_mb:.0f} MB), all checks (a file from "
            "elsewhere)", ms(whole), f"of which quick_check {ms(check)}", None, "-", True),
        Row("Open the database for writing, closed cleanly here before (no quick_check)",
            ms(vouched), f"all checks {ms(whole)}", vouched / whole, f"< {TARGET_MS} ms",
            vouched * 1000 < TARGET_MS),
    ])
    return 0 if vouched * 1000 < TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
