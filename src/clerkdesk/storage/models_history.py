"""Tables for review after the meeting: paragraph revisions and dated correction notes."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from clerkdesk.storage.models import Base, utcnow


class ParagraphRevision(Base):
    """A paragraph's text before and after one burst of editing (a pause starts a new one)."""

    __tablename__ = "paragraph_revision"
    id: Mapped[int] = mapped_column(primary_key=True)
    paragraph_id: Mapped[int] = mapped_column(
        ForeignKey("paragraph.id", ondelete="CASCADE"), index=True)
    started_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    before: Mapped[str] = mapped_column(Text, default="")
    after: Mapped[str] = mapped_column(Text, default="")
    phase: Mapped[str] = mapped_column(String(10), default="meeting")  # meeting / review
    clerk: Mapped[str | None] = mapped_column(String(100))  # who typed it (team mode)


class CorrectionNote(Base):
    """A correction to approved minutes: recorded and dated, never a silent edit."""

    __tablename__ = "correction_note"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    paragraph_id: Mapped[int | None] = mapped_column(
        ForeignKey("paragraph.id", ondelete="SET NULL"))
    made_on: Mapped[dt.date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    position: Mapped[int] = mapped_column(Integer, default=0)
