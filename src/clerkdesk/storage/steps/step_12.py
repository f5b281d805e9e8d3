"""Version 12 -> 13: the blocking findings each meeting was exported anyway over."""

from sqlalchemy import Column, Connection, Text


def upgrade(connection: Connection) -> None:
    from clerkdesk.storage.migrations import operations

    operations(connection).add_column(
        "meeting", Column("export_accepted", Text, nullable=False, server_default=""))
