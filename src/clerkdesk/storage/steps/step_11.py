"""Version 11 -> 12: each committee's wording for a withheld exempt item ("" = the standard)."""

from sqlalchemy import Column, Connection, Text


def upgrade(connection: Connection) -> None:
    from clerkdesk.storage.migrations import operations

    operations(connection).add_column(
        "committee", Column("exempt_wording", Text, nullable=False, server_default=""))
