"""Tables of the review checks: dismissed findings per meeting and each committee's glossary."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from clerkdesk.storage.models import Base, utcnow


class ReviewDismissal(Base):
    """A finding the clerk dismissed; `key` is `Finding.key` (check, paragraph, offending text)."""

    __tablename__ = "review_dismissal"
    __table_args__ = (UniqueConstraint("meeting_id", "key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(200))
    dismissed_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class GlossaryEntry(Base):
    """An acronym and its expansion, as the committee writes it on first use."""

    __tablename__ = "glossary_entry"
    __table_args__ = (UniqueConstraint("committee_id", "acronym"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committee.id", ondelete="CASCADE"))
    acronym: Mapped[str] = mapped_column(String(20))
    expansion: Mapped[str] = mapped_column(String(300))
