"""The full-text search index: an FTS5 external-content table kept in sync by SQL triggers.

Triggers, not services, keep it in sync: every write path (editor, importers, CLI, bulk
`UPDATE`s, code on other branches) updates it without having to remember, in the same
transaction. Names are not copied into the index: a reference stays the single token `{@18}`
and a name in a query is turned into the tokens of the people it matches, so correcting a name
in the roster needs no re-indexing.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import Connection, event, text

from clerkdesk.storage.models import Base

log = logging.getLogger(__name__)

INDEX = "search_index"
SOURCE = "search_source"
# A document id is source row id * KINDS + kind, so one index covers several tables.
KINDS = 8
TOKENIZER = "porter unicode61 tokenchars '{@}'"


@dataclass(frozen=True)
class Source:
    """One indexed table: its kind number, the columns whose change re-indexes, the text."""

    table: str
    kind: int
    columns: tuple[str, ...]
    body: str  # an SQL expression over alias `{t}`

    def body_of(self, alias: str) -> str:
        return self.body.format(t=alias)


def _person(column: str) -> str:
    return f"coalesce(' {{{{@' || {{t}}.{column} || '}}}}', '')"


SOURCES = (
    Source("paragraph", 0, ("text",), "coalesce({t}.text, '')"),
    Source("agenda_item", 1, ("title",), "coalesce({t}.title, '')"),
    Source(
        "request_flag", 2, ("what", "asked_of_body", "asked_of_person_id"),
        "coalesce({t}.what, '') || ' ' || coalesce({t}.asked_of_body, '')"
        + " || " + _person("asked_of_person_id"),
    ),
    Source(
        "action_flag", 3, ("what", "who_person_id"),
        "coalesce({t}.what, '') || " + _person("who_person_id"),
    ),
    Source(
        "declaration_flag", 4, ("interest_kind", "person_id"),
        "coalesce({t}.interest_kind, '') || " + _person("person_id"),
    ),
)
SOURCE_BY_KIND = {source.kind: source for source in SOURCES}


def fts5_available(connection: Connection) -> bool:
    """Whether this SQLite build has FTS5 (some third-party Python builds lack it)."""
    if connection.dialect.name != "sqlite":
        return False
    try:
        connection.exec_driver_sql("CREATE VIRTUAL TABLE temp.clerkdesk_fts5_probe USING fts5(x)")
        connection.exec_driver_sql("DROP TABLE temp.clerkdesk_fts5_probe")
    except Exception:  # noqa: BLE001 - any failure means no FTS5
        return False
    return True


def index_exists(connection: Connection) -> bool:
    found = connection.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (INDEX,)
    ).first()
    return found is not None


def _doc_id(source: Source, alias: str) -> str:
    return f"{alias}.id * {KINDS} + {source.kind}"


def _view_sql() -> str:
    arms = [
        f"SELECT {_doc_id(s, 'x')} AS doc_id, {s.body_of('x')} AS body FROM {s.table} AS x"
        for s in SOURCES
    ]
    return f"CREATE VIEW {SOURCE} AS " + " UNION ALL ".join(arms)


def _trigger_sql(source: Source) -> list[str]:
    add = (
        f"INSERT INTO {INDEX}(rowid, body) "
        f"VALUES ({_doc_id(source, 'new')}, {source.body_of('new')});"
    )
    remove = (
        f"INSERT INTO {INDEX}({INDEX}, rowid, body) "
        f"VALUES ('delete', {_doc_id(source, 'old')}, {source.body_of('old')});"
    )
    name = f"{INDEX}_{source.table}"
    columns = ", ".join(source.columns)
    return [
        f"CREATE TRIGGER {name}_ai AFTER INSERT ON {source.table} BEGIN {add} END",
        f"CREATE TRIGGER {name}_ad AFTER DELETE ON {source.table} BEGIN {remove} END",
        f"CREATE TRIGGER {name}_au AFTER UPDATE OF {columns} ON {source.table} "
        f"BEGIN {remove} {add} END",
    ]


def create_index(connection: Connection) -> bool:
    """Create the content view, and with FTS5 the index and its triggers, filled; False without."""
    connection.exec_driver_sql(_view_sql().replace("CREATE VIEW", "CREATE VIEW IF NOT EXISTS"))
    if not fts5_available(connection):
        log.warning("SQLite has no FTS5: search will use plain text matching")
        return False
    connection.exec_driver_sql(
        f"CREATE VIRTUAL TABLE {INDEX} USING fts5(body, content='{SOURCE}', "
        f"content_rowid='doc_id', tokenize=\"{TOKENIZER}\")"
    )
    for source in SOURCES:
        for statement in _trigger_sql(source):
            connection.exec_driver_sql(statement)
    rebuild(connection)
    return True


def _trigger_names() -> list[str]:
    return [f"{INDEX}_{s.table}_{suffix}" for s in SOURCES for suffix in ("ai", "ad", "au")]


def triggers_complete(connection: Connection) -> bool:
    found = {name for (name,) in connection.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    return set(_trigger_names()) <= found


def drop_triggers(connection: Connection) -> None:
    """Stop writes from touching the index (a build without FTS5 could not write to it)."""
    for name in _trigger_names():
        connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")


def drop_index(connection: Connection) -> None:
    """Remove the index, view and triggers (the indexed tables are untouched)."""
    drop_triggers(connection)
    connection.exec_driver_sql(f"DROP TABLE IF EXISTS {INDEX}")
    connection.exec_driver_sql(f"DROP VIEW IF EXISTS {SOURCE}")


def rebuild(connection: Connection) -> None:
    """Re-read every indexed text into the index."""
    connection.exec_driver_sql(f"INSERT INTO {INDEX}({INDEX}) VALUES ('rebuild')")


def index_is_sound(connection: Connection) -> bool:
    """FTS5's own integrity check, comparing the index with the texts it was built from."""
    try:
        connection.execute(
            text(f"INSERT INTO {INDEX}({INDEX}, rank) VALUES ('integrity-check', 1)")
        )
    except Exception as error:  # noqa: BLE001 - corrupt (SQLITE_CORRUPT_VTAB) or unreadable
        log.warning("search index failed its integrity check: %s", error)
        return False
    return True


def ensure_index(connection: Connection) -> str:
    """Make search usable: 'ok', 'created', 'rebuilt', or 'unavailable' (no FTS5: LIKE)."""
    if not fts5_available(connection):
        drop_triggers(connection)
        connection.exec_driver_sql(_view_sql().replace("CREATE VIEW", "CREATE VIEW IF NOT EXISTS"))
        return "unavailable"
    if not index_exists(connection):
        create_index(connection)
        return "created"
    if not triggers_complete(connection):
        drop_index(connection)
        create_index(connection)
        return "rebuilt"
    if index_is_sound(connection):
        return "ok"
    rebuild(connection)
    return "rebuilt"


def _after_create(_metadata: object, connection: Connection, **_kw: object) -> None:
    if connection.dialect.name == "sqlite" and not index_exists(connection):
        create_index(connection)


def on_open(connection: Connection) -> None:
    """At every open: without FTS5, take the index's triggers away so saving still works."""
    if connection.dialect.name == "sqlite" and not fts5_available(connection):
        drop_triggers(connection)


event.listen(Base.metadata, "after_create", _after_create)
