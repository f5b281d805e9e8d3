"""Copies of the SQLite file: one before each upgrade, and at most one a day kept for a week."""

import datetime as dt
import os
import sqlite3
import stat
from pathlib import Path

from clerkdesk.storage.inspect_file import read_only_uri

BACKUP_FOLDER = "backups"
KEEP_DAILY = 7


def sqlite_copy(source: Path, destination: Path) -> None:
    """Copy a live SQLite database consistently with SQLite's online backup API."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".partial")
    _create_private(partial, stat.S_IMODE(source.stat().st_mode))
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


def _create_private(path: Path, mode: int) -> None:
    """An empty file (SQLite fills it) with exactly the source database's permissions."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode & 0o666)
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(descriptor, mode & 0o666)
    finally:
        os.close(descriptor)


def _backup_folder(database: Path) -> Path:
    """backups/ beside the database, never more open than the folder the database is in."""
    folder = database.parent / BACKUP_FOLDER
    parent_mode = stat.S_IMODE(database.parent.stat().st_mode)
    folder.mkdir(mode=parent_mode, exist_ok=True)
    mode = stat.S_IMODE(folder.stat().st_mode)
    if mode & ~parent_mode:
        folder.chmod(mode & parent_mode)
    return folder


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
    folder = _backup_folder(database)
    target = folder / f"{database.stem}-{today.isoformat()}.sqlite"
    created = None
    if not target.exists():
        sqlite_copy(database, target)
        created = target
    for old in sorted(folder.glob(f"{database.stem}-????-??-??.sqlite"))[:-keep]:
        old.unlink()
    return created


def latest_backup(database: Path) -> Path | None:
    """The newest daily backup or pre-upgrade copy of `database`, if any."""
    candidates = [
        *(database.parent / BACKUP_FOLDER).glob(f"{database.stem}-????-??-??.sqlite"),
        *database.parent.glob(f"{database.stem}.v*-before-upgrade-*.sqlite"),
    ]
    existing = [p for p in candidates if p.is_file()]
    return max(existing, key=lambda p: p.stat().st_mtime_ns, default=None)
