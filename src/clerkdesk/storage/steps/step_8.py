"""Version 8 -> 9: spelling — the committee dictionary, ignored words, house-style settings."""

from sqlalchemy import Column, Connection, ForeignKey, Integer, String, Text, UniqueConstraint


def upgrade(connection: Connection) -> None:
    from clerkdesk.storage.migrations import operations

    ops = operations(connection)
    ops.create_table(
        "committee_word",
        Column("id", Integer, primary_key=True),
        Column("committee_id", Integer, ForeignKey("committee.id", ondelete="CASCADE"),
               nullable=False),
        Column("word", String(100), nullable=False),
        UniqueConstraint("committee_id", "word"),
    )
    ops.create_table(
        "ignored_word",
        Column("id", Integer, primary_key=True),
        Column("meeting_id", Integer, ForeignKey("meeting.id", ondelete="CASCADE"),
               nullable=False),
        Column("word", String(100), nullable=False),
        UniqueConstraint("meeting_id", "word"),
    )
    ops.create_table(
        "house_style",
        Column("committee_id", Integer, ForeignKey("committee.id", ondelete="CASCADE"),
               primary_key=True),
        Column("settings", Text, nullable=False),
    )
