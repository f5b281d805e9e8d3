"""Which meetings the meeting list shows, and in what order: committee, year, typed text."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import Any

from clerkdesk.domain.minutes import MeetingSummary


class MeetingOrder(StrEnum):
    NEWEST = "Newest first"
    OLDEST = "Oldest first"
    COMMITTEE = "By committee"


@dataclass(frozen=True)
class MeetingFilter:
    """What the clerk chose above the list; the defaults show every meeting."""

    text: str = ""
    committee_id: int | None = None
    year: int | None = None

    def matches(self, meeting: MeetingSummary) -> bool:
        if self.committee_id is not None and meeting.committee_id != self.committee_id:
            return False
        if self.year is not None and meeting.date.year != self.year:
            return False
        words = self.text.casefold().split()
        if not words:  # the list as it opens: nothing to spell out
            return True
        searchable = searchable_text(meeting)
        return all(word in searchable for word in words)


# Each key typed in the filter tests every meeting again: each one's text is made once.
@lru_cache(maxsize=65_536)
def searchable_text(meeting: MeetingSummary) -> str:
    """Committee, status and the date written the ways a clerk types it, case-folded."""
    date = meeting.date
    forms = [date.isoformat(), f"{date.day} {date:%b %B %Y}", f"{date:%d/%m/%Y}",
             f"{date.day}/{date.month}/{date.year}"]
    return " ".join([meeting.committee, str(meeting.status), *forms]).casefold()


def sort_key(meeting: MeetingSummary, order: MeetingOrder) -> tuple[Any, ...]:
    """Ascending key: newest first sorts on the negated date."""
    if order == MeetingOrder.OLDEST:
        return (meeting.date.toordinal(), meeting.id)
    if order == MeetingOrder.COMMITTEE:
        return (meeting.committee.casefold(), -meeting.date.toordinal(), -meeting.id)
    return (-meeting.date.toordinal(), -meeting.id)


def shown(meetings: Sequence[MeetingSummary], chosen: MeetingFilter,
          order: MeetingOrder = MeetingOrder.NEWEST) -> list[MeetingSummary]:
    """The meetings to list, in order."""
    return sorted((m for m in meetings if chosen.matches(m)), key=lambda m: sort_key(m, order))


def years(meetings: Sequence[MeetingSummary]) -> list[int]:
    """Years that have meetings, newest first."""
    return sorted({m.date.year for m in meetings}, reverse=True)


def committees(meetings: Sequence[MeetingSummary]) -> list[tuple[int, str]]:
    """(id, name) of committees that have meetings, by name."""
    found = {m.committee_id: m.committee for m in meetings}
    return sorted(found.items(), key=lambda pair: pair[1].casefold())
