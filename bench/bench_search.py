"""Search every meeting: first page of results, index size and build time, cost per save.

On a generated database (`--size small`: 200 meetings / 50,000 paragraphs; `large`: 5,000 /
1,000,000). Baselines in the same run:
the same search with plain LIKE matching (what ClerkDesk does without FTS5), the file without
the index, and a paragraph save without the index's triggers. Targets (issue 15): first page
< 50 ms (median), index < 30% of the file, build < 5 s, saving (so typing) unchanged.
Run: .venv/bin/python bench/bench_search.py [--size small|large] [--db EXISTING.sqlite]
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench_results import DATABASES, Row, add_size_argument, database_label, write_rows

QUERIES = ["transport", "waiting lists", '"Accelerated Progress Plan"', "consult*",
           "Hammond", "budget OR housing", "ratified September", "timescales NOT schools"]
SAVES = 200


CPU_MS: dict[str, float] = {}  # the same medians in CPU time: steadier on a shared machine


def median_ms(function: Callable[[str], object], rounds: int = 5, label: str = "") -> float:
    samples, cpu = [], []
    for _ in range(rounds):
        for query in QUERIES:
            start, start_cpu = time.perf_counter(), time.process_time()
            function(query)
            samples.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
    CPU_MS[label] = statistics.median(cpu) * 1000
    return statistics.median(samples) * 1000


def search_times(path: Path) -> tuple[float, float, float]:
    """Median first-page time with the index (without and with the total), and with LIKE."""
    from clerkdesk.services import search as search_service
    from clerkdesk.storage import search_index
    from clerkdesk.storage.database import open_database

    db = open_database(path)
    try:
        search_service.search(db, "warm up")
        indexed = median_ms(lambda q: search_service.search(db, q, count=False), label="index")
        counted = median_ms(lambda q: search_service.search(db, q))
        available = search_index.fts5_available
        search_index.fts5_available = lambda connection: False
        search_service._checked.clear()
        try:
            plain = median_ms(lambda q: search_service.search(db, q, count=False), rounds=2,
                              label="like")
        finally:
            search_index.fts5_available = available
            search_service._checked.clear()
    finally:
        db.close()
    return indexed, counted, plain


def vacuumed_size(path: Path) -> int:
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode=DELETE")
    connection.execute("VACUUM")
    connection.close()
    return path.stat().st_size


def sizes_and_build(path: Path, folder: Path) -> tuple[int, int, float]:
    """(size with index, size without, seconds to build the index from nothing)."""
    from sqlalchemy import create_engine

    from clerkdesk.storage import search_index

    bare = folder / "bare.sqlite"
    shutil.copy(path, bare)
    engine = create_engine(f"sqlite:///{bare}")
    with engine.begin() as connection:
        search_index.drop_index(connection)
    engine.dispose()
    without = vacuumed_size(bare)
    start = time.perf_counter()
    with engine.begin() as connection:
        search_index.create_index(connection)
    build = time.perf_counter() - start
    engine.dispose()
    return vacuumed_size(path), without, build


def save_ms(path: Path) -> float:
    """Median time of one paragraph save (what autosave does while the clerk types)."""
    from clerkdesk.services.paragraphs import edit_text
    from clerkdesk.storage.database import open_database

    db = open_database(path)
    try:
        with db.engine.connect() as connection:
            rows = connection.exec_driver_sql(
                "SELECT p.id, p.text FROM paragraph p JOIN agenda_item a ON a.id = p.item_id "
                "JOIN meeting m ON m.id = a.meeting_id WHERE m.status = 'draft' "
                f"ORDER BY p.id LIMIT {SAVES}").all()
        samples = []
        for pid, text in rows:
            start = time.perf_counter()
            edit_text(db, pid, text + " The committee noted the update.")
            samples.append(time.perf_counter() - start)
    finally:
        db.close()
    return statistics.median(samples) * 1000


def without_triggers(path: Path, folder: Path) -> Path:
    from sqlalchemy import create_engine

    from clerkdesk.storage import search_index

    copy = folder / "no-triggers.sqlite"
    shutil.copy(path, copy)
    engine = create_engine(f"sqlite:///{copy}")
    with engine.begin() as connection:
        search_index.drop_index(connection)
        connection.exec_driver_sql(search_index._view_sql())
    engine.dispose()
    return copy


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="an existing large database (copied, not changed)")
    parser.add_argument("--json", help="write the key figures here for run_all.py")
    add_size_argument(parser)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="clerkdesk-search-") as name:
        folder = Path(name)
        path = folder / "large.sqlite"
        if args.db:
            shutil.copy(args.db, path)
        else:
            sys.path.insert(0, str(Path(__file__).resolve().parent))
            from generate_db import copy_to

            copy_to(folder, *DATABASES[args.size])
        with_index, bare, build = sizes_and_build(path, folder)
        indexed, counted, plain = search_times(path)
        plain_save_path = without_triggers(path, folder)
        save_with, save_without = save_ms(path), save_ms(plain_save_path)
    growth = (with_index - bare) / bare
    print(f"search, {database_label(args.size)}")
    print(f"  first page (median)  {indexed:7.1f} ms   LIKE matching {plain:7.1f} ms")
    print(f"  (CPU time)           {CPU_MS['index']:7.1f} ms   LIKE matching "
          f"{CPU_MS['like']:7.1f} ms")
    print(f"  with the total count {counted:7.1f} ms")
    print(f"  index size           {(with_index - bare) / 1e6:7.1f} MB = {growth:.0%} of "
          f"{bare / 1e6:.1f} MB")
    print(f"  index build          {build:7.2f} s")
    print(f"  paragraph save       {save_with:7.2f} ms   without the index {save_without:.2f} ms")
    write_rows(args.json, [
        Row("Search all meetings, first page (median of 8 queries)", f"{indexed:.1f} ms",
            f"LIKE matching {plain:.1f} ms", indexed / plain, "< 50 ms", indexed < 50),
        Row("Search all meetings, first page, CPU time (steadier on a shared machine)",
            f"{CPU_MS['index']:.1f} ms", f"LIKE matching {CPU_MS['like']:.1f} ms",
            CPU_MS["index"] / CPU_MS["like"], "-", True),
        Row("Search all meetings, first page and total count", f"{counted:.1f} ms", "-", None,
            "-", True),
        Row("Search index size", f"{(with_index - bare) / 1e6:.1f} MB",
            f"file without it {bare / 1e6:.1f} MB", with_index / bare, "< 1.3x",
            growth < 0.30),
        Row("Search index build, whole database", f"{build:.2f} s", "-", None, "< 5 s",
            build < 5),
        Row("Paragraph save (autosave) with the index's triggers", f"{save_with:.2f} ms",
            f"without {save_without:.2f} ms", save_with / save_without, "<= 1.2x",
            save_with / save_without <= 1.2),
    ])


if __name__ == "__main__":
    main()
