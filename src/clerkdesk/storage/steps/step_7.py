"""Version 7 -> 8: the full-text search index (FTS5, kept in sync by triggers)."""

from sqlalchemy import Connection


def upgrade(connection: Connection) -> None:
    from clerkdesk.storage.search_index import create_index, index_exists

    # Without FTS5 (or on a server database) search falls back to plain text matching.
    if connection.dialect.name == "sqlite" and not index_exists(connection):
        create_index(connection)
