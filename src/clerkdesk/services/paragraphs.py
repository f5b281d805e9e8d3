"""Minute paragraphs: add, edit text (keeping the mention index in step), and flags."""

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete, func, select, update
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
    )
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
class NewRow:
    """A paragraph to append with `add_paragraphs_in`."""

    text: str
    level: int = 0
    style: ParagraphStyle = ParagraphStyle.NUMBERED
    speaker_id: int | None = None


def add_paragraphs_in(session: Session, item_id: int, rows: Sequence[NewRow]) -> list[Paragraph]:
    """Append many paragraphs with one count and one flush (an import writes thousands)."""
    count = session.scalar(
        select(func.count()).select_from(Paragraph).where(Paragraph.item_id == item_id))
    paragraphs = [
        Paragraph(item_id=item_id, position=count + index, level=max(0, min(row.level, MAX_LEVEL)),
                  style=row.style, text=row.text, speaker_id=row.speaker_id)
        for index, row in enumerate(rows)
    ]
    session.add_all(paragraphs)
    session.flush()
    session.add_all([ParagraphMention(paragraph_id=paragraph.id, person_id=person_id)
                     for paragraph in paragraphs
                     for person_id in set(mentioned_ids(paragraph.text))])
    return paragraphs


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
    """Store the text; with `expected_version`, only if nobody saved the paragraph since."""
    from clerkdesk.services.history import record_change

    paragraph = get_or_fail(session, Paragraph, paragraph_id, "paragraph")
    if expected_version is not None and paragraph.version != expected_version:
        raise ParagraphConflict(paragraph_id, paragraph.text, paragraph.version)
    record_change(session, paragraph, paragraph.text, text)
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
