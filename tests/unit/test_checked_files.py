"""SQLite's quick check reads the whole file (1.2 s for ten years of minutes), so a file this
computer's ClerkDesk closed cleanly, and nothing has touched since, is not checked again at the
next open; any change to it, a crash, or a week passing brings the full check back."""

import datetime as dt
import os
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from clerkdesk.errors import NotAClerkDeskDatabase
from clerkdesk.services import meetings
from clerkdesk.services.committees import create_committee
from clerkdesk.storage import checked_files, inspect_file
from clerkdesk.storage.database import open_database


@pytest.fixture
def checks(monkeypatch) -> list[Path]:
    """Every quick check run, by file."""
    done: list[Path] = []
    original = inspect_file._quick_check

    def counted(path: Path, connection: sqlite3.Connection) -> None:
        done.append(path)
        original(path, connection)

    monkeypatch.setattr(inspect_file, "_quick_check", counted)
    return done


def make(path: Path) -> Path:
    db = open_database(path)
    meetings.create_meeting(db, create_committee(db, "Cabinet"), dt.date(2024, 1, 9),
                            agenda=["Budget"])
    db.close()
    return path


def damage(path: Path) -> None:
    """Junk over the meeting table's page header, as a failing disk would leave it."""
    with closing(sqlite3.connect(path)) as connection:
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        [root] = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'meeting'").fetchone()
    with path.open("r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(b"\x07" * 12)


def test_a_file_closed_cleanly_here_opens_without_the_whole_file_check(tmp_path, checks):
    path = make(tmp_path / "minutes.sqlite")
    checked_files.record_path().unlink()  # as a file made on another computer
    open_database(path).close()
    assert checks == [path]  # checked once; that open's clean close vouches for the next
    for _ in range(2):
        db = open_database(path)
        assert [m.date for m in meetings.list_meetings(db)] == [dt.date(2024, 1, 9)]
        db.close()
    assert checks == [path]


def test_a_file_changed_since_is_checked_and_refused_even_with_its_time_put_back(tmp_path,
                                                                                checks):
    path = make(tmp_path / "minutes.sqlite")
    before = path.stat()
    damage(path)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # the change time still moves
    with pytest.raises(NotAClerkDeskDatabase, match="damaged"):
        open_database(path)
    assert checks == [path]


def test_a_file_left_with_a_change_log_is_checked(tmp_path, checks):
    path = make(tmp_path / "minutes.sqlite")
    assert checked_files.vouched(path)
    Path(f"{path}-wal").write_bytes(b"\0" * 32)  # as a crash leaves it
    assert not checked_files.vouched(path)


def test_the_full_check_comes_back_after_a_week(tmp_path, checks):
    path = make(tmp_path / "minutes.sqlite")
    checked_files.remember(path, dt.date.today() - dt.timedelta(days=checked_files.RECHECK_DAYS))
    open_database(path).close()
    assert checks == [path]
    open_database(path).close()
    assert checks == [path]


def test_an_unreadable_record_only_means_checking(tmp_path, checks):
    path = make(tmp_path / "minutes.sqlite")
    checked_files.record_path().write_text("{not json", encoding="utf-8")
    open_database(path).close()
    assert checks == [path]


def test_files_since_deleted_are_forgotten(tmp_path):
    gone = make(tmp_path / "gone.sqlite")
    kept = make(tmp_path / "kept.sqlite")
    gone.unlink()
    open_database(kept).close()
    assert str(gone.resolve()) not in checked_files.record_path().read_text(encoding="utf-8")
    assert checked_files.vouched(kept)
