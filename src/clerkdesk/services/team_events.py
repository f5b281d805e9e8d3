"""Change notices between clerks on a team (PostgreSQL) database.

The database's triggers send NOTIFY clerkdesk with what changed (meeting, kind, id, item,
version, clerk, app) when a change commits (`storage/change_notices.py`); a window listens on a
connection of its own and reads notices when its socket has data (no thread, no polling). A
clerk typing in an item announces it the same way, as kind "typing".
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text

from clerkdesk.errors import StorageError
from clerkdesk.storage.change_notices import CHANNEL
from clerkdesk.storage.database import Database

TYPING = "typing"


@dataclass(frozen=True)
class TeamEvent:
    """One change (or a clerk typing) in a meeting, as a notice reported it."""

    meeting: int
    kind: str  # a table name ("paragraph", "agenda_item", "attendance", "flag"…) or "typing"
    op: str  # insert / update / delete (typing: "typing")
    id: int | None
    item: int | None
    version: int | None
    clerk: str | None
    app: str  # the writer's connection name: a window ignores its own


def parse(payload: str) -> TeamEvent | None:
    """A notice's event; None for a payload this version does not understand."""
    try:
        fields: dict[str, Any] = json.loads(payload)
        return TeamEvent(int(fields["meeting"]), str(fields["kind"]), str(fields["op"]),
                         fields.get("id"), fields.get("item"), fields.get("version"),
                         fields.get("clerk"), str(fields.get("app") or ""))
    except (ValueError, KeyError, TypeError):
        return None


def is_team_database(db: Database) -> bool:
    return db.engine.dialect.name == "postgresql"


def own_name(db: Database) -> str:
    """The application_name this database's connections carry."""
    with db.engine.connect() as connection:
        return str(connection.execute(text("SHOW application_name")).scalar_one())


class Listener:
    """A connection listening for change notices; `fileno()` becomes readable when one came."""

    def __init__(self, db: Database) -> None:
        import psycopg

        self.name = own_name(db)
        args, params = db.engine.dialect.create_connect_args(db.engine.url)
        try:
            self.connection = psycopg.connect(*args, **params, autocommit=True,
                                              application_name=self.name)
            self.connection.execute(f"LISTEN {CHANNEL}")
        except psycopg.Error as error:
            raise StorageError(f"Other clerks' changes cannot be shown live: {error}") from error

    def fileno(self) -> int:
        return self.connection.fileno()

    def read(self) -> list[TeamEvent]:
        """The notices that have arrived (without waiting), other windows' only."""
        import psycopg

        try:
            notices = list(self.connection.notifies(timeout=0))
        except psycopg.Error as error:
            raise StorageError(f"The connection for live changes was lost: {error}") from error
        events = (parse(notice.payload) for notice in notices)
        return [e for e in events if e is not None and e.app != self.name]

    def announce_typing(self, meeting_id: int, item_id: int, clerk: str | None) -> None:
        """Tell other windows this clerk is typing in the item (their agenda shows it)."""
        import psycopg

        payload = json.dumps({"meeting": meeting_id, "kind": TYPING, "op": TYPING,
                              "item": item_id, "clerk": clerk, "app": self.name})
        try:
            self.connection.execute("SELECT pg_notify(%s, %s)", (CHANNEL, payload))
        except psycopg.Error as error:
            raise StorageError(f"The connection for live changes was lost: {error}") from error

    def close(self) -> None:
        self.connection.close()
