"""Indexes for the lookups made on every open, item switch and list, so that their cost does
not grow with the number of meetings a file holds (ten years: ~5,000 meetings, ~1,000,000
paragraphs). Without them each lookup of an item's paragraphs read the whole paragraph table."""

from __future__ import annotations

from sqlalchemy import Connection, Index

from clerkdesk.storage.models import (
    AgendaItem,
    Flag,
    Meeting,
    Paragraph,
    ParagraphMention,
    SupportingDocument,
)
from clerkdesk.storage.models_history import CorrectionNote

LOOKUP_INDEXES = (
    Index("ix_paragraph_item_position", Paragraph.item_id, Paragraph.position),
    Index("ix_agenda_item_meeting_position", AgendaItem.meeting_id, AgendaItem.position),
    Index("ix_flag_paragraph", Flag.paragraph_id),
    Index("ix_meeting_date", Meeting.date, Meeting.id),
    Index("ix_meeting_committee_date", Meeting.committee_id, Meeting.date),
    Index("ix_paragraph_mention_person", ParagraphMention.person_id),
    Index("ix_supporting_document_item", SupportingDocument.item_id,
          SupportingDocument.position),
    Index("ix_correction_note_meeting", CorrectionNote.meeting_id),
)


def create_missing(connection: Connection) -> None:
    """Create the lookup indexes a file lacks (on SQLite and PostgreSQL alike)."""
    for index in LOOKUP_INDEXES:
        index.create(connection, checkfirst=True)
