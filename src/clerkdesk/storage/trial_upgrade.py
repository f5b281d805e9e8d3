"""Check a file before writing to it: its tables against the models, and its upgrade on a copy."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.pool import StaticPool

from clerkdesk.errors import NotAClerkDeskDatabase
from clerkdesk.storage.all_models import Base
from clerkdesk.storage.inspect_file import read_only_uri
from clerkdesk.storage.migrations import pending_steps


def mismatched_table(columns: dict[str, set[str]]) -> str | None:
    """'table meeting' (missing or lacking a column) when the tables differ from the models."""
    for table in Base.metadata.sorted_tables:
        found = columns.get(table.name)
        if found is None:
            return f"table {table.name} (missing)"
        missing = sorted({column.name for column in table.columns} - found)
        if missing:
            return f"table {table.name} (no column {missing[0]})"
    return None


def trial_upgrade(path: Path, version: int) -> None:
    """Run the upgrade steps on an in-memory copy; refuse, file untouched, if any step fails."""
    copy = sqlite3.connect(":memory:", check_same_thread=False)
    source = sqlite3.connect(read_only_uri(path), uri=True)
    try:
        source.backup(copy)
    finally:
        source.close()
    engine = create_engine("sqlite://", creator=lambda: copy, poolclass=StaticPool)
    try:
        with engine.begin() as connection:
            for _from_version, step in pending_steps(version):
                step(connection)
            columns = {
                name: {row[1] for row in connection.exec_driver_sql(
                    f'PRAGMA table_info("{name}")')}
                for (name,) in connection.exec_driver_sql(
                    "SELECT name FROM sqlite_master WHERE type = 'table'")
            }
    except Exception as error:  # any failing step, whatever it raised
        detail = str(getattr(error, "orig", None) or error).splitlines()[0]
        raise NotAClerkDeskDatabase(
            f"{path} could not be upgraded from schema version {version} ({detail}), so it was "
            "not changed: keep using the ClerkDesk that wrote it, and please report this."
        ) from error
    finally:
        engine.dispose()
        copy.close()
    mismatch = mismatched_table(columns)
    if mismatch:
        raise NotAClerkDeskDatabase(
            f"{path} could not be upgraded from schema version {version}: its {mismatch} does "
            "not match ClerkDesk's, so it was not changed."
        )
