"""Minute paragraphs: add, edit text (keeping the mention index in step), and flags."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from clerkdesk.domain.enums import ParagraphStyle
from clerkdesk.domain.mentions import mentioned_ids
from clerkdesk.domain.numbering import MAX_LEVEL
from clerkdesk.errors import ParagraphConflict
from clerkdesk.services._lookup import get_or_fail
from clerkdesk.storage.database import Database
from clerkdesk.storage.models import Paragraph, ParagraphMention


def _sync_mentions(session: Session, paragraph: Paragraph) -> None:
    wanted = set(mentioned_ids(paragraph.text))
    session.execute(delete(ParagraphMention).where(ParagraphMention.paragraph_id == paragraph.id))
    for person_id in wanted:
        session.add(ParagraphMention(paragraph_id=paragraph.id, person_id=person_id))


def add_paragraph_in(
    session: Session,
    item_id: int,
    text: str = "",
    level: int = 0,
    style: ParagraphStyle = ParagraphStyle.NUMBERED,
    position: int | None = None,
    speaker_id: int | None = None,
    elapsed_seconds: int | None = None,
) -> Paragraph:
    count = session.scalar(
        select(func.count()).select_from(Paragraph).where(Paragraph.item_id == item_id)
    ) or 0
    position = count if position is None else max(0, min(position, count))
    if position < count:
        session.execute(
            update(Paragraph)
            .where(Paragraph.item_id == item_id, Paragraph.position >= position)
            .values(position=Paragraph.position + 1)
        )
    paragraph = Paragraph(
        item_id=item_id, position=position, level=max(0, min(level, MAX_LEVEL)), style=style,
        text=text, speaker_id=speaker_id, elapsed_seconds=elapsed_seconds,
    )
    session.add(paragraph)
    session.flush()
    _sync_mentions(session, paragraph)
    return paragraph


@dataclass(frozen=True)
class ParagraphRow:
    """A paragraph to append: its stored text (with person tokens), level, style, speaker."""

    text: str
    level: int = 0
    style: ParagraphStyle = ParagraphStyle.NUMBERED
    speaker_id: int | None = None


def append_paragraphs_in(
    session: Session, rows: Mapping[int, Sequence[ParagraphRow]]
) -> dict[int, list[int]]:
    """Paragraphs appended to items (item id -> its new rows), their ids returned in order.

    An import adds thousands: one count and one bulk INSERT for all (counting and flushing per
    paragraph made it quadratic). A bulk INSERT skips the flush hooks; the only one, the lock
    on approved minutes, never applies to the new draft meeting an import writes.
    """
    session.flush()
    counts = dict(session.execute(
        select(Paragraph.item_id, func.count()).where(Paragraph.item_id.in_(list(rows)))
        .group_by(Paragraph.item_id)).all()) if rows else {}
    values: list[dict[str, Any]] = [
        {"item_id": item_id, "position": counts.get(item_id, 0) + offset,
         "level": max(0, min(row.level, MAX_LEVEL)), "style": row.style, "text": row.text,
         "speaker_id": row.speaker_id}
        for item_id, item_rows in rows.items() for offset, row in enumerate(item_rows)
    ]
    last_id = session.scalar(select(func.max(Paragraph.id))) or 0
    if values:
        session.execute(insert(Paragraph.table()), values)
    ids = dict(((item_id, position), pid) for pid, item_id, position in session.execute(
        select(Paragraph.id, Paragraph.item_id, Paragraph.position)
        .where(Paragraph.id > last_id)))
    mentions = [{"paragraph_id": ids[value["item_id"], value["position"]], "person_id": person}
                for value in values for person in set(mentioned_ids(value["text"]))]
    if mentions:
        session.execute(insert(ParagraphMention.table()), mentions)
    written: dict[int, list[int]] = {item_id: [] for item_id in rows}
    for value in values:
        written[value["item_id"]].append(ids[value["item_id"], value["position"]])
    return written


def add_paragraph(
    db: Database,
    item_id: int,
    text: str = "",
    level: int = 0,
    style: ParagraphStyle = ParagraphStyle.NUMBERED,
    position: int | None = None,
) -> int:
    """A new paragraph in an item (at the end unless `position` is given)."""
    from clerkdesk.storage.models import AgendaItem

    with db.transaction() as session:
        get_or_fail(session, AgendaItem, item_id, "agenda item")
        return add_paragraph_in(session, item_id, text, level, style, position).id


def set_text_in(session: Session, paragraph_id: int, text: str,
                expected_version: int | None = None) -> Paragraph:
    """Store the text; with `expected_version`, only if nobody saved the paragraph since (and
    then as a revision of its own, so a colleague's text it replaces stays in the history)."""
    from clerkdesk.services.history import record_change

    paragraph = get_or_fail(session, Paragraph, paragraph_id, "paragraph")
    if expected_version is not None and paragraph.version != expected_version:
        raise ParagraphConflict(paragraph_id, paragraph.text, paragraph.version)
    record_change(session, paragraph, paragraph.text, text,
                  new_revision=expected_version is not None)
    paragraph.text = text
    session.flush()
    _sync_mentions(session, paragraph)
    return paragraph


def edit_text(db: Database, paragraph_id: int, text: str,
              expected_version: int | None = None) -> int:
    """Replace a paragraph's stored text (with person tokens); returns its new version.

    With `expected_version` (the version the clerk's text was based on), a paragraph another
    clerk saved meanwhile is not overwritten: ParagraphConflict says what is stored now.
    """
    with db.transaction() as session:
        return set_text_in(session, paragraph_id, text, expected_version).version
