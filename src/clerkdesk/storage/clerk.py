"""Which clerk is working: recorded on revisions, flag changes and approvals (team mode)."""

from __future__ import annotations

from sqlalchemy.orm import Session

CLERK_NAME_LENGTH = 100


def current_clerk(session: Session) -> str | None:
    """The clerk of the Database this session belongs to (None: a single-clerk file)."""
    database = session.info.get("database")
    clerk = getattr(database, "clerk", None)
    return clerk[:CLERK_NAME_LENGTH] if clerk else None


def record_flag_changes(session: Session, _context: object, _instances: object) -> None:
    """A before_flush listener: each new or changed flag names the clerk who changed it."""
    from clerkdesk.storage.models import Flag

    clerk = current_clerk(session)
    if clerk is None:
        return
    for instance in (*session.new, *session.dirty):
        if isinstance(instance, Flag) and session.is_modified(instance):
            instance.changed_by = clerk
