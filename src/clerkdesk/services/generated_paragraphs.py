"""The closing "Members … requested the following information from …" paragraphs, written
from the meeting's request flags and kept in step with them until the clerk detaches them.

Every paragraph of such a block (intro and sub-points) is marked `generated = "requests"`; a
block is a run of consecutive marked paragraphs in one item. Refreshing rewrites each block
from the requests (withdrawn ones left out), so a linked block should not be edited by hand:
detach it first.
"""

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerkdesk.domain.enums import ParagraphStyle, RequestStatus
from clerkdesk.domain.generated import requests_paragraphs
from clerkdesk.domain.mentions import person_token
from clerkdesk.domain.publication import may_carry
from clerkdesk.errors import ClerkDeskError
from clerkdesk.services._lookup import get_or_fail
from clerkdesk.services.paragraphs import add_paragraph_in, set_text_in
from clerkdesk.storage.database import Database
from clerkdesk.storage.models import AgendaItem, Meeting, Paragraph, RequestFlag

REQUESTS = "requests"
Line = tuple[int, str]


def _requests_in(session: Session, meeting_id: int) -> list[RequestFlag]:
    """The meeting's requests in minute order, except withdrawn ones and any flagged on a
    generated paragraph."""
    return list(session.scalars(
        select(RequestFlag).join(Paragraph, Paragraph.id == RequestFlag.paragraph_id)
        .join(AgendaItem, AgendaItem.id == Paragraph.item_id)
        .where(AgendaItem.meeting_id == meeting_id, Paragraph.generated.is_(None),
               RequestFlag.status != RequestStatus.WITHDRAWN.value)
        .order_by(AgendaItem.position, Paragraph.position, RequestFlag.id)
    ))


def _asked_of(flag: RequestFlag) -> str:
    if flag.asked_of_person_id is not None:
        return person_token(flag.asked_of_person_id)
    return flag.asked_of_body


def wanted_lines(session: Session, meeting: Meeting, target: AgendaItem) -> list[Line]:
    """What the block in `target` should say now: (level, stored text) pairs; a public item
    leaves out requests made in exempt items (see domain.publication)."""
    requests = [(_asked_of(flag), flag.what.strip() or flag.paragraph.text)
                for flag in _requests_in(session, meeting.id)
                if may_carry(flag.paragraph.item.exempt, target.exempt)]
    return requests_paragraphs(meeting.committee.name, requests)


def linked_blocks(item: AgendaItem) -> list[list[Paragraph]]:
    """Runs of consecutive generated paragraphs in an item, in order."""
    blocks: list[list[Paragraph]] = []
    previous_linked = False
    for paragraph in item.paragraphs:
        linked = paragraph.generated == REQUESTS
        if linked and previous_linked:
            blocks[-1].append(paragraph)
        elif linked:
            blocks.append([paragraph])
        previous_linked = linked
    return blocks


def _closing_position(item: AgendaItem) -> int:
    """The end of the item, before any RESOLVED paragraphs that close it."""
    position = len(item.paragraphs)
    while position and item.paragraphs[position - 1].style == ParagraphStyle.RESOLUTION:
        position -= 1
    return position


def _insert(session: Session, item_id: int, position: int, lines: list[Line]) -> list[int]:
    ids = []
    for offset, (level, text) in enumerate(lines):
        paragraph = add_paragraph_in(session, item_id, text, level, ParagraphStyle.NUMBERED,
                                     position + offset)
        paragraph.generated = REQUESTS
        ids.append(paragraph.id)
    session.flush()
    return ids


def write_requests_paragraph(db: Database, item_id: int, position: int | None = None) -> list[int]:
    """Write the intro paragraph(s) and one sub-point per request of the item's meeting at
    `position` (default: the end of the item, before its closing RESOLVED paragraphs), linked
    to the requests. Returns the new paragraphs' ids; empty when there are no requests.
    A meeting has one linked block: while it exists, ClerkDeskError says so."""
    with db.transaction() as session:
        item = get_or_fail(session, AgendaItem, item_id, "agenda item")
        if any(linked_blocks(other) for other in item.meeting.items):
            raise ClerkDeskError(
                "The requests paragraph is already in these minutes and keeps itself up to "
                "date; detach it first to write another.")
        lines = wanted_lines(session, item.meeting, item)
        if not lines:
            return []
        if position is None:
            position = _closing_position(item)
        return _insert(session, item_id, position, lines)


def _sync_block(
    session: Session, item_id: int, block: list[Paragraph], lines: list[Line]
) -> list[int]:
    changed = []
    for paragraph, (level, text) in zip(block, lines, strict=False):
        if paragraph.level != level or paragraph.text != text:
            paragraph.level = level
            set_text_in(session, paragraph.id, text)
            changed.append(paragraph.id)
    if len(lines) > len(block):
        changed += _insert(session, item_id, block[-1].position + 1, lines[len(block):])
    for paragraph in block[len(lines):]:
        changed.append(paragraph.id)
        session.delete(paragraph)
    session.flush()
    return changed


def _renumber(session: Session, item_id: int) -> None:
    rows = session.scalars(
        select(Paragraph).where(Paragraph.item_id == item_id).order_by(Paragraph.position))
    for index, paragraph in enumerate(rows):
        paragraph.position = index


def refresh_generated(db: Database, meeting_id: int) -> list[int]:
    """Rewrite every linked block of the meeting from its requests as they are now. Returns
    the ids of paragraphs rewritten, added or removed (empty when nothing changed)."""
    with db.transaction() as session:
        meeting = get_or_fail(session, Meeting, meeting_id, "meeting")
        changed: list[int] = []
        for item in meeting.items:
            blocks = linked_blocks(item)
            lines = wanted_lines(session, meeting, item) if blocks else []
            for block in reversed(blocks):  # later blocks first: earlier positions stay valid
                changed += _sync_block(session, item.id, block, lines)
            if blocks:
                _renumber(session, item.id)
        return changed


def detach_generated(db: Database, paragraph_id: int) -> list[int]:
    """Unlink the block this paragraph belongs to so the clerk may edit it freely; its text
    stays as it is. Returns the ids unlinked (empty when the paragraph was not linked)."""
    with db.transaction() as session:
        paragraph = get_or_fail(session, Paragraph, paragraph_id, "paragraph")
        block = next((b for b in linked_blocks(paragraph.item) if paragraph in b), [])
        for member in block:
            member.generated = None
        return [member.id for member in block]
