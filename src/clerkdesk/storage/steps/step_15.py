"""Version 15 -> 16: change notices for other clerks' windows (PostgreSQL triggers only)."""

from sqlalchemy import Connection


def upgrade(connection: Connection) -> None:
    from clerkdesk.storage.change_notices import install

    install(connection)
