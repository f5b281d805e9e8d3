"""Recognise lists of requests in imported paragraphs (resolution forms: domain.resolutions)."""

import re
from collections.abc import Sequence
from dataclasses import dataclass

from clerkdesk.domain.enums import ParagraphStyle
from clerkdesk.importers.parse import ParsedParagraph

_REQUEST_INTRO = re.compile(
    r"\b(?:request(?:ed|s)?|asked for|ask(?:ed)? that|sought)\b.*\bfollowing\b(?P<rest>.*):$",
    re.IGNORECASE,
)
_LONGEST_INTRO = 1000
_ASKED_OF = re.compile(r"\b(?:from|of|by)\s+(?:the\s+)?(?P<body>.+?)\s*$", re.IGNORECASE)


def asked_of(intro: str) -> str | None:
    """For "... requested the following information from the X:", X ('' when not named);
    None when the paragraph does not introduce a list of requests."""
    intro = intro.strip()
    if not intro.endswith(":") or len(intro) > _LONGEST_INTRO:
        return None
    match = _REQUEST_INTRO.search(intro)
    if match is None:
        return None
    body = _ASKED_OF.search(match.group("rest"))
    return body.group("body").strip() if body else ""


@dataclass(frozen=True)
class RequestList:
    """An intro paragraph and the sub-points under it that are each one request."""

    intro: int
    requests: tuple[int, ...]
    asked_of_body: str


def request_lists(paragraphs: Sequence[ParsedParagraph]) -> list[RequestList]:
    """Each numbered paragraph introducing requests, with the indexes of its sub-points."""
    found = []
    for index, paragraph in enumerate(paragraphs):
        body = asked_of(paragraph.text) if paragraph.style is ParagraphStyle.NUMBERED else None
        if body is None:
            continue
        subs = []
        for later in range(index + 1, len(paragraphs)):
            if paragraphs[later].level <= paragraph.level:
                break
            if paragraphs[later].level == paragraph.level + 1:
                subs.append(later)
        found.append(RequestList(index, tuple(subs), body))
    return found
