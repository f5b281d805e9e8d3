"""Storage rules: durable pragmas, version checks, refusal of foreign files, upgrades, backups."""

import datetime as dt
import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

from clerkdesk.errors import (
    DatabaseBug,
    NewerDatabaseVersion,
    NotAClerkDeskDatabase,
    StorageError,
)
from clerkdesk.services import committees
from clerkdesk.storage import backups, migrations
from clerkdesk.storage.database import open_database
from clerkdesk.storage.models import Committee


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_every_connection_is_durable(sqlite_db):
    with sqlite_db.engine.connect() as connection:
        pragma = lambda name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 2  # FULL
        assert pragma("foreign_keys") == 1
        assert pragma("busy_timeout") >= 1000


def test_new_file_records_application_and_version(db_path, sqlite_db):
    rows = dict(sqlite3.connect(db_path).execute("SELECT key, value FROM clerkdesk_meta"))
    assert rows == {"application": "clerkdesk", "schema_version": str(migrations.SCHEMA_VERSION)}


def test_foreign_keys_are_enforced(db):
    with pytest.raises(DatabaseBug), db.transaction() as session:
        session.execute(sa.text("INSERT INTO meeting (committee_id, date, venue, status, "
                                "paused_seconds, created_at) VALUES (999, '2024-01-01', '', "
                                "'draft', 0, '2024-01-01')"))


def test_transaction_rolls_back_on_error(db):
    with pytest.raises(RuntimeError), db.transaction() as session:
        session.add(Committee(name="Planning Committee"))
        session.flush()
        raise RuntimeError("boom")
    assert committees.list_committees(db) == []


def _refused(path: Path, error: type[Exception], words: str) -> None:
    before = sha256(path) if path.is_file() else None
    with pytest.raises(error) as caught:
        open_database(path)
    assert words in str(caught.value)
    if before is not None:
        assert sha256(path) == before, "a refused file must be left byte for byte as it was"
    assert not Path(f"{path}-wal").exists()


def test_random_bytes_refused_untouched(tmp_path):
    path = tmp_path / "random.sqlite"
    path.write_bytes(os.urandom(8192))
    _refused(path, NotAClerkDeskDatabase, "not an SQLite file")


def test_other_applications_sqlite_refused_untouched(tmp_path):
    path = tmp_path / "places.sqlite"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    _refused(path, NotAClerkDeskDatabase, "another application")


def test_truncated_database_refused_untouched(tmp_path, db_path, sqlite_db):
    committees.create_committee(sqlite_db, "Planning Committee")
    sqlite_db.close()
    with sqlite3.connect(db_path) as connection:  # fold the WAL in so the header counts pages
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = db_path.read_bytes()
    cut = tmp_path / "cut.sqlite"
    cut.write_bytes(data[: len(data) // 2])
    _refused(cut, NotAClerkDeskDatabase, "truncated")


def test_empty_file_and_folder_refused(tmp_path):
    empty = tmp_path / "empty.sqlite"
    empty.touch()
    _refused(empty, NotAClerkDeskDatabase, "empty file")
    _refused(tmp_path, StorageError, "is a folder")


def test_missing_folder_refused_unless_default(tmp_path):
    with pytest.raises(StorageError, match="does not exist"):
        open_database(tmp_path / "nowhere" / "x.sqlite")
    database = open_database(tmp_path / "made" / "x.sqlite", create_folder=True)
    database.close()
    assert (tmp_path / "made" / "x.sqlite").is_file()


def test_newer_version_refused_naming_both(db_path, sqlite_db):
    sqlite_db.close()
    connection = sqlite3.connect(db_path)
    connection.execute("UPDATE clerkdesk_meta SET value='99' WHERE key='schema_version'")
    connection.commit()
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    before = sha256(db_path)
    with pytest.raises(NewerDatabaseVersion) as caught:
        open_database(db_path)
    assert sha256(db_path) == before
    message = str(caught.value)
    assert "version 99" in message and f"version {migrations.SCHEMA_VERSION}" in message


def test_read_only_file_refused_clearly(tmp_path, db_path, sqlite_db):
    sqlite_db.close()
    db_path.chmod(0o444)
    try:
        if os.access(db_path, os.W_OK):
            pytest.skip("running as a user who can write read-only files (root)")
        _refused(db_path, StorageError, "read-only")
    finally:
        db_path.chmod(0o644)


def test_upgrade_runs_steps_after_a_backup(monkeypatch, db_path, sqlite_db):
    committees.create_committee(sqlite_db, "Licensing Committee")
    sqlite_db.close()
    version = migrations.SCHEMA_VERSION

    def add_column(connection: sa.Connection) -> None:
        migrations.operations(connection).add_column(
            "committee", sa.Column("motto", sa.String(50), server_default="")
        )

    monkeypatch.setattr(migrations, "SCHEMA_VERSION", version + 1)
    monkeypatch.setattr(migrations, "STEPS", {version: add_column})
    import clerkdesk.storage.database as database_module

    monkeypatch.setattr(database_module, "SCHEMA_VERSION", version + 1)
    upgraded = open_database(db_path)
    upgraded.close()
    backup = upgraded.upgrade_backup
    assert backup is not None and backup.parent == db_path.parent
    old = dict(sqlite3.connect(backup).execute("SELECT key, value FROM clerkdesk_meta"))
    assert old["schema_version"] == str(version)
    new = sqlite3.connect(db_path)
    assert dict(new.execute("SELECT key, value FROM clerkdesk_meta"))["schema_version"] == str(
        version + 1
    )
    assert new.execute("SELECT name, motto FROM committee").fetchall() == [
        ("Licensing Committee", "")
    ]


def test_daily_backups_once_a_day_seven_kept(db_path, sqlite_db):
    committees.create_committee(sqlite_db, "Audit Committee")
    start = dt.date(2026, 1, 1)
    for offset in range(10):
        assert backups.daily_backup(db_path, today=start + dt.timedelta(days=offset))
    assert backups.daily_backup(db_path, today=start + dt.timedelta(days=9)) is None
    kept = sorted(p.name for p in (db_path.parent / "backups").iterdir())
    assert kept == [f"clerkdesk-2026-01-{day:02d}.sqlite" for day in range(4, 11)]
    copy = sqlite3.connect(db_path.parent / "backups" / kept[-1])
    assert copy.execute("SELECT name FROM committee").fetchall() == [("Audit Committee",)]


def test_committed_edit_survives_kill(tmp_path):
    path = tmp_path / "killed.sqlite"
    script = (
        "import os, sys\n"
        "from clerkdesk.storage.database import open_database\n"
        "from clerkdesk.services import committees\n"
        f"db = open_database({str(path)!r})\n"
        "committees.create_committee(db, 'Cabinet')\n"
        "os.kill(os.getpid(), 9)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True)
    assert result.returncode == -9
    assert sqlite3.connect(path).execute("SELECT name FROM committee").fetchall() == [("Cabinet",)]
    assert sqlite3.connect(path).execute("PRAGMA integrity_check").fetchone() == ("ok",)
