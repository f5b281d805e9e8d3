"""Which database files this computer's ClerkDesk closed cleanly, so their next open can skip
SQLite's quick check, which reads the whole file (1.2 s for ten years of minutes).

A file is vouched for when it is exactly as ClerkDesk left it after a clean close (same device,
inode, size, modification and change time: the change time moves with any write and cannot be
put back), no change log is beside it, and its last full check is less than a week old. Anything
else (another program, a copy over it, a crash, a failing disk that rewrote it) means the full
check runs again. The record lives in the user's data folder, never in the database.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
from pathlib import Path

log = logging.getLogger(__name__)

RECHECK_DAYS = 7
RECORD_NAME = "checked-files.json"


def record_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("ClerkDesk", appauthor=False)) / RECORD_NAME


def fingerprint(path: Path) -> list[int] | None:
    """The file's identity and last change, or None while a change log is beside it."""
    wal = Path(f"{path}-wal")
    if Path(f"{path}-journal").exists() or (wal.exists() and wal.stat().st_size > 0):
        return None
    facts = path.stat()
    return [facts.st_dev, facts.st_ino, facts.st_size, facts.st_mtime_ns, facts.st_ctime_ns]


def _records() -> dict[str, dict[str, object]]:
    try:
        found = json.loads(record_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def vouched(path: Path, today: dt.date | None = None) -> bool:
    """Whether `path` is as this computer's ClerkDesk closed it, checked within the week."""
    record = _records().get(str(path.resolve()))
    if not isinstance(record, dict):
        return False
    try:
        checked = dt.date.fromisoformat(str(record.get("checked_on")))
        current = fingerprint(path)
    except (OSError, ValueError):
        return False
    fresh = ((today or dt.date.today()) - checked).days < RECHECK_DAYS
    return fresh and current is not None and record.get("fingerprint") == current


def checked_on(path: Path) -> dt.date | None:
    """The date of the last full check of `path` on record, if any."""
    record = _records().get(str(path.resolve()))
    try:
        return dt.date.fromisoformat(str(record.get("checked_on"))) if isinstance(
            record, dict) else None
    except ValueError:
        return None


def remember(path: Path, checked: dt.date) -> None:
    """Record `path` as closed cleanly now, last fully checked on `checked`."""
    try:
        current = fingerprint(path)
        records = {name: record for name, record in _records().items()
                   if Path(name).exists()}  # files since deleted or moved are forgotten
        key = str(path.resolve())
        if current is None:
            records.pop(key, None)
        else:
            records[key] = {"fingerprint": current, "checked_on": checked.isoformat()}
        target = record_path()
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f"{target.name}.{os.getpid()}.partial")
        partial.write_text(json.dumps(records, indent=1), encoding="utf-8")
        partial.replace(target)
    except OSError as error:  # the record only saves time: without it the next open checks
        log.warning("could not record the clean close of %s: %s", path, error)
