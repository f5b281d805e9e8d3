"""Link the names found in imported minutes to people in the database, creating only new ones."""

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerkdesk.domain.attendance import role_text, roster_name
from clerkdesk.domain.enums import PersonKind, Role
from clerkdesk.domain.naming import NamingConventions, written_name
from clerkdesk.domain.people_match import NameMatch, best_match
from clerkdesk.domain.person import PersonFields
from clerkdesk.importers.people_finder import Spelling
from clerkdesk.services.people import add_person_in, fields_of, set_membership_in
from clerkdesk.storage.models import Membership, Person


@dataclass(frozen=True)
class NearMiss:
    spelling: str
    person_id: int


class PeopleLinker:
    """Matches spellings against the roster (this committee's people first), then earlier
    spellings of this import; a near miss is linked, never made a second person."""

    def __init__(self, session: Session, committee_id: int, conventions: NamingConventions,
                 keep_separate: frozenset[str] = frozenset()) -> None:
        self.session = session
        self.committee_id = committee_id
        self.conventions = conventions
        self.roles: dict[int, Role] = {
            person_id: Role(role)
            for person_id, role in session.execute(
                select(Membership.person_id, Membership.role).where(
                    Membership.committee_id == committee_id)
            ).all()
        }
        people = sorted(session.scalars(select(Person)).all(),
                        key=lambda p: (p.id not in self.roles, p.id))
        self.people: dict[int, Person] = {p.id: p for p in people}
        self.candidates = [self._candidate(p) for p in people if p.family_name]
        self.keep_separate = keep_separate  # spellings the user said are different people
        self.created: list[int] = []
        self.placed: set[int] = set()  # people whose seat the attendance decided
        self.near_misses: list[NearMiss] = []

    @staticmethod
    def _candidate(person: Person) -> tuple[int, PersonFields]:
        return person.id, fields_of(person, None)

    def link(self, spellings: Sequence[Spelling]) -> dict[str, int]:
        """Person id for each spelling; give the most frequent spelling first so it wins. A
        member not placed by the attendance joins the committee."""
        person_of: dict[str, int] = {}
        for spelling in spellings:
            person_id = self.person_for(spelling)
            if spelling.kind is PersonKind.MEMBER and person_id not in self.placed:
                self._ensure_membership(person_id, Role.MEMBER)
            person_of[spelling.text] = person_id
        return person_of

    def person_for(self, spelling: Spelling) -> int:
        """The roster person a spelling names (a near miss is linked and noted), else a new one."""
        is_member = spelling.kind is PersonKind.MEMBER
        pool = [(person_id, person.name_parts) for person_id, person in self.candidates
                if (person.kind is PersonKind.MEMBER) == is_member]
        try:
            person_id, match = best_match(spelling.parts, pool)
        except LookupError:
            return self._party(spelling) or self._create(spelling)
        if match is NameMatch.NEAR and spelling.text in self.keep_separate:
            return self._create(spelling)
        miss = NearMiss(spelling.text, person_id)
        if match is NameMatch.NEAR and miss not in self.near_misses:
            self.near_misses.append(miss)
        return person_id

    def officer_by_post(self, post: str) -> int:
        """The unnamed officer known by this post ("Clerk"), created the first time."""
        for person in self.people.values():
            if (person.kind == PersonKind.OFFICER and not person.family_name
                    and not person.given_name and person.job_title.casefold() == post.casefold()):
                return person.id
        person = add_person_in(self.session, kind=PersonKind.OFFICER, job_title=post)
        self._remember(person)
        return person.id

    def _party(self, spelling: Spelling) -> int | None:
        """Someone neither member nor officer ("Mr Ravi Sandhu (applicant)", also present for
        a hearing) named the same way in the minutes."""
        others = [(p.id, fields_of(p, None).name_parts)
                  for p in self.people.values() if p.kind == PersonKind.OTHER and p.family_name]
        try:
            person_id, match = best_match(spelling.parts, others)
        except LookupError:
            return None
        return person_id if match is NameMatch.SAME else None

    def give_role(self, person_id: int, role: Role | None) -> str:
        """Seat an attendee on the committee; a Chair or Vice-Chair already held by someone else
        is left alone (the person joins as a member) and the reason is returned."""
        self.placed.add(person_id)
        if role is None:
            return ""
        held_by = next((p for p, r in self.roles.items() if r is role and p != person_id), None)
        if role in (Role.CHAIR, Role.VICE_CHAIR) and held_by is not None:
            self._ensure_membership(person_id, Role.MEMBER)
            return (f"{self.full_name(person_id)} is {role_text(role)} in these minutes; the "
                    f"committee's {role_text(role)} stays {self.full_name(held_by)}.")
        current = self.roles.get(person_id)
        if current is None or (current in (Role.MEMBER, Role.SUBSTITUTE)
                               and role in (Role.CHAIR, Role.VICE_CHAIR)):
            set_membership_in(self.session, self.committee_id, person_id, role)
            self.roles[person_id] = role
        return ""

    def role_holder(self, role: Role) -> int:
        """The committee's Chair or Vice-Chair, created (unnamed) when it has none."""
        for person_id, held in self.roles.items():
            if held is role:
                return person_id
        person = add_person_in(self.session, kind=PersonKind.MEMBER)
        self._remember(person)
        self._ensure_membership(person.id, role)
        return person.id

    def _create(self, spelling: Spelling) -> int:
        parts = spelling.parts
        person = add_person_in(
            self.session, kind=spelling.kind, title=parts.title, given_name=parts.given,
            family_name=parts.family, initials=spelling.initials, job_title=spelling.job_title,
        )
        self._remember(person)
        self.candidates.append(self._candidate(person))
        return person.id

    def _remember(self, person: Person) -> None:
        self.people[person.id] = person
        self.created.append(person.id)

    def _ensure_membership(self, person_id: int, role: Role) -> None:
        if person_id not in self.roles:
            set_membership_in(self.session, self.committee_id, person_id, role)
            self.roles[person_id] = role

    def full_name(self, person_id: int) -> str:
        """The person's name in full with title, whatever the committee's conventions."""
        person = self.people[person_id]
        return roster_name(person.title, person.given_name, person.family_name,
                           self.roles.get(person_id))

    def written(self, person_id: int) -> str:
        """The person's name as the committee writes it."""
        person = self.people[person_id]
        return written_name(fields_of(person, self.roles.get(person.id)), self.conventions)
