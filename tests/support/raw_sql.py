"""Read what a database holds with plain SQL, outside ClerkDesk's sessions (any dialect)."""

from __future__ import annotations


def raw_rows(db, sql: str, *params) -> list[tuple]:  # noqa: ANN001, ANN002
    """Rows of `sql` (with `?` placeholders) on a fresh connection to `db`'s database."""
    if db.engine.dialect.name == "postgresql":
        sql = sql.replace("?", "%s")
    with db.engine.connect() as connection:
        return [tuple(row) for row in connection.exec_driver_sql(sql, tuple(params)).fetchall()]


def target_of(db) -> str:  # noqa: ANN001
    """What to pass as --db to reach the same database as `db` (a path or a URL)."""
    if db.path is not None:
        return str(db.path)
    return db.engine.url.render_as_string(hide_password=False)
