"""Import speed: plain-text minutes of 1 MB and 2 MB through `import_file` (read, parse, write
one meeting), in MB/s, against parsing the same text without writing it; and 100,000 numbered
paragraphs, which must all be stored.

Usage: .venv/bin/python bench/bench_import.py [--json FILE] [--quick]
       (targets: >= 1 MB/s; 2 MB takes <= 2.5x the CPU time of 1 MB, i.e. about linear)
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from bench_results import Row, write_rows

from clerkdesk.importers.parse import parse_minutes
from clerkdesk.services.imports import import_file
from clerkdesk.services.minutes import load_minutes
from clerkdesk.storage.database import open_database

MB = 1024 * 1024
TARGET_MB_S = 1.0
TARGET_SCALING = 2.5
NUMBERED = 100_000
HEADING = ("Planning Committee\nMinutes of the meeting held on 5 May 2026 at 7.00 pm\n\n"
           "Present: Councillor Ada Quill (Chair), Councillors Ben Ostrow and Cai Merrin\n\n")
ITEM = ("{n}. Planning application 26/{n:04d}\n\n"
        "1) Councillor Ben Ostrow asked about the parking provision for application {n}.\n\n"
        "2) The Head of Planning explained that the highway authority had raised no objection "
        "and that the scheme met the adopted standards for the area.\n\n"
        "a) Members noted the report.\n\n"
        "b) Councillor Cai Merrin asked for the drainage details to be circulated.\n\n"
        "RESOLVED – That application 26/{n:04d} be approved subject to conditions.\n\n")


def minutes_text(size: int) -> str:
    parts, total, n = [HEADING], len(HEADING), 0
    while total < size:
        n += 1
        parts.append(ITEM.format(n=n))
        total += len(parts[-1])
    return "".join(parts)


def numbered_text(count: int) -> str:
    body = "".join(f"{n}) The committee noted report {n}.\n" for n in range(1, count + 1))
    return HEADING + "1. Reports\n\n" + body


def timed_import(folder: Path, name: str, text: str) -> tuple[float, float, int]:
    """Seconds (wall clock, and this process's CPU time) to import `text` from a file into a
    new database, and the paragraphs stored."""
    source = folder / f"{name}.txt"
    source.write_text(text, encoding="utf-8")
    db = open_database(folder / f"{name}.sqlite")
    try:
        start, cpu = time.perf_counter(), time.process_time()
        report = import_file(db, source)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        stored = sum(len(item.paragraphs) for item in load_minutes(db, report.meeting_id).items)
    finally:
        db.close()
    return seconds, cpu, stored


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", help="write the key figures here for run_all.py")
    parser.add_argument("--quick", action="store_true", help="smaller files: a smoke check")
    args = parser.parse_args(argv)
    size = MB // 4 if args.quick else MB
    count = NUMBERED // 10 if args.quick else NUMBERED
    one, two = minutes_text(size), minutes_text(2 * size)
    start = time.perf_counter()
    parse_minutes(one)
    parsing = time.perf_counter() - start
    with tempfile.TemporaryDirectory(prefix="clerkdesk-import-") as folder:
        one_s, one_cpu, _ = timed_import(Path(folder), "one", one)
        two_s, two_cpu, _ = timed_import(Path(folder), "two", two)
        numbered_s, _, stored = timed_import(Path(folder), "numbered", numbered_text(count))
    megabytes = len(one.encode()) / MB
    rate, cpu_rate = megabytes / one_s, megabytes / one_cpu
    parse_rate = megabytes / parsing
    scaling = two_cpu / one_cpu  # CPU time: the growth with size, whatever else the machine runs
    load = os.getloadavg()[0]
    print(f"{megabytes:.2f} MB import: {one_s:.2f} s = {rate:.2f} MB/s; CPU time {one_cpu:.2f} s "
          f"= {cpu_rate:.2f} MB/s (parsing alone {parse_rate:.2f} MB/s; load average {load:.1f})")
    print(f"{len(two) / MB:.2f} MB import: {two_s:.2f} s; CPU time {two_cpu:.2f} s "
          f"({scaling:.2f}x that of {megabytes:.2f} MB)")
    print(f"{count:,} numbered paragraphs: {stored:,} stored in {numbered_s:.2f} s")
    rows = [
        Row(f"Text import throughput, {megabytes:.1f} MB of minutes", f"{rate:.2f} MB/s",
            f"parsing alone {parse_rate:.2f} MB/s", rate / parse_rate,
            f">= {TARGET_MB_S:.0f} MB/s", rate >= TARGET_MB_S),
        Row("Text import throughput by CPU time (the machine's load left out)",
            f"{cpu_rate:.2f} MB/s", f"load average {load:.1f}", None, "-", True),
        Row("Text import, twice the size (CPU time)", f"{two_cpu:.2f} s",
            f"once the size {one_cpu:.2f} s", scaling, f"<= {TARGET_SCALING}x",
            scaling <= TARGET_SCALING),
        Row(f"Text import, {count:,} numbered paragraphs", f"{stored:,} stored",
            f"{numbered_s:.1f} s", None, f"= {count:,}", stored == count),
    ]
    write_rows(args.json, rows)
    return 0 if all(row.met for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
