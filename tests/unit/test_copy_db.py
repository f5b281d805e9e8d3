"""clerkdesk copy-db: a whole database into an empty one and back, checked, never over data."""

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from clerkdesk.errors import StorageError
from clerkdesk.services import committees
from clerkdesk.services.demo import load_demo
from clerkdesk.services.meetings import list_meetings
from clerkdesk.storage.copy_db import content_hash, copy_database, row_counts
from clerkdesk.storage.database import open_database

pytestmark = pytest.mark.postgresql


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _fingerprint(target: str) -> tuple[dict[str, int], str]:
    database = open_database(target, must_exist=True)
    try:
        with database.engine.connect() as connection:
            return row_counts(connection), content_hash(connection)
    finally:
        database.close()


@pytest.fixture
def demo_file(tmp_path: Path) -> Path:
    path = tmp_path / "laptop.sqlite"
    database = open_database(path)
    load_demo(database)
    committees.create_committee(database, "Licensing Committee")
    database.close()
    return path


def test_sqlite_to_postgresql_and_back_keeps_every_row(demo_file, pg_server, tmp_path):
    team = pg_server.url(pg_server.new_database())
    seen: list[tuple[int, int]] = []
    report = copy_database(str(demo_file), team, progress=lambda done, all_: seen.append(
        (done, all_)))
    assert report.total > 50 and seen[-1] == (report.total, report.total)
    assert _fingerprint(team) == _fingerprint(str(demo_file)) == (report.rows,
                                                                 report.content_hash)
    back = tmp_path / "backup.sqlite"
    copy_database(team, str(back))
    assert _fingerprint(str(back)) == _fingerprint(str(demo_file))


def test_the_copy_takes_new_rows_after_the_copied_ones(demo_file, pg_server):
    team = pg_server.url(pg_server.new_database())
    copy_database(str(demo_file), team)
    database = open_database(team)
    committees.create_committee(database, "Audit Committee")
    names = [name for _id, name in committees.list_committees(database)]
    assert list_meetings(database) and "Audit Committee" in names
    database.close()


def test_a_non_empty_target_is_refused_and_left_byte_for_byte(demo_file, tmp_path):
    target = tmp_path / "other.sqlite"
    other = open_database(target)
    committees.create_committee(other, "Cabinet")
    other.close()
    before = sha256(target)
    with pytest.raises(StorageError, match="not empty"):
        copy_database(str(demo_file), str(target))
    assert sha256(target) == before


def test_a_non_empty_team_database_is_refused(demo_file, pg_server):
    team = pg_server.url(pg_server.new_database())
    copy_database(str(demo_file), team)
    with pytest.raises(StorageError, match="not empty"):
        copy_database(str(demo_file), team)
    assert _fingerprint(team) == _fingerprint(str(demo_file))


def test_cli_copy_db_reports_rows_and_hash(demo_file, pg_server):
    team = pg_server.url(pg_server.new_database())
    result = subprocess.run([sys.executable, "-m", "clerkdesk", "copy-db", str(demo_file), team],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    counts, digest = _fingerprint(team)
    assert f"{sum(counts.values())} rows" in result.stdout and digest[:16] in result.stdout
    again = subprocess.run([sys.executable, "-m", "clerkdesk", "copy-db", str(demo_file), team],
                           capture_output=True, text=True)
    assert again.returncode == 2
    assert again.stderr.count("\n") == 1 and "not empty" in again.stderr


def test_cli_init_db_prepares_an_empty_team_database(pg_server):
    name = pg_server.new_database()
    result = subprocess.run([sys.executable, "-m", "clerkdesk", "init-db", pg_server.url(name)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "ready" in result.stdout and "clerk-test-password" not in result.stdout
    assert pg_server.execute("SELECT count(*) FROM committee", name) == [(0,)]


def test_a_nul_character_in_an_older_file_does_not_stop_the_copy(demo_file, pg_server):
    import sqlite3

    with sqlite3.connect(demo_file) as raw:
        raw.execute("UPDATE paragraph SET text = ? WHERE id = 1", ("Noted\x00.",))
    team = pg_server.url(pg_server.new_database())
    copy_database(str(demo_file), team)
    name = team.rpartition("/")[2]
    assert pg_server.execute("SELECT text FROM paragraph WHERE id = 1", name) == [("Noted.",)]
