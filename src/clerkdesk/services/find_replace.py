"""Find and replace across a meeting or every meeting of a committee, as one action."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import select

from clerkdesk.domain.find_replace import Pattern, find_spans, replace_spans
from clerkdesk.domain.mentions import render
from clerkdesk.services._lookup import get_or_fail
from clerkdesk.services.minutes import (
    NameOf,
    committee_of,
    conventions_of,
    load_minutes_in,
    name_lookup,
    person_names,
)
from clerkdesk.services.paragraphs import set_text_in
from clerkdesk.storage.database import Database
from clerkdesk.storage.models import Meeting, Paragraph

CONTEXT = 40
# Marks around the match while names are rendered (a find never matches inside a reference).
_OPEN, _CLOSE = "\x02", "\x03"


@dataclass(frozen=True)
class Hit:
    """One match, located as the clerk sees it."""

    meeting_id: int
    item_id: int
    paragraph_id: int
    where: str  # "4. 2)" - item and paragraph numbers as shown
    start: int  # in stored text
    end: int
    text: str  # the matched stored text
    preview: str  # "…the [CYPE] Directorate was on track…"


def _preview(stored: str, start: int, end: int, name_of: NameOf) -> str:
    """The match in [brackets] with some text either side, names as they read (never {@N})."""
    marked = f"{stored[:start]}{_OPEN}{stored[start:end]}{_CLOSE}{stored[end:]}"
    rendered = render(marked, name_of)
    start, end = rendered.index(_OPEN), rendered.index(_CLOSE) - 1
    rendered = rendered.replace(_OPEN, "").replace(_CLOSE, "")
    left = max(0, start - CONTEXT)
    right = min(len(rendered), end + CONTEXT)
    before = ("…" if left else "") + rendered[left:start]
    after = rendered[end:right] + ("…" if right < len(rendered) else "")
    return f"{before}[{rendered[start:end]}]{after}".replace("\n", " ")


def _meeting_ids(db: Database, meeting_id: int, whole_committee: bool) -> list[int]:
    with db.transaction() as session:
        meeting = get_or_fail(session, Meeting, meeting_id, "meeting")
        if not whole_committee:
            return [meeting.id]
        return list(session.scalars(
            select(Meeting.id).where(Meeting.committee_id == meeting.committee_id)
            .order_by(Meeting.date, Meeting.id)))


def find(db: Database, meeting_id: int, pattern: Pattern,
         whole_committee: bool = False) -> list[Hit]:
    """Every match in minute order (the meeting, or all the committee's meetings by date)."""
    hits: list[Hit] = []
    for mid in _meeting_ids(db, meeting_id, whole_committee):
        with db.transaction() as session:
            minutes = load_minutes_in(session, mid)
            committee = committee_of(session, mid)
            name_of = name_lookup(person_names(session, committee.id), conventions_of(committee))
        for item in minutes.items:
            for paragraph in item.paragraphs:
                for start, end in find_spans(paragraph.stored_text, pattern):
                    where = f"{item.label}. {paragraph.label or '¶'}"
                    stored = paragraph.stored_text
                    hits.append(Hit(mid, item.id, paragraph.id, where, start, end,
                                    stored[start:end], _preview(stored, start, end, name_of)))
    return hits


def replace(db: Database, hits: Sequence[Hit], replacement: str) -> dict[int, tuple[str, str]]:
    """Replace the chosen hits in one transaction; {paragraph id: (text before, text after)}.

    A hit whose paragraph changed since it was found is skipped (its text no longer matches).
    """
    by_paragraph: dict[int, list[Hit]] = {}
    for hit in hits:
        by_paragraph.setdefault(hit.paragraph_id, []).append(hit)
    changes: dict[int, tuple[str, str]] = {}
    with db.transaction() as session:
        for paragraph_id, found in by_paragraph.items():
            paragraph = session.get(Paragraph, paragraph_id)
            if paragraph is None:
                continue
            before = paragraph.text
            spans = [(h.start, h.end) for h in found if before[h.start:h.end] == h.text]
            if spans:
                after = replace_spans(before, spans, replacement)
                set_text_in(session, paragraph_id, after)
                changes[paragraph_id] = (before, after)
    return changes


def restore_texts(db: Database, texts: Mapping[int, str]) -> None:
    """Put paragraphs' texts back (undo of a replace), in one transaction."""
    with db.transaction() as session:
        for paragraph_id, text in texts.items():
            if session.get(Paragraph, paragraph_id) is not None:
                set_text_in(session, paragraph_id, text)
