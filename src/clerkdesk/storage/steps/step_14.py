"""Version 14 -> 15: indexes for the lookups of every open, switch and list (issue 21).

A ten-year file (a million paragraphs) takes a few seconds to index, once, after the backup.
"""

from sqlalchemy import Connection


def upgrade(connection: Connection) -> None:
    from clerkdesk.storage.indexes import create_missing

    create_missing(connection)
