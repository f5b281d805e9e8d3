"""Version 4 -> 5: paragraph revisions (history), correction notes, and meeting approval."""

from sqlalchemy import Column, Connection, Date, DateTime, ForeignKey, Integer, String, Text


def upgrade(connection: Connection) -> None:
    from clerkdesk.storage.migrations import operations

    ops = operations(connection)
    for name in ("approved_on", "published_on"):
        ops.add_column("meeting", Column(name, Date, nullable=True))
    for name in ("approved_at_meeting_id", "approved_by_id"):
        ops.add_column("meeting", Column(name, Integer, nullable=True))
    ops.create_table(
        "paragraph_revision",
        Column("id", Integer, primary_key=True),
        Column("paragraph_id", Integer, ForeignKey("paragraph.id", ondelete="CASCADE"),
               nullable=False, index=True),
        Column("started_at", DateTime, nullable=False),
        Column("at", DateTime, nullable=False),
        Column("before", Text, nullable=False),
        Column("after", Text, nullable=False),
        Column("phase", String(10), nullable=False),
    )
    ops.create_table(
        "correction_note",
        Column("id", Integer, primary_key=True),
        Column("meeting_id", Integer, ForeignKey("meeting.id", ondelete="CASCADE"),
               nullable=False),
        Column("paragraph_id", Integer, ForeignKey("paragraph.id", ondelete="SET NULL")),
        Column("made_on", Date, nullable=False),
        Column("text", Text, nullable=False),
        Column("created_at", DateTime, nullable=False),
        Column("position", Integer, nullable=False),
    )
