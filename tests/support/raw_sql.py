"""Read what a database holds with plain SQL, outside ClerkDesk's sessions (any dialect)."""

from __future__ import annotations

import datetime as dt


def raw_rows(db, sql: str, *params) -> list[tuple]:
    """Rows of `sql` (with `?` placeholders) on a fresh connection to `db`'s database; dates
    and times as the ISO text SQLite holds, so one expectation fits both databases."""
    if db.engine.dialect.name == "postgresql":
        sql = sql.replace("?", "%s")
    with db.engine.connect() as connection:
        rows = connection.exec_driver_sql(sql, tuple(params)).fetchall()
    return [tuple(map(_as_sqlite_text, row)) for row in rows]


def _as_sqlite_text(value: object) -> object:
    if isinstance(value, dt.datetime):
        return value.isoformat(" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return value


def target_of(db) -> str:
    """What to pass as --db to reach the same database as `db` (a path or a URL)."""
    if db.path is not None:
        return str(db.path)
    return db.engine.url.render_as_string(hide_password=False)
