"""Capture rows before a deletion and put them back exactly (same ids) when it is undone."""

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from clerkdesk.storage.models import (
    AgendaItem,
    Base,
    Flag,
    Paragraph,
    ParagraphMention,
    SupportingDocument,
)

Row = dict[str, Any]


def _columns(obj: Base) -> Row:
    mapper = inspect(type(obj))
    return {attr.key: getattr(obj, attr.key) for attr in mapper.column_attrs}


@dataclass(frozen=True)
class ParagraphSnapshot:
    """A paragraph with its flags and mention index, enough to recreate it byte for byte."""

    row: Row
    flags: tuple[tuple[type[Flag], Row], ...] = ()
    mentions: tuple[int, ...] = ()

    @property
    def id(self) -> int:
        row_id: int = self.row["id"]
        return row_id


@dataclass(frozen=True)
class ItemSnapshot:
    row: Row
    documents: tuple[Row, ...] = ()
    paragraphs: tuple[ParagraphSnapshot, ...] = field(default=())


def snapshot_paragraph(paragraph: Paragraph) -> ParagraphSnapshot:
    return ParagraphSnapshot(
        row=_columns(paragraph),
        flags=tuple((type(flag), _columns(flag)) for flag in paragraph.flags),
        mentions=tuple(m.person_id for m in paragraph.mentions),
    )


def restore_paragraph(session: Session, snapshot: ParagraphSnapshot) -> None:
    session.add(Paragraph(**snapshot.row))
    session.flush()
    for flag_type, row in snapshot.flags:
        session.add(flag_type(**row))
    for person_id in snapshot.mentions:
        session.add(ParagraphMention(paragraph_id=snapshot.id, person_id=person_id))
    session.flush()


def snapshot_item(item: AgendaItem) -> ItemSnapshot:
    return ItemSnapshot(
        row=_columns(item),
        documents=tuple(_columns(doc) for doc in item.documents),
        paragraphs=tuple(snapshot_paragraph(p) for p in item.paragraphs),
    )


def restore_item(session: Session, snapshot: ItemSnapshot) -> None:
    session.add(AgendaItem(**snapshot.row))
    session.flush()
    for row in snapshot.documents:
        session.add(SupportingDocument(**row))
    for paragraph in snapshot.paragraphs:
        restore_paragraph(session, paragraph)
