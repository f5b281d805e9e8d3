"""Fetch-or-fail helpers shared by the service modules."""

from typing import TypeVar

from sqlalchemy.orm import Session

from clerkdesk.errors import NotFound

T = TypeVar("T")
# PostgreSQL's integer ids stop here; a larger id (SQLite allows 2**63 - 1) cannot be there.
LARGEST_SERVER_ID = 2**31 - 1


def get_or_fail(session: Session, model: type[T], ident: int, what: str) -> T:
    """The row with primary key `ident`, or NotFound naming `what`."""
    too_large = ident > LARGEST_SERVER_ID and session.get_bind().dialect.name == "postgresql"
    row = None if too_large else session.get(model, ident)
    if row is None:
        raise NotFound(f"There is no {what} with id {ident}.")
    return row
