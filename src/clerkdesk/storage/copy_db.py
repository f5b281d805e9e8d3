"""Copy a whole ClerkDesk database into an empty one (SQLite ⇄ PostgreSQL), checked by counts
and a content hash."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from sqlalchemy import Connection, Integer, Table, func, select, text

from clerkdesk.errors import StorageError
from clerkdesk.storage.all_models import Base
from clerkdesk.storage.database import Database, open_database
from clerkdesk.storage.models import Meta

BATCH_ROWS = 500  # rows × columns stays under SQLite's 32766 parameters
Progress = Callable[[int, int], None]  # (rows copied, rows in all)


@dataclass(frozen=True)
class CopyReport:
    """What was copied: rows per table and the content hash both databases agree on."""

    rows: dict[str, int]
    content_hash: str

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def data_tables() -> list[Table]:
    """ClerkDesk's tables in foreign-key order, less the version table (each side has one)."""
    return [t for t in Base.metadata.sorted_tables if t.name != Meta.__tablename__]


def copy_database(source: str, target: str, progress: Progress | None = None) -> CopyReport:
    """Copy every row of `source` into the empty database `target` (created when missing)."""
    source_db = open_database(source, must_exist=True)
    try:
        target_db = open_database(target)
        try:
            if target_db.label == source_db.label:
                raise StorageError("The source and the target are the same database.")
            return _copy(source_db, target_db, progress or (lambda _done, _all: None))
        finally:
            target_db.close()
    finally:
        source_db.close()


def _copy(source_db: Database, target_db: Database, progress: Progress) -> CopyReport:
    with source_db.engine.connect() as reader, target_db.engine.begin() as writer:
        counts = row_counts(reader)
        _refuse_non_empty(target_db.label, writer)
        done = 0
        for table in data_tables():
            for batch in _batches(reader, table):
                writer.execute(table.insert().values(batch))  # one statement: self-references hold
                done += len(batch)
                progress(done, sum(counts.values()))
        _restart_sequences(writer)
        expected, copied = content_hash(reader), content_hash(writer)
        if row_counts(writer) != counts or copied != expected:
            raise StorageError("The copy does not match the source (counts or content differ); "
                               "nothing was written to the target.")
    return CopyReport(counts, expected)


def row_counts(connection: Connection) -> dict[str, int]:
    return {t.name: connection.execute(select(func.count()).select_from(t)).scalar_one()
            for t in data_tables()}


def _refuse_non_empty(label: str, connection: Connection) -> None:
    filled = [name for name, count in row_counts(connection).items() if count]
    if filled:
        raise StorageError(f"{label} is not empty (its {filled[0]} table has rows): copy-db "
                           "only copies into an empty database, so nothing was changed.")


def _batches(connection: Connection, table: Table) -> Iterator[list[dict[str, object]]]:
    rows = connection.execute(select(table).order_by(*table.primary_key.columns))
    while chunk := rows.fetchmany(BATCH_ROWS):
        yield [{key: _without_nul(value) for key, value in row._mapping.items()}
               for row in chunk]


def _without_nul(value: object) -> object:
    """Older files may hold U+0000, which PostgreSQL refuses (ClerkDesk no longer stores it)."""
    return value.replace("\x00", "") if isinstance(value, str) else value


def content_hash(connection: Connection) -> str:
    """SHA-256 of every row of every table in primary-key order, as the Python values copied."""
    digest = hashlib.sha256()
    for table in data_tables():
        digest.update(table.name.encode())
        for row in connection.execute(select(table).order_by(*table.primary_key.columns)):
            digest.update(repr(tuple(_without_nul(value) for value in row)).encode())
    return digest.hexdigest()


def _restart_sequences(connection: Connection) -> None:
    """PostgreSQL's id sequences continue after the copied ids (SQLite needs nothing)."""
    if connection.dialect.name != "postgresql":
        return
    for table in data_tables():
        key = list(table.primary_key.columns)
        if len(key) == 1 and isinstance(key[0].type, Integer):
            connection.execute(text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', '{key[0].name}'), "
                f"COALESCE((SELECT max({key[0].name}) FROM {table.name}), 0) + 1, false)"))
