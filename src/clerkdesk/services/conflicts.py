"""Two clerks, one paragraph: saving on the version a clerk's text started from, and what a
conflict shows (their text and name, mine, and the base both started from)."""

from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerkdesk.domain.merge import merge_words
from clerkdesk.errors import ParagraphConflict
from clerkdesk.services._lookup import get_or_fail
from clerkdesk.services.paragraphs import set_text_in
from clerkdesk.storage.database import Database
from clerkdesk.storage.models import Paragraph
from clerkdesk.storage.models_history import ParagraphRevision


@dataclass(frozen=True)
class TextBase:
    """The version and text of a paragraph as the editor loaded or last saved it."""

    version: int
    text: str


@dataclass(frozen=True)
class SaveOutcome:
    """What a batch save stored (the new bases) and which paragraphs it refused."""

    saved: dict[int, TextBase] = field(default_factory=dict)
    conflicts: list[ParagraphConflict] = field(default_factory=list)


@dataclass(frozen=True)
class Conflict:
    """Both texts of a refused save, and the text both clerks started from."""

    paragraph_id: int
    base: str
    mine: str
    theirs: str
    their_version: int
    their_clerk: str | None

    def merged(self) -> str:
        return merge_words(self.base, self.mine, self.theirs).text


def save_on_base_in(session: Session, paragraph_id: int, text: str,
                    base: TextBase | None) -> TextBase:
    """Store the text unless another clerk changed the paragraph's text since `base`.

    A newer version whose text is still the base (a level, speaker or position changed) is
    no conflict; a race between the check and the write is caught by the version column.
    """
    paragraph = get_or_fail(session, Paragraph, paragraph_id, "paragraph")
    if base is not None and paragraph.version != base.version and paragraph.text != base.text:
        raise ParagraphConflict(paragraph_id, paragraph.text, paragraph.version)
    set_text_in(session, paragraph_id, text)
    return TextBase(paragraph.version, paragraph.text)


def save_texts_on_bases(db: Database, texts: Mapping[int, str],
                        bases: Mapping[int, TextBase]) -> SaveOutcome:
    """Store several paragraphs' text in one transaction; those another clerk changed meanwhile
    are refused (and listed), the rest stored; ids deleted meanwhile are skipped."""
    outcome = SaveOutcome()
    with db.transaction() as session:
        existing = set(session.scalars(select(Paragraph.id).where(Paragraph.id.in_(texts))))
        for paragraph_id, text in texts.items():
            if paragraph_id not in existing:
                continue
            try:
                outcome.saved[paragraph_id] = save_on_base_in(
                    session, paragraph_id, text, bases.get(paragraph_id))
            except ParagraphConflict as conflict:  # checked before any write: the rest go on
                outcome.conflicts.append(conflict)
    return outcome


def save_over(db: Database, paragraph_id: int, text: str, their_version: int) -> TextBase:
    """Keep mine (or a merge): store it over the version the clerk was shown; theirs stays in
    the history. A third save meanwhile raises ParagraphConflict again."""
    with db.transaction() as session:
        paragraph = set_text_in(session, paragraph_id, text, expected_version=their_version)
        return TextBase(paragraph.version, paragraph.text)


def conflict_details(db: Database, paragraph_id: int, mine: str,
                     base: TextBase | None) -> Conflict:
    """What the conflict dialog shows; without a known base, the history's text before the
    colleague's latest revision is the base."""
    with db.transaction() as session:
        paragraph = get_or_fail(session, Paragraph, paragraph_id, "paragraph")
        latest = session.scalars(
            select(ParagraphRevision).where(ParagraphRevision.paragraph_id == paragraph_id)
            .order_by(ParagraphRevision.id.desc()).limit(1)).first()
        base_text = base.text if base is not None else (latest.before if latest else "")
        return Conflict(paragraph_id, base_text, mine, paragraph.text, paragraph.version,
                        latest.clerk if latest is not None else None)
