"""A person's name parts, post and kind, with their role on one committee."""

from dataclasses import dataclass, replace
from typing import Any

from clerkdesk.domain.enums import PersonKind, Role
from clerkdesk.domain.people_match import NameParts

MAX_LENGTHS = {
    "title": 40, "given_name": 100, "family_name": 100, "initials": 10,
    "job_title": 200, "organisation": 200,
}


@dataclass(frozen=True)
class PersonFields:
    """Who a person is, as the clerk types it: name parts, post, kind and committee role."""

    title: str = ""
    given_name: str = ""
    family_name: str = ""
    initials: str = ""
    job_title: str = ""
    organisation: str = ""
    kind: PersonKind = PersonKind.MEMBER
    role: Role | None = None

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.given_name, self.family_name) if part)

    @property
    def name_parts(self) -> NameParts:
        """The parts the name matcher compares."""
        return NameParts(self.given_name, self.family_name, self.title)

    @property
    def title_surname(self) -> str:
        return " ".join(part for part in (self.title, self.family_name) if part) or self.full_name

    def cleaned(self) -> "PersonFields":
        cleaned: dict[str, Any] = {name: " ".join(getattr(self, name).split())
                                   for name in MAX_LENGTHS}
        return replace(self, **cleaned)

    def person_columns(self) -> dict[str, object]:
        """The Person columns (everything but the role)."""
        return {name: getattr(self, name) for name in MAX_LENGTHS} | {"kind": self.kind}
