"""A meeting's roster: committee members and attendees, their attendance, roles and names.

Each public function is one user action and one transaction. Names live only in the person
row (paragraphs hold `{@id}` tokens), so correcting a spelling here corrects every meeting.
"""

from dataclasses import dataclass, replace

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, selectinload

from clerkdesk.domain.attendance import (
    ATTENDING,
    COMMITTEE_ROLES,
    NEEDS_NAME,
    counts_for_quorum,
    default_attending_status,
    in_room_at,
    person_problem,
    quorum_message,
    quorum_shortfall,
    roster_name,
    roster_rank,
)
from clerkdesk.domain.enums import AttendanceStatus, PersonKind, Role
from clerkdesk.domain.person import MAX_LENGTHS, PersonFields
from clerkdesk.errors import ClerkDeskError
from clerkdesk.services._lookup import get_or_fail
from clerkdesk.services.minutes import item_label_list
from clerkdesk.services.people import add_person_in, fields_of, set_attendance_in, set_membership_in
from clerkdesk.storage.database import Database
from clerkdesk.storage.models import AgendaItem, Attendance, Committee, Meeting, Membership, Person


@dataclass(frozen=True)
class RosterRow:
    """A person on the roster, with their attendance at the meeting."""

    person_id: int
    name: str  # in full with title: "Mrs Helen Okafor"
    person: PersonFields
    status: AttendanceStatus | None
    remote: bool = False
    substitute_for_id: int | None = None
    substitute_for_name: str = ""
    arrived_at_item_id: int | None = None
    arrived_at_label: str = ""
    left_at_item_id: int | None = None
    left_at_label: str = ""

    @property
    def is_member(self) -> bool:
        return self.person.role in COMMITTEE_ROLES


@dataclass(frozen=True)
class QuorumState:
    quorum: int | None
    present_members: int
    shortfall: int
    remote_not_counted: int = 0  # members attending remotely, where the committee does not
    # count them (counts_for_quorum)

    @property
    def quorate(self) -> bool:
        return self.shortfall == 0

    @property
    def message(self) -> str:
        return quorum_message(self.present_members, self.quorum, self.remote_not_counted)


# --- reading --------------------------------------------------------------------------------

def roster_committee_id(db: Database, meeting_id: int) -> int:
    with db.transaction() as session:
        return get_or_fail(session, Meeting, meeting_id, "meeting").committee_id


def meeting_roster(db: Database, meeting_id: int) -> list[RosterRow]:
    """Every member of the meeting's committee and everyone with attendance at it, in the
    order the minutes list them."""
    with db.transaction() as session:
        return meeting_roster_in(session, meeting_id)


def meeting_roster_in(session: Session, meeting_id: int) -> list[RosterRow]:
    meeting = get_or_fail(session, Meeting, meeting_id, "meeting")
    roles = _roles(session, meeting.committee_id)
    attendance = {row.person_id: row for row in _attendance(session, meeting_id)}
    wanted = set(roles) | set(attendance)
    wanted |= {a.substitute_for_id for a in attendance.values() if a.substitute_for_id}
    people = {p.id: p for p in session.scalars(select(Person).where(Person.id.in_(wanted)))}
    labels = _item_labels(session, meeting)
    rows = [
        _roster_row(people[pid], roles.get(pid), attendance.get(pid), people, roles, labels)
        for pid in set(roles) | set(attendance)
    ]
    rows.sort(key=lambda r: (roster_rank(r.person.kind, r.person.role, r.status),
                             r.person.family_name.casefold(), r.person.given_name.casefold(),
                             r.person_id))
    return rows


def person_fields(db: Database, committee_id: int, person_id: int) -> PersonFields:
    """A person's fields as the person dialog edits them, with their role on this committee."""
    with db.transaction() as session:
        person = get_or_fail(session, Person, person_id, "person")
        return fields_of(person, _roles(session, committee_id).get(person_id))


def quorum_state(db: Database, meeting_id: int, at_item_id: int | None = None) -> QuorumState:
    """Members counting for the quorum, at an agenda item (late arrivals and early leavers
    counted only while there) or, with no item, over the whole meeting."""
    with db.transaction() as session:
        meeting = get_or_fail(session, Meeting, meeting_id, "meeting")
        positions = _item_positions(session, meeting_id)
        at = _position_of(positions, at_item_id) if at_item_id is not None else None
        roles = _roles(session, meeting.committee_id)
        remote_counts = bool(meeting.committee.remote_counts_for_quorum)
        count = remote_only = 0
        for row in _attendance(session, meeting_id):
            if not in_room_at(_position_or_none(positions, row.arrived_at_item_id),
                              _position_or_none(positions, row.left_at_item_id), at):
                continue
            facts = (PersonKind(row.person.kind), roles.get(row.person_id),
                     AttendanceStatus(row.status))
            if counts_for_quorum(*facts, row.remote, remote_counts):
                count += 1
            elif counts_for_quorum(*facts, row.remote, remote_counts=True):
                remote_only += 1
        quorum = meeting.committee.quorum
        return QuorumState(quorum, count, quorum_shortfall(count, quorum), remote_only)


# --- attendance -----------------------------------------------------------------------------

def set_status(
    db: Database, meeting_id: int, person_id: int, status: AttendanceStatus | None
) -> None:
    """Record a status; None removes the attendance record (not recorded)."""
    with db.transaction() as session:
        get_or_fail(session, Meeting, meeting_id, "meeting")
        get_or_fail(session, Person, person_id, "person")
        row = _attendance_row(session, meeting_id, person_id)
        if status is None:
            if row is not None:
                session.delete(row)
            return
        if row is None:
            set_attendance_in(session, meeting_id, person_id, status)
            return
        _change_status(row, status)


def set_remote(db: Database, meeting_id: int, person_id: int, remote: bool) -> None:
    """Mark someone as attending remotely (recording them as attending if they were not)."""
    with db.transaction() as session:
        if remote:
            _attending_row(session, meeting_id, person_id).remote = True
            return
        row = _attendance_row(session, meeting_id, person_id)
        if row is not None:
            row.remote = False


def set_substitute_for(
    db: Database, meeting_id: int, person_id: int, for_person_id: int | None
) -> None:
    """Record a substitute, and apologies for the member replaced if none were recorded."""
    with db.transaction() as session:
        get_or_fail(session, Meeting, meeting_id, "meeting")
        get_or_fail(session, Person, person_id, "person")
        if for_person_id is not None:
            if for_person_id == person_id:
                raise ClerkDeskError("A person cannot be their own substitute.")
            get_or_fail(session, Person, for_person_id, "person")
            if _attendance_row(session, meeting_id, for_person_id) is None:
                set_attendance_in(session, meeting_id, for_person_id, AttendanceStatus.APOLOGIES)
        row = _attendance_row(session, meeting_id, person_id)
        if row is None:
            row = set_attendance_in(session, meeting_id, person_id, AttendanceStatus.SUBSTITUTE)
        _change_status(row, AttendanceStatus.SUBSTITUTE)
        row.substitute_for_id = for_person_id


def set_arrival(db: Database, meeting_id: int, person_id: int, item_id: int | None) -> None:
    """Record that someone arrived late, at an agenda item (None: there from the start)."""
    _set_item_mark(db, meeting_id, person_id, item_id, "arrived_at_item_id")


def set_departure(db: Database, meeting_id: int, person_id: int, item_id: int | None) -> None:
    """Record that someone left early, during an agenda item (None: stayed to the end)."""
    _set_item_mark(db, meeting_id, person_id, item_id, "left_at_item_id")


def _set_item_mark(
    db: Database, meeting_id: int, person_id: int, item_id: int | None, column: str
) -> None:
    with db.transaction() as session:
        positions = _item_positions(session, meeting_id)
        if item_id is None:
            row = _attendance_row(session, meeting_id, person_id)
            if row is not None:
                setattr(row, column, None)
            return
        _position_of(positions, item_id)
        row = _attending_row(session, meeting_id, person_id)
        setattr(row, column, item_id)
        arrived, left = row.arrived_at_item_id, row.left_at_item_id
        if arrived is not None and left is not None and positions[left] < positions[arrived]:
            raise ClerkDeskError("Someone cannot leave at an item before the one they arrived at.")


# --- people and roles -----------------------------------------------------------------------

def add_person(
    db: Database,
    committee_id: int,
    meeting_id: int | None,
    fields: PersonFields,
    status: AttendanceStatus | None = None,
) -> int:
    """Add a person, their role on the committee (`fields.role`) and, at a meeting, a status."""
    fields = fields.cleaned()
    problem = person_problem(fields)
    if problem:
        raise ClerkDeskError(problem)
    with db.transaction() as session:
        get_or_fail(session, Committee, committee_id, "committee")
        if meeting_id is not None:
            meeting = get_or_fail(session, Meeting, meeting_id, "meeting")
            if meeting.committee_id != committee_id:
                raise ClerkDeskError("That meeting belongs to another committee.")
        person = add_person_in(session, **fields.person_columns())
        if fields.role is not None:
            set_membership_in(session, committee_id, person.id, fields.role)
        if meeting_id is not None and status is not None:
            set_attendance_in(session, meeting_id, person.id, status)
        return person.id


def update_person(db: Database, person_id: int, **changes: object) -> None:
    """Change some of a person's fields (title, given_name, family_name, job_title,
    organisation, kind, initials); the new name shows wherever the person is mentioned."""
    unknown = set(changes) - set(MAX_LENGTHS) - {"kind"}
    if unknown:
        raise TypeError(f"update_person() got unknown fields: {', '.join(sorted(unknown))}")
    with db.transaction() as session:
        person = get_or_fail(session, Person, person_id, "person")
        current = fields_of(person, None)
        values = {name: getattr(current, name) for name in MAX_LENGTHS} | {"kind": current.kind}
        values |= changes
        values["kind"] = PersonKind(values["kind"])
        fields = PersonFields(**values).cleaned()
        problem = person_problem(fields, has_role=_has_any_role(session, person_id))
        if problem:
            raise ClerkDeskError(problem)
        _apply(person, fields)


def edit_person(db: Database, committee_id: int, person_id: int, fields: PersonFields) -> None:
    """Save everything the person dialog edits, names and role together."""
    fields = fields.cleaned()
    with db.transaction() as session:
        get_or_fail(session, Committee, committee_id, "committee")
        person = get_or_fail(session, Person, person_id, "person")
        other_roles = _has_any_role(session, person_id, except_committee=committee_id)
        problem = person_problem(fields, has_role=fields.role is not None or other_roles)
        if problem:
            raise ClerkDeskError(problem)
        _apply(person, fields)
        _set_role_in(session, committee_id, person_id, fields.role)


def set_role(db: Database, committee_id: int, person_id: int, role: Role | None) -> None:
    """Give a person a role on the committee; None removes them from its membership."""
    with db.transaction() as session:
        get_or_fail(session, Committee, committee_id, "committee")
        person = get_or_fail(session, Person, person_id, "person")
        if role is None and not person.family_name and not _has_any_role(
            session, person_id, except_committee=committee_id
        ):
            raise ClerkDeskError(NEEDS_NAME)
        _set_role_in(session, committee_id, person_id, role)


# --- helpers --------------------------------------------------------------------------------

def _roles(session: Session, committee_id: int) -> dict[int, Role]:
    rows = session.execute(
        select(Membership.person_id, Membership.role).where(Membership.committee_id == committee_id)
    ).all()
    return {person_id: Role(role) for person_id, role in rows}


def _attendance(session: Session, meeting_id: int) -> list[Attendance]:
    return list(session.scalars(
        select(Attendance).where(Attendance.meeting_id == meeting_id)
        .options(selectinload(Attendance.person))
    ))


def _attendance_row(session: Session, meeting_id: int, person_id: int) -> Attendance | None:
    return session.scalars(select(Attendance).where(
        Attendance.meeting_id == meeting_id, Attendance.person_id == person_id
    )).first()


def _attending_row(session: Session, meeting_id: int, person_id: int) -> Attendance:
    """The person's attendance, recorded as attending (by kind and role) if it was not."""
    meeting = get_or_fail(session, Meeting, meeting_id, "meeting")
    person = get_or_fail(session, Person, person_id, "person")
    row = _attendance_row(session, meeting_id, person_id)
    if row is not None and AttendanceStatus(row.status) in ATTENDING:
        return row
    status = default_attending_status(
        PersonKind(person.kind), _roles(session, meeting.committee_id).get(person_id)
    )
    if row is None:
        set_attendance_in(session, meeting_id, person_id, status)
        row = _attendance_row(session, meeting_id, person_id)
        assert row is not None
    else:
        _change_status(row, status)
    return row


def _change_status(row: Attendance, status: AttendanceStatus) -> None:
    """A new status, dropping what no longer fits it (remote, late/left, substitute for)."""
    row.status = status
    if status is not AttendanceStatus.SUBSTITUTE:
        row.substitute_for_id = None
    if status not in ATTENDING:
        row.remote = False
        row.arrived_at_item_id = row.left_at_item_id = None


def _item_positions(session: Session, meeting_id: int) -> dict[int, int]:
    get_or_fail(session, Meeting, meeting_id, "meeting")
    rows = session.execute(
        select(AgendaItem.id, AgendaItem.position).where(AgendaItem.meeting_id == meeting_id)
    ).all()
    return {item_id: position for item_id, position in rows}


def _position_or_none(positions: dict[int, int], item_id: int | None) -> int | None:
    """Where an arrival or departure item sits; None when not recorded or not on the agenda."""
    return None if item_id is None else positions.get(item_id)


def _position_of(positions: dict[int, int], item_id: int) -> int:
    if item_id not in positions:
        raise ClerkDeskError(f"Agenda item {item_id} is not part of this meeting.")
    return positions[item_id]


def _item_labels(session: Session, meeting: Meeting) -> dict[int, str]:
    items = list(session.scalars(
        select(AgendaItem).where(AgendaItem.meeting_id == meeting.id).order_by(AgendaItem.position)
    ))
    labels = item_label_list(meeting.committee, items)
    return {item.id: label or item.title for item, label in zip(items, labels, strict=True)}


def _roster_row(
    person: Person,
    role: Role | None,
    attendance: Attendance | None,
    people: dict[int, Person],
    roles: dict[int, Role],
    labels: dict[int, str],
) -> RosterRow:
    row = RosterRow(person.id, _name(person, role), fields_of(person, role), status=None)
    if attendance is None:
        return row
    replaced = people.get(attendance.substitute_for_id or -1)
    return replace(
        row,
        status=AttendanceStatus(attendance.status),
        remote=attendance.remote,
        substitute_for_id=attendance.substitute_for_id,
        substitute_for_name=_name(replaced, roles.get(replaced.id)) if replaced else "",
        arrived_at_item_id=attendance.arrived_at_item_id,
        arrived_at_label=labels.get(attendance.arrived_at_item_id or -1, ""),
        left_at_item_id=attendance.left_at_item_id,
        left_at_label=labels.get(attendance.left_at_item_id or -1, ""),
    )


def _name(person: Person, role: Role | None) -> str:
    return roster_name(person.title, person.given_name, person.family_name, role)


def _apply(person: Person, fields: PersonFields) -> None:
    for name, value in fields.person_columns().items():
        setattr(person, name, value)


def _has_any_role(session: Session, person_id: int, except_committee: int | None = None) -> bool:
    query = select(Membership.id).where(Membership.person_id == person_id)
    if except_committee is not None:
        query = query.where(Membership.committee_id != except_committee)
    return session.scalars(query).first() is not None


def _set_role_in(session: Session, committee_id: int, person_id: int, role: Role | None) -> None:
    if role is not None:
        set_membership_in(session, committee_id, person_id, role)
        return
    session.execute(delete(Membership).where(
        Membership.committee_id == committee_id, Membership.person_id == person_id
    ))


def substitute_candidates(rows: list[RosterRow], person_id: int) -> list[RosterRow]:
    """Members a substitute may stand in for: apologies and absent first, then those not yet
    recorded; never the substitute themself."""
    order = {AttendanceStatus.APOLOGIES: 0, AttendanceStatus.ABSENT: 0, None: 1}
    members = [r for r in rows if r.is_member and r.person_id != person_id and r.status in order]
    return sorted(members, key=lambda r: order[r.status])
