"""Version 9 -> 10: each committee's standard agenda items ('' means ClerkDesk's default)."""

from sqlalchemy import Column, Connection, Text


def upgrade(connection: Connection) -> None:
    from clerkdesk.storage.migrations import operations

    operations(connection).add_column(
        "committee", Column("agenda_template", Text, nullable=False, server_default="")
    )
