"""People, committee membership and attendance."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerkdesk.domain.enums import AttendanceStatus, PersonKind, Role
from clerkdesk.domain.person import PersonFields
from clerkdesk.storage.database import Database
from clerkdesk.storage.models import Attendance, Membership, Person


def fields_of(person: Person, role: Role | None) -> PersonFields:
    """A stored person as the domain value, with their role on one committee."""
    return PersonFields(
        title=person.title, given_name=person.given_name, family_name=person.family_name,
        initials=person.initials, job_title=person.job_title, organisation=person.organisation,
        kind=PersonKind(person.kind), role=role,
    )


def add_person_in(session: Session, **fields: object) -> Person:
    person = Person(**fields)
    session.add(person)
    session.flush()
    return person


def add_person(
    db: Database,
    given_name: str = "",
    family_name: str = "",
    title: str = "",
    kind: PersonKind = PersonKind.MEMBER,
    job_title: str = "",
    organisation: str = "",
) -> int:
    with db.transaction() as session:
        person = add_person_in(
            session, given_name=given_name, family_name=family_name, title=title,
            kind=kind, job_title=job_title, organisation=organisation,
        )
        return person.id


def set_membership_in(session: Session, committee_id: int, person_id: int, role: Role) -> None:
    membership = session.scalars(
        select(Membership).where(
            Membership.committee_id == committee_id, Membership.person_id == person_id
        )
    ).first()
    if membership is None:
        session.add(Membership(committee_id=committee_id, person_id=person_id, role=role))
    else:
        membership.role = role


def set_membership(db: Database, committee_id: int, person_id: int, role: Role) -> None:
    with db.transaction() as session:
        set_membership_in(session, committee_id, person_id, role)


def set_attendance_in(
    session: Session,
    meeting_id: int,
    person_id: int,
    status: AttendanceStatus,
    substitute_for_id: int | None = None,
    remote: bool = False,
) -> Attendance:
    """The person's attendance row at the meeting, created or updated."""
    row = session.scalars(
        select(Attendance).where(
            Attendance.meeting_id == meeting_id, Attendance.person_id == person_id
        )
    ).first()
    if row is None:
        row = Attendance(meeting_id=meeting_id, person_id=person_id)
        session.add(row)
    row.status, row.substitute_for_id, row.remote = status, substitute_for_id, remote
    session.flush()
    return row
