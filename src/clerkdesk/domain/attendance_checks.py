"""Review checks on attendance that contradicts itself or the text (pure)."""

from collections.abc import Mapping, Sequence

from clerkdesk.domain.attendance import ATTENDING, STATUS_TEXT
from clerkdesk.domain.enums import AttendanceStatus
from clerkdesk.domain.name_checks import RosterPerson
from clerkdesk.domain.review import CheckId, Finding, Located, Severity, finding_at

AWAY = frozenset({AttendanceStatus.APOLOGIES, AttendanceStatus.ABSENT})


def check_substitutes(meeting_id: int, people: Mapping[int, RosterPerson]) -> list[Finding]:
    """A member recorded as attending while someone is still recorded as their substitute."""
    findings = []
    for substitute in people.values():
        member = people.get(substitute.substitute_for) if substitute.substitute_for else None
        if member is None or member.status not in ATTENDING:
            continue
        findings.append(Finding(
            check=CheckId.SUBSTITUTE_CONFLICT, severity=Severity.WARNING, meeting_id=meeting_id,
            item_id=None, item_label="", paragraph_id=None, paragraph_label="",
            message=(f"{member.name} is recorded as {_status(member)} but {substitute.name} is "
                     f"still recorded as their substitute"),
            subject=f"{substitute.id}:{member.id}"))
    return findings


def check_speakers_away(places: Sequence[Located],
                        people: Mapping[int, RosterPerson]) -> list[Finding]:
    """A paragraph whose main speaker is recorded as sent apologies or absent."""
    findings = []
    for place in places:
        person = people.get(place.paragraph.speaker_id) if place.paragraph.speaker_id else None
        if person is not None and person.status in AWAY:
            findings.append(finding_at(
                place, CheckId.SPEAKER_AWAY, Severity.WARNING,
                f"the paragraph's speaker is recorded as {_status(person)}: {person.name}",
                subject=f"{person.id}:{person.status.value}"))
    return findings


def _status(person: RosterPerson) -> str:
    assert person.status is not None
    text = STATUS_TEXT[person.status].lower()
    return f"{text} (remote)" if person.remote else text
