"""Assemble a meeting's minutes as rendered, numbered views (for show, GUI and export)."""

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from clerkdesk.domain.enums import (
    BULLET_LABEL,
    AttendanceStatus,
    Audience,
    FlagKind,
    MeetingStatus,
    ParagraphStyle,
    PersonKind,
    Role,
)
from clerkdesk.domain.flag_fields import ResolutionFields, flag_status, flag_summary, has_vote
from clerkdesk.domain.meeting_times import time_form_of, timing_lines
from clerkdesk.domain.mentions import render
from clerkdesk.domain.minutes import (
    AttendeeView,
    CorrectionView,
    DocumentView,
    FlagView,
    ItemView,
    MinutesView,
    ParagraphView,
)
from clerkdesk.domain.naming import (
    ChairStyle,
    MemberStyle,
    NamingConventions,
    OfficerStyle,
    written_name,
)
from clerkdesk.domain.numbering import ItemNumbering, ParagraphScheme, item_labels, paragraph_labels
from clerkdesk.domain.person import PersonFields
from clerkdesk.domain.publication import published
from clerkdesk.domain.resolutions import ResolutionStyle, resolution_lines, vote_line
from clerkdesk.services._lookup import get_or_fail
from clerkdesk.services.clock import adjournments_of
from clerkdesk.storage.database import Database
from clerkdesk.storage.flag_rows import fields_of
from clerkdesk.storage.models import (
    AgendaItem,
    Committee,
    Flag,
    Meeting,
    Membership,
    Paragraph,
    Person,
    ResolutionFlag,
)


def conventions_of(committee: Committee) -> NamingConventions:
    return NamingConventions(
        member=MemberStyle(committee.member_style),
        officer=OfficerStyle(committee.officer_style),
        chair=ChairStyle(committee.chair_style),
    )


def person_names(session: Session, committee_id: int) -> dict[int, PersonFields]:
    """Every person, with their role on this committee where they have one."""
    roles = {
        person_id: role
        for person_id, role in session.execute(
            select(Membership.person_id, Membership.role).where(
                Membership.committee_id == committee_id
            )
        ).all()
    }
    people = session.execute(select(Person.id, Person.given_name, Person.family_name,
                                    Person.title, Person.job_title, Person.kind))
    return {
        p.id: PersonFields(
            given_name=p.given_name, family_name=p.family_name, title=p.title,
            job_title=p.job_title, kind=PersonKind(p.kind),
            role=Role(roles[p.id]) if p.id in roles else None,
        )
        for p in people
    }


NameOf = Callable[[int], str]


def name_lookup(names: dict[int, PersonFields], conventions: NamingConventions) -> NameOf:
    """A function person id -> written name under the committee's conventions."""

    def name_of(person_id: int) -> str:
        person = names.get(person_id)
        return written_name(person, conventions) if person else "[unknown person]"

    return name_of


def _flag_view(flag: Flag) -> FlagView:
    fields = fields_of(flag)
    return FlagView(flag.id, FlagKind(flag.kind), flag_summary(fields), flag_status(fields))


@dataclass(frozen=True)
class ResolutionFormat:
    """The committee's way of writing RESOLVED paragraphs."""

    style: ResolutionStyle = ResolutionStyle.DASH
    prefix: str = "RESOLVED –"


def resolution_format_of(committee: Committee) -> ResolutionFormat:
    return ResolutionFormat(ResolutionStyle(committee.resolution_style or ResolutionStyle.DASH),
                            committee.resolution_prefix)


def _resolution_parts(
    paragraph: Paragraph, text: str, name_of: NameOf, resolution: ResolutionFormat | None
) -> tuple[tuple[tuple[int, str], ...], str]:
    """(resolution lines, vote line) of a RESOLUTION paragraph; empty for any other."""
    if paragraph.style != ParagraphStyle.RESOLUTION or resolution is None:
        return (), ""
    found = [fields_of(f) for f in paragraph.flags if isinstance(f, ResolutionFlag)]
    fields = found[0] if found and isinstance(found[0], ResolutionFields) else None
    lines = resolution_lines(resolution.style, resolution.prefix, text, fields, name_of)
    vote = vote_line(fields, name_of) if fields is not None and has_vote(fields) else ""
    return tuple(lines), vote


def item_label_list(committee: Committee, items: list[AgendaItem]) -> list[str]:
    numbering = ItemNumbering(committee.item_number_template, committee.item_number_start)
    return item_labels(numbering, [item.number_label for item in items])


def paragraph_views(
    paragraphs: list[Paragraph], scheme: ParagraphScheme, item_label: str, name_of: NameOf,
    resolution: ResolutionFormat | None = None,
) -> tuple[ParagraphView, ...]:
    levels = [p.level if p.style == ParagraphStyle.NUMBERED else None for p in paragraphs]
    labels = paragraph_labels(scheme, levels, item_label)
    return tuple(
        _paragraph_view(p, BULLET_LABEL if p.style == ParagraphStyle.BULLET else label, name_of,
                        resolution)
        for p, label in zip(paragraphs, labels, strict=True)
    )


def _paragraph_view(
    p: Paragraph, label: str, name_of: NameOf, resolution: ResolutionFormat | None
) -> ParagraphView:
    text = render(p.text, name_of)
    lines, vote = _resolution_parts(p, text, name_of, resolution)
    return ParagraphView(
        id=p.id, level=p.level, style=ParagraphStyle(p.style), label=label,
        text=text, stored_text=p.text, speaker_id=p.speaker_id,
        speaker=name_of(p.speaker_id) if p.speaker_id else "",
        elapsed_seconds=p.elapsed_seconds, flags=tuple(_flag_view(f) for f in p.flags),
        resolution_lines=lines, vote_line=vote, generated=p.generated or "",
    )


def _attendance(
    meeting: Meeting, names: dict[int, PersonFields], name_of: NameOf, item_labels: dict[int, str]
) -> tuple[AttendeeView, ...]:
    views = []
    for row in meeting.attendance:
        person = names.get(row.person_id)
        views.append(AttendeeView(
            person_id=row.person_id,
            name=(person.title_surname if person and person.kind is PersonKind.MEMBER
                  else person.full_name if person else "?"),
            status=AttendanceStatus(row.status),
            role=person.role.value if person and person.role else "",
            job_title=person.job_title if person else "",
            substitute_for=name_of(row.substitute_for_id) if row.substitute_for_id else "",
            remote=row.remote,
            arrived_at=item_labels.get(row.arrived_at_item_id or 0, ""),
            left_at=item_labels.get(row.left_at_item_id or 0, ""),
        ))
    return tuple(views)


def load_minutes_in(session: Session, meeting_id: int) -> MinutesView:
    meeting = get_or_fail(session, Meeting, meeting_id, "meeting")
    committee = meeting.committee
    names = person_names(session, committee.id)
    name_of = name_lookup(names, conventions_of(committee))
    items = session.scalars(
        select(AgendaItem)
        .where(AgendaItem.meeting_id == meeting_id)
        .order_by(AgendaItem.position)
        .options(
            selectinload(AgendaItem.paragraphs).selectinload(Paragraph.flags),
            selectinload(AgendaItem.documents),
        )
    ).all()
    scheme = ParagraphScheme(committee.paragraph_scheme)
    item_views = tuple(
        ItemView(
            id=item.id, label=label, title=item.title, exempt=item.exempt,
            exempt_paragraph=item.exempt_paragraph,
            paragraphs=paragraph_views(list(item.paragraphs), scheme, label, name_of,
                                       resolution_format_of(committee)),
            documents=tuple(DocumentView(d.title, d.location) for d in item.documents),
        )
        for item, label in zip(items, item_label_list(committee, list(items)), strict=True)
    )
    return MinutesView(
        meeting_id=meeting.id, committee=committee.name, council=committee.council,
        date=meeting.date, time=meeting.time, venue=meeting.venue,
        status=MeetingStatus(meeting.status), uses_minutes_heading=committee.uses_minutes_heading,
        resolution_prefix=committee.resolution_prefix, items=item_views,
        attendance=_attendance(meeting, names, name_of,
                               {item.id: item.label for item in item_views}),
        corrections=_corrections(session, meeting.id),
        exempt_wording=committee.exempt_wording or "",
        timing=timing_lines(meeting.started_at, meeting.ended_at, adjournments_of(meeting),
                            time_form_of(committee.time_form)),
        signature_block=bool(committee.signature_block),
    )


def _corrections(session: Session, meeting_id: int) -> tuple[CorrectionView, ...]:
    """The notes in order, each exempt when the paragraph it corrects is in an exempt item."""
    from clerkdesk.storage.models_history import CorrectionNote

    rows = session.execute(
        select(CorrectionNote.made_on, CorrectionNote.text, AgendaItem.exempt)
        .outerjoin(Paragraph, Paragraph.id == CorrectionNote.paragraph_id)
        .outerjoin(AgendaItem, AgendaItem.id == Paragraph.item_id)
        .where(CorrectionNote.meeting_id == meeting_id).order_by(CorrectionNote.position))
    return tuple(CorrectionView(on, text, bool(exempt)) for on, text, exempt in rows)


def load_minutes(db: Database, meeting_id: int) -> MinutesView:
    """The whole meeting, rendered and numbered as it would be published."""
    with db.reading() as session:
        return load_minutes_in(session, meeting_id)


def published_minutes(db: Database, meeting_id: int, audience: Audience) -> MinutesView:
    """The meeting as `audience` may see it (see domain.publication)."""
    return published(load_minutes(db, meeting_id), audience)


def committee_of(session: Session, meeting_id: int) -> Committee:
    return get_or_fail(session, Meeting, meeting_id, "meeting").committee

