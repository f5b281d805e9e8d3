"""Database errors are sorted by their error code: the environment's fault is a StorageError the
clerk can act on, ClerkDesk's own mistake is a DatabaseBug (never shown as "not saved")."""

import sqlite3

import pytest
import sqlalchemy as sa
from sqlalchemy import exc

from clerkdesk.errors import (
    ClerkDeskError,
    DatabaseBug,
    DatabaseBusy,
    ServerUnreachable,
    StorageError,
)
from clerkdesk.storage.database import open_database
from clerkdesk.storage.errors_map import storage_error
from clerkdesk.storage.models import Committee


def test_a_constraint_violation_is_a_bug_not_the_users_problem(db):
    with db.transaction() as session:
        session.add(Committee(name="Fictional Parks Committee"))
    with pytest.raises(DatabaseBug) as raised, db.transaction() as session:
        session.add(Committee(name="Fictional Parks Committee"))
    assert not isinstance(raised.value, ClerkDeskError)
    assert isinstance(raised.value.__cause__, exc.IntegrityError)


def test_a_missing_table_is_a_bug(db):
    with pytest.raises(DatabaseBug), db.transaction() as session:
        session.execute(sa.text("SELECT * FROM no_such_table"))


def test_a_locked_database_is_busy_for_the_user(db_path):
    db = open_database(db_path, busy_timeout_ms=0)
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(DatabaseBusy, match="busy"), db.transaction() as session:
            session.add(Committee(name="Fictional Roads Committee"))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        db.close()


def test_a_read_only_file_is_the_users_to_fix(db_path):
    open_database(db_path).close()
    reader = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    with pytest.raises(sqlite3.OperationalError) as raised:
        reader.execute("INSERT INTO committee (name) VALUES ('Fictional Ward Forum')")
    reader.close()
    error = storage_error(exc.OperationalError("INSERT", {}, raised.value), db_path)
    assert type(error) is StorageError and "read-only" in str(error)


@pytest.mark.parametrize(("sqlite_name", "kind"), [
    ("SQLITE_FULL", StorageError), ("SQLITE_CORRUPT", StorageError),
    ("SQLITE_CANTOPEN", StorageError), ("SQLITE_BUSY", DatabaseBusy),
    ("SQLITE_CONSTRAINT_FOREIGNKEY", DatabaseBug), ("SQLITE_MISUSE", DatabaseBug),
    ("SQLITE_ERROR", DatabaseBug),
])
def test_the_code_not_the_wording_decides(sqlite_name, kind):
    codes = {"SQLITE_FULL": 13, "SQLITE_CORRUPT": 11, "SQLITE_CANTOPEN": 14, "SQLITE_BUSY": 5,
             "SQLITE_CONSTRAINT_FOREIGNKEY": 787, "SQLITE_MISUSE": 21, "SQLITE_ERROR": 1}
    original = sqlite3.OperationalError("database is locked (a misleading text)")
    original.sqlite_errorcode, original.sqlite_errorname = codes[sqlite_name], sqlite_name
    assert type(storage_error(exc.OperationalError("x", {}, original))) is kind


class _PsycopgLike(Exception):
    def __init__(self, sqlstate: str) -> None:
        super().__init__("server said no")
        self.sqlstate = sqlstate


@pytest.mark.parametrize(("sqlstate", "kind"), [
    ("23505", DatabaseBug), ("42P01", DatabaseBug), ("40P01", DatabaseBusy),
    ("53100", StorageError), ("08006", ServerUnreachable),
])
def test_postgresql_errors_are_sorted_by_sqlstate(sqlstate, kind):
    assert type(storage_error(exc.DBAPIError("x", {}, _PsycopgLike(sqlstate)))) is kind
