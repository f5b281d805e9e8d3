"""SQLAlchemy ORM models; dialect-neutral so the same code can later run on PostgreSQL."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from clerkdesk.domain.enums import (
    ActionStatus,
    AttendanceStatus,
    FlagKind,
    MeetingStatus,
    ParagraphStyle,
    PersonKind,
    RequestStatus,
    ResolutionForm,
    Role,
)
from clerkdesk.domain.naming import ChairStyle, MemberStyle, OfficerStyle
from clerkdesk.domain.numbering import ParagraphScheme
from clerkdesk.domain.resolutions import ResolutionStyle


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    @classmethod
    def table(cls) -> Table:
        """The model's own table, for bulk inserts (SQLAlchemy types `__table__` loosely)."""
        table = cls.__table__
        if not isinstance(table, Table):
            raise TypeError(f"{cls.__name__} is not mapped to one table")
        return table


class Meta(Base):
    """Key/value facts about the file itself: application id and schema version."""

    __tablename__ = "clerkdesk_meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(256))


class Committee(Base):
    __tablename__ = "committee"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    council: Mapped[str] = mapped_column(String(200), default="")
    paragraph_scheme: Mapped[str] = mapped_column(String(20), default=ParagraphScheme.PAREN)
    item_number_template: Mapped[str] = mapped_column(String(40), default="{n}")
    item_number_start: Mapped[int] = mapped_column(Integer, default=1)
    uses_minutes_heading: Mapped[bool] = mapped_column(Boolean, default=True)
    member_style: Mapped[str] = mapped_column(String(20), default=MemberStyle.TITLE_SURNAME)
    officer_style: Mapped[str] = mapped_column(String(20), default=OfficerStyle.FULL)
    chair_style: Mapped[str] = mapped_column(String(20), default=ChairStyle.ROLE)
    resolution_prefix: Mapped[str] = mapped_column(String(40), default="RESOLVED –")
    quorum: Mapped[int | None] = mapped_column(Integer)
    # Off by default: in English principal councils a member attending remotely is not
    # "present" for the quorum (since 2021); Welsh and some other bodies count them.
    remote_counts_for_quorum: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default="0"
    )
    template_path: Mapped[str | None] = mapped_column(String(1000))
    speech_phrases: Mapped[str] = mapped_column(Text, default="", server_default="")
    resolution_style: Mapped[str] = mapped_column(
        String(20), default=ResolutionStyle.DASH, server_default=ResolutionStyle.DASH.value
    )
    # Review checks (schema step 3): whether every item should end in a resolution, the word
    # count above which a paragraph is "very long", and after how many meetings an
    # outstanding request is reported.
    review_expects_resolution: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default="0"
    )
    review_long_paragraph_words: Mapped[int] = mapped_column(
        Integer, default=250, server_default="250"
    )
    review_outstanding_meetings: Mapped[int] = mapped_column(
        Integer, default=2, server_default="2"
    )
    # Schema step 6: the council's Modern.gov site and this committee's id there.
    moderngov_site: Mapped[str | None] = mapped_column(String(300))
    moderngov_committee_id: Mapped[int | None] = mapped_column(Integer)
    # Schema step 7: standard agenda items as text (domain.agenda_template); '' = the default.
    agenda_template: Mapped[str] = mapped_column(Text, default="", server_default="")
    # The line printed for a withheld exempt item in public outputs (schema step 10); `{n}` is
    # the Schedule 12A paragraph, "" means the standard wording.
    exempt_wording: Mapped[str] = mapped_column(Text, default="", server_default="")
    # Schema step 12: how the close prints the times ("10.00am", …, "none"; domain.meeting_times)
    # and whether the minutes end with the Chair's signature block.
    time_form: Mapped[str] = mapped_column(String(20), default="10.00am",
                                           server_default="10.00am")
    signature_block: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    memberships: Mapped[list[Membership]] = relationship(
        back_populates="committee", cascade="all, delete-orphan"
    )
    meetings: Mapped[list[Meeting]] = relationship(
        back_populates="committee", cascade="all, delete-orphan", order_by="Meeting.date"
    )


class Adjournment(Base):
    """A pause of the meeting clock (schema step 12): from, and to (None while adjourned)."""

    __tablename__ = "adjournment"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    started_at: Mapped[dt.datetime] = mapped_column(DateTime)
    ended_at: Mapped[dt.datetime | None] = mapped_column(DateTime)

    meeting: Mapped[Meeting] = relationship(back_populates="adjournments")


class Person(Base):
    __tablename__ = "person"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(40), default="")
    given_name: Mapped[str] = mapped_column(String(100), default="")
    family_name: Mapped[str] = mapped_column(String(100), default="")
    job_title: Mapped[str] = mapped_column(String(200), default="")
    organisation: Mapped[str] = mapped_column(String(200), default="")
    kind: Mapped[str] = mapped_column(String(20), default=PersonKind.MEMBER)
    initials: Mapped[str] = mapped_column(String(10), default="")
    moderngov_id: Mapped[int | None] = mapped_column(Integer)  # schema step 6
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class Membership(Base):
    __tablename__ = "membership"
    __table_args__ = (UniqueConstraint("committee_id", "person_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committee.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(20), default=Role.MEMBER)

    committee: Mapped[Committee] = relationship(back_populates="memberships")
    person: Mapped[Person] = relationship()


class Meeting(Base):
    __tablename__ = "meeting"
    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committee.id", ondelete="CASCADE"))
    date: Mapped[dt.date] = mapped_column(Date)
    time: Mapped[dt.time | None] = mapped_column(Time)
    venue: Mapped[str] = mapped_column(String(300), default="")
    status: Mapped[str] = mapped_column(String(20), default=MeetingStatus.DRAFT)
    started_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    paused_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    paused_seconds: Mapped[int] = mapped_column(Integer, default=0)
    ended_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    # Approval (schema step 4): when, at which meeting and by whom (the Chair); published when.
    approved_on: Mapped[dt.date | None] = mapped_column(Date)
    approved_at_meeting_id: Mapped[int | None] = mapped_column(Integer)
    approved_by_id: Mapped[int | None] = mapped_column(Integer)
    approval_recorded_by: Mapped[str | None] = mapped_column(String(100))  # the clerk
    published_on: Mapped[dt.date | None] = mapped_column(Date)
    moderngov_meeting_id: Mapped[int | None] = mapped_column(Integer)  # schema step 6
    # Keys of the blocking findings the clerk chose Export anyway over (one a line; step 12).
    export_accepted: Mapped[str] = mapped_column(Text, default="", server_default="")

    committee: Mapped[Committee] = relationship(back_populates="meetings")
    adjournments: Mapped[list[Adjournment]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="Adjournment.started_at"
    )
    items: Mapped[list[AgendaItem]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="AgendaItem.position"
    )
    attendance: Mapped[list[Attendance]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan"
    )


class Attendance(Base):
    __tablename__ = "attendance"
    __table_args__ = (UniqueConstraint("meeting_id", "person_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(20), default=AttendanceStatus.PRESENT)
    substitute_for_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL")
    )
    remote: Mapped[bool] = mapped_column(Boolean, default=False)
    arrived_at_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="SET NULL")
    )
    left_at_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="SET NULL")
    )

    meeting: Mapped[Meeting] = relationship(back_populates="attendance")
    person: Mapped[Person] = relationship(foreign_keys=[person_id])


class AgendaItem(Base):
    __tablename__ = "agenda_item"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    number_label: Mapped[str | None] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(500), default="")
    exempt: Mapped[bool] = mapped_column(Boolean, default=False)
    exempt_paragraph: Mapped[int | None] = mapped_column(Integer)

    meeting: Mapped[Meeting] = relationship(back_populates="items")
    paragraphs: Mapped[list[Paragraph]] = relationship(
        back_populates="item", cascade="all, delete-orphan", order_by="Paragraph.position"
    )
    documents: Mapped[list[SupportingDocument]] = relationship(
        back_populates="item", cascade="all, delete-orphan", order_by="SupportingDocument.position"
    )


class SupportingDocument(Base):
    __tablename__ = "supporting_document"
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("agenda_item.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(500))
    location: Mapped[str] = mapped_column(String(1000), default="")

    item: Mapped[AgendaItem] = relationship(back_populates="documents")


class Paragraph(Base):
    """A minute paragraph; `level` 0 is a main paragraph, 1 a sub-point, 2 a sub-sub-point.

    Paragraphs of an item are one ordered list (`position`); a sub-point's parent is the nearest
    earlier paragraph one level up, so moves and promotions never leave a dangling parent.
    """

    __tablename__ = "paragraph"
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("agenda_item.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    level: Mapped[int] = mapped_column(Integer, default=0)
    style: Mapped[str] = mapped_column(String(20), default=ParagraphStyle.NUMBERED)
    text: Mapped[str] = mapped_column(Text, default="")
    speaker_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    elapsed_seconds: Mapped[int | None] = mapped_column(Integer)
    # "requests" while the paragraph belongs to a block ClerkDesk writes from request flags.
    generated: Mapped[str | None] = mapped_column(String(20))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    # Optimistic concurrency (team mode): every ORM update checks and raises it, so a save
    # based on an older version is refused instead of overwriting a colleague's.
    version: Mapped[int] = mapped_column(Integer, nullable=False, server_default="1")
    __mapper_args__ = {"version_id_col": version}

    item: Mapped[AgendaItem] = relationship(back_populates="paragraphs")
    mentions: Mapped[list[ParagraphMention]] = relationship(
        back_populates="paragraph", cascade="all, delete-orphan"
    )
    flags: Mapped[list[Flag]] = relationship(
        back_populates="paragraph", cascade="all, delete-orphan", order_by="Flag.id"
    )


class ParagraphMention(Base):
    """Index of the people a paragraph's text mentions (kept in step with its tokens)."""

    __tablename__ = "paragraph_mention"
    paragraph_id: Mapped[int] = mapped_column(
        ForeignKey("paragraph.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), primary_key=True
    )

    paragraph: Mapped[Paragraph] = relationship(back_populates="mentions")


class Flag(Base):
    """A mark on a paragraph; the kind-specific fields live in a joined table."""

    __tablename__ = "flag"
    id: Mapped[int] = mapped_column(primary_key=True)
    paragraph_id: Mapped[int] = mapped_column(ForeignKey("paragraph.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    changed_by: Mapped[str | None] = mapped_column(String(100))  # the clerk, last change

    paragraph: Mapped[Paragraph] = relationship(back_populates="flags")
    # Flags are few and always read with their kind's fields, so load them in one query.
    __mapper_args__ = {"polymorphic_on": "kind", "with_polymorphic": "*"}


class RequestFlag(Flag):
    __tablename__ = "request_flag"
    id: Mapped[int] = mapped_column(ForeignKey("flag.id", ondelete="CASCADE"), primary_key=True)
    what: Mapped[str] = mapped_column(Text, default="")
    asked_of_person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL")
    )
    asked_of_body: Mapped[str] = mapped_column(String(200), default="")
    due_date: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default=RequestStatus.OUTSTANDING)
    provided_on: Mapped[dt.date | None] = mapped_column(Date)
    provided_at_meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting.id", ondelete="SET NULL")
    )
    provided_how: Mapped[str] = mapped_column(Text, default="")
    __mapper_args__ = {"polymorphic_identity": FlagKind.REQUEST.value}


class ResolutionFlag(Flag):
    __tablename__ = "resolution_flag"
    id: Mapped[int] = mapped_column(ForeignKey("flag.id", ondelete="CASCADE"), primary_key=True)
    form: Mapped[str] = mapped_column(String(20), default=ResolutionForm.NOTED)
    votes_for: Mapped[int | None] = mapped_column(Integer)
    votes_against: Mapped[int | None] = mapped_column(Integer)
    abstentions: Mapped[int | None] = mapped_column(Integer)
    recorded_votes: Mapped[str] = mapped_column(Text, default="")
    casting_vote: Mapped[bool] = mapped_column(Boolean, default=False)
    mover_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    seconder_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    carried: Mapped[bool | None] = mapped_column(Boolean)
    __mapper_args__ = {"polymorphic_identity": FlagKind.RESOLUTION.value}


class ActionFlag(Flag):
    __tablename__ = "action_flag"
    id: Mapped[int] = mapped_column(ForeignKey("flag.id", ondelete="CASCADE"), primary_key=True)
    who_person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    what: Mapped[str] = mapped_column(Text, default="")
    due_date: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default=ActionStatus.OPEN)
    done_on: Mapped[dt.date | None] = mapped_column(Date)
    # No foreign key: SQLite cannot add one to an existing table (schema upgrade 2 -> 3), so
    # readers treat an id whose meeting was deleted as unknown.
    done_at_meeting_id: Mapped[int | None] = mapped_column(Integer)
    __mapper_args__ = {"polymorphic_identity": FlagKind.ACTION.value}


class DeclarationFlag(Flag):
    __tablename__ = "declaration_flag"
    id: Mapped[int] = mapped_column(ForeignKey("flag.id", ondelete="CASCADE"), primary_key=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    interest_kind: Mapped[str] = mapped_column(String(200), default="")
    left_room: Mapped[bool] = mapped_column(Boolean, default=False)
    did_not_vote: Mapped[bool] = mapped_column(Boolean, default=False)
    __mapper_args__ = {"polymorphic_identity": FlagKind.DECLARATION.value}
