"""Copies of the SQLite file: one before each upgrade, and at most one a day kept for a week."""

import datetime as dt
import sqlite3
from pathlib import Path

from clerkdesk.storage.inspect_file import read_only_uri

BACKUP_FOLDER = "backups"
KEEP_DAILY = 7


def sqlite_copy(source: Path, destination: Path) -> None:
    """Copy a live SQLite database consistently with SQLite's online backup API."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".partial")
    src = sqlite3.connect(read_only_uri(source), uri=True)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    partial.replace(destination)


def upgrade_backup_path(database: Path, old_version: int, when: dt.datetime) -> Path:
    stamp = when.strftime("%Y%m%d-%H%M%S")
    return database.with_name(f"{database.stem}.v{old_version}-before-upgrade-{stamp}.sqlite")


def daily_backup(
    database: Path, today: dt.date | None = None, keep: int = KEEP_DAILY
) -> Path | None:
    """Write today's backup beside `database` unless one exists; prune to the newest `keep`.

    Returns the new backup's path, or None when today's already existed.
    """
    today = today or dt.date.today()
    folder = database.parent / BACKUP_FOLDER
    target = folder / f"{database.stem}-{today.isoformat()}.sqlite"
    created = None
    if not target.exists():
        sqlite_copy(database, target)
        created = target
    for old in sorted(folder.glob(f"{database.stem}-????-??-??.sqlite"))[:-keep]:
        old.unlink()
    return created
