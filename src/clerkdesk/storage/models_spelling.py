"""Tables of spelling and house style: the committee dictionary, words ignored in a meeting,
and each committee's house-style settings (JSON of `domain.house_style.HouseStyle`)."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from clerkdesk.storage.models import Base

MAX_WORD = 100


class CommitteeWord(Base):
    """A word the committee's minutes may use (a place, a name, a local term)."""

    __tablename__ = "committee_word"
    __table_args__ = (UniqueConstraint("committee_id", "word"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committee.id", ondelete="CASCADE"))
    word: Mapped[str] = mapped_column(String(MAX_WORD))


class IgnoredWord(Base):
    """A word the clerk chose to ignore in one meeting's minutes."""

    __tablename__ = "ignored_word"
    __table_args__ = (UniqueConstraint("meeting_id", "word"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    word: Mapped[str] = mapped_column(String(MAX_WORD))


class HouseStyleSetting(Base):
    """A committee's house style; a committee without a row uses the defaults."""

    __tablename__ = "house_style"
    committee_id: Mapped[int] = mapped_column(
        ForeignKey("committee.id", ondelete="CASCADE"), primary_key=True)
    settings: Mapped[str] = mapped_column(Text, default="{}")
