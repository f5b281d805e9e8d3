"""Version 10 -> 11: team mode — the clerk behind each revision, flag change and approval, and
a version number per paragraph for optimistic concurrency."""

from sqlalchemy import Column, Connection, Integer, String


def upgrade(connection: Connection) -> None:
    from clerkdesk.storage.migrations import operations

    ops = operations(connection)
    ops.add_column("paragraph_revision", Column("clerk", String(100), nullable=True))
    ops.add_column("flag", Column("changed_by", String(100), nullable=True))
    ops.add_column("meeting", Column("approval_recorded_by", String(100), nullable=True))
    ops.add_column("paragraph", Column("version", Integer, nullable=False, server_default="1"))
