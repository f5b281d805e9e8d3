"""Flags on paragraphs (requests, resolutions, actions, declarations): rows, records, edits."""

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, insert, inspect, select
from sqlalchemy.orm import Session, with_polymorphic

from clerkdesk.domain.enums import (
    ActionStatus,
    FlagKind,
    ParagraphStyle,
    RequestStatus,
)
from clerkdesk.domain.flag_fields import (
    ActionFields,
    DeclarationFields,
    FlagFields,
    RequestFields,
    as_action_status,
    as_request_status,
    flag_status,
    settled,
    shorten,
)
from clerkdesk.domain.mentions import render
from clerkdesk.domain.numbering import ParagraphScheme, paragraph_labels
from clerkdesk.domain.references import paragraph_references
from clerkdesk.errors import ClerkDeskError
from clerkdesk.services._lookup import get_or_fail
from clerkdesk.services.minutes import (
    NameOf,
    conventions_of,
    item_label_list,
    name_lookup,
    person_names,
)
from clerkdesk.storage.database import Database
from clerkdesk.storage.flag_rows import MODEL_OF, fields_of, new_flag, write_fields
from clerkdesk.storage.models import (
    AgendaItem,
    Flag,
    Meeting,
    Paragraph,
    Person,
    RequestFlag,
    ResolutionFlag,
)


@dataclass(frozen=True)
class FlagRecord:
    """A flag with where it sits in the minutes, for lists and forms."""

    id: int
    kind: FlagKind
    paragraph_id: int
    item_id: int
    meeting_id: int
    item_label: str
    paragraph_label: str  # as numbered in the minutes: "21 a)", "4 RESOLVED"
    short_text: str  # the paragraph as rendered, shortened
    fields: FlagFields
    status: str  # request or action status; "" for other kinds
    asked_of_text: str  # the person's written name, or the body asked


@dataclass(frozen=True)
class FlagSnapshot:
    """A deleted flag, enough to put it back with the same id."""

    model: type[Flag]
    row: dict[str, Any]

    @property
    def id(self) -> int:
        flag_id: int = self.row["id"]
        return flag_id


@dataclass(frozen=True)
class ParagraphPlace:
    """Where a paragraph sits and how it reads, for records and the request log."""

    meeting_id: int
    item_id: int
    item_label: str
    reference: str
    stored_text: str  # with person tokens; rendered only for the paragraphs that are shown
    order: tuple[int, int]  # (item position, paragraph position)


@dataclass(frozen=True)
class MeetingPlaces:
    places: dict[int, ParagraphPlace]
    name_of: NameOf
    item_count: int


def meeting_places_in(session: Session, meeting_id: int) -> MeetingPlaces:
    """Every paragraph of a meeting with its item and reference (one query for them all)."""
    meeting = get_or_fail(session, Meeting, meeting_id, "meeting")
    committee = meeting.committee
    name_of = name_lookup(person_names(session, committee.id), conventions_of(committee))
    scheme = ParagraphScheme(committee.paragraph_scheme)
    items = list(meeting.items)
    rows_of: dict[int, list[Any]] = {item.id: [] for item in items}
    for row in session.execute(
        select(Paragraph.id, Paragraph.item_id, Paragraph.position, Paragraph.level,
               Paragraph.style, Paragraph.text)
        .where(Paragraph.item_id.in_(list(rows_of))).order_by(Paragraph.position)
    ):
        rows_of[row.item_id].append(row)
    places: dict[int, ParagraphPlace] = {}
    for item, item_label in zip(items, item_label_list(committee, items), strict=True):
        rows = rows_of[item.id]
        styles = [ParagraphStyle(r.style) for r in rows]
        levels = [r.level if s is ParagraphStyle.NUMBERED else None
                  for r, s in zip(rows, styles, strict=True)]
        labels = paragraph_labels(scheme, levels, item_label)
        references = paragraph_references(
            scheme, [(r.level, s, label) for r, s, label in zip(rows, styles, labels, strict=True)],
            item_label)
        for row, reference in zip(rows, references, strict=True):
            places[row.id] = ParagraphPlace(
                meeting_id=meeting_id, item_id=item.id, item_label=item_label,
                reference=reference, stored_text=row.text, order=(item.position, row.position),
            )
    return MeetingPlaces(places, name_of, len(items))


def asked_of_text(fields: FlagFields, name_of: NameOf) -> str:
    """Who the flag concerns: the person or body asked, who acts, or who declared."""
    match fields:
        case RequestFields():
            if fields.asked_of_person_id is not None:
                return name_of(fields.asked_of_person_id)
            return fields.asked_of_body
        case ActionFields() if fields.who_person_id is not None:
            return name_of(fields.who_person_id)
        case DeclarationFields() if fields.person_id is not None:
            return name_of(fields.person_id)
    return ""


def record_of(flag: Flag, places: MeetingPlaces) -> FlagRecord:
    place = places.places[flag.paragraph_id]
    fields = fields_of(flag)
    return FlagRecord(
        id=flag.id, kind=FlagKind(flag.kind), paragraph_id=flag.paragraph_id,
        item_id=place.item_id, meeting_id=place.meeting_id, item_label=place.item_label,
        paragraph_label=place.reference,
        short_text=shorten(" ".join(render(place.stored_text, places.name_of).split())),
        fields=fields, status=flag_status(fields),
        asked_of_text=asked_of_text(fields, places.name_of),
    )


def meeting_flag_rows_in(session: Session, meeting_id: int) -> list[Flag]:
    """Every flag of a meeting (each loaded as its own kind), in no particular order."""
    flags = with_polymorphic(Flag, "*")
    return list(session.scalars(
        select(flags).join(Paragraph, Paragraph.id == flags.paragraph_id)
        .join(AgendaItem, AgendaItem.id == Paragraph.item_id)
        .where(AgendaItem.meeting_id == meeting_id)
    ))


def meeting_records_in(session: Session, meeting_id: int) -> list[FlagRecord]:
    places = meeting_places_in(session, meeting_id)
    rows = sorted(meeting_flag_rows_in(session, meeting_id),
                  key=lambda f: (places.places[f.paragraph_id].order, f.id))
    return [record_of(flag, places) for flag in rows]


def meeting_flags(db: Database, meeting_id: int) -> list[FlagRecord]:
    """A meeting's flags in minute order (item, paragraph, then order flagged)."""
    with db.transaction() as session:
        return meeting_records_in(session, meeting_id)


def paragraph_flags(db: Database, paragraph_id: int) -> list[FlagRecord]:
    with db.transaction() as session:
        paragraph = get_or_fail(session, Paragraph, paragraph_id, "paragraph")
        records = meeting_records_in(session, paragraph.item.meeting_id)
    return [record for record in records if record.paragraph_id == paragraph_id]


def flag_fields(db: Database, flag_id: int) -> FlagFields:
    with db.transaction() as session:
        return fields_of(get_or_fail(session, Flag, flag_id, "flag"))


def next_meeting_date_in(session: Session, meeting: Meeting) -> dt.date | None:
    """The date of the committee's first meeting after `meeting`, if one is arranged."""
    return session.scalar(
        select(Meeting.date)
        .where(Meeting.committee_id == meeting.committee_id, Meeting.date > meeting.date)
        .order_by(Meeting.date).limit(1)
    )


def default_due_date(db: Database, paragraph_id: int) -> dt.date | None:
    """What a new request on this paragraph is due by: the committee's next meeting, if any."""
    with db.transaction() as session:
        paragraph = get_or_fail(session, Paragraph, paragraph_id, "paragraph")
        return next_meeting_date_in(session, paragraph.item.meeting)


def _check_references(session: Session, fields: FlagFields) -> None:
    for field in dataclasses.fields(fields):
        value = getattr(fields, field.name)
        if value is None:
            continue
        if field.name.endswith("person_id") or field.name in ("mover_id", "seconder_id"):
            get_or_fail(session, Person, value, "person")
        elif field.name.endswith("meeting_id"):
            get_or_fail(session, Meeting, value, "meeting")


def add_flag_in(session: Session, paragraph_id: int, fields: FlagFields) -> Flag:
    paragraph = get_or_fail(session, Paragraph, paragraph_id, "paragraph")
    _check_references(session, fields)
    if isinstance(fields, RequestFields) and fields.due_date is None:
        fields = dataclasses.replace(
            fields, due_date=next_meeting_date_in(session, paragraph.item.meeting))
    flag = new_flag(paragraph_id, settled(fields, None, dt.date.today()))
    session.add(flag)
    session.flush()
    return flag


def add_flag(db: Database, paragraph_id: int, fields: FlagFields) -> int:
    """Flag a paragraph; a request with no due date is due at the committee's next meeting
    (when one exists). Returns the new flag's id."""
    with db.transaction() as session:
        return add_flag_in(session, paragraph_id, fields).id


def update_flag(db: Database, flag_id: int, fields: FlagFields) -> None:
    """Replace a flag's fields; fields of another kind change its kind (the id is kept)."""
    with db.transaction() as session:
        flag = get_or_fail(session, Flag, flag_id, "flag")
        _check_references(session, fields)
        if isinstance(flag, MODEL_OF[type(fields)]):
            write_fields(flag, settled(fields, fields_of(flag), dt.date.today()))
            return
        paragraph_id, created_at = flag.paragraph_id, flag.created_at
        session.delete(flag)
        session.flush()
        replacement = new_flag(paragraph_id, settled(fields, None, dt.date.today()), flag_id)
        replacement.created_at = created_at
        session.add(replacement)


def _row(flag: Flag) -> dict[str, Any]:
    return {attr.key: getattr(flag, attr.key) for attr in inspect(type(flag)).column_attrs}


def delete_flag(db: Database, flag_id: int) -> FlagSnapshot:
    """Remove a flag; `restore_flag` with the snapshot puts it back with the same id."""
    with db.transaction() as session:
        flag = get_or_fail(session, Flag, flag_id, "flag")
        snapshot = FlagSnapshot(type(flag), _row(flag))
        session.delete(flag)
        return snapshot


def restore_flag(db: Database, snapshot: FlagSnapshot) -> None:
    with db.transaction() as session:
        get_or_fail(session, Paragraph, snapshot.row["paragraph_id"], "paragraph")
        session.add(snapshot.model(**snapshot.row))


def set_request_status(
    db: Database, flag_id: int, status: RequestStatus | ActionStatus | str, *,
    answered_at_meeting_id: int | None = None, on: dt.date | None = None, how: str = "",
) -> None:
    """Set a request's (or action's) status; provided/done records the date (default today)
    and the meeting it was answered at, any other status clears them. `how` is kept if given."""
    with db.transaction() as session:
        flag = get_or_fail(session, Flag, flag_id, "flag")
        if answered_at_meeting_id is not None:
            get_or_fail(session, Meeting, answered_at_meeting_id, "meeting")
        fields = fields_of(flag)
        if isinstance(fields, RequestFields):
            fields = dataclasses.replace(
                fields, status=as_request_status(status), provided_on=on,
                provided_at_meeting_id=answered_at_meeting_id,
                provided_how=how or fields.provided_how)
        elif isinstance(fields, ActionFields):
            fields = dataclasses.replace(
                fields, status=as_action_status(status), done_on=on,
                done_at_meeting_id=answered_at_meeting_id)
        else:
            raise ClerkDeskError("Only requests for information and actions have a status.")
        write_fields(flag, settled(fields, None, dt.date.today()))


def insert_flags_in(
    session: Session, kind: type[RequestFlag | ResolutionFlag], rows: Sequence[Mapping[str, Any]]
) -> None:
    """Flags of one kind (each row: paragraph_id and the kind's fields, the same keys in every
    row) in two bulk INSERTs, for an import's new paragraphs; like append_paragraphs_in, this
    skips the flush hooks, whose lock never applies to a new draft meeting."""
    if not rows:
        return
    identity = kind.__mapper__.polymorphic_identity
    last_id = session.scalar(select(func.max(Flag.id))) or 0
    session.execute(insert(Flag.table()),
                    [{"paragraph_id": row["paragraph_id"], "kind": identity} for row in rows])
    new_ids = session.scalars(select(Flag.id).where(Flag.id > last_id).order_by(Flag.id)).all()
    session.execute(insert(kind.table()),
                    [{**{key: value for key, value in row.items() if key != "paragraph_id"},
                      "id": flag_id} for flag_id, row in zip(new_ids, rows, strict=True)])
