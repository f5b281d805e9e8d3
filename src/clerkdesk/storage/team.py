"""Naming a team (PostgreSQL) database from what a clerk types: host, port, database, user.

The password is never part of what ClerkDesk keeps: libpq reads ~/.pgpass (or PGPASSFILE)
itself, and a password the clerk types is used for that connection only.
"""

from __future__ import annotations

from sqlalchemy import URL

DEFAULT_PORT = 5432
SSL_MODES = ("prefer", "require", "verify-full")


def team_url(host: str, database: str, user: str, *, port: int = DEFAULT_PORT,
             sslmode: str = "prefer") -> str:
    """postgresql://user@host:port/database?sslmode=… (no password)."""
    query = {} if sslmode == "prefer" else {"sslmode": sslmode}
    return URL.create("postgresql", username=user.strip() or None, host=host.strip(), port=port,
                      database=database.strip(), query=query).render_as_string()


def with_password(url: str, password: str) -> str:
    """The same URL carrying `password`, for one connection attempt (never stored)."""
    from sqlalchemy import make_url

    return make_url(url).set(password=password).render_as_string(hide_password=False)
