"""The daily backup copies the whole file (3 s for ten years of minutes): it runs on a thread of
its own, so the window stays responsive, and closing the database waits for it to finish."""

import threading
from pathlib import Path

from clerkdesk.storage import backups
from clerkdesk.storage.database import open_database


def test_the_daily_backup_runs_beside_the_caller_and_close_waits_for_it(tmp_path, monkeypatch):
    path = tmp_path / "minutes.sqlite"
    open_database(path).close()
    release, copying = threading.Event(), threading.Event()
    original = backups.sqlite_copy

    def slow_copy(source: Path, destination: Path) -> None:
        copying.set()
        assert release.wait(30)
        original(source, destination)

    monkeypatch.setattr(backups, "sqlite_copy", slow_copy)
    db = open_database(path)
    db.start_daily_backup()  # returns while the copy is held up
    assert copying.wait(30)
    assert not list((tmp_path / backups.BACKUP_FOLDER).glob("*.sqlite"))
    release.set()
    db.close()
    [copy] = (tmp_path / backups.BACKUP_FOLDER).glob("minutes-*.sqlite")
    assert copy.stat().st_size == path.stat().st_size
