"""Version 6 -> 7: where a committee, meeting and person come from on the Modern.gov site."""

from sqlalchemy import Column, Connection, Integer, String


def upgrade(connection: Connection) -> None:
    from clerkdesk.storage.migrations import operations

    ops = operations(connection)
    ops.add_column("committee", Column("moderngov_site", String(300), nullable=True))
    ops.add_column("committee", Column("moderngov_committee_id", Integer, nullable=True))
    ops.add_column("meeting", Column("moderngov_meeting_id", Integer, nullable=True))
    ops.add_column("person", Column("moderngov_id", Integer, nullable=True))
