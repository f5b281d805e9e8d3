"""Paragraphs ClerkDesk writes from flags: the closing list of requests, matters arising."""

import datetime as dt
from collections.abc import Sequence

from clerkdesk.domain.mentions import TOKEN

Line = tuple[int, str]
# Last words of committee names that make a short reference: "the Sub-Committee", "the Panel".
_BODY_WORDS = ("sub-committee", "committee", "panel", "board", "cabinet", "council", "forum",
               "group", "commission", "executive", "assembly", "partnership")


def with_the(name: str) -> str:
    """'the X' for a body; a name that already starts with 'the' or is a person token is kept."""
    name = " ".join(name.split())
    if not name or TOKEN.fullmatch(name):
        return name
    if name.lower().startswith("the "):
        return "the " + name[4:]
    return f"the {name}"


def _group_key(asked_of: str) -> str:
    key = " ".join(asked_of.split()).casefold()
    return key[4:] if key.startswith("the ") else key


def requests_intro(committee_name: str, asked_of: str) -> str:
    """'Members of the X requested the following information from the Y:' (Y may be empty)."""
    source = f" from {with_the(asked_of)}" if asked_of.strip() else ""
    return (f"Members of {with_the(committee_name)} requested the following information"
            f"{source}:")


def requests_paragraphs(committee_name: str, requests: Sequence[tuple[str, str]]) -> list[Line]:
    """For (asked_of, what) pairs in minute order: per distinct asked_of, in order of first
    appearance, an intro paragraph (level 0) then each request as a sub-point (level 1).

    asked_of is a body ("CYPE Directorate", "the Head of Finance") or a person token `{@12}`,
    which takes no "the"; bodies differing only in case or a leading "the" are one group.
    """
    groups: dict[str, tuple[str, list[str]]] = {}
    for asked_of, what in requests:
        groups.setdefault(_group_key(asked_of), (asked_of, []))[1].append(" ".join(what.split()))
    lines: list[Line] = []
    for asked_of, whats in groups.values():
        lines.append((0, requests_intro(committee_name, asked_of)))
        lines.extend((1, what) for what in whats)
    return lines


def committee_reference(committee_name: str) -> str:
    """How the minutes refer back to the committee: 'the Sub-Committee', 'the Panel', or the
    full name with 'the' when its last word is not a recognised kind of body."""
    words = committee_name.split()
    if words and words[-1].casefold() in _BODY_WORDS:
        return f"the {words[-1]}"
    return with_the(committee_name)


def long_date(day: dt.date) -> str:
    """'11 July 2023'."""
    return f"{day.day} {day.strftime('%B %Y')}"


def matters_arising_line(
    committee_name: str, meeting_date: dt.date, is_request: bool, asked_of: str, what: str,
    status: str,
) -> str:
    """'At its meeting on 11 July 2023 the Sub-Committee requested from the CYPE Directorate:
    <what> – outstanding.' (an action reads 'asked Sarah Hammond to: …')."""
    opening = f"At its meeting on {long_date(meeting_date)} {committee_reference(committee_name)}"
    if is_request:
        verb = f"requested from {with_the(asked_of)}" if asked_of.strip() else "requested"
    else:
        verb = f"asked {asked_of} to" if asked_of.strip() else "recorded the action"
    body = " ".join(what.split()).rstrip(" .;")
    return f"{opening} {verb}: {body} – {status}."
