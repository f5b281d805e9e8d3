"""Version 3 -> 4: review checks — committee review settings, dismissed findings, glossary."""

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    DateTime,
    ForeignKey,
    Integer,
    String,
    UniqueConstraint,
)


def upgrade(connection: Connection) -> None:
    from clerkdesk.storage.migrations import operations

    ops = operations(connection)
    ops.add_column("committee", Column("review_expects_resolution", Boolean, nullable=False,
                                       server_default="0"))
    ops.add_column("committee", Column("review_long_paragraph_words", Integer, nullable=False,
                                       server_default="250"))
    ops.add_column("committee", Column("review_outstanding_meetings", Integer, nullable=False,
                                       server_default="2"))
    ops.create_table(
        "review_dismissal",
        Column("id", Integer, primary_key=True),
        Column("meeting_id", Integer, ForeignKey("meeting.id", ondelete="CASCADE"),
               nullable=False),
        Column("key", String(200), nullable=False),
        Column("dismissed_at", DateTime, nullable=False),
        UniqueConstraint("meeting_id", "key"),
    )
    ops.create_table(
        "glossary_entry",
        Column("id", Integer, primary_key=True),
        Column("committee_id", Integer, ForeignKey("committee.id", ondelete="CASCADE"),
               nullable=False),
        Column("acronym", String(20), nullable=False),
        Column("expansion", String(300), nullable=False),
        UniqueConstraint("committee_id", "acronym"),
    )
