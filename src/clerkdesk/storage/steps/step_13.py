"""Version 13 -> 14: the meeting's adjournments, and each committee's form for the times in
the close ("The meeting started at 10.00am …") and its Chair's signature block."""

from sqlalchemy import Boolean, Column, Connection, DateTime, ForeignKey, Integer, String


def upgrade(connection: Connection) -> None:
    from clerkdesk.storage.migrations import operations

    ops = operations(connection)
    ops.add_column("committee", Column("time_form", String(20), nullable=False,
                                       server_default="10.00am"))
    ops.add_column("committee", Column("signature_block", Boolean, nullable=False,
                                       server_default="0"))
    ops.create_table(
        "adjournment",
        Column("id", Integer, primary_key=True),
        Column("meeting_id", Integer, ForeignKey("meeting.id", ondelete="CASCADE"),
               nullable=False),
        Column("started_at", DateTime, nullable=False),
        Column("ended_at", DateTime),
    )
