"""What the speaker picker needs: candidates, who is present, recent speakers; quick additions."""

from dataclasses import dataclass

from sqlalchemy import select

from clerkdesk.domain.enums import AttendanceStatus, PersonKind, Role
from clerkdesk.domain.naming import written_name
from clerkdesk.domain.people_search import Candidate, prepare
from clerkdesk.domain.person import PersonFields
from clerkdesk.domain.phrases import phrases_from_text
from clerkdesk.services._lookup import get_or_fail
from clerkdesk.services.minutes import conventions_of, person_names
from clerkdesk.services.people import add_person_in, set_attendance_in, set_membership_in
from clerkdesk.storage.database import Database
from clerkdesk.storage.models import AgendaItem, Attendance, Meeting, Paragraph

PRESENT = (AttendanceStatus.PRESENT, AttendanceStatus.SUBSTITUTE, AttendanceStatus.IN_ATTENDANCE,
           AttendanceStatus.ALSO_PRESENT)
RECENT_LIMIT = 10
TITLES = ("mr", "mrs", "ms", "miss", "dr", "cllr", "councillor", "prof", "sir", "dame", "rev")


@dataclass(frozen=True)
class SpeakerContext:
    candidates: tuple[Candidate, ...]
    present: frozenset[int]
    recent: tuple[int, ...]
    phrases: tuple[str, ...]


def _display(person: PersonFields, written: str) -> str:
    details = ", ".join(part for part in (person.job_title,) if part)
    name = " ".join(p for p in (person.title, person.full_name) if p) or written
    if written.lower().startswith(("the ", "a member")):  # written by role, or anonymously
        name = f"{written} ({name})" if person.full_name else written
    return f"{name} — {details}" if details else name


def speaker_context(db: Database, meeting_id: int) -> SpeakerContext:
    with db.transaction() as session:
        meeting = get_or_fail(session, Meeting, meeting_id, "meeting")
        committee = meeting.committee
        names = person_names(session, committee.id)
        conventions = conventions_of(committee)
        present = frozenset(session.scalars(
            select(Attendance.person_id).where(
                Attendance.meeting_id == meeting_id, Attendance.status.in_(PRESENT))
        ))
        speakers = session.execute(
            select(Paragraph.speaker_id)
            .join(AgendaItem)
            .where(AgendaItem.meeting_id == meeting_id, Paragraph.speaker_id.is_not(None))
            .order_by(Paragraph.updated_at.desc())
            .limit(200)
        ).scalars()
        recent = tuple(dict.fromkeys(s for s in speakers if s is not None))[:RECENT_LIMIT]
        candidates = tuple(
            prepare(Candidate(person_id, _display(p, written_name(p, conventions)), p))
            for person_id, p in names.items()
        )
        return SpeakerContext(candidates, present, recent,
                              phrases_from_text(committee.speech_phrases))


def split_name(text: str) -> tuple[str, str, str]:
    """'Mr Rory Love' -> ('Mr', 'Rory', 'Love'); 'Elise McQueen' -> ('', 'Elise', 'McQueen')."""
    words = text.split()
    title = words.pop(0) if len(words) > 1 and words[0].lower().rstrip(".") in TITLES else ""
    if not words:
        return title, "", ""
    return title, " ".join(words[:-1]), words[-1]


def add_speaker(db: Database, meeting_id: int, name: str, kind: PersonKind) -> int:
    """Add a person typed into the picker to the roster (members join the committee) and mark
    them present at this meeting; returns the new person's id."""
    title, given, family = split_name(name.strip())
    with db.transaction() as session:
        meeting = get_or_fail(session, Meeting, meeting_id, "meeting")
        person = add_person_in(session, title=title, given_name=given, family_name=family,
                               kind=kind)
        if kind is PersonKind.MEMBER:
            set_membership_in(session, meeting.committee_id, person.id, Role.MEMBER)
        status = {
            PersonKind.MEMBER: AttendanceStatus.PRESENT,
            PersonKind.OFFICER: AttendanceStatus.IN_ATTENDANCE,
        }.get(kind, AttendanceStatus.ALSO_PRESENT)
        set_attendance_in(session, meeting_id, person.id, status)
        return person.id
