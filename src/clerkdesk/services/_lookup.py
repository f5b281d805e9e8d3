"""Fetch-or-fail helpers shared by the service modules."""

from typing import TypeVar

from sqlalchemy.orm import Session

from clerkdesk.errors import NotFound

T = TypeVar("T")


def get_or_fail(session: Session, model: type[T], ident: int, what: str) -> T:
    """The row with primary key `ident`, or NotFound naming `what`."""
    row = session.get(model, ident)
    if row is None:
        raise NotFound(f"There is no {what} with id {ident}.")
    return row
