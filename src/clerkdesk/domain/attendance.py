"""Roster rules: who counts for the quorum, status keys and wording, and a person's fields."""

from clerkdesk.domain.enums import AttendanceStatus, PersonKind, Role
from clerkdesk.domain.person import MAX_LENGTHS, PersonFields

# Roles that make a person a member of the committee (a standing substitute is not one).
COMMITTEE_ROLES = frozenset({Role.CHAIR, Role.VICE_CHAIR, Role.MEMBER, Role.COOPTED})
# Statuses of people who are in the meeting (in the room or remotely).
ATTENDING = frozenset({
    AttendanceStatus.PRESENT,
    AttendanceStatus.SUBSTITUTE,
    AttendanceStatus.IN_ATTENDANCE,
    AttendanceStatus.ALSO_PRESENT,
})

STATUS_KEYS: dict[str, AttendanceStatus | None] = {
    "P": AttendanceStatus.PRESENT,
    "A": AttendanceStatus.APOLOGIES,
    "X": AttendanceStatus.ABSENT,
    "S": AttendanceStatus.SUBSTITUTE,
    "I": AttendanceStatus.IN_ATTENDANCE,
    "O": AttendanceStatus.ALSO_PRESENT,
    "0": None,  # not recorded
}

STATUS_TEXT = {
    AttendanceStatus.PRESENT: "Present",
    AttendanceStatus.APOLOGIES: "Apologies",
    AttendanceStatus.ABSENT: "Absent",
    AttendanceStatus.SUBSTITUTE: "Substitute",
    AttendanceStatus.IN_ATTENDANCE: "In attendance",
    AttendanceStatus.ALSO_PRESENT: "Also present",
}
NOT_RECORDED = "—"

ROLE_TEXT = {
    Role.CHAIR: "Chair",
    Role.VICE_CHAIR: "Vice-Chair",
    Role.MEMBER: "Member",
    Role.COOPTED: "Co-opted member",
    Role.SUBSTITUTE: "Substitute member",
}
KIND_TEXT = {PersonKind.MEMBER: "Member", PersonKind.OFFICER: "Officer", PersonKind.OTHER: "Other"}
TITLES = ("Mr", "Mrs", "Ms", "Miss", "Dr", "Cllr", "Professor", "Sir", "Dame", "Rev")

FIELD_TEXT = {
    "title": "title", "given_name": "given name", "family_name": "family name",
    "initials": "initials", "job_title": "job title", "organisation": "organisation",
}
NEEDS_NAME = "Type at least a family name, or give the person a role on the committee."


def status_text(status: AttendanceStatus | None) -> str:
    return STATUS_TEXT[status] if status is not None else NOT_RECORDED


def role_text(role: Role | None) -> str:
    return ROLE_TEXT[role] if role is not None else ""


def status_for_key(letter: str) -> tuple[bool, AttendanceStatus | None]:
    """(known, status) for a typed letter; known is False for letters that are not statuses."""
    key = letter.upper()
    return (key in STATUS_KEYS, STATUS_KEYS.get(key))


def default_attending_status(kind: PersonKind, role: Role | None) -> AttendanceStatus:
    """The status a person gets when they turn up without one chosen (e.g. marked remote)."""
    if role in COMMITTEE_ROLES:
        return AttendanceStatus.PRESENT
    if kind is PersonKind.OFFICER:
        return AttendanceStatus.IN_ATTENDANCE
    return AttendanceStatus.ALSO_PRESENT


def counts_for_quorum(
    kind: PersonKind,
    role: Role | None,
    status: AttendanceStatus | None,
    remote: bool = False,
    remote_counts: bool = True,
) -> bool:
    """True for a member or co-opted member present (or a substitute); never an officer.

    `remote_counts` is False where the law does not count remote attendance (English
    principal councils since 2021); the default follows committees that do count it.
    """
    if kind is PersonKind.OFFICER or (remote and not remote_counts):
        return False
    if status is AttendanceStatus.SUBSTITUTE:
        return True
    return status is AttendanceStatus.PRESENT and role in COMMITTEE_ROLES


def in_room_at(arrived_at: int | None, left_at: int | None, at: int | None) -> bool:
    """Whether someone who arrived at item position `arrived_at` and left during item position
    `left_at` is still there at item position `at` (None `at` means the meeting as a whole)."""
    if at is None:
        return True
    if arrived_at is not None and at < arrived_at:
        return False
    return left_at is None or at < left_at


def quorum_shortfall(present_member_count: int, quorum: int | None) -> int:
    """How many more members are needed for a quorum (0 when quorate or no quorum is set)."""
    if not quorum:
        return 0
    return max(0, quorum - present_member_count)


def quorum_message(present_member_count: int, quorum: int | None, remote_not_counted: int = 0
                   ) -> str:
    members = f"{present_member_count} member{'' if present_member_count == 1 else 's'} present"
    if remote_not_counted:
        members += f" ({remote_not_counted} more attending remotely, not counted)"
    if not quorum:
        return f"{members} (no quorum set)"
    if quorum_shortfall(present_member_count, quorum):
        return f"Not quorate: {members}, quorum is {quorum}"
    return f"Quorate: {members}, quorum is {quorum}"


def roster_name(title: str, given_name: str, family_name: str, role: Role | None = None) -> str:
    """A person's name in full with title ("Mrs Helen Okafor"), or their role if unnamed."""
    name = " ".join(part for part in (title, given_name, family_name) if part)
    if family_name or given_name:
        return name
    return role_text(role) or name or "(no name)"


def notes_text(
    substitute_for: str = "",
    remote: bool = False,
    arrived_at: str = "",
    left_at: str = "",
) -> str:
    """"substitute for Mrs X; remote; arrived at item 4; left at item 6" (parts present only)."""
    parts = []
    if substitute_for:
        parts.append(f"substitute for {substitute_for}")
    if remote:
        parts.append("remote")
    if arrived_at:
        parts.append(f"arrived at item {arrived_at}")
    if left_at:
        parts.append(f"left at item {left_at}")
    return "; ".join(parts)


def person_problem(fields: PersonFields, has_role: bool | None = None) -> str | None:
    """Why these fields cannot be saved, or None; `has_role` overrides `fields.role`."""
    fields = fields.cleaned()
    for name, limit in MAX_LENGTHS.items():
        if len(getattr(fields, name)) > limit:
            return f"The {FIELD_TEXT[name]} is longer than {limit} characters."
    role_given = fields.role is not None if has_role is None else has_role
    if not fields.family_name and not role_given:
        return NEEDS_NAME
    return None


_ROLE_RANK = {Role.CHAIR: 0, Role.VICE_CHAIR: 1, Role.MEMBER: 2, Role.COOPTED: 3}


def roster_rank(kind: PersonKind, role: Role | None, status: AttendanceStatus | None) -> int:
    """Where a person sits in the roster: Chair, Vice-Chair, members, co-opted, substitutes,
    other members also present, others, then officers (the order minutes list them in)."""
    if role in _ROLE_RANK:
        return _ROLE_RANK[role]
    if status is AttendanceStatus.SUBSTITUTE or role is Role.SUBSTITUTE:
        return 4
    return {PersonKind.MEMBER: 5, PersonKind.OTHER: 6}.get(kind, 7)
