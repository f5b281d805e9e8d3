"""The one place that opens a database: engine pragmas, version checks, upgrades, transactions."""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import URL, Engine, create_engine, event, exc, select
from sqlalchemy.orm import Session, sessionmaker

from clerkdesk.errors import NewerDatabaseVersion, StorageError
from clerkdesk.storage import backups, search_index
from clerkdesk.storage.all_models import Base
from clerkdesk.storage.errors_map import storage_error
from clerkdesk.storage.inspect_file import APP_ID, inspect_database_file
from clerkdesk.storage.location import is_url
from clerkdesk.storage.locks import refuse_changes_to_approved_minutes
from clerkdesk.storage.migrations import SCHEMA_VERSION, pending_steps
from clerkdesk.storage.models import Meta

log = logging.getLogger(__name__)
BUSY_TIMEOUT_MS = 5000


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # noqa: ANN001 - DB-API objects
    # Transactions are begun by _begin_immediate below, not by the sqlite3 module (which would
    # begin only at the first write, so a count read before an insert could go stale).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.close()


def _begin_immediate(connection) -> None:  # noqa: ANN001 - a SQLAlchemy Connection
    """Take the write lock when a transaction starts, so a second ClerkDesk on the same file
    waits (busy_timeout) instead of interleaving its read-then-write with ours."""
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def _make_engine(url: str | URL) -> Engine:
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _begin_immediate)
    return engine


class Database:
    """An open ClerkDesk database: `transaction()` gives a session that commits or rolls back."""

    def __init__(self, engine: Engine, path: Path | None) -> None:
        self.engine = engine
        self.path = path
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        event.listen(self._sessions, "before_flush", refuse_changes_to_approved_minutes)
        self.upgrade_backup: Path | None = None

    @property
    def label(self) -> str:
        return str(self.path) if self.path else self.engine.url.render_as_string()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed on success, rolled back on any exception."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except exc.DBAPIError as error:
            session.rollback()
            raise storage_error(error) from error
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def daily_backup(self) -> Path | None:
        """Today's backup copy beside a file database (a no-op for server URLs)."""
        if self.path is None:
            return None
        try:
            return backups.daily_backup(self.path)
        except OSError as error:
            log.warning("daily backup failed: %s", error)
            return None

    def close(self) -> None:
        self.engine.dispose()


def open_database(target: str | Path, *, create_folder: bool = False) -> Database:
    """Open (creating if absent) the database at a path or URL, upgrading an older schema."""
    target = str(target)
    if is_url(target):
        database = Database(_make_engine(target), None)
        _prepare(database, _stored_version(database))
        return database
    path = Path(target).expanduser().absolute()
    version = _check_path(path, create_folder)
    # A URL object, not "sqlite:///{path}": a "?" or "#" in a file name is not a query string.
    database = Database(_make_engine(URL.create("sqlite", database=str(path))), path)
    try:
        _prepare(database, version)
    except exc.DBAPIError as error:
        database.close()
        raise storage_error(error) from error
    except BaseException:
        database.close()
        raise
    return database


def _check_path(path: Path, create_folder: bool) -> int | None:
    """Schema version of an existing file (None when new); raises if it must not be opened."""
    if not path.parent.is_dir():
        if not create_folder:
            raise StorageError(f"The folder {path.parent} does not exist.")
        path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        return None
    facts = inspect_database_file(path)
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise StorageError(
            f"{path} is read-only (or its folder is), so ClerkDesk could not save to it. "
            "Copy it somewhere you can write to, or change its permissions."
        )
    return facts.schema_version


def _stored_version(database: Database) -> int | None:
    with database.engine.connect() as connection:
        if not database.engine.dialect.has_table(connection, Meta.__tablename__):
            return None
        row = connection.execute(
            select(Meta.value).where(Meta.key == "schema_version")
        ).scalar_one_or_none()
    return int(row) if row else None


def _prepare(database: Database, version: int | None) -> None:
    if version is None:
        _create_schema(database)
    elif version > SCHEMA_VERSION:
        raise NewerDatabaseVersion(
            f"{database.label} was written by a newer ClerkDesk (schema version {version}); "
            f"this ClerkDesk understands up to version {SCHEMA_VERSION}. Please update ClerkDesk."
        )
    elif version < SCHEMA_VERSION:
        _upgrade(database, version)
    with database.engine.begin() as connection:
        search_index.on_open(connection)


def _create_schema(database: Database) -> None:
    Base.metadata.create_all(database.engine)
    with database.transaction() as session:
        session.merge(Meta(key="application", value=APP_ID))
        session.merge(Meta(key="schema_version", value=str(SCHEMA_VERSION)))


def _upgrade(database: Database, version: int) -> None:
    if database.path is not None:
        when = dt.datetime.now()
        copy = backups.upgrade_backup_path(database.path, version, when)
        backups.sqlite_copy(database.path, copy)
        database.upgrade_backup = copy
    with database.engine.begin() as connection:
        for from_version, step in pending_steps(version):
            log.info("upgrading schema from version %s", from_version)
            step(connection)
        connection.execute(
            Meta.__table__.update()
            .where(Meta.key == "schema_version")
            .values(value=str(SCHEMA_VERSION))
        )
