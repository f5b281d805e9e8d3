"""Review checks on flags and outcomes: incomplete flags, items without a resolution, and
requests left outstanding for too many meetings."""

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from clerkdesk.domain.enums import FlagKind, ParagraphStyle
from clerkdesk.domain.flag_fields import FlagFields, kind_of, missing_fields, shorten
from clerkdesk.domain.review import CheckId, Finding, Located, Severity, finding_at

FlagsByParagraph = Mapping[int, Sequence[tuple[int, FlagFields]]]  # paragraph id -> (id, fields)


def check_flag_fields(places: Sequence[Located], flags: FlagsByParagraph) -> list[Finding]:
    """Flags with facts still to fill in (a request with no "asked of", an action with no
    "by when"); no automatic fix, the flag form is where they are filled in."""
    findings = []
    for place in places:
        for flag_id, fields in flags.get(place.paragraph.id, ()):
            missing = missing_fields(fields)
            if missing:
                kind = kind_of(fields).value
                findings.append(finding_at(
                    place, CheckId.FLAG_FIELDS, Severity.WARNING,
                    f"{kind} flag incomplete: no {', no '.join(missing)}",
                    subject=f"{flag_id}:{','.join(missing)}"))
    return findings


def _has_resolution(item_places: Sequence[Located], flags: FlagsByParagraph) -> bool:
    for place in item_places:
        if place.paragraph.style is ParagraphStyle.RESOLUTION:
            return True
        if any(kind_of(f) is FlagKind.RESOLUTION for _id, f in flags.get(place.paragraph.id, ())):
            return True
    return False


def check_resolutions(meeting_id: int, places: Sequence[Located], flags: FlagsByParagraph,
                      item_order: Sequence[tuple[int, str]]) -> list[Finding]:
    """For committees that expect one: items (id, label) with no RESOLVED line or resolution
    flag. The finding is about the item, placed after its last paragraph."""
    by_item: dict[int, list[Located]] = {}
    for place in places:
        by_item.setdefault(place.item.id, []).append(place)
    findings = []
    for index, (item_id, label) in enumerate(item_order):
        item_places = by_item.get(item_id, [])
        if _has_resolution(item_places, flags):
            continue
        findings.append(Finding(
            check=CheckId.NO_RESOLUTION, severity=Severity.WARNING, meeting_id=meeting_id,
            item_id=item_id, item_label=label, paragraph_id=None, paragraph_label="",
            message="no resolution recorded for this item (the committee expects one)",
            subject=str(item_id), position=(index, len(item_places))))
    return findings


@dataclass(frozen=True)
class EarlierRequest:
    """An outstanding request (or open action) from an earlier meeting of the committee."""

    flag_id: int
    kind: str  # "request" or "action"
    meeting_date: dt.date
    reference: str  # "21 a)" in that meeting's minutes
    what: str
    meetings_ago: int  # meetings of the committee since, counting this one


def check_old_requests(meeting_id: int, requests: Sequence[EarlierRequest],
                       limit: int) -> list[Finding]:
    """Requests still outstanding after more than `limit` meetings (about the meeting as a
    whole: nothing in this meeting's text is wrong, but the committee should chase them)."""
    findings = []
    for request in requests:
        if request.meetings_ago <= limit:
            continue
        when = f"{request.meeting_date.day} {request.meeting_date:%B %Y}"
        findings.append(Finding(
            check=CheckId.OLD_REQUEST, severity=Severity.WARNING, meeting_id=meeting_id,
            item_id=None, item_label="", paragraph_id=None, paragraph_label="",
            message=(f"{request.kind} of {when} ({request.reference}) still outstanding after "
                     f"{request.meetings_ago} meetings: {shorten(request.what, 80)}"),
            subject=str(request.flag_id)))
    return findings
