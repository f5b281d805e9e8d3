"""Review checks for a meeting: run them, apply fixes, remember dismissals; the committee's
review settings and acronym glossary.

A committee with no glossary rows uses `DEFAULT_GLOSSARY` as a fallback (nothing is written
until the clerk saves a glossary; saving an empty one, or one equal to the default, returns to
the default).
"""

from collections.abc import Iterable
from dataclasses import replace

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from clerkdesk.domain.acronyms import DEFAULT_GLOSSARY
from clerkdesk.domain.attendance import ATTENDING
from clerkdesk.domain.enums import AttendanceStatus
from clerkdesk.domain.flag_checks import EarlierRequest
from clerkdesk.domain.flag_fields import FlagFields
from clerkdesk.domain.house_style import HouseStyle
from clerkdesk.domain.mentions import has_printed_forms, mentioned_ids, without_printed_forms
from clerkdesk.domain.minutes import MinutesView
from clerkdesk.domain.name_checks import RosterPerson
from clerkdesk.domain.numbering import ParagraphScheme
from clerkdesk.domain.review import (
    Finding,
    FixKind,
    ReviewSettings,
    in_minute_order,
)
from clerkdesk.domain.review_checks import ReviewInput, review
from clerkdesk.domain.spelling import SpellChecker
from clerkdesk.errors import ClerkDeskError
from clerkdesk.services._lookup import get_or_fail
from clerkdesk.services.dictionaries import spell_checker
from clerkdesk.services.flags import meeting_flag_rows_in
from clerkdesk.services.minutes import conventions_of, load_minutes_in, name_lookup, person_names
from clerkdesk.services.paragraphs import set_text_in
from clerkdesk.services.people import set_attendance_in
from clerkdesk.services.request_log import outstanding_before_in
from clerkdesk.services.spelling import house_style_in, known_words_in
from clerkdesk.storage.database import Database
from clerkdesk.storage.flag_rows import fields_of
from clerkdesk.storage.models import Attendance, Committee, Meeting, Paragraph
from clerkdesk.storage.models_review import GlossaryEntry, ReviewDismissal

MAX_FIX_ROUNDS = 50

# --- checking -------------------------------------------------------------------------------


def check_meeting(db: Database, meeting_id: int, *, include_dismissed: bool = False
                  ) -> list[Finding]:
    """Every finding for the meeting in minute order (meeting-wide ones first). Dismissed
    findings are left out unless `include_dismissed`, when they come marked `dismissed`."""
    with db.transaction() as session:
        return check_meeting_in(session, meeting_id, include_dismissed=include_dismissed)


def check_meeting_in(session: Session, meeting_id: int, *, include_dismissed: bool = False
                     ) -> list[Finding]:
    findings = review(review_input_in(session, meeting_id))
    dismissed = _dismissed_keys(session, meeting_id)
    if include_dismissed:
        return [replace(f, dismissed=f.key in dismissed) for f in findings]
    return [f for f in findings if f.key not in dismissed]


def review_input_in(session: Session, meeting_id: int) -> ReviewInput:
    """What the checks read, gathered from the database."""
    meeting = get_or_fail(session, Meeting, meeting_id, "meeting")
    committee = meeting.committee
    minutes = load_minutes_in(session, meeting_id)
    style = house_style_in(session, committee.id)
    flags: dict[int, list[tuple[int, FlagFields]]] = {}
    for flag in meeting_flag_rows_in(session, meeting_id):
        flags.setdefault(flag.paragraph_id, []).append((flag.id, fields_of(flag)))
    return ReviewInput(
        minutes=minutes, scheme=ParagraphScheme(committee.paragraph_scheme),
        settings=settings_of(committee), glossary=glossary_in(session, committee.id),
        people=_people(session, meeting, minutes), flags=flags,
        earlier_requests=_earlier_requests(session, meeting),
        house_style=style, spelling=_checker(session, meeting, style),
    )


def _checker(session: Session, meeting: Meeting, style: HouseStyle) -> SpellChecker | None:
    if not style.spelling:
        return None
    return spell_checker(style.second_language).with_known(known_words_in(session, meeting))


def _mentioned(minutes: MinutesView) -> set[int]:
    ids: set[int] = set()
    for item in minutes.items:
        for paragraph in item.paragraphs:
            ids.update(mentioned_ids(paragraph.stored_text))
            if paragraph.speaker_id is not None:
                ids.add(paragraph.speaker_id)
    return ids


def _people(session: Session, meeting: Meeting, minutes: MinutesView) -> dict[int, RosterPerson]:
    """Committee members, everyone with attendance at the meeting, and everyone mentioned."""
    names = person_names(session, meeting.committee_id)
    name_of = name_lookup(names, conventions_of(meeting.committee))
    statuses = {row.person_id: AttendanceStatus(row.status) for row in meeting.attendance}
    rows = {row.person_id: row for row in meeting.attendance}
    members = {pid for pid, person in names.items() if person.role is not None}
    wanted = (members | set(statuses) | _mentioned(minutes)) & set(names)
    return {
        pid: RosterPerson(
            id=pid, name=name_of(pid), person=names[pid], status=statuses.get(pid),
            remote=bool(rows[pid].remote) if pid in rows else False,
            substitute_for=rows[pid].substitute_for_id if pid in rows else None,
        )
        for pid in sorted(wanted)
    }


def _earlier_requests(session: Session, meeting: Meeting) -> list[EarlierRequest]:
    order = list(session.scalars(
        select(Meeting.id).where(Meeting.committee_id == meeting.committee_id)
        .order_by(Meeting.date, Meeting.id)))
    index = {meeting_id: position for position, meeting_id in enumerate(order)}
    return [
        EarlierRequest(
            flag_id=entry.flag_id, kind=entry.kind, meeting_date=entry.meeting_date,
            reference=entry.reference, what=entry.what,
            meetings_ago=index[meeting.id] - index[entry.meeting_id],
        )
        for entry in outstanding_before_in(session, meeting.id)
    ]


def has_several_items(db: Database, meeting_id: int) -> bool:
    """True when paragraph numbers need their item to be unambiguous ("item 3, 10 c)")."""
    with db.transaction() as session:
        return len(get_or_fail(session, Meeting, meeting_id, "meeting").items) > 1


# --- fixing ---------------------------------------------------------------------------------


def apply_fix(db: Database, finding: Finding) -> None:
    """Apply the finding's fix in one transaction. Refused (ClerkDeskError) when there is no
    fix or the paragraph changed since the check; check again then."""
    with db.transaction() as session:
        apply_fix_in(session, finding)


def apply_fix_in(session: Session, finding: Finding) -> None:
    fix = finding.fix
    if fix is None:
        raise ClerkDeskError(f"There is no automatic fix for: {finding.message}")
    if fix.kind is FixKind.RECORD_ATTENDANCE:
        _record_attendance(session, finding)
        return
    if fix.kind is FixKind.NAMES_BY_CONVENTION:
        _names_by_convention(session, finding.meeting_id)
        return
    if finding.paragraph_id is None:
        raise ClerkDeskError(f"The fix for {finding.where()} names no paragraph.")
    paragraph = get_or_fail(session, Paragraph, finding.paragraph_id, "paragraph")
    if fix.kind is FixKind.SET_LEVEL:
        paragraph.level = fix.level if fix.level is not None else 0
        return
    if paragraph.text != fix.old_text:
        raise ClerkDeskError(
            f"Paragraph {finding.where()} has changed since it was checked; check again.")
    if fix.kind is FixKind.DELETE_PARAGRAPH:
        _delete_paragraph(session, paragraph)
    else:
        set_text_in(session, paragraph.id, fix.new_text)


def _record_attendance(session: Session, finding: Finding) -> None:
    fix = finding.fix
    assert fix is not None and fix.person_id is not None and fix.status is not None
    row = session.scalars(select(Attendance).where(
        Attendance.meeting_id == finding.meeting_id, Attendance.person_id == fix.person_id
    )).first()
    if row is None:
        set_attendance_in(session, finding.meeting_id, fix.person_id, fix.status)
    elif AttendanceStatus(row.status) not in ATTENDING:
        raise ClerkDeskError("Their attendance was recorded since the check; check again.")


def _names_by_convention(session: Session, meeting_id: int) -> None:
    """Every name of the meeting written by the committee's convention, not as printed."""
    for item in get_or_fail(session, Meeting, meeting_id, "meeting").items:
        for paragraph in item.paragraphs:
            if has_printed_forms(paragraph.text):
                set_text_in(session, paragraph.id, without_printed_forms(paragraph.text))


def _delete_paragraph(session: Session, paragraph: Paragraph) -> None:
    if paragraph.flags:
        raise ClerkDeskError("The paragraph has flags now; delete them first.")
    item = paragraph.item
    session.delete(paragraph)
    session.flush()
    session.refresh(item)
    for position, remaining in enumerate(item.paragraphs):
        remaining.position = position


def _fix_target(finding: Finding) -> tuple[str, int | None]:
    fix = finding.fix
    if fix is not None and fix.kind is FixKind.RECORD_ATTENDANCE:
        return "person", fix.person_id
    return "paragraph", finding.paragraph_id


def apply_all_fixes(db: Database, meeting_id: int) -> list[Finding]:
    """Apply every offered fix of the (undismissed) findings, checking again between rounds
    because fixes to one paragraph are computed from its text at the time. Returns the
    findings whose fixes were applied, in order."""
    applied: list[Finding] = []
    done: set[tuple[str, object]] = set()
    for _round in range(MAX_FIX_ROUNDS):
        fixable = [f for f in check_meeting(db, meeting_id) if f.fix is not None
                   and f.fix.kind is not FixKind.NAMES_BY_CONVENTION  # each paragraph's does
                   and (f.key, f.fix) not in done]
        if not fixable:
            break
        touched: set[tuple[str, int | None]] = set()
        with db.transaction() as session:
            for finding in fixable:
                if _fix_target(finding) in touched:
                    continue
                touched.add(_fix_target(finding))
                apply_fix_in(session, finding)
                done.add((finding.key, finding.fix))
                applied.append(finding)
    return in_minute_order(applied)


# --- dismissals -----------------------------------------------------------------------------


def _dismissed_keys(session: Session, meeting_id: int) -> set[str]:
    return set(session.scalars(
        select(ReviewDismissal.key).where(ReviewDismissal.meeting_id == meeting_id)))


def dismiss(db: Database, finding: Finding) -> None:
    """Remember that the clerk dismissed this finding; it stays hidden while its key (check,
    place, offending text) stays the same."""
    with db.transaction() as session:
        get_or_fail(session, Meeting, finding.meeting_id, "meeting")
        if finding.key not in _dismissed_keys(session, finding.meeting_id):
            session.add(ReviewDismissal(meeting_id=finding.meeting_id, key=finding.key))


def undismiss(db: Database, key: str, meeting_id: int | None = None) -> None:
    """Show a dismissed finding again (at one meeting, or wherever the key was dismissed)."""
    with db.transaction() as session:
        query = delete(ReviewDismissal).where(ReviewDismissal.key == key)
        if meeting_id is not None:
            query = query.where(ReviewDismissal.meeting_id == meeting_id)
        session.execute(query)


# --- settings and glossary ------------------------------------------------------------------


def settings_of(committee: Committee) -> ReviewSettings:
    return ReviewSettings(
        expects_resolution=bool(committee.review_expects_resolution),
        long_paragraph_words=committee.review_long_paragraph_words,
        outstanding_meetings=committee.review_outstanding_meetings,
    )


def review_settings(db: Database, committee_id: int) -> ReviewSettings:
    with db.transaction() as session:
        return settings_of(get_or_fail(session, Committee, committee_id, "committee"))


def write_settings(committee: Committee, settings: ReviewSettings) -> None:
    """Copy checked review settings onto the committee row."""
    committee.review_expects_resolution = settings.expects_resolution
    committee.review_long_paragraph_words = settings.long_paragraph_words
    committee.review_outstanding_meetings = settings.outstanding_meetings


def glossary_in(session: Session, committee_id: int) -> dict[str, str]:
    rows = session.execute(
        select(GlossaryEntry.acronym, GlossaryEntry.expansion)
        .where(GlossaryEntry.committee_id == committee_id).order_by(GlossaryEntry.id)).all()
    return {acronym: expansion for acronym, expansion in rows} or dict(DEFAULT_GLOSSARY)


def glossary(db: Database, committee_id: int) -> dict[str, str]:
    """The committee's acronyms and expansions (the default glossary until one is saved)."""
    with db.transaction() as session:
        get_or_fail(session, Committee, committee_id, "committee")
        return glossary_in(session, committee_id)


def replace_glossary_in(session: Session, committee_id: int,
                        pairs: Iterable[tuple[str, str]]) -> None:
    """Store checked glossary pairs; none are stored for the default glossary, so the default
    stays in force (and can improve later)."""
    cleaned = [(acronym.strip(), " ".join(expansion.split())) for acronym, expansion in pairs]
    session.execute(delete(GlossaryEntry).where(GlossaryEntry.committee_id == committee_id))
    session.flush()
    if dict(cleaned) == DEFAULT_GLOSSARY:
        return
    for acronym, expansion in cleaned:
        session.add(GlossaryEntry(committee_id=committee_id, acronym=acronym,
                                  expansion=expansion))
