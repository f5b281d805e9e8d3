"""Review check for imported names still printed as the source printed them: each paragraph,
and the whole meeting at once, can be switched to the committee's naming convention."""

from collections.abc import Mapping, Sequence

from clerkdesk.domain.mentions import has_printed_forms, iter_mentions, without_printed_forms
from clerkdesk.domain.name_checks import RosterPerson
from clerkdesk.domain.review import (
    MEETING_POSITION,
    CheckId,
    Finding,
    Fix,
    FixKind,
    Located,
    Severity,
    finding_at,
    text_fix,
)

_FIX = "Write the names by the committee's convention"


def check_printed_names(places: Sequence[Located], people: Mapping[int, RosterPerson]
                        ) -> list[Finding]:
    """One finding per paragraph holding printed names, and one for the whole meeting when
    there are several."""
    found = [_paragraph_finding(place, people) for place in places
             if place.editable and has_printed_forms(place.paragraph.stored_text)]
    if len(found) < 2:
        return found
    meeting_id = places[0].meeting_id
    whole = Finding(
        check=CheckId.AS_PRINTED, severity=Severity.SUGGESTION, meeting_id=meeting_id,
        item_id=None, item_label="", paragraph_id=None, paragraph_label="",
        message=f"{len(found)} paragraph(s) keep names as the imported minutes printed them",
        fix=Fix(FixKind.NAMES_BY_CONVENTION, f"{_FIX} in the whole meeting"),
        subject="whole meeting", position=MEETING_POSITION,
    )
    return [whole, *found]


def _paragraph_finding(place: Located, people: Mapping[int, RosterPerson]) -> Finding:
    stored = place.paragraph.stored_text
    printed = [m for m in iter_mentions(stored) if m.printed]
    names = "; ".join(dict.fromkeys(_described(m.printed, m.person_id, people) for m in printed))
    return finding_at(place, CheckId.AS_PRINTED, Severity.SUGGESTION,
                      f"Names as printed in the imported minutes: {names}",
                      subject=stored, fix=text_fix(_FIX, stored, without_printed_forms(stored)))


def _described(printed: str, person_id: int | None, people: Mapping[int, RosterPerson]) -> str:
    person = people.get(person_id) if person_id is not None else None
    if person is None or person.name == printed:
        return f'"{printed}"'
    return f'"{printed}" (the committee writes "{person.name}")'
