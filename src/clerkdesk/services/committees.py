"""Committees and their settings."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerkdesk.storage.database import Database
from clerkdesk.storage.models import Committee


def find_or_create_committee(session: Session, name: str, council: str = "") -> Committee:
    """The committee called `name`, created with default settings when new."""
    committee = session.scalars(select(Committee).where(Committee.name == name)).first()
    if committee is None:
        committee = Committee(name=name, council=council)
        session.add(committee)
        session.flush()
    elif council and not committee.council:
        committee.council = council
    return committee


def create_committee(db: Database, name: str, council: str = "") -> int:
    with db.transaction() as session:
        return find_or_create_committee(session, name, council).id


def list_committees(db: Database) -> list[tuple[int, str]]:
    """(id, name) of every committee, by name."""
    with db.transaction() as session:
        rows = session.execute(select(Committee.id, Committee.name).order_by(Committee.name))
        return [(row.id, row.name) for row in rows]


def find_committee(db: Database, name_or_id: str) -> int | None:
    """A committee's id from its id, exact name, or a unique case-insensitive name fragment."""
    with db.transaction() as session:
        if name_or_id.isdigit() and session.get(Committee, int(name_or_id)) is not None:
            return int(name_or_id)
        rows = session.execute(select(Committee.id, Committee.name)).all()
    exact: list[int] = [row.id for row in rows if row.name.lower() == name_or_id.lower()]
    partial: list[int] = [row.id for row in rows if name_or_id.lower() in row.name.lower()]
    if exact:
        return exact[0]
    return partial[0] if len(partial) == 1 else None
