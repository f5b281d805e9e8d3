"""Hostile and damaged database files and arguments, through the CLI as a clerk would type them.

Each case asserts the exit code, the one-line message and that the files are byte for byte as
they were (sha256 of the database and of any -wal/-shm beside it). Cases that already held are
in tests/unit/test_bad_inputs.py, test_storage.py and test_cli.py.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import textwrap
from contextlib import closing
from pathlib import Path

import pytest

from clerkdesk.cli.main import main
from clerkdesk.services.committees import create_committee
from clerkdesk.services.meetings import create_meeting
from clerkdesk.storage import backups, migrations
from clerkdesk.storage.database import open_database


def file_state(path: Path) -> dict[str, str]:
    """sha256 of the database and of its -wal/-shm files, whichever exist."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(path.parent.glob(path.name + "*"))}


def cli(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def refused(capsys: pytest.CaptureFixture[str], *args: str | Path) -> str:
    """Run the CLI, assert exit 2 with one line on stderr and nothing on stdout; the line."""
    code, out, err = cli(capsys, *args)
    assert (code, out) == (2, ""), err
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("clerkdesk: error: "), err
    assert "Traceback" not in err
    return lines[0]


def settle(path: Path) -> None:
    """Checkpoint and drop the -wal/-shm, as a clean close does."""
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.execute("PRAGMA journal_mode=DELETE")
    connection.close()


def make_db(path: Path, meetings: int = 1) -> Path:
    database = open_database(path)
    committee = create_committee(database, "Audit Committee")
    for n in range(meetings):
        create_meeting(database, committee, dt.date(2026, 1, 1) + dt.timedelta(days=n))
    database.close()
    return path


def set_meta(path: Path, key: str, value: str) -> None:
    connection = sqlite3.connect(path)
    connection.execute("UPDATE clerkdesk_meta SET value=? WHERE key=?", (value, key))
    connection.commit()
    connection.close()
    settle(path)


# --- every way a database is named runs the same checks -------------------------------------

def foreign_sqlite(path: Path) -> Path:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE contacts (id INTEGER PRIMARY KEY, email TEXT)")
    connection.execute("INSERT INTO contacts (email) VALUES ('someone@example.org')")
    connection.commit()
    connection.close()
    return path


@pytest.mark.parametrize("how", ["path", "url", "env-path", "env-url"])
def test_another_applications_file_is_refused_however_it_is_named(
    tmp_path, capsys, monkeypatch, how
):
    other = foreign_sqlite(tmp_path / "other-app.db")
    before = file_state(other)
    name = f"sqlite:///{other}" if how.endswith("url") else str(other)
    if how.startswith("env"):
        monkeypatch.setenv("CLERKDESK_DB", name)
        line = refused(capsys, "meetings")
    else:
        line = refused(capsys, "meetings", "--db", name)
    assert "another application" in line
    assert file_state(other) == before


def test_clerkdesk_table_names_with_wrong_columns_refused_before_any_change(tmp_path, capsys):
    path = tmp_path / "lookalike.sqlite"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE clerkdesk_meta (key TEXT PRIMARY KEY, value TEXT)")
    connection.executemany("INSERT INTO clerkdesk_meta VALUES (?, ?)", [
        ("application", "clerkdesk"), ("schema_version", str(migrations.SCHEMA_VERSION))])
    connection.execute("CREATE TABLE meeting (id INTEGER PRIMARY KEY, title TEXT)")
    connection.execute("CREATE TABLE committee (id INTEGER PRIMARY KEY)")
    connection.commit()
    connection.close()
    before = file_state(path)
    line = refused(capsys, "meetings", "--db", path)
    assert "table" in line and "does not match" in line and "not changed" in line
    assert file_state(path) == before


@pytest.mark.parametrize("version", ["²", "0", "-1", "", "6.0"])
def test_a_nonsense_schema_version_is_one_sentence(tmp_path, capsys, version):
    path = make_db(tmp_path / "odd.sqlite")
    set_meta(path, "schema_version", version)
    before = file_state(path)
    line = refused(capsys, "meetings", "--db", path)
    assert "not a ClerkDesk database" in line and "schema version" in line
    assert file_state(path) == before


def test_meetings_on_a_missing_file_creates_nothing_however_named(tmp_path, capsys, monkeypatch):
    missing = tmp_path / "nothing-here.sqlite"
    for args in (["meetings", "--db", f"sqlite:///{missing}"], ["meetings", "--db", missing]):
        assert "No ClerkDesk database at" in refused(capsys, *args)
    monkeypatch.setenv("CLERKDESK_DB", f"sqlite:///{missing}")
    assert "No ClerkDesk database at" in refused(capsys, "show", "1")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("url", [
    "foo://x", "Minutes://x", "postgresql://clerk:pw@localhost/minutes", "sqlite:///",
])
def test_a_url_clerkdesk_cannot_use_is_one_sentence(tmp_path, capsys, url):
    pytest.importorskip("sqlalchemy")
    if url.startswith("postgresql"):
        try:
            import psycopg  # noqa: F401
            pytest.skip("psycopg is installed here")
        except ImportError:
            pass
    line = refused(capsys, "meetings", "--db", url)
    expected = {"foo://x": "cannot use a database named foo://x",
                "Minutes://x": "cannot use a database named Minutes://x",
                "sqlite:///": "names no database file"}
    assert expected.get(url, "driver") in line
    assert "clerk@" not in line  # no user name (or password) from the URL in the message


@pytest.mark.parametrize("text", ["²", "١٢", "99999999999999999999", "0", "-3"])
def test_a_meeting_id_that_is_not_a_plain_number_is_refused(db_path, sqlite_db, capsys, text):
    before = file_state(db_path)
    assert "is not a meeting id" in refused(capsys, "show", text, "--db", db_path)
    assert file_state(db_path) == before


def test_a_meeting_id_past_what_the_database_holds_is_not_found(db_target, db, capsys):
    line = refused(capsys, "show", str(2**63 - 1), "--db", db_target)
    assert "No meeting" in line or "no meeting" in line


# --- damaged files: quick check before writing, with the way back ---------------------------

def damage(path: Path) -> None:
    """Junk over the meeting table's page header, as a failing disk would leave it."""
    with closing(sqlite3.connect(path)) as connection:
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        [root] = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'meeting'").fetchone()
    with path.open("r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(b"\x07" * 12)


def test_a_damaged_database_is_refused_for_writing_with_the_way_back(tmp_path, capsys):
    path = make_db(tmp_path / "minutes.sqlite", meetings=40)
    backups.daily_backup(path, today=dt.date(2026, 2, 1))
    damage(path)
    with pytest.raises(sqlite3.DatabaseError), closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA quick_check").fetchall()
    before = file_state(path)
    text = tmp_path / "minutes.txt"
    text.write_text("Audit Committee\n\n1. Apologies\n\n1) None were received.\n")
    line = refused(capsys, "import", text, "--db", path)
    assert "damaged" in line and "minutes-2026-02-01.sqlite" in line and ".recover" in line
    assert file_state(path) == before


# --- a -wal left beside a file ----------------------------------------------------------------

CRASHING_WRITER = textwrap.dedent("""
    import datetime as dt, os, sys
    from clerkdesk.services.meetings import create_meeting
    from clerkdesk.storage.database import open_database
    db = open_database(sys.argv[1])
    create_meeting(db, 1, dt.date(2030, 5, 5))
    os._exit(0)  # a crash: the committed meeting is only in the -wal
""")


def crash_after_one_meeting(path: Path) -> None:
    subprocess.run([sys.executable, "-c", CRASHING_WRITER, str(path)], check=True, timeout=60)
    assert Path(f"{path}-wal").stat().st_size > 0


def test_a_crash_wal_is_replayed(tmp_path, capsys):
    path = make_db(tmp_path / "minutes.sqlite")
    crash_after_one_meeting(path)
    code, out, err = cli(capsys, "meetings", "--db", path)
    assert code == 0, err
    assert "2030-05-05" in out


def test_a_wal_from_before_a_restored_backup_is_not_replayed(tmp_path, capsys):
    path = make_db(tmp_path / "minutes.sqlite")
    backup = tmp_path / "copy-of-backup.sqlite"
    shutil.copy(path, backup)
    crash_after_one_meeting(path)
    old = dt.datetime.now().timestamp() - 3600
    for suffix in ("-wal", "-shm"):
        os.utime(f"{path}{suffix}", (old, old))
    shutil.copy(backup, path)  # the clerk restores a backup by copying it over the file
    before = file_state(path)
    line = refused(capsys, "meetings", "--db", path)
    assert "minutes.sqlite-wal" in line and "set it aside" in line
    assert file_state(path) == before


def test_a_junk_wal_is_dropped_and_said_once(tmp_path, capsys):
    path = make_db(tmp_path / "minutes.sqlite")
    Path(f"{path}-wal").write_bytes(os.urandom(5000))
    code, out, err = cli(capsys, "meetings", "--db", path)
    assert code == 0
    assert "2026-01-01" in out
    assert err.count("\n") == 1 and "-wal" in err and "not" in err


def test_a_half_written_crash_transaction_is_dropped_and_said_once(tmp_path, capsys):
    path = make_db(tmp_path / "minutes.sqlite")
    crash_after_one_meeting(path)
    wal = Path(f"{path}-wal")
    data = wal.read_bytes()
    wal.write_bytes(data[:-100])  # the last frame, the commit, torn by the crash
    code, out, err = cli(capsys, "meetings", "--db", path)
    assert code == 0
    assert "2030-05-05" not in out
    assert err.count("\n") == 1 and "unfinished" in err


# --- an upgrade step that fails --------------------------------------------------------------

def test_a_failing_upgrade_is_one_sentence_and_changes_nothing(tmp_path, capsys, monkeypatch):
    path = make_db(tmp_path / "minutes.sqlite")
    last = migrations.SCHEMA_VERSION - 1

    def re_adds_a_column(connection) -> None:
        connection.exec_driver_sql("ALTER TABLE committee ADD COLUMN name TEXT")

    monkeypatch.setitem(migrations.STEPS, last, re_adds_a_column)
    set_meta(path, "schema_version", str(last))
    before = file_state(path)
    line = refused(capsys, "meetings", "--db", path)
    assert "could not be upgraded" in line and "not changed" in line
    assert file_state(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["minutes.sqlite"]


# --- readers beside a writer -----------------------------------------------------------------

def test_a_reader_is_not_blocked_by_a_long_write(tmp_path, capsys):
    path = make_db(tmp_path / "minutes.sqlite")
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("PRAGMA journal_mode=WAL")
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE committee SET name = 'Audit and Governance Committee'")
    try:
        for command in (["meetings"], ["show", "1"]):
            code, out, err = cli(capsys, *command, "--db", path)
            assert code == 0, err
            assert "Audit Committee" in out
    finally:
        writer.rollback()
        writer.close()


# --- what reaches the terminal ---------------------------------------------------------------

def test_control_characters_never_reach_the_terminal(db_target, db, capsys):
    from clerkdesk.services.meetings import add_item

    committee = create_committee(db, "Audit\x9b31m Committee")
    meeting = create_meeting(db, committee, dt.date(2026, 1, 1))
    add_item(db, meeting, "Item\x1b[2J with\x07 bells\x85")
    code, out, err = cli(capsys, "show", str(meeting), "--db", db_target)
    assert code == 0, err
    assert not any(ord(c) < 32 and c not in "\n\t" or 0x7F <= ord(c) <= 0x9F for c in out)
    assert "Item" in out and "bells" in out
    code, out, err = cli(capsys, "meetings", "--db", db_target)
    assert not any(0x7F <= ord(c) <= 0x9F or ord(c) < 32 and c != "\n" for c in out)


# --- copies are as private as the database ---------------------------------------------------

def test_backups_and_pre_upgrade_copies_keep_the_databases_permissions(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    folder.chmod(0o700)
    path = make_db(folder / "minutes.sqlite")
    path.chmod(0o600)
    daily = backups.daily_backup(path, today=dt.date(2026, 3, 1))
    assert daily is not None
    assert stat.S_IMODE(daily.stat().st_mode) == 0o600
    assert stat.S_IMODE(daily.parent.stat().st_mode) & ~0o700 == 0
    copy = folder / "before.sqlite"
    backups.sqlite_copy(path, copy)
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600


# --- the right words -------------------------------------------------------------------------

def test_a_crash_wal_in_a_read_only_folder_is_not_called_damaged(tmp_path, capsys, monkeypatch):
    path = make_db(tmp_path / "minutes.sqlite")
    crash_after_one_meeting(path)
    before = file_state(path)
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: (
        False if mode == os.W_OK and Path(p) == tmp_path else real_access(p, mode, **kw)))
    line = refused(capsys, "meetings", "--db", path)
    assert "read-only" in line and "minutes.sqlite-wal" in line and "damaged" not in line
    assert file_state(path) == before


def test_an_io_error_with_the_disk_nearly_full_is_called_a_full_disk(tmp_path, monkeypatch):
    from sqlalchemy import exc

    from clerkdesk.storage import errors_map

    error = exc.OperationalError("INSERT", {}, sqlite3.OperationalError("disk I/O error"))
    path = tmp_path / "minutes.sqlite"
    usage = shutil.disk_usage(tmp_path)
    assert "input/output" in str(errors_map.storage_error(error, path))
    monkeypatch.setattr(errors_map.shutil, "disk_usage",
                        lambda _p: usage._replace(free=16 * 1024))
    assert "disk is full" in str(errors_map.storage_error(error, path))
