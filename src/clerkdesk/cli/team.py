"""Team-mode commands: prepare a PostgreSQL database, copy a whole database into an empty one."""

from __future__ import annotations

import argparse
import sys

from clerkdesk.cli.parser import Command, database_target

COPY_EPILOG = """\
examples:
  clerkdesk copy-db ~/.local/share/ClerkDesk/clerkdesk.sqlite postgresql://clerk@db.example/clerkdesk
  clerkdesk copy-db postgresql://clerk@db.example/clerkdesk backup-2026-12-05.sqlite"""


def _copy_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", metavar="SOURCE", type=database_target,
                        help="the database to copy (path or URL)")
    parser.add_argument("target", metavar="TARGET", type=database_target,
                        help="an empty database, or a new file, to copy into (path or URL)")


def _progress(done: int, total: int) -> None:
    if sys.stderr.isatty():
        filled = 30 * done // max(total, 1)
        end = "\n" if done == total else ""
        print(f"\r[{'#' * filled}{'.' * (30 - filled)}] {done}/{total} rows", end=end,
              file=sys.stderr, flush=True)


def run_copy_db(args: argparse.Namespace) -> int:
    from clerkdesk.storage.copy_db import copy_database

    report = copy_database(args.source, args.target, progress=_progress)
    print(f"Copied {report.total} rows in {len(report.rows)} tables; counts and content hash "
          f"{report.content_hash[:16]} match the source.")
    return 0


def _init_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("url", metavar="URL", type=database_target,
                        help="the team database, e.g. postgresql://clerk@db.example/clerkdesk")


def run_init_db(args: argparse.Namespace) -> int:
    from clerkdesk.storage.database import open_database
    from clerkdesk.storage.migrations import SCHEMA_VERSION

    database = open_database(args.url)
    label = database.label
    database.close()
    print(f"{label} is ready for ClerkDesk (schema version {SCHEMA_VERSION}).")
    return 0


COMMANDS: tuple[Command, ...] = (
    Command(
        name="copy-db",
        summary="copy a whole database into an empty one (laptop file <-> team server)",
        description="Copy every committee, meeting, person and paragraph from SOURCE into "
        "TARGET, an empty PostgreSQL database or a new SQLite file, then check that the row "
        "counts and a hash of all content match. A target that already holds data is refused "
        "unchanged; the copy is one transaction, so a failure leaves the target empty. Use it "
        "to move to team mode, or for an on-demand backup of the team database.",
        handler=run_copy_db,
        add_arguments=_copy_arguments,
        epilog=COPY_EPILOG,
    ),
    Command(
        name="init-db",
        summary="prepare an empty PostgreSQL database for a team (or upgrade it)",
        description="Create ClerkDesk's tables in an empty database at URL, or upgrade an "
        "older ClerkDesk schema there. A database holding other tables is refused unchanged. "
        "Leave the password out of URL: it is read from ~/.pgpass (or PGPASSFILE).",
        handler=run_init_db,
        add_arguments=_init_arguments,
        epilog="example:\n  clerkdesk init-db postgresql://clerk@db.example:5432/clerkdesk",
    ),
)
