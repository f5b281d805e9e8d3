"""Agenda edits: rename, reorder, delete (undoable), exempt marking."""

from collections.abc import Sequence

from sqlalchemy import select, update

from clerkdesk.services._lookup import get_or_fail
from clerkdesk.services.snapshots import ItemSnapshot, restore_item, snapshot_item
from clerkdesk.storage.database import Database
from clerkdesk.storage.models import AgendaItem, Meeting


def rename_item(db: Database, item_id: int, title: str) -> None:
    with db.transaction() as session:
        get_or_fail(session, AgendaItem, item_id, "agenda item").title = title.strip()


def set_item_exempt(db: Database, item_id: int, paragraph: int | None) -> None:
    """Mark an item exempt under Schedule 12A paragraph N (None: not exempt)."""
    with db.transaction() as session:
        item = get_or_fail(session, AgendaItem, item_id, "agenda item")
        item.exempt, item.exempt_paragraph = paragraph is not None, paragraph


def reorder_items(db: Database, meeting_id: int, ordered_ids: Sequence[int]) -> None:
    with db.transaction() as session:
        rows = {
            i.id: i
            for i in session.scalars(select(AgendaItem).where(AgendaItem.meeting_id == meeting_id))
        }
        if set(rows) != set(ordered_ids):
            raise ValueError("reorder must list every item of the meeting exactly once")
        for position, item_id in enumerate(ordered_ids):
            rows[item_id].position = position


def delete_item(db: Database, item_id: int) -> ItemSnapshot:
    """Delete an item and its paragraphs; the snapshot puts everything back."""
    with db.transaction() as session:
        item = get_or_fail(session, AgendaItem, item_id, "agenda item")
        snapshot = snapshot_item(item)
        meeting_id, position = item.meeting_id, item.position
        session.delete(item)
        session.flush()
        session.execute(
            update(AgendaItem)
            .where(AgendaItem.meeting_id == meeting_id, AgendaItem.position > position)
            .values(position=AgendaItem.position - 1)
        )
        return snapshot


def restore_deleted_item(db: Database, snapshot: ItemSnapshot) -> None:
    with db.transaction() as session:
        meeting_id, position = snapshot.row["meeting_id"], snapshot.row["position"]
        get_or_fail(session, Meeting, meeting_id, "meeting")
        session.execute(
            update(AgendaItem)
            .where(AgendaItem.meeting_id == meeting_id, AgendaItem.position >= position)
            .values(position=AgendaItem.position + 1)
        )
        restore_item(session, snapshot)
