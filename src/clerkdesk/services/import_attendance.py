"""Write the attendance read from imported minutes: link each name to the roster (as speakers
are linked), seat members on the committee, and record the meeting's attendance."""

from collections import Counter

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerkdesk.domain.enums import AttendanceStatus, PersonKind, Role
from clerkdesk.importers.attendance_lines import (
    AttendanceBlock,
    Attendee,
    WrittenName,
    is_post_only,
    report_word,
)
from clerkdesk.importers.people_finder import Spelling
from clerkdesk.services.import_people import PeopleLinker
from clerkdesk.services.people import set_attendance_in
from clerkdesk.storage.models import Attendance

PLACE = "the attendance"


def write_attendance(
    session: Session, meeting_id: int, linker: PeopleLinker, block: AttendanceBlock,
    warnings: list[str], comings_and_goings: dict[int, Attendee] | None = None,
) -> Counter[str]:
    """Record each attendee once (the first listing wins); counts for the import report.
    `comings_and_goings` collects, by person, those who arrived late or left early: their
    items exist only once the minutes are written (`record_comings_and_goings`)."""
    counts: Counter[str] = Counter()
    seen: dict[int, str] = {}
    for attendee in block.attendees:
        if is_post_only(attendee):
            person_id = linker.officer_by_post(attendee.job_title)
        else:
            person_id = linker.person_for(_spelling(attendee.name, attendee.kind,
                                                    attendee.job_title))
        if person_id in seen:
            warnings.append(f'"{attendee.name.text}" is listed twice in the attendance; kept '
                            f"as {seen[person_id]}.")
            continue
        seen[person_id] = _status_word(attendee.status)
        if problem := linker.give_role(person_id, attendee.role):
            warnings.append(problem)
        set_attendance_in(session, meeting_id, person_id, attendee.status,
                          substitute_for_id=_substituted(linker, attendee), remote=attendee.remote)
        if comings_and_goings is not None and (attendee.arrived or attendee.left):
            comings_and_goings[person_id] = attendee
        counts[report_word(attendee)] += 1
    warnings.extend(block.not_read)
    return counts


def _spelling(name: WrittenName, kind: PersonKind, job_title: str = "") -> Spelling:
    return Spelling(name.text, kind, name.parts, name.initials, job_title)


def _substituted(linker: PeopleLinker, attendee: Attendee) -> int | None:
    """The member a substitute stands in for, a committee member (added when not on the roster)."""
    if attendee.substitute_for is None:
        return None
    person_id = linker.person_for(_spelling(attendee.substitute_for, PersonKind.MEMBER))
    if person_id not in linker.placed:
        linker.give_role(person_id, Role.MEMBER)
    return person_id


def _status_word(status: AttendanceStatus) -> str:
    return status.value.replace("_", " ")


def spelling_texts(block: AttendanceBlock) -> list[str]:
    """Every name as written in the attendance (for near-miss messages)."""
    names = [a.name.text for a in block.attendees]
    return names + [a.substitute_for.text for a in block.attendees if a.substitute_for]


def record_comings_and_goings(
    session: Session, meeting_id: int, timed: dict[int, Attendee], items: list[tuple[str, int]],
    warnings: list[str],
) -> None:
    """Set the item each late arrival came in at and each early leaver left at; `items` are
    (label as the minutes number it, item id) in agenda order. "After item 5" is the next item."""
    if not timed:
        return
    ids = [item_id for _label, item_id in items]
    index = {label: position for position, (label, _id) in enumerate(items)}
    rows = {row.person_id: row for row in session.scalars(
        select(Attendance).where(Attendance.meeting_id == meeting_id))}
    for person_id, attendee in timed.items():
        for moment, column in ((attendee.arrived, "arrived_at_item_id"),
                               (attendee.left, "left_at_item_id")):
            if moment is None:
                continue
            position = index.get(moment.label, _agenda_position(moment.label, len(ids)))
            if position is None:
                warnings.append(f"{attendee.name.text}: there is no item {moment.label} for "
                                "when they arrived or left; not recorded.")
                continue
            position += moment.after
            if position < len(ids):
                setattr(rows[person_id], column, ids[position])


def _agenda_position(label: str, count: int) -> int | None:
    """"Item 2" in minutes numbered 45/23, 46/23…: the second item on the agenda."""
    return int(label) - 1 if label.isdigit() and 1 <= int(label) <= count else None
