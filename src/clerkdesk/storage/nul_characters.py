"""No NUL characters in stored text: PostgreSQL refuses them, so no database keeps them."""

from __future__ import annotations

from sqlalchemy import inspect
from sqlalchemy.orm import Session


def drop_nul_characters(session: Session, _context: object, _instances: object) -> None:
    """A before_flush listener: remove U+0000 from every changed text attribute."""
    for instance in (*session.new, *session.dirty):
        for column in inspect(instance).mapper.column_attrs:
            value = getattr(instance, column.key, None)
            if isinstance(value, str) and "\x00" in value:
                setattr(instance, column.key, value.replace("\x00", ""))
