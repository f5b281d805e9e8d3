"""Version 2 -> 3: linked generated paragraphs, the committee's resolution style, and when an
action was done (and at which meeting)."""

from sqlalchemy import Column, Connection, Date, Integer, String


def upgrade(connection: Connection) -> None:
    from clerkdesk.storage.migrations import operations

    ops = operations(connection)
    ops.add_column("paragraph", Column("generated", String(20), nullable=True))
    ops.add_column(
        "committee",
        Column("resolution_style", String(20), nullable=False, server_default="dash"),
    )
    ops.add_column("action_flag", Column("done_on", Date, nullable=True))
    ops.add_column("action_flag", Column("done_at_meeting_id", Integer, nullable=True))
