"""Version 5 -> 6: whether members attending remotely count towards a committee's quorum."""

from sqlalchemy import Boolean, Column, Connection


def upgrade(connection: Connection) -> None:
    from clerkdesk.storage.migrations import operations

    operations(connection).add_column(
        "committee",
        Column("remote_counts_for_quorum", Boolean, nullable=False, server_default="0"),
    )
