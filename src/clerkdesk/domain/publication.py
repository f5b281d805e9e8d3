"""The one publication filter: what each audience may see of a meeting's minutes.

Every output (Word, `show`, JSON, the minutes view, the request log, matters arising, the
generated requests paragraph, search in the window and `clerkdesk search`) takes its content
from here; writers never decide exemption.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import replace
from typing import Protocol, TypeVar

from clerkdesk.domain.enums import Audience
from clerkdesk.domain.minutes import ItemView, MinutesView

DASH = "–"  # one dash style in every output: the spaced en dash of "RESOLVED – …"
NOT_FOR_PUBLICATION = "NOT FOR PUBLICATION"
PARAGRAPH_PLACEHOLDER = "{n}"
STANDARD_EXEMPT_WORDING = (
    "This item was considered in private. The minute is not for publication "
    "(exempt under paragraph {n} of Schedule 12A)."
)


class MayBeExempt(Protocol):
    @property
    def exempt(self) -> bool: ...  # read-only, so frozen dataclasses fit


Entry = TypeVar("Entry", bound=MayBeExempt)


def withheld_line(wording: str, paragraph: int | None) -> str:
    """The committee's line for a withheld item, its `{n}` the Schedule 12A paragraph."""
    wording = " ".join(wording.split()) or STANDARD_EXEMPT_WORDING
    if paragraph is None:
        wording = wording.replace("paragraph {n} of ", "").replace(" {n}", "")
    return wording.replace(PARAGRAPH_PLACEHOLDER, str(paragraph))


def full_notice(paragraph: int | None) -> str:
    """What an exempt item says under its heading in the full (members') version."""
    where = f"paragraph {paragraph} of Schedule 12A" if paragraph else "Schedule 12A"
    return f"Exempt under {where} {DASH} {NOT_FOR_PUBLICATION.lower()}."


def _public_item(item: ItemView, wording: str) -> ItemView:
    if not item.exempt:
        return item
    return replace(item, paragraphs=(), documents=(),
                   notice=withheld_line(wording, item.exempt_paragraph))


def _full_item(item: ItemView) -> ItemView:
    return replace(item, notice=full_notice(item.exempt_paragraph)) if item.exempt else item


def published(minutes: MinutesView, audience: Audience) -> MinutesView:
    """What `audience` may see: the public get each exempt item's heading and the committee's
    withheld line, and no correction note about an exempt item; members get everything."""
    if audience is Audience.FULL:
        return replace(minutes, items=tuple(_full_item(i) for i in minutes.items),
                       audience=Audience.FULL)
    return replace(
        minutes,
        items=tuple(_public_item(i, minutes.exempt_wording) for i in minutes.items),
        corrections=tuple(c for c in minutes.corrections if not c.exempt),
        audience=Audience.PUBLIC,
    )


def exempt_paragraphs(minutes: MinutesView) -> list[int]:
    """The Schedule 12A paragraphs the meeting's exempt items were excluded under."""
    return sorted({i.exempt_paragraph for i in minutes.items if i.exempt and i.exempt_paragraph})


def restriction_notice(minutes: MinutesView) -> str:
    """'by virtue of paragraph 3 of Part 1 of Schedule 12A …', or '' if no paragraph is known."""
    numbers = exempt_paragraphs(minutes)
    if not numbers:
        return ""
    word = "paragraph" if len(numbers) == 1 else "paragraphs"
    listed = ", ".join(str(n) for n in numbers[:-1])
    listed = f"{listed} and {numbers[-1]}" if listed else str(numbers[-1])
    return (f"by virtue of {word} {listed} of Part 1 of Schedule 12A "
            "of the Local Government Act 1972")


def checked(minutes: MinutesView) -> MinutesView:
    """`minutes` if it went through the filter; a writer given raw minutes is a bug."""
    if minutes.audience is None:
        raise ValueError("minutes must pass through publication.published() before output")
    return minutes


def shows_exempt(audience: Audience) -> bool:
    """Whether exempt (Part 2) text may reach `audience`: members (full) only."""
    return audience is Audience.FULL


def audience_asking(entitled: Audience, asked_for_exempt: bool) -> Audience:
    """The audience of an output whose reader is `entitled` to it and has (or has not) asked
    for exempt text: full only when both (search shows Part 2 hits only when asked)."""
    return Audience.FULL if shows_exempt(entitled) and asked_for_exempt else Audience.PUBLIC


def visible(entries: Iterable[Entry], audience: Audience) -> list[Entry]:
    """Log entries (requests, actions) `audience` may see: exempt ones only in full."""
    return [e for e in entries if shows_exempt(audience) or not e.exempt]


def may_carry(source_exempt: bool, target_exempt: bool) -> bool:
    """Whether text from a (possibly exempt) item may be copied into a target item."""
    return target_exempt or not source_exempt


def neutral_line(meeting_date: dt.date, is_request: bool, status: str) -> str:
    """What a public item says of an exempt request or action carried forward:
    'An exempt request from the meeting on 3 November 2026 is outstanding.'"""
    kind = "request" if is_request else "action"
    when = f"{meeting_date.day} {meeting_date:%B %Y}"
    return f"An exempt {kind} from the meeting on {when} is {status}."


def banner(minutes: MinutesView) -> list[str]:
    """The lines that head every page of the full version; none for the public."""
    if minutes.audience is not Audience.FULL:
        return []
    notice = restriction_notice(minutes)
    return [NOT_FOR_PUBLICATION, notice] if notice else [NOT_FOR_PUBLICATION]
