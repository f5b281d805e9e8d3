"""Enumerations shared by every layer; values are what the database stores."""

from enum import StrEnum


class PersonKind(StrEnum):
    MEMBER = "member"
    OFFICER = "officer"
    OTHER = "other"


class Role(StrEnum):
    """A person's role on a committee."""

    CHAIR = "chair"
    VICE_CHAIR = "vice_chair"
    MEMBER = "member"
    COOPTED = "coopted"
    SUBSTITUTE = "substitute"


class MeetingStatus(StrEnum):
    DRAFT = "draft"
    APPROVED = "approved"
    PUBLISHED = "published"


class AttendanceStatus(StrEnum):
    PRESENT = "present"
    APOLOGIES = "apologies"
    ABSENT = "absent"
    SUBSTITUTE = "substitute"
    IN_ATTENDANCE = "in_attendance"
    ALSO_PRESENT = "also_present"


class ParagraphStyle(StrEnum):
    """How a paragraph is laid out: numbered minute, RESOLVED line, unnumbered text, or a
    bullet point (as imported minutes print them: "·", "-", "•")."""

    NUMBERED = "numbered"
    RESOLUTION = "resolution"
    UNNUMBERED = "unnumbered"
    BULLET = "bullet"


BULLET_LABEL = "•"  # what a bullet paragraph shows where a numbered one shows its number


class FlagKind(StrEnum):
    REQUEST = "request"
    RESOLUTION = "resolution"
    ACTION = "action"
    DECLARATION = "declaration"


class RequestStatus(StrEnum):
    OUTSTANDING = "outstanding"
    PROVIDED = "provided"
    WITHDRAWN = "withdrawn"


class ActionStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"


class ResolutionForm(StrEnum):
    NOTED = "noted"
    AGREED = "agreed"
    APPROVED = "approved"
    RECOMMENDED = "recommended"
    OTHER = "other"


class Audience(StrEnum):
    """Who an output is for: the public (exempt information withheld) or members (full)."""

    PUBLIC = "public"
    FULL = "full"
