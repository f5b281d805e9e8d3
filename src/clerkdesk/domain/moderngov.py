"""What a council's Modern.gov site says about committees, members and meetings (plain values)."""

import datetime as dt
from dataclasses import dataclass, field

from clerkdesk.domain.enums import Role
from clerkdesk.domain.people_match import NameParts


@dataclass(frozen=True)
class SiteCommittee:
    """A committee as the site lists it."""

    id: int
    title: str


@dataclass(frozen=True)
class SiteMeeting:
    """One meeting in the site's calendar."""

    id: int
    committee_id: int | None
    date: dt.date
    time: dt.time | None = None
    venue: str = ""
    status: str = ""


@dataclass(frozen=True)
class SiteDocument:
    """A report or appendix published with an agenda item."""

    title: str
    url: str


@dataclass(frozen=True)
class SiteAgendaItem:
    """An agenda item; `exempt_paragraph` is the Schedule 12A paragraph when it is exempt."""

    number: str
    title: str
    exempt: bool = False
    exempt_paragraph: int | None = None
    documents: tuple[SiteDocument, ...] = ()


@dataclass(frozen=True)
class SiteAgenda:
    """A meeting with its agenda, in the site's order."""

    meeting: SiteMeeting
    committee_title: str = ""
    items: tuple[SiteAgendaItem, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class SiteCouncillor:
    """A councillor the site lists (GetCouncillorsByWard)."""

    id: int
    name: NameParts


@dataclass(frozen=True)
class SiteMember:
    """A councillor's seat on one committee."""

    councillor: SiteCouncillor
    role: Role


ROLE_WORDS: tuple[tuple[str, Role], ...] = (
    ("vice", Role.VICE_CHAIR),
    ("chair", Role.CHAIR),
    ("substitute", Role.SUBSTITUTE),
    ("reserve", Role.SUBSTITUTE),
    ("co-opted", Role.COOPTED),
    ("coopted", Role.COOPTED),
)


def role_from_text(text: str) -> Role:
    """The committee role a site's wording names ("Vice-Chairman" -> vice-chair); else member."""
    lowered = text.casefold()
    return next((role for word, role in ROLE_WORDS if word in lowered), Role.MEMBER)
