"""Write what a council's Modern.gov site says into the database: one transaction per action.

Nothing here talks to the network: the window and the CLI fetch first (clerkdesk.net), then call
these with plain values, so a failed or cancelled fetch never leaves half an import behind.
"""

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerkdesk.domain.attendance import role_text, roster_name
from clerkdesk.domain.enums import PersonKind, Role
from clerkdesk.domain.moderngov import SiteAgenda, SiteAgendaItem, SiteMember
from clerkdesk.domain.people_match import NameMatch, best_match, normalise_name
from clerkdesk.errors import ClerkDeskError
from clerkdesk.services._lookup import get_or_fail
from clerkdesk.services.committees import find_or_create_committee
from clerkdesk.services.meetings import add_document_in, add_item_in, create_meeting_in
from clerkdesk.services.people import add_person_in, fields_of
from clerkdesk.storage.database import Database
from clerkdesk.storage.models import AgendaItem, Committee, Meeting, Membership, Person


class Change(StrEnum):
    JOINED = "joined"
    LEFT = "left"
    ROLE = "role changed"


@dataclass(frozen=True)
class MemberChange:
    """One difference between the roster and the site; `person_id` None means a new person."""

    change: Change
    name: str
    role: Role
    old_role: Role | None = None
    person_id: int | None = None
    site_member: SiteMember | None = None
    near_miss_of: str = ""  # a roster name the site's spelling nearly matches: ask the clerk

    def describe(self) -> str:
        if self.change is Change.LEFT:
            return f"{self.name} has left ({_seat(self.role)})"
        if self.change is Change.ROLE:
            return f"{self.name}: {_seat(self.old_role)} → {_seat(self.role)}"
        seat = _seat(self.role)
        if self.near_miss_of:
            return f"{self.name} joins as {seat} (looks like {self.near_miss_of} on the roster)"
        new = "" if self.person_id else " (new to the roster)"
        return f"{self.name} joins as {seat}{new}"


def _seat(role: Role | None) -> str:
    """The role as it reads mid-sentence: "Chair", "Vice-Chair", "member", "substitute member"."""
    if role in (Role.CHAIR, Role.VICE_CHAIR):
        return role_text(role)
    return (role_text(role) or "member").lower()


@dataclass(frozen=True)
class AgendaChanges:
    """Items the site has that the meeting lacks, and the meeting's items the site dropped."""

    added: tuple[SiteAgendaItem, ...]
    withdrawn: tuple[str, ...]

    def lines(self) -> list[str]:
        return ([f"Added: {item.title}" for item in self.added]
                + [f"Withdrawn: {title}" for title in self.withdrawn])


def committee_source(db: Database, committee_id: int) -> tuple[str, int | None]:
    """The committee's Modern.gov site ('' when none) and its id there."""
    with db.transaction() as session:
        committee = get_or_fail(session, Committee, committee_id, "committee")
        return committee.moderngov_site or "", committee.moderngov_committee_id


def meeting_source(db: Database, meeting_id: int) -> tuple[str, int | None]:
    """The site a meeting was brought from ('' when typed in ClerkDesk) and its id there."""
    with db.transaction() as session:
        meeting = get_or_fail(session, Meeting, meeting_id, "meeting")
        return meeting.committee.moderngov_site or "", meeting.moderngov_meeting_id


def import_agenda(db: Database, agenda: SiteAgenda, committee_id: int | None = None,
                  site: str = "") -> int:
    """A new draft meeting from the site's agenda (items in order, exempt markers, documents);
    its committee is `committee_id`, else the one linked to the site's committee, else one
    found or created by the site's committee title. Returns the meeting's id."""
    with db.transaction() as session:
        _refuse_duplicate(session, agenda.meeting.id, site)
        committee = _committee_for(session, agenda, committee_id, site)
        site_meeting = agenda.meeting
        meeting = create_meeting_in(session, committee.id, site_meeting.date, site_meeting.time,
                                    site_meeting.venue[:300])
        meeting.moderngov_meeting_id = site_meeting.id
        for position, item in enumerate(agenda.items):
            _add_site_item(session, meeting.id, item, position)
        meeting_id = meeting.id
    _add_standard_items(db, meeting_id)
    return meeting_id


def agenda_changes(db: Database, meeting_id: int, agenda: SiteAgenda) -> AgendaChanges:
    """What changed on the site since the meeting was created (compared by title)."""
    with db.transaction() as session:
        get_or_fail(session, Meeting, meeting_id, "meeting")
        titles = session.scalars(select(AgendaItem.title).where(
            AgendaItem.meeting_id == meeting_id).order_by(AgendaItem.position)).all()
    ours = {_key(title) for title in titles}
    theirs = {_key(item.title) for item in agenda.items}
    added = tuple(item for item in agenda.items if _key(item.title) not in ours)
    from clerkdesk.services.approval import PREVIOUS_MINUTES_TITLE

    withdrawn = tuple(title for title in titles
                      if _key(title) not in theirs and title != PREVIOUS_MINUTES_TITLE)
    return AgendaChanges(added, withdrawn)


def add_new_items(db: Database, meeting_id: int, items: Sequence[SiteAgendaItem]) -> None:
    """Append the site's added items; withdrawn ones stay for the clerk to delete (they may
    already hold minutes)."""
    with db.transaction() as session:
        get_or_fail(session, Meeting, meeting_id, "meeting")
        for item in items:
            _add_site_item(session, meeting_id, item, None)


def plan_membership(db: Database, committee_id: int,
                    members: Sequence[SiteMember]) -> list[MemberChange]:
    """Who joined, left or changed role on the site, matched to the roster (a near miss is
    linked but marked for the clerk to confirm; nobody is duplicated). Changes nothing."""
    with db.transaction() as session:
        get_or_fail(session, Committee, committee_id, "committee")
        seats = {m.person_id: Role(m.role) for m in session.scalars(
            select(Membership).where(Membership.committee_id == committee_id))}
        if not members and seats:  # never offer "everyone left" for an answer we cannot read
            raise ClerkDeskError(
                "The site listed no members for this committee, so nothing was changed: "
                "check the committee chosen in Committee settings › Source.")
        people = list(session.scalars(select(Person).where(Person.kind == PersonKind.MEMBER)))
        people.sort(key=lambda p: (p.id not in seats, p.id))
        changes: list[MemberChange] = []
        matched: set[int] = set()
        for member in members:
            change = _member_change(member, people, seats, matched)
            if change is not None:
                changes.append(change)
        by_id = {p.id: p for p in people}
        for person_id, role in seats.items():
            if person_id not in matched:
                person = by_id.get(person_id) or session.get(Person, person_id)
                changes.append(MemberChange(Change.LEFT, _full(person), role,
                                            person_id=person_id))
        return changes


def apply_membership(db: Database, committee_id: int, changes: Sequence[MemberChange],
                     separate: Collection[int] = ()) -> None:
    """Apply the agreed changes in one transaction. `separate`: site councillor ids the clerk
    said are not the near-miss roster person (they are added as new people). Leaving removes
    the seat only: the person, and every paragraph that names them, stays."""
    with db.transaction() as session:
        get_or_fail(session, Committee, committee_id, "committee")
        for change in changes:
            _apply_change(session, committee_id, change, separate)


def _apply_change(session: Session, committee_id: int, change: MemberChange,
                  separate: Collection[int]) -> None:
    seat = session.scalars(select(Membership).where(
        Membership.committee_id == committee_id,
        Membership.person_id == change.person_id)).first() if change.person_id else None
    if change.change is Change.LEFT:
        if seat is not None:
            session.delete(seat)
        return
    site = change.site_member
    person_id = change.person_id
    if site is not None and (person_id is None or site.councillor.id in separate):
        name = site.councillor.name
        person_id = add_person_in(session, kind=PersonKind.MEMBER, title=name.title,
                                  given_name=name.given, family_name=name.family,
                                  moderngov_id=site.councillor.id).id
        seat = None
    elif site is not None and person_id is not None:
        get_or_fail(session, Person, person_id, "person").moderngov_id = site.councillor.id
    if seat is None:
        session.add(Membership(committee_id=committee_id, person_id=person_id, role=change.role))
    else:
        seat.role = change.role
    session.flush()


def _member_change(member: SiteMember, people: list[Person], seats: dict[int, Role],
                   matched: set[int]) -> MemberChange | None:
    site_name = member.councillor.name
    name = roster_name(site_name.title, site_name.given, site_name.family)
    person_id, near = _match(member, people, matched)
    if person_id is not None:
        matched.add(person_id)
        held = seats.get(person_id)
        if held is None:
            near_name = _full(next(p for p in people if p.id == person_id)) if near else ""
            return MemberChange(Change.JOINED, name, member.role, person_id=person_id,
                                site_member=member, near_miss_of=near_name)
        if held is not member.role:
            return MemberChange(Change.ROLE, name, member.role, held, person_id, member)
        return None
    return MemberChange(Change.JOINED, name, member.role, site_member=member)


def _match(member: SiteMember, people: list[Person], taken: set[int]) -> tuple[int | None, bool]:
    """(roster person, is a near miss): by site id first, then the picker's name matcher."""
    for person in people:
        if person.moderngov_id == member.councillor.id and person.id not in taken:
            return person.id, False
    pool = [(p.id, fields_of(p, None).name_parts)
            for p in people if p.id not in taken and p.family_name]
    try:
        person_id, match = best_match(member.councillor.name, pool)
    except LookupError:
        return None, False
    return person_id, match is NameMatch.NEAR


def _full(person: Person | None) -> str:
    if person is None:
        return "(removed person)"
    return roster_name(person.title, person.given_name, person.family_name)


def _refuse_duplicate(session: Session, site_meeting_id: int, site: str) -> None:
    existing = session.scalars(select(Meeting).join(Committee).where(
        Meeting.moderngov_meeting_id == site_meeting_id)).all()
    for meeting in existing:
        if not site or not meeting.committee.moderngov_site or \
                _same_site(meeting.committee.moderngov_site, site):
            raise ClerkDeskError(
                f"This meeting was already brought from the site (ClerkDesk meeting "
                f"{meeting.id}, {meeting.date:%d %B %Y}); open it instead.")


def _same_site(a: str, b: str) -> bool:
    from clerkdesk.net.moderngov import service_root

    try:
        return service_root(a).casefold() == service_root(b).casefold()
    except ClerkDeskError:
        return a.strip().casefold() == b.strip().casefold()


def _committee_for(session: Session, agenda: SiteAgenda, committee_id: int | None,
                   site: str) -> Committee:
    if committee_id is not None:
        return get_or_fail(session, Committee, committee_id, "committee")
    site_committee = agenda.meeting.committee_id
    if site_committee is not None:
        for committee in session.scalars(select(Committee).where(
                Committee.moderngov_committee_id == site_committee)):
            if not site or _same_site(committee.moderngov_site or "", site):
                return committee
    title = agenda.committee_title.strip()
    if not title:
        raise ClerkDeskError("The site does not say which committee this meeting belongs to.")
    committee = find_or_create_committee(session, title[:200])
    if committee.moderngov_committee_id is None and site:
        committee.moderngov_site, committee.moderngov_committee_id = site, site_committee
    return committee


def _add_site_item(session: Session, meeting_id: int, item: SiteAgendaItem,
                   position: int | None) -> None:
    label = item.number if item.number and item.number != str((position or 0) + 1) else None
    row = add_item_in(session, meeting_id, item.title[:500] or "(untitled item)", position,
                      exempt=item.exempt, exempt_paragraph=item.exempt_paragraph,
                      number_label=(label or "")[:40] or None)
    for document in item.documents:
        add_document_in(session, row.id, document.title[:500] or document.url,
                        document.url[:1000])
    session.flush()


def _add_standard_items(db: Database, meeting_id: int) -> None:
    """The "Minutes of the previous meeting" item, where the agenda lacks one."""
    from clerkdesk.services.approval import add_previous_minutes_item

    add_previous_minutes_item(db, meeting_id)


def _key(title: str) -> str:
    return normalise_name(title)
