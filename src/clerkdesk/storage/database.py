"""The one place that opens a database: engine pragmas, version checks, upgrades, transactions."""

from __future__ import annotations

import datetime as dt
import logging
import os
import secrets
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import (
    URL,
    Connection,
    Engine,
    create_engine,
    event,
    exc,
    make_url,
    select,
    update,
)
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm import exc as orm_exc

from clerkdesk.errors import (
    NewerDatabaseVersion,
    NotAClerkDeskDatabase,
    ParagraphConflict,
    StorageError,
)
from clerkdesk.storage import backups, checked_files, search_index
from clerkdesk.storage.all_models import Base
from clerkdesk.storage.clerk import record_flag_changes
from clerkdesk.storage.errors_map import storage_error
from clerkdesk.storage.inspect_file import APP_ID, FileFacts, inspect_database_file
from clerkdesk.storage.location import database_file
from clerkdesk.storage.locks import refuse_changes_to_approved_minutes
from clerkdesk.storage.migrations import SCHEMA_VERSION, pending_steps
from clerkdesk.storage.models import Meta
from clerkdesk.storage.nul_characters import drop_nul_characters
from clerkdesk.storage.trial_upgrade import mismatched_table, trial_upgrade

log = logging.getLogger(__name__)
BUSY_TIMEOUT_MS = 5000
CONNECT_TIMEOUT_S = 5
READ_ONLY = "clerkdesk_read_only"  # execution option of the engine behind Database.reading()


def _sqlite_pragmas(busy_timeout_ms: int) -> Callable[[DBAPIConnection, object], None]:
    def set_pragmas(dbapi_connection: DBAPIConnection, _record: object) -> None:
        # Transactions are begun by _begin below, not by the sqlite3 module (which would
        # begin only at the first write, so a count read before an insert could go stale).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cursor.close()

    return set_pragmas


def _begin(connection: Connection) -> None:
    """A write takes the lock when its transaction starts, so a second ClerkDesk on the same file
    waits (busy_timeout) instead of interleaving its read-then-write with ours; a read takes no
    lock (deferred), and WAL lets it run beside a writer."""
    read_only = connection.get_execution_options().get(READ_ONLY, False)
    connection.exec_driver_sql("BEGIN DEFERRED" if read_only else "BEGIN IMMEDIATE")


def _make_engine(url: str | URL, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Engine:
    try:
        engine = create_engine(_with_driver(url), pool_pre_ping=True,
                               connect_args=_connect_args(url))
    except (exc.ArgumentError, exc.NoSuchModuleError):
        raise StorageError(
            f"ClerkDesk cannot use a database named {_shown(url)}: give a file path, or a "
            "sqlite:/// or postgresql:// URL."
        ) from None
    except ImportError as error:
        raise StorageError(
            f"The database driver for {_shown(url)} ({error.name}) is not installed: install "
            f"it (pip install {error.name}) or use a database file."
        ) from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas(busy_timeout_ms))
        event.listen(engine, "begin", _begin)
    return engine


def _with_driver(url: str | URL) -> str | URL:
    """postgresql:// means psycopg 3 (SQLAlchemy 2.0 would otherwise pick psycopg2)."""
    parsed = make_url(url)
    if parsed.drivername == "postgresql":
        return parsed.set(drivername="postgresql+psycopg")
    return url


def _connect_args(url: str | URL) -> dict[str, int | str]:
    """A team database that stops answering (the network dropped) fails in seconds instead of
    freezing the window until the operating system gives up. Each open team database names
    its connections "ClerkDesk <random>", so a window knows its own change notices."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql":
        return {}
    args: dict[str, int | str] = {}
    if "connect_timeout" not in parsed.query:
        args["connect_timeout"] = CONNECT_TIMEOUT_S
    if "application_name" not in parsed.query:
        args["application_name"] = f"ClerkDesk {secrets.token_hex(4)}"
    return args


def _shown(url: str | URL) -> str:
    """The URL without its password, for a message."""
    text = url if isinstance(url, str) else url.render_as_string()
    scheme, _, rest = text.partition("://")
    return f"{scheme}://{rest.rpartition('@')[2]}" if "@" in rest else text


class Database:
    """An open ClerkDesk database: `transaction()` gives a session that commits or rolls back."""

    def __init__(self, engine: Engine, path: Path | None) -> None:
        self.engine = engine
        self.path = path
        self._sessions = sessionmaker(engine, expire_on_commit=False, info={"database": self})
        self._read_sessions = sessionmaker(
            engine.execution_options(**{READ_ONLY: True}), expire_on_commit=False,
            info={"database": self})
        for sessions in (self._sessions, self._read_sessions):
            event.listen(sessions, "before_flush", refuse_changes_to_approved_minutes)
            event.listen(sessions, "before_flush", drop_nul_characters)
            event.listen(sessions, "before_flush", record_flag_changes)
        # The clerk recorded on changes: the login on a team database, unnamed on a file.
        self.clerk: str | None = None
        self.upgrade_backup: Path | None = None
        self.notices: tuple[str, ...] = ()  # said once on opening (e.g. a crash log dropped)
        self.checked_on: dt.date | None = None  # the file's last full check (storage.checked_files)
        self._backup: threading.Thread | None = None
        self._closed = False

    @property
    def label(self) -> str:
        if self.path:
            return str(self.path)
        url = self.engine.url  # shown without the password (not even as ***) or driver
        return URL.create(url.get_backend_name(), username=url.username, host=url.host,
                          port=url.port, database=url.database,
                          query=url.query).render_as_string()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed on success, rolled back on any exception."""
        with self._unit(self._sessions) as session:
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only unit of work: it takes no write lock, so it never waits for a writer."""
        with self._unit(self._read_sessions) as session:
            yield session

    @contextmanager
    def _unit(self, sessions: sessionmaker[Session]) -> Iterator[Session]:
        session = sessions()
        try:
            yield session
            session.commit()
        except exc.DBAPIError as error:
            session.rollback()
            raise storage_error(error, self.path) from error
        except orm_exc.StaleDataError as error:  # another clerk saved the same row meanwhile
            session.rollback()
            raise ParagraphConflict() from error
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

    def start_daily_backup(self) -> None:
        """`daily_backup` on a thread of its own: copying a ten-year file takes seconds, and
        SQLite copies without holding Python's lock, so the window stays responsive."""
        if self.path is not None and self._backup is None and not self._closed:
            self._backup = threading.Thread(target=self.daily_backup, name="daily-backup")
            self._backup.start()

    def close(self) -> None:
        self._closed = True
        if self._backup is not None:
            self._backup.join()  # a backup is never left half-written
        self.engine.dispose()
        if self.path is not None and self.checked_on is not None:
            checked_files.remember(self.path, self.checked_on)  # a clean close vouches for it


def open_database(
    target: str | Path, *, create_folder: bool = False, must_exist: bool = False,
    busy_timeout_ms: int = BUSY_TIMEOUT_MS,
) -> Database:
    """Open the database at a path or URL, upgrading an older schema.

    A missing file is created unless `must_exist`. However the file is named (a path or a
    sqlite:/// URL), it is inspected read-only first, and refused unchanged if it is not ours.
    """
    path = database_file(str(target))
    if path is None:
        database = Database(_make_engine(str(target), busy_timeout_ms), None)
        try:
            _prepare(database, _stored_version(database))
            database.clerk = _login(database)
        except exc.DBAPIError as error:
            database.close()
            raise storage_error(error) from error
        return database
    vouched = path.is_file() and checked_files.vouched(path)
    facts = _check_path(path, create_folder, must_exist, quick_check=not vouched)
    # A URL object, not "sqlite:///{path}": a "?" or "#" in a file name is not a query string.
    engine = _make_engine(URL.create("sqlite", database=str(path)), busy_timeout_ms)
    database = Database(engine, path)
    database.notices = facts.notices
    try:
        _prepare(database, facts.schema_version)
    except exc.DBAPIError as error:
        database.close()
        raise storage_error(error, path) from error
    except BaseException:
        database.close()
        raise
    database.checked_on = (checked_files.checked_on(path) if vouched else None) or dt.date.today()
    return database


def _check_path(path: Path, create_folder: bool, must_exist: bool, *,
                quick_check: bool = True) -> FileFacts:
    """What an existing file says about itself (version None when new); raises if it must not
    be opened."""
    if must_exist and not path.exists():
        raise StorageError(f"There is no ClerkDesk database at {path}.")
    if not path.parent.is_dir():
        if not create_folder:
            raise StorageError(f"The folder {path.parent} does not exist.")
        path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        return FileFacts(schema_version=None)
    facts = inspect_database_file(path, quick_check=quick_check)
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise StorageError(
            f"{path} is read-only (or its folder is), so ClerkDesk could not save to it. "
            "Copy it somewhere you can write to, or change its permissions."
        )
    version = facts.schema_version
    if version is not None and version < SCHEMA_VERSION:
        trial_upgrade(path, version)  # on a copy in memory: a failing step changes nothing
    elif version == SCHEMA_VERSION:
        _check_columns(path, facts)
    return facts


def _check_columns(path: Path, facts: FileFacts) -> None:
    mismatch = mismatched_table(facts.columns)
    if mismatch:
        raise NotAClerkDeskDatabase(
            f"{path} is not a ClerkDesk database ClerkDesk can use: its {mismatch} does not "
            "match ClerkDesk's. It was not changed."
        )


def _stored_version(database: Database) -> int | None:
    with database.engine.connect() as connection:
        if not database.engine.dialect.has_table(connection, Meta.__tablename__):
            _refuse_foreign_tables(database, connection)
            return None
        row = connection.execute(
            select(Meta.value).where(Meta.key == "schema_version")
        ).scalar_one_or_none()
    if row is None:
        return None
    if not (row.isascii() and row.isdigit() and int(row) >= 1):
        raise NotAClerkDeskDatabase(
            f"{database.label} has schema version {row!r}, which ClerkDesk never wrote. "
            "It was not changed."
        )
    return int(row)


def _login(database: Database) -> str:
    """The user the server knows us as (libpq may have taken it from the OS or ~/.pgpass)."""
    with database.engine.connect() as connection:
        user: str = connection.exec_driver_sql("SELECT current_user").scalar_one()
        return user


def _refuse_foreign_tables(database: Database, connection: Connection) -> None:
    """A server database holding another application's tables is not ours to fill."""
    others = database.engine.dialect.get_table_names(connection)
    if others:
        raise NotAClerkDeskDatabase(
            f"{database.label} is not a ClerkDesk database (it holds other tables, such as "
            f"{sorted(others)[0]}): give an empty database. It was not changed."
        )


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
    # A read first (no write lock, so opening never waits for another program's long write);
    # only a SQLite build without FTS5 needs to write, to take the index's triggers away.
    with database.engine.connect().execution_options(**{READ_ONLY: True}) as connection:
        if search_index.fts5_available(connection):
            return
    with database.engine.begin() as connection:
        search_index.on_open(connection)


def _create_schema(database: Database) -> None:
    from clerkdesk.storage import change_notices

    Base.metadata.create_all(database.engine)
    with database.engine.begin() as connection:
        change_notices.install(connection)
    with database.transaction() as session:
        session.merge(Meta(key="application", value=APP_ID))
        session.merge(Meta(key="schema_version", value=str(SCHEMA_VERSION)))


def _upgrade(database: Database, version: int) -> None:
    if database.path is not None:
        when = dt.datetime.now()
        copy = backups.upgrade_backup_path(database.path, version, when)
        backups.sqlite_copy(database.path, copy)
        database.upgrade_backup = copy
    try:
        with database.engine.begin() as connection:
            for from_version, step in pending_steps(version):
                log.info("upgrading schema from version %s", from_version)
                step(connection)
            connection.execute(
                update(Meta)
                .where(Meta.key == "schema_version")
                .values(value=str(SCHEMA_VERSION))
            )
    except Exception as error:  # a failing step, rolled back with the transaction
        detail = str(getattr(error, "orig", None) or error).splitlines()[0]
        raise StorageError(
            f"{database.label} could not be upgraded from schema version {version} ({detail}); "
            "the upgrade was undone: please report this."
        ) from error
