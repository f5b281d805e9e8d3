"""Edits the live-minutes editor makes to an item's paragraphs, one transaction each."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from clerkdesk.domain.enums import ParagraphStyle
from clerkdesk.domain.numbering import MAX_LEVEL
from clerkdesk.services._lookup import get_or_fail
from clerkdesk.services.paragraphs import add_paragraph_in, set_text_in
from clerkdesk.services.snapshots import ParagraphSnapshot, restore_paragraph, snapshot_paragraph
from clerkdesk.storage.database import Database
from clerkdesk.storage.models import AgendaItem, Paragraph


@dataclass(frozen=True)
class NewParagraph:
    """What the editor knows about a paragraph it is about to create."""

    text: str = ""
    level: int = 0
    style: ParagraphStyle = ParagraphStyle.NUMBERED
    elapsed_seconds: int | None = None


@dataclass(frozen=True)
class ParagraphChange:
    """A compound edit of one item, applied in order: texts, deletions, restores, inserts.

    Positions of restores and inserts are positions after the deletions, so the editor can
    mirror the change block by block.
    """

    item_id: int
    texts: Mapping[int, str] = field(default_factory=dict)
    delete: Sequence[int] = ()
    restore: Sequence[ParagraphSnapshot] = ()
    insert: Sequence[tuple[int, NewParagraph]] = ()


@dataclass(frozen=True)
class ChangeResult:
    new_ids: list[int]
    deleted: list[ParagraphSnapshot]


def change_paragraphs(db: Database, change: ParagraphChange) -> ChangeResult:
    """Apply a compound edit (split, merge, paste, delete, and their undo) in one transaction."""
    with db.transaction() as session:
        get_or_fail(session, AgendaItem, change.item_id, "agenda item")
        for paragraph_id, text in change.texts.items():
            set_text_in(session, paragraph_id, text)
        rows = [get_or_fail(session, Paragraph, pid, "paragraph") for pid in change.delete]
        deleted = [snapshot_paragraph(p) for p in sorted(rows, key=lambda p: p.position)]
        for paragraph in rows:
            session.delete(paragraph)
        session.flush()
        _close_gap(session, change.item_id)
        for snapshot in sorted(change.restore, key=lambda s: s.row["position"]):
            _shift_from(session, change.item_id, snapshot.row["position"])
            restore_paragraph(session, snapshot)
        new_ids = []
        for position, new in change.insert:
            paragraph = add_paragraph_in(
                session, change.item_id, new.text, new.level, new.style, position,
                elapsed_seconds=new.elapsed_seconds,
            )
            new_ids.append(paragraph.id)
        return ChangeResult(new_ids, deleted)


def _shift_from(session: Session, item_id: int, position: int) -> None:
    session.execute(
        update(Paragraph)
        .where(Paragraph.item_id == item_id, Paragraph.position >= position)
        .values(position=Paragraph.position + 1)
    )


def insert_paragraphs(
    db: Database, item_id: int, position: int, paragraphs: Sequence[NewParagraph]
) -> list[int]:
    """Insert paragraphs at `position` (0-based) of an item; returns their new ids in order."""
    with db.transaction() as session:
        get_or_fail(session, AgendaItem, item_id, "agenda item")
        ids = []
        for offset, new in enumerate(paragraphs):
            paragraph = add_paragraph_in(
                session, item_id, new.text, new.level, new.style, position + offset,
                elapsed_seconds=new.elapsed_seconds,
            )
            ids.append(paragraph.id)
        return ids


def save_texts(db: Database, texts: Mapping[int, str]) -> dict[int, int]:
    """Store several paragraphs' text in one transaction; ids deleted meanwhile are skipped.
    Returns the paragraphs' new versions."""
    with db.transaction() as session:
        existing = set(session.scalars(select(Paragraph.id).where(Paragraph.id.in_(texts))))
        return {paragraph_id: set_text_in(session, paragraph_id, text).version
                for paragraph_id, text in texts.items() if paragraph_id in existing}


def _close_gap(session: Session, item_id: int) -> None:
    rows = session.scalars(
        select(Paragraph).where(Paragraph.item_id == item_id).order_by(Paragraph.position)
    )
    for index, paragraph in enumerate(rows):
        if paragraph.position != index:
            paragraph.position = index


def delete_paragraphs(db: Database, paragraph_ids: Sequence[int]) -> list[ParagraphSnapshot]:
    """Delete paragraphs; the snapshots returned put them back with `restore_paragraphs`."""
    with db.transaction() as session:
        rows = [get_or_fail(session, Paragraph, pid, "paragraph") for pid in paragraph_ids]
        snapshots = [snapshot_paragraph(p) for p in sorted(rows, key=lambda p: p.position)]
        items = {p.item_id for p in rows}
        for paragraph in rows:
            session.delete(paragraph)
        session.flush()
        for item_id in items:
            _close_gap(session, item_id)
        return snapshots


def restore_paragraphs(db: Database, snapshots: Sequence[ParagraphSnapshot]) -> None:
    """Undo a deletion: each paragraph returns to its old position with the same id."""
    with db.transaction() as session:
        for snapshot in sorted(snapshots, key=lambda s: s.row["position"]):
            _shift_from(session, snapshot.row["item_id"], snapshot.row["position"])
            restore_paragraph(session, snapshot)


def set_levels(db: Database, levels: Mapping[int, int]) -> None:
    """Make paragraphs main paragraphs (0) or sub-points (1, 2)."""
    with db.transaction() as session:
        for paragraph_id, level in levels.items():
            paragraph = get_or_fail(session, Paragraph, paragraph_id, "paragraph")
            paragraph.level = max(0, min(level, MAX_LEVEL))


def set_speaker(db: Database, paragraph_id: int, person_id: int | None) -> None:
    """The paragraph's main speaker (shown in the margin, used by flags and review)."""
    with db.transaction() as session:
        get_or_fail(session, Paragraph, paragraph_id, "paragraph").speaker_id = person_id


def set_style(db: Database, paragraph_id: int, style: ParagraphStyle) -> None:
    with db.transaction() as session:
        get_or_fail(session, Paragraph, paragraph_id, "paragraph").style = style


def reorder_paragraphs(db: Database, item_id: int, ordered_ids: Sequence[int]) -> None:
    """Give an item's paragraphs the order `ordered_ids` (which must list all of them)."""
    with db.transaction() as session:
        rows = {
            p.id: p for p in session.scalars(select(Paragraph).where(Paragraph.item_id == item_id))
        }
        if set(rows) != set(ordered_ids):
            raise ValueError("reorder must list every paragraph of the item exactly once")
        for position, paragraph_id in enumerate(ordered_ids):
            rows[paragraph_id].position = position


def item_paragraph_count(db: Database, item_id: int) -> int:
    with db.transaction() as session:
        return session.scalar(
            select(func.count()).select_from(Paragraph).where(Paragraph.item_id == item_id)
        ) or 0
