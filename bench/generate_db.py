"""Generate a large, realistic ClerkDesk database for benchmarks (and, small, for tests).

    .venv/bin/python bench/generate_db.py OUT.sqlite [--meetings 200] [--paragraphs 50000]
    .venv/bin/python bench/generate_db.py --cached small|large   # make (once) and print its path

`generate(path, meetings, paragraphs, seed)` creates the schema through `open_database` (so the
file is a real ClerkDesk database at the current schema version), then bulk-inserts committees,
a roster, memberships, meetings with attendance (about 500 a year, as a county council holds),
agenda items (some exempt), paragraphs (levels, RESOLVED lines, speakers, person tokens `{@id}`
/ `{@member}` with their mention index), request/resolution flags and revision history, with
SQLAlchemy Core `executemany` in one transaction, a hundred meetings' rows at a time, and fills
the search index once at the end. Paragraphs are shared out evenly between meetings (the
remainder to the newest), so 200 meetings and 50,000 paragraphs give 250 a meeting. The same
seed gives the same file.

`cached(meetings, paragraphs)` keeps each size under bench/.cache/ (gitignored), named by the
generator's and the schema's version, so `make bench` generates the 5,000-meeting /
1,000,000-paragraph database once (49 s and 576 MB here, 0.3 GB of memory at most) and
reuses it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from bench_results import DATABASES as SIZES

COMMITTEES = [
    ("Planning Committee", "Anyshire County Council"),
    ("SEND Sub-Committee", "Anyshire County Council"),
    ("Cabinet", "Anyshire County Council"),
    ("Audit and Governance Committee", "Anyshire County Council"),
]
TITLES = ["Mr", "Mrs", "Ms", "Miss", "Dr", "Cllr"]
GIVEN = ["Sarah", "Alison", "Gaetano", "Elise", "Rory", "Jo", "Sam", "Amira", "David", "Helen",
         "Liam", "Peter", "Harjit", "Grace", "Tomasz", "Joanna", "Owen", "Ruth", "Simon", "Mary"]
FAMILY = ["Hammond", "Farmer", "Romagnuolo", "McQueen", "Love", "Brown", "Hughes", "Chaudhry",
          "Pemberton", "Okafor", "Brennan", "Doyle", "Gill", "Adeyemi", "Nowak", "Marsh", "Price",
          "Ashworth", "Wetherall", "O'Neill", "Smith", "Jones", "Taylor", "Davies", "Evans"]
JOBS = ["Corporate Director", "Head of Planning", "Finance Business Partner",
        "Democratic Services Officer", "Assistant Director of SEND", "Monitoring Officer"]
ITEM_TITLES = ["Apologies and Substitutes", "Declarations of Interest",
               "Minutes of the previous meeting", "Improvement Notice Update",
               "Budget Monitoring Report", "Waiting Lists and Timescales",
               "Home to School Transport", "Local Plan Review", "Risk Register",
               "Work Programme", "Contract Award", "Performance Dashboard"]
WORDS = (
    "the committee noted report asked whether officers would provide an update on waiting "
    "lists timescales and the Accelerated Progress Plan explained that actions were completed "
    "including leadership changes ratified by County Council confirmed it would be shared with "
    "Members before the next meeting in September budget figures quarter service reviewed "
    "position consultation responses housing transport schools"
).split()
VERBS = ["asked whether", "explained that", "confirmed that", "noted that", "said that",
         "introduced the report and said", "responded that", "requested that"]
MEMBERS_PER_COMMITTEE = 12
OFFICERS = 20
CHUNK_MEETINGS = 100  # rows are built and inserted this many meetings at a time
GENERATOR_VERSION = 2  # raise it when the rows change: cached databases are then remade
CACHE = Path(__file__).resolve().parent / ".cache"


@dataclass
class Rows:
    """Rows for each table, keyed by table name, with ids assigned here."""

    tables: dict[str, list[dict]] = field(default_factory=dict)
    next_ids: dict[str, int] = field(default_factory=dict)

    def add(self, table: str, **values: object) -> int:
        new_id = self.next_ids.get(table, 0) + 1
        self.next_ids[table] = new_id
        self.tables.setdefault(table, []).append({"id": new_id, **values})
        return new_id

    def add_plain(self, table: str, **values: object) -> None:
        self.tables.setdefault(table, []).append(values)


def split(total: int, parts: int, rng: random.Random) -> list[int]:
    """`total` shared into `parts` positive-ish random shares that add up exactly."""
    if parts <= 0:
        return []
    weights = [rng.uniform(0.3, 1.7) for _ in range(parts)]
    shares = [int(total * w / sum(weights)) for w in weights]
    shares[-1] += total - sum(shares)
    return shares


def sentence(rng: random.Random, speaker: str, others: list[str]) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(12, 60))]
    for other in others:
        words.insert(rng.randrange(len(words)), other)
    return f"{speaker} {rng.choice(VERBS)} {' '.join(words)}."


def people(rows: Rows, rng: random.Random) -> tuple[list[int], list[int]]:
    members, officers = [], []
    for n in range(len(COMMITTEES) * MEMBERS_PER_COMMITTEE):
        members.append(rows.add(
            "person", title=rng.choice(TITLES), given_name=GIVEN[n % len(GIVEN)],
            family_name=FAMILY[(n * 7) % len(FAMILY)], kind="member"))
    for n in range(OFFICERS):
        officers.append(rows.add(
            "person", given_name=GIVEN[(n * 3) % len(GIVEN)],
            family_name=FAMILY[(n * 11 + 5) % len(FAMILY)], job_title=rng.choice(JOBS),
            kind="officer"))
    return members, officers


def meeting_paragraphs(rows: Rows, rng: random.Random, meeting_id: int, count: int,
                       members: list[int], officers: list[int]) -> None:
    item_count = max(1, min(count, rng.randint(6, 12)))
    for position, share in enumerate(split(count, item_count, rng)):
        exempt = position == item_count - 1 and rng.random() < 0.15
        item_id = rows.add("agenda_item", meeting_id=meeting_id, position=position,
                           title=rng.choice(ITEM_TITLES), exempt=exempt,
                           exempt_paragraph=3 if exempt else None)
        level = 0
        for index in range(max(0, share)):
            level = paragraph(rows, rng, item_id, index, share, level, members, officers)


def paragraph(rows: Rows, rng: random.Random, item_id: int, index: int, share: int,
              above: int, members: list[int], officers: list[int]) -> int:
    """Add one paragraph (a sub-point at most one level below the one above); its level."""
    resolution = index == share - 1 and share > 2
    speaker = rng.choice(members + officers) if rng.random() < 0.6 and not resolution else None
    others = [rng.choice(officers)] if rng.random() < 0.2 and not resolution else []
    mentioned = ([speaker] if speaker else []) + others
    if resolution:
        text = "The Committee noted the report and agreed the recommendations."
    else:
        lead = f"{{@{speaker}}}" if speaker else "{@member}"
        text = sentence(rng, lead, [f"{{@{p}}}" for p in others])
    level = 0 if resolution or index == 0 else min(above + 1, rng.choice([0, 0, 0, 1, 1, 2]))
    pid = rows.add("paragraph", item_id=item_id, position=index, level=level,
                   style="resolution" if resolution else "numbered", text=text,
                   speaker_id=speaker, elapsed_seconds=index * 40 + rng.randint(0, 30))
    for person_id in dict.fromkeys(mentioned):
        rows.add_plain("paragraph_mention", paragraph_id=pid, person_id=person_id)
    if resolution:
        flag = rows.add("flag", paragraph_id=pid, kind="resolution")
        rows.add_plain("resolution_flag", id=flag, form="noted")
    elif rng.random() < 0.03:
        flag = rows.add("flag", paragraph_id=pid, kind="request")
        rows.add_plain("request_flag", id=flag, what="Figures on waiting lists",
                       asked_of_body="Children's Services", status="outstanding")
    return level


def committees(rows: Rows, members: list[int]) -> list[int]:
    committee_ids = []
    for number, (name, council) in enumerate(COMMITTEES):
        committee_id = rows.add("committee", name=name, council=council)
        committee_ids.append(committee_id)
        own = members[number * MEMBERS_PER_COMMITTEE:(number + 1) * MEMBERS_PER_COMMITTEE]
        for rank, person_id in enumerate(own):
            role = "chair" if rank == 0 else "vice_chair" if rank == 1 else "member"
            rows.add_plain("membership", committee_id=committee_id, person_id=person_id,
                           role=role)
    return committee_ids


def history(rows: Rows, rng: random.Random, first_paragraph: int) -> None:
    """Revisions for about one paragraph in twenty of the rows just added (review edits)."""
    for row in rows.tables.get("paragraph", []):
        if row["id"] >= first_paragraph and rng.random() < 0.05:
            rows.add("paragraph_revision", paragraph_id=row["id"], before=row["text"][:80],
                     after=row["text"], phase=rng.choice(["meeting", "review"]))


def build_rows(meetings: int, paragraphs: int, seed: int,
               chunk: int = CHUNK_MEETINGS) -> Iterator[Rows]:
    """The rows of the whole database, in chunks of `chunk` meetings (ids run on across them)."""
    rng = random.Random(seed)
    rows = Rows()
    members, officers = people(rows, rng)
    committee_ids = committees(rows, members)
    per_meeting = [paragraphs // meetings] * meetings if meetings else []
    if meetings:
        per_meeting[-1] += paragraphs - sum(per_meeting)
    start = dt.date(2016, 1, 4)
    for number, count in enumerate(per_meeting):
        slot = number % len(COMMITTEES)
        meeting_id = rows.add(
            "meeting", committee_id=committee_ids[slot],
            date=start + dt.timedelta(days=number * 73 // 100),  # 500 a year time=dt.time(10),
            venue="Council Chamber", status="approved" if number < meetings - 3 else "draft")
        own = members[slot * MEMBERS_PER_COMMITTEE:(slot + 1) * MEMBERS_PER_COMMITTEE]
        for person_id in own[:8]:
            rows.add_plain("attendance", meeting_id=meeting_id, person_id=person_id,
                           status="present")
        first = rows.next_ids.get("paragraph", 0) + 1
        meeting_paragraphs(rows, rng, meeting_id, count, members, officers)
        history(rows, rng, first)
        if (number + 1) % chunk == 0:
            yield rows
            rows = Rows(next_ids=rows.next_ids)
    yield rows


INSERT_ORDER = ["person", "committee", "membership", "meeting", "attendance", "agenda_item",
                "paragraph", "paragraph_mention", "flag", "request_flag", "resolution_flag",
                "paragraph_revision"]


def uniform(table, batch: list[dict], now: dt.datetime) -> list[dict]:  # noqa: ANN001
    """Rows with the same keys (executemany needs them): timestamps, then column defaults."""
    stamps = {name: now for name in ("created_at", "updated_at", "started_at", "at")
              if name in table.c}
    keys = set(stamps).union(*batch) if batch else set()
    fill = {}
    for key in keys:
        default = table.c[key].default
        fill[key] = stamps.get(key, default.arg if default is not None and default.is_scalar
                               else None)
    return [{**fill, **row} for row in batch]


def generate(path: Path | str, meetings: int = 200, paragraphs: int = 50_000,
             seed: int = 1) -> Path:
    """Write a new database at `path` (which must not exist) and return its path.

    The schema comes from `open_database`; the rows go in through a plain engine with the
    journal and fsyncs off and the search index's triggers set aside (one 'rebuild' at the
    end is far faster than a million trigger calls), in one transaction.
    """
    from sqlalchemy import create_engine, event

    from clerkdesk.storage.all_models import Base
    from clerkdesk.storage.database import open_database

    path = Path(path)
    if path.exists():
        raise FileExistsError(f"{path} already exists")
    open_database(path).close()
    checkpoint(path)
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _bulk_pragmas)
    try:
        with engine.connect() as connection:
            triggers = _set_triggers_aside(connection)
            now = dt.datetime(2024, 1, 1, 12)
            with connection.begin():
                for rows in build_rows(meetings, paragraphs, seed):
                    for name in INSERT_ORDER:
                        table = Base.metadata.tables[name]
                        batch = uniform(table, rows.tables.get(name, []), now)
                        if batch:
                            connection.execute(table.insert(), batch)
                _restore_triggers(connection, triggers)
            connection.exec_driver_sql("PRAGMA journal_mode=WAL")
    finally:
        engine.dispose()
    checkpoint(path)
    return path


def _bulk_pragmas(dbapi_connection, _record) -> None:  # noqa: ANN001 - SQLAlchemy event
    cursor = dbapi_connection.cursor()
    for pragma in ("journal_mode=OFF", "synchronous=OFF", "foreign_keys=OFF",
                   "cache_size=-200000", "temp_store=MEMORY"):
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def _set_triggers_aside(connection) -> list[str]:  # noqa: ANN001 - a SQLAlchemy Connection
    """Drop the search index's triggers, returning their SQL to create them again."""
    from clerkdesk.storage.search_index import INDEX

    found = connection.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE ?",
        (f"{INDEX}_%",)).all()
    for name, _sql in found:
        connection.exec_driver_sql(f"DROP TRIGGER {name}")
    connection.commit()
    return [sql for _name, sql in found]


def _restore_triggers(connection, triggers: list[str]) -> None:  # noqa: ANN001
    """Fill the search index from the rows, then put its triggers back."""
    from clerkdesk.storage.search_index import rebuild

    if triggers:
        rebuild(connection)
    for sql in triggers:
        connection.exec_driver_sql(sql)


def cache_path(meetings: int, paragraphs: int, seed: int = 1) -> Path:
    """Where `cached` keeps this database: named by size, seed, generator and schema version."""
    from clerkdesk.storage.migrations import SCHEMA_VERSION

    name = (f"db-{meetings}m-{paragraphs}p-seed{seed}-gen{GENERATOR_VERSION}"
            f"-schema{SCHEMA_VERSION}.sqlite")
    return CACHE / name


def cached(meetings: int, paragraphs: int, seed: int = 1) -> Path:
    """The generated database of this size, made once and kept under bench/.cache/.

    Treat it as read-only: benchmarks that open it with the app work on `copy_to` copies.
    """
    path = cache_path(meetings, paragraphs, seed)
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.stem}.{os.getpid()}.partial")
        partial.unlink(missing_ok=True)
        generate(partial, meetings, paragraphs, seed)
        partial.replace(path)  # whole or not at all, even if generation is interrupted
    return path


def copy_to(folder: Path, meetings: int, paragraphs: int, name: str = "large.sqlite",
            seed: int = 1) -> Path:
    """A private copy of the cached database of this size in `folder`."""
    target = Path(folder) / name
    shutil.copyfile(cached(meetings, paragraphs, seed), target)
    return target


def checkpoint(path: Path) -> None:
    """Fold the write-ahead log into the file, so it is complete on its own."""
    import sqlite3

    connection = sqlite3.connect(str(path))
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()


def counts(path: Path | str) -> Iterator[tuple[str, int]]:
    import sqlite3

    connection = sqlite3.connect(str(path))
    try:
        for name in ("meeting", "agenda_item", "paragraph", "flag", "person",
                     "paragraph_revision"):
            yield name, connection.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
    finally:
        connection.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, nargs="?")
    parser.add_argument("--meetings", type=int, default=200)
    parser.add_argument("--paragraphs", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cached", choices=sorted(SIZES),
                        help="make the cached database of this size if needed; print its path")
    args = parser.parse_args(argv)
    if args.cached:
        print(cached(*SIZES[args.cached]))
        return 0
    if args.path is None:
        parser.error("give the path of the new database, or --cached small|large")
    started = time.perf_counter()
    generate(args.path, args.meetings, args.paragraphs, args.seed)
    took = time.perf_counter() - started
    summary = ", ".join(f"{count} {name}" for name, count in counts(args.path))
    print(f"{args.path}: {summary} ({took:.1f} s, {args.path.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
