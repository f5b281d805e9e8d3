"""How a person is written in the minutes, by the committee's naming conventions."""

from dataclasses import dataclass
from enum import StrEnum

from clerkdesk.domain.enums import PersonKind, Role
from clerkdesk.domain.person import PersonFields


class MemberStyle(StrEnum):
    ANONYMOUS = "anonymous"  # A Member
    TITLE_SURNAME = "title_surname"  # Mr Love
    CLLR_FULL = "cllr_full"  # Cllr Jane Smith
    FULL = "full"  # Jane Smith


class OfficerStyle(StrEnum):
    FULL = "full"  # Sarah Hammond
    FULL_WITH_JOB = "full_with_job"  # Sarah Hammond (Director of SEND)
    TITLE_SURNAME = "title_surname"  # Ms Hammond


class ChairStyle(StrEnum):
    ROLE = "role"  # the Chair / the Vice-Chair
    NAME = "name"  # as a member


@dataclass(frozen=True)
class NamingConventions:
    """A committee's choices for writing each kind of person."""

    member: MemberStyle = MemberStyle.TITLE_SURNAME
    officer: OfficerStyle = OfficerStyle.FULL
    chair: ChairStyle = ChairStyle.ROLE


ANONYMOUS_MEMBER = "a Member"


def role_phrase(role: Role) -> str | None:
    """'the Chair' / 'the Vice-Chair' for chairing roles, else None."""
    return {Role.CHAIR: "the Chair", Role.VICE_CHAIR: "the Vice-Chair"}.get(role)


def written_name(person: PersonFields, conventions: NamingConventions) -> str:
    """The person's name as the committee writes it, in mid-sentence form."""
    if person.role in (Role.CHAIR, Role.VICE_CHAIR) and conventions.chair is ChairStyle.ROLE:
        return role_phrase(person.role) or person.full_name
    if not person.full_name and person.kind is PersonKind.OFFICER and person.job_title:
        return f"the {person.job_title}"  # an officer the minutes name only by post
    if not person.full_name:
        # A role that is not a chairing one has no phrase either: the member stays anonymous.
        return (role_phrase(person.role) if person.role else None) or ANONYMOUS_MEMBER
    if person.kind is PersonKind.OFFICER:
        if conventions.officer is OfficerStyle.TITLE_SURNAME:
            return person.title_surname
        if conventions.officer is OfficerStyle.FULL_WITH_JOB and person.job_title:
            return f"{person.full_name} ({person.job_title})"
        return person.full_name
    if person.kind is PersonKind.MEMBER:
        match conventions.member:
            case MemberStyle.ANONYMOUS:
                return ANONYMOUS_MEMBER
            case MemberStyle.CLLR_FULL:
                return f"Cllr {person.full_name}"
            case MemberStyle.FULL:
                return person.full_name
            case _:
                return person.title_surname
    return person.full_name


def at_sentence_start(name: str) -> str:
    """Capitalise a leading 'the'/'a' ("the Chair" -> "The Chair")."""
    return name[:1].upper() + name[1:] if name else name
