"""The committee-wide log of requests for information and actions, and matters arising."""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerkdesk.domain.enums import FlagKind, RequestStatus
from clerkdesk.domain.flag_fields import as_request_status
from clerkdesk.domain.generated import matters_arising_line
from clerkdesk.domain.mentions import person_token, render
from clerkdesk.domain.publication import may_carry, neutral_line
from clerkdesk.errors import ClerkDeskError
from clerkdesk.services._lookup import get_or_fail
from clerkdesk.services.flags import (
    MeetingPlaces,
    meeting_flag_rows_in,
    meeting_places_in,
)
from clerkdesk.services.meetings import add_item_in
from clerkdesk.services.paragraphs import add_paragraph_in
from clerkdesk.storage.database import Database
from clerkdesk.storage.models import (
    ActionFlag,
    AgendaItem,
    Committee,
    Flag,
    Meeting,
    Paragraph,
    RequestFlag,
)

MATTERS_ARISING_TITLE = "Matters arising / outstanding requests"
ALL = "all"


@dataclass(frozen=True)
class LogEntry:
    """One request or action in the log; `status` is in the flag's own vocabulary."""

    flag_id: int
    kind: str  # "request" or "action"
    meeting_id: int
    meeting_date: dt.date
    committee: str
    item_label: str
    paragraph_label: str
    what: str
    asked_of: str  # the person's written name or the body (for an action: who)
    status: str  # outstanding/provided/withdrawn, or open/done/dropped
    age_days: int  # days from the meeting to `today`
    provided_on: dt.date | None
    provided_at_meeting_id: int | None
    due_date: dt.date | None = None
    reference: str = ""  # "21 a)", or "item 3, 21 a)" when the meeting has several items
    provided_at_meeting_date: dt.date | None = None
    exempt: bool = False  # made in an exempt item: public outputs leave it out (publication)

    @property
    def outstanding(self) -> bool:
        return as_request_status(self.status) is RequestStatus.OUTSTANDING


def _stored_what(flag: RequestFlag | ActionFlag) -> str:
    """The request as stored (person tokens kept); the paragraph's text when left blank."""
    return flag.what.strip() or flag.paragraph.text


def _entry(
    flag: RequestFlag | ActionFlag, meeting: Meeting, places: MeetingPlaces, today: dt.date,
    meeting_dates: dict[int, dt.date],
) -> LogEntry:
    place = places.places[flag.paragraph_id]
    name_of = places.name_of
    if isinstance(flag, RequestFlag):
        who = flag.asked_of_person_id
        asked_of = name_of(who) if who is not None else flag.asked_of_body
        done_on, done_at = flag.provided_on, flag.provided_at_meeting_id
    else:
        asked_of = name_of(flag.who_person_id) if flag.who_person_id is not None else ""
        done_on, done_at = flag.done_on, flag.done_at_meeting_id
    reference = (place.reference if places.item_count <= 1
                 else f"item {place.item_label}, {place.reference}")
    return LogEntry(
        flag_id=flag.id, kind=flag.kind, meeting_id=meeting.id, meeting_date=meeting.date,
        committee=meeting.committee.name, item_label=place.item_label,
        paragraph_label=place.reference, what=" ".join(render(_stored_what(flag), name_of).split()),
        asked_of=asked_of, status=flag.status, age_days=(today - meeting.date).days,
        provided_on=done_on, provided_at_meeting_id=done_at, due_date=flag.due_date,
        reference=reference, provided_at_meeting_date=meeting_dates.get(done_at or 0),
        exempt=flag.paragraph.item.exempt,
    )


def _logged_meetings(session: Session, committee_id: int) -> list[Meeting]:
    """The committee's meetings that have requests or actions, oldest first."""
    ids = select(AgendaItem.meeting_id).join(Paragraph).join(Flag).where(
        Flag.kind.in_((FlagKind.REQUEST.value, FlagKind.ACTION.value)))
    return list(session.scalars(
        select(Meeting).where(Meeting.committee_id == committee_id, Meeting.id.in_(ids))
        .order_by(Meeting.date, Meeting.id)
    ))


def _matches(status: str | None, entry_status: str) -> bool:
    if status is None or status == ALL:
        return True
    return as_request_status(status) is as_request_status(entry_status)


def log_in(
    session: Session, committee_id: int, status: str | None = None, today: dt.date | None = None,
) -> list[LogEntry]:
    today = today or dt.date.today()
    meeting_dates = dict(session.execute(
        select(Meeting.id, Meeting.date).where(Meeting.committee_id == committee_id)).all())
    entries: list[LogEntry] = []
    for meeting in _logged_meetings(session, committee_id):
        places = meeting_places_in(session, meeting.id)
        flags = [f for f in meeting_flag_rows_in(session, meeting.id)
                 if isinstance(f, RequestFlag | ActionFlag) and _matches(status, f.status)]
        flags.sort(key=lambda f: (places.places[f.paragraph_id].order, f.id))
        entries.extend(_entry(f, meeting, places, today, meeting_dates) for f in flags)
    return entries


def request_log(
    db: Database, committee_id: int, status: RequestStatus | str | None = None,
    today: dt.date | None = None,
) -> list[LogEntry]:
    """Every request and action of the committee's meetings, oldest meeting first, in minute
    order; `status` (request or action vocabulary, or "all") filters; ages count to `today`."""
    with db.transaction() as session:
        get_or_fail(session, Committee, committee_id, "committee")
        return log_in(session, committee_id, status, today)


def outstanding_before_in(session: Session, meeting_id: int) -> list[LogEntry]:
    meeting = get_or_fail(session, Meeting, meeting_id, "meeting")
    entries = log_in(session, meeting.committee_id, RequestStatus.OUTSTANDING, meeting.date)
    return [e for e in entries if (e.meeting_date, e.meeting_id) < (meeting.date, meeting.id)]


def outstanding_before(db: Database, meeting_id: int) -> list[LogEntry]:
    """Outstanding requests and open actions from the committee's earlier meetings (ages are
    counted to this meeting's date) — what to offer when a new meeting is set up."""
    with db.transaction() as session:
        return outstanding_before_in(session, meeting_id)


def _empty_matters_arising(session: Session, meeting_id: int) -> AgendaItem | None:
    """The committee template's own "Matters arising" item, while nothing is written in it."""
    items = session.scalars(select(AgendaItem).where(AgendaItem.meeting_id == meeting_id)
                            .order_by(AgendaItem.position))
    return next((i for i in items if i.title.lower().startswith("matters arising")
                 and not i.paragraphs), None)


def _default_position(session: Session, meeting_id: int) -> int:
    """Just after the item approving the previous minutes, else first."""
    items = session.scalars(
        select(AgendaItem).where(AgendaItem.meeting_id == meeting_id).order_by(AgendaItem.position))
    for item in items:
        if "minutes" in item.title.lower():
            return item.position + 1
    return 0


def _asked_of_stored(flag: RequestFlag | ActionFlag) -> str:
    person = flag.asked_of_person_id if isinstance(flag, RequestFlag) else flag.who_person_id
    if person is not None:
        return person_token(person)
    return flag.asked_of_body if isinstance(flag, RequestFlag) else ""


def insert_matters_arising(
    db: Database, meeting_id: int, flag_ids: Sequence[int], position: int | None = None,
) -> int:
    """Add a "Matters arising / outstanding requests" item to a meeting with one paragraph per
    chosen request or action (in log order); earlier meetings are not changed. Returns the
    new item's id."""
    with db.transaction() as session:
        meeting = get_or_fail(session, Meeting, meeting_id, "meeting")
        entries = log_in(session, meeting.committee_id, None, meeting.date)
        wanted = set(flag_ids)
        unknown = wanted - {e.flag_id for e in entries}
        if unknown:
            raise ClerkDeskError(
                f"Flag {min(unknown)} is not a request or action of {meeting.committee.name}.")
        item = _empty_matters_arising(session, meeting_id)
        if item is None:
            if position is None:
                position = _default_position(session, meeting_id)
            item = add_item_in(session, meeting_id, MATTERS_ARISING_TITLE, position)
        for entry in (e for e in entries if e.flag_id in wanted):
            flag = session.get(Flag, entry.flag_id)
            if not isinstance(flag, RequestFlag | ActionFlag):  # the log holds no other kind
                continue
            add_paragraph_in(session, item.id, _carried_text(meeting, entry, flag))
        return item.id


def _carried_text(meeting: Meeting, entry: LogEntry, flag: RequestFlag | ActionFlag) -> str:
    """The matters-arising line; an exempt request becomes a neutral line, since the new item
    is public and the request's wording may itself be exempt information."""
    status = as_request_status(entry.status).value
    is_request = isinstance(flag, RequestFlag)
    if not may_carry(entry.exempt, target_exempt=False):
        return neutral_line(entry.meeting_date, is_request, status)
    return matters_arising_line(meeting.committee.name, entry.meeting_date, is_request,
                                _asked_of_stored(flag), _stored_what(flag), status)


def offered_text(entry: LogEntry) -> str:
    """How the matters-arising dialog shows an entry: what will be inserted for it."""
    if not may_carry(entry.exempt, target_exempt=False):
        return neutral_line(entry.meeting_date, entry.kind == FlagKind.REQUEST,
                            as_request_status(entry.status).value)
    return entry.what


def format_log_line(entry: LogEntry) -> str:
    """'2023-07-11  21 a)  CYPE Directorate  outstanding (140 days)  Provide the …' — one
    line a clerk can paste into an agenda."""
    status = entry.status
    if entry.outstanding:
        status += f" ({entry.age_days} day{'' if entry.age_days == 1 else 's'})"
    elif entry.provided_on:
        status += f" {entry.provided_on.isoformat()}"
    what = f"[action] {entry.what}" if entry.kind == FlagKind.ACTION else entry.what
    what = f"[exempt] {what}" if entry.exempt else what
    parts = (entry.meeting_date.isoformat(), entry.reference or entry.paragraph_label,
             entry.asked_of or "–", status, what)
    return "  ".join(parts)
