"""Version 1 -> 2: committees get their own reported-speech phrases ('explained that', …)."""

from sqlalchemy import Column, Connection, Text


def upgrade(connection: Connection) -> None:
    from clerkdesk.storage.migrations import operations

    operations(connection).add_column(
        "committee", Column("speech_phrases", Text, nullable=False, server_default="")
    )
