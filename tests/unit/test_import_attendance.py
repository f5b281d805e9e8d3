"""The attendance block of imported minutes: read, linked to the roster, written, round-tripped."""

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from clerkdesk.domain.enums import AttendanceStatus, PersonKind, Role
from clerkdesk.importers.attendance_lines import parse_name, read_attendance
from clerkdesk.services.committees import find_or_create_committee
from clerkdesk.services.demo import load_demo
from clerkdesk.services.export import export_meeting
from clerkdesk.services.imports import import_file, import_text
from clerkdesk.services.minutes import load_minutes
from clerkdesk.services.people import add_person_in, set_membership_in
from clerkdesk.storage.database import Database, open_database
from clerkdesk.storage.models import AgendaItem, Attendance, Membership, Person

P, S, A = AttendanceStatus.PRESENT, AttendanceStatus.SUBSTITUTE, AttendanceStatus.APOLOGIES
ALSO, IN, X = AttendanceStatus.ALSO_PRESENT, AttendanceStatus.IN_ATTENDANCE, AttendanceStatus.ABSENT


def people(*lines: str) -> list[tuple]:
    """(name as written, status, kind, role, substitute for, remote, job title) per attendee."""
    return [(a.name.text, a.status, a.kind, a.role,
             a.substitute_for.text if a.substitute_for else "", a.remote, a.job_title)
            for a in read_attendance(list(lines)).attendees]


def names(*lines: str) -> list[tuple[str, AttendanceStatus]]:
    return [(name, status) for name, status, *_ in people(*lines)]


# --- the parser ----------------------------------------------------------------------------


@pytest.mark.parametrize("label, status", [
    ("Present:", P), ("PRESENT:", P), ("Members present:", P), ("Councillors Present:", P),
    ("Also present:", ALSO), ("Also in attendance:", ALSO), ("In attendance:", IN),
    ("Officers:", IN), ("Officers present:", IN), ("Officers in attendance:", IN),
    ("Apologies:", A), ("Apologies for absence:", A), ("Apologies were received from", A),
    ("Apologies for absence were received and accepted from", A), ("Absent:", X),
    ("Present –", P),
])
def test_each_label_reads_its_section(label, status):
    assert names(f"{label} Cllr A Smith and Mrs Jane O'Brien.") == [
        ("Cllr A Smith", status), ("Mrs Jane O'Brien", status)]


def test_name_parts_title_initials_given_family():
    block = read_attendance(["Present: Cllr A Smith, Mrs Jane van der Berg, Dr R. K. Patel-Jones"])
    parts = [(a.name.parts.title, a.name.initials, a.name.parts.given, a.name.parts.family)
             for a in block.attendees]
    assert parts == [("Cllr", "A", "", "Smith"), ("Mrs", "", "Jane", "van der Berg"),
                     ("Dr", "RK", "", "Patel-Jones")]


def test_plural_councillors_applies_to_each_name_and_chair_roles():
    assert people("Present: Councillor A Smith (Chair); Councillors B Jones, C Brown and "
                  "D White (Vice-Chairman)") == [
        ("Councillor A Smith", P, PersonKind.MEMBER, Role.CHAIR, "", False, ""),
        ("Councillor B Jones", P, PersonKind.MEMBER, Role.MEMBER, "", False, ""),
        ("Councillor C Brown", P, PersonKind.MEMBER, Role.MEMBER, "", False, ""),
        ("Councillor D White", P, PersonKind.MEMBER, Role.VICE_CHAIR, "", False, ""),
    ]
    assert names("Present: Cllrs Grey and Ahmed") == [("Cllr Grey", P), ("Cllr Ahmed", P)]


def test_chairman_forms():
    roles = [row[3] for row in people("Present: Mr A Smith (Chairman), Mrs B Jones (Vice-Chair),"
                                      " Mr C Lee in the Chair, Mrs D Shah, Chairwoman")]
    assert roles == [Role.CHAIR, Role.VICE_CHAIR, Role.CHAIR, Role.CHAIR]


def test_names_run_on_over_following_lines_until_the_next_label():
    lines = ["Kent County Council", "PRESENT:", "Mr A Smith (Chair)", "Mrs B Jones; Mr C Lee",
             "Dr D Shah", "IN ATTENDANCE:", "Sarah Hammond", "Mark Walker",
             "Minutes of the meeting held on 9 January 2024"]
    block = read_attendance(lines)
    assert [(a.name.text, a.status) for a in block.attendees] == [
        ("Mr A Smith", P), ("Mrs B Jones", P), ("Mr C Lee", P), ("Dr D Shah", P),
        ("Sarah Hammond", IN), ("Mark Walker", IN)]
    assert block.lines_read == {1, 2, 3, 4, 5, 6, 7}  # not the council or the date line


def test_substitutes_and_remote_attendance():
    assert people("Present: Mr Gill (substitute for Ms Chaudhry), Cllr Fox (Substitute for "
                  "Mr X Lane, remote), Mrs Hill (attending remotely), Mr Ng (virtually)") == [
        ("Mr Gill", S, PersonKind.MEMBER, Role.SUBSTITUTE, "Ms Chaudhry", False, ""),
        ("Cllr Fox", S, PersonKind.MEMBER, Role.SUBSTITUTE, "Mr X Lane", True, ""),
        ("Mrs Hill", P, PersonKind.MEMBER, Role.MEMBER, "", True, ""),
        ("Mr Ng", P, PersonKind.MEMBER, Role.MEMBER, "", True, ""),
    ]


def test_officers_with_job_titles_in_brackets_after_a_dash_or_a_comma():
    rows = people(
        "In attendance: Joanna Marsh (Corporate Director, Adult Social Care and Health), "
        "Mr T Nowak (Head of Commissioning)",
        "Sarah Hammond – Director of Children and Families",
        "Officers: Mark Walker, Head of SEND")
    assert [(name, kind, job) for name, _s, kind, _r, _sub, _rem, job in rows] == [
        ("Joanna Marsh", PersonKind.OFFICER, "Corporate Director, Adult Social Care and Health"),
        ("Mr T Nowak", PersonKind.OFFICER, "Head of Commissioning"),
        ("Sarah Hammond", PersonKind.OFFICER, "Director of Children and Families"),
        ("Mark Walker", PersonKind.OFFICER, "Head of SEND"),
    ]
    assert people("Also present: Cllr E Green (Cabinet Member), John Lake (Healthwatch)") == [
        ("Cllr E Green", ALSO, PersonKind.MEMBER, None, "", False, "Cabinet Member"),
        ("John Lake", ALSO, PersonKind.OTHER, None, "", False, "Healthwatch"),
    ]


def test_words_that_are_not_names_are_reported_not_dropped():
    block = read_attendance([
        "In attendance: Mrs K Lowe (Parish Clerk) and three members of the public",
        "Apologies: Cllr Dunn (left at 11.30)", "Apologies for absence: None"])
    assert [a.name.text for a in block.attendees] == ["Mrs K Lowe", "Cllr Dunn"]
    assert block.lines_read == {0, 1, 2}
    assert len(block.not_read) == 2
    assert "three members of the public" in block.not_read[0]
    assert "(left at 11.30)" in block.not_read[1]


def test_lines_that_are_not_attendance_are_left_alone():
    block = read_attendance([
        "Present at the meeting were officers from the county.", "Planning Committee",
        "Apologies were received from all who could not attend", "Present:",
        "The Chair welcomed everyone to the meeting."])
    assert block.attendees == [] and block.lines_read == set()


# --- importing ------------------------------------------------------------------------------

MINUTES = """Planning Committee
Minutes of the meeting held on 9 January 2024 at 7pm

Present: Councillor A Smith (Chair); Councillors B Jones, C Brown and D White
Also present: Cllr E Green (Cabinet Member for Planning)
In attendance: Sarah Hammond (Director of Planning), Tom Reed – Senior Planning Officer
Apologies: Cllr F Black

A note the importer cannot read as a heading.

1. Apologies for absence

1) Apologies were received from Cllr F Black.

2. Planning application

1) Sarah Hammond introduced the report.
2) Present: Cllr Z Quill was mentioned in the debate.
RESOLVED – That the application be approved.
"""


def rows(db: Database, meeting_id: int) -> set[tuple]:
    """(name, status, role, substitute for, remote, job title) for each attendee."""
    return {(a.name, a.status, a.role, a.substitute_for, a.remote, a.job_title)
            for a in load_minutes(db, meeting_id).attendance}


def test_import_writes_attendance_and_roster(db):
    report = import_text(db, MINUTES)
    assert rows(db, report.meeting_id) == {
        ("Councillor Smith", P, "chair", "", False, ""),
        ("Councillor Jones", P, "member", "", False, ""),
        ("Councillor Brown", P, "member", "", False, ""),
        ("Councillor White", P, "member", "", False, ""),
        ("Cllr Green", ALSO, "", "", False, "Cabinet Member for Planning"),
        ("Sarah Hammond", IN, "", "", False, "Director of Planning"),
        ("Tom Reed", IN, "", "", False, "Senior Planning Officer"),
        ("Cllr Black", A, "member", "", False, ""),
    }
    assert report.attendance_line() == "attendance: 4 present, 1 apologies, 1 also present, " \
                                       "2 officers"
    assert "attendance: 4 present" in "\n".join(report.summary_lines())
    unread = [w for w in report.warnings if "line(s) before the first item" in w]
    assert unread == [
        "3 line(s) before the first item were read only for the meeting's details (committee, "
        "council, date, time, venue) and not kept as text: “Planning Committee”, “Minutes of "
        "the meeting held on 9 January 2024 at 7pm”, “A note the importer cannot read as a "
        "heading.”."]
    with db.transaction() as session:  # prose inside an item is minutes, not attendance
        assert session.scalar(select(Person).where(Person.family_name == "Quill")) is not None
        hammond = session.scalars(select(Person).where(Person.family_name == "Hammond")).all()
        assert len(hammond) == 1  # the speaker is the officer from the attendance
    assert ("Cllr Quill", P) not in {(n, s) for n, s, *_ in rows(db, report.meeting_id)}


def test_attendance_links_to_the_roster_without_duplicates(db):
    with db.transaction() as session:
        committee = find_or_create_committee(session, "Planning Committee")
        smith = add_person_in(session, title="Cllr", given_name="Anne", family_name="Smith")
        set_membership_in(session, committee.id, smith.id, Role.MEMBER)
        hammond = add_person_in(session, given_name="Sarah", family_name="Hammond",
                                kind=PersonKind.OFFICER, job_title="Director")
        before = session.scalar(select(Person.id).order_by(Person.id.desc()))
    text = MINUTES.replace("Sarah Hammond (Director", "Sara Hammond (Director")
    preview = import_file_text(db, text, dry_run=True)
    assert ("Sara Hammond", "Sarah Hammond") in preview.near_misses  # the GUI asks about it
    report = import_file_text(db, text)
    assert any('"Sara Hammond" (the attendance' in w for w in report.warnings)
    with db.transaction() as session:
        smiths = session.scalars(select(Person).where(Person.family_name == "Smith")).all()
        assert [p.id for p in smiths] == [smith.id]
        role = session.scalar(select(Membership.role).where(Membership.person_id == smith.id))
        assert role == Role.CHAIR  # the member becomes the Chair named in the minutes
        assert len(session.scalars(select(Person).where(Person.family_name == "Hammond")).all()
                   ) == 1
    attended = {name: status for name, status, *_ in rows(db, report.meeting_id)}
    assert attended["Cllr Smith"] == P and attended["Sarah Hammond"] == IN
    assert smith.id <= before and hammond.id <= before
    separate = import_file_text(db, text, keep_separate=frozenset({"Sara Hammond"}))
    assert "Sara Hammond" in separate.new_people


def test_a_chair_held_by_someone_else_is_not_taken_over(db):
    with db.transaction() as session:
        committee = find_or_create_committee(session, "Planning Committee")
        chair = add_person_in(session, title="Cllr", given_name="Olive", family_name="Kerr")
        set_membership_in(session, committee.id, chair.id, Role.CHAIR)
    report = import_file_text(db, MINUTES)
    assert any("stays Cllr Olive Kerr" in w for w in report.warnings)
    roles = {name: role for name, _s, role, *_ in rows(db, report.meeting_id)}
    assert roles["Councillor Smith"] == "member"


def import_file_text(db: Database, text: str, **options):
    return import_text(db, text, date=dt.date(2024, 1, 9), **options)


def test_exported_attendance_imports_back_the_same(db, tmp_path):
    meeting = load_demo(db)
    word = export_meeting(db, meeting, tmp_path / "demo.docx")
    fresh = open_database(tmp_path / "fresh.sqlite")
    try:
        report = import_file(fresh, word)
        original, copy = rows(db, meeting), rows(fresh, report.meeting_id)
    finally:
        fresh.close()
    assert len(original) == 12
    substitutes = {row for row in original if row[1] is S}
    # a substitute joins the roster as a substitute, not as a full member
    expected = (original - substitutes) | {(n, s, "substitute", *rest)
                                           for n, s, _role, *rest in substitutes}
    assert copy == expected
    assert ("Mr Gill", S, "substitute", "Ms Chaudhry", False, "") in copy
    assert ("Mr Brennan", P, "member", "", True, "") in copy
    assert not [w for w in report.warnings if "Not read" in w or "linked to" in w]


def test_cli_import_prints_the_attendance(tmp_path):
    source = tmp_path / "minutes.txt"
    source.write_text(MINUTES, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "clerkdesk", "import", str(source), "--db",
         str(tmp_path / "cli.sqlite")],
        capture_output=True, text=True, encoding="utf-8", timeout=120, cwd=Path(__file__).parent)
    assert result.returncode == 0, result.stderr
    assert "attendance: 4 present, 1 apologies, 1 also present, 2 officers" in result.stdout


@pytest.mark.parametrize(("written", "shown", "parts", "initials"), [
    ("Cllr J SMITH", "Cllr J Smith", ("", "Smith", "Cllr"), "J"),
    ("CLLR J SMITH", "Cllr J Smith", ("", "Smith", "Cllr"), "J"),
    ("MR R LOVE", "Mr R Love", ("", "Love", "Mr"), "R"),
    ("Cllr Sarah O'BRIEN-MCKAY", "Cllr Sarah O'Brien-McKay",
     ("Sarah", "O'Brien-McKay", "Cllr"), ""),
    ("Cllr A MACHIN", "Cllr A Machin", ("", "Machin", "Cllr"), "A"),
    ("Councillor Mrs S. Prendergast", "Mrs S. Prendergast", ("", "Prendergast", "Mrs"), "S"),
])
def test_names_in_capitals_and_double_titles(written, shown, parts, initials):
    name = parse_name(written)
    assert name is not None
    assert (name.text, (name.parts.given, name.parts.family, name.parts.title), name.initials) \
        == (shown, parts, initials)


def test_a_header_in_capitals_is_read():
    block = read_attendance(["PRESENT: Cllr J SMITH (Chairman), Cllrs A BROWN, C DAVIES, E EVANS",
                             "APOLOGIES: Cllr F GREEN",
                             "Members Present: Councillor Mrs S. Prendergast (Vice-Chair)"])
    assert [(a.name.text, a.status, a.role, a.kind) for a in block.attendees] == [
        ("Cllr J Smith", AttendanceStatus.PRESENT, Role.CHAIR, PersonKind.MEMBER),
        ("Cllr A Brown", AttendanceStatus.PRESENT, Role.MEMBER, PersonKind.MEMBER),
        ("Cllr C Davies", AttendanceStatus.PRESENT, Role.MEMBER, PersonKind.MEMBER),
        ("Cllr E Evans", AttendanceStatus.PRESENT, Role.MEMBER, PersonKind.MEMBER),
        ("Cllr F Green", AttendanceStatus.APOLOGIES, Role.MEMBER, PersonKind.MEMBER),
        ("Mrs S. Prendergast", AttendanceStatus.PRESENT, Role.VICE_CHAIR, PersonKind.MEMBER),
    ]
    assert block.lines_read == {0, 1, 2} and block.not_read == []


@pytest.mark.parametrize(("note", "arrived", "left"), [
    ("arrived during item 5", ("5", False), None),
    ("arrived after item 5", ("5", True), None),
    ("joined the meeting at minute 47/23", ("47/23", False), None),
    ("from item 3", ("3", False), None),
    ("left during item 7", None, ("7", False)),
    ("left the meeting after agenda item 7", None, ("7", True)),
    ("until item 8", None, ("8", True)),
])
def test_late_arrivals_and_early_departures_are_read(note, arrived, left):
    from clerkdesk.importers.attendance_lines import ItemTime

    [attendee] = read_attendance([f"Present: Cllr B Jones ({note})"]).attendees
    assert attendee.arrived == (ItemTime(*arrived) if arrived else None)
    assert attendee.left == (ItemTime(*left) if left else None)
    assert attendee.unread == []


def test_a_time_without_an_item_is_reported_not_guessed():
    block = read_attendance(["Present: Cllr B Jones (left at 11.30)"])
    assert block.attendees[0].left is None
    assert any("left at 11.30" in warning for warning in block.not_read)


TIMED = """Northbrook District Council

Planning Committee

Minutes of the meeting held on 14 March 2023

Present: Cllr J Smith (Chairman), Cllr A Brown (arrived during item 2), Cllr C Davies (left
after item 2), Cllr E Evans (from minute 47/23), Cllr G Hughes (left during item 9)

45/23 Declarations of interest

None were declared.

46/23 Minutes

RESOLVED: That the minutes be approved.

47/23 Land at Mill Lane

The Head of Planning presented the report.
"""


def test_import_records_when_members_came_and_went(db):
    report = import_text(db, TIMED)
    with db.transaction() as session:
        rows = session.execute(select(
            Person.family_name, Attendance.arrived_at_item_id, Attendance.left_at_item_id)
            .join(Attendance, Attendance.person_id == Person.id)
            .where(Attendance.meeting_id == report.meeting_id)).all()
        titles = {item.id: item.title for item in session.scalars(
            select(AgendaItem).where(AgendaItem.meeting_id == report.meeting_id))}
    came_went = {family: (titles.get(arrived), titles.get(left)) for family, arrived, left in rows}
    assert came_went == {
        "Smith": (None, None),
        "Brown": ("Minutes", None),  # "item 2": the second item, where minutes are numbered 46/23
        "Davies": (None, "Land at Mill Lane"),  # left after item 2: gone from item 3
        "Evans": ("Land at Mill Lane", None),
        "Hughes": (None, None),  # there is no item 9: reported, not guessed
    }
    assert any("no item 9" in warning for warning in report.warnings)


def came_and_went(db: Database, meeting_id: int) -> dict[str, tuple[int | None, int | None]]:
    """Family name -> (agenda position arrived at, position left at)."""
    with db.transaction() as session:
        positions = {item.id: item.position for item in session.scalars(
            select(AgendaItem).where(AgendaItem.meeting_id == meeting_id))}
        return {family: (positions.get(arrived), positions.get(left))
                for family, arrived, left in session.execute(select(
                    Person.family_name, Attendance.arrived_at_item_id, Attendance.left_at_item_id)
                    .join(Attendance, Attendance.person_id == Person.id)
                    .where(Attendance.meeting_id == meeting_id))}


def test_late_arrivals_and_early_departures_are_printed_and_import_back(db, tmp_path):
    from docx import Document

    meeting = load_demo(db)
    with db.transaction() as session:
        items = list(session.scalars(select(AgendaItem).where(AgendaItem.meeting_id == meeting)
                                     .order_by(AgendaItem.position)))
        rows = {a.person.family_name: a for a in session.scalars(
            select(Attendance).where(Attendance.meeting_id == meeting))}
        rows["Doyle"].arrived_at_item_id = items[3].id  # came in during item 4
        rows["Pemberton"].left_at_item_id = items[5].id  # left during item 6
    word = export_meeting(db, meeting, tmp_path / "demo.docx")
    heading = "\n".join(p.text for p in Document(str(word)).paragraphs[:8])
    assert "Mr Doyle (arrived during item 4)" in heading
    assert "Mr Pemberton (Vice-Chair, left during item 6)" in heading

    fresh = open_database(tmp_path / "fresh.sqlite")
    try:
        report = import_file(fresh, word)
        assert came_and_went(fresh, report.meeting_id) == came_and_went(db, meeting)
    finally:
        fresh.close()
    assert came_and_went(db, meeting)["Doyle"] == (items[3].position, None)


def test_also_present_for_one_item_are_attendees_of_that_item_only(db):
    from sqlalchemy import select

    from clerkdesk.storage.models import AgendaItem, Attendance, Membership, Person

    path = Path(__file__).resolve().parents[1] / "fixtures" / "import" / "families" / \
        "licensing-lettered-items.txt"
    report = import_file(db, path)
    with db.transaction() as session:
        items = {i.id: i.number_label for i in session.scalars(select(AgendaItem))}
        rows = session.execute(select(Person.family_name, Attendance.status,
                                      Attendance.arrived_at_item_id, Attendance.left_at_item_id)
                               .join(Attendance.person)).all()
        seated = set(session.scalars(select(Person.family_name).join(Membership)))
    parties = {name: (status, items.get(arrived), items.get(left))
               for name, status, arrived, left in rows if name in {"Sandhu", "Fenwick"}}
    assert parties == {"Sandhu": ("also_present", "(b)", "(b)"),
                       "Fenwick": ("also_present", "(b)", "(b)")}
    assert not seated & {"Sandhu", "Fenwick"}
    assert report.attendance["also present"] == 2
    from clerkdesk.domain.minutes import attendee_text
    from clerkdesk.services.minutes import load_minutes

    shown = [attendee_text(a, with_job_title=True)
             for a in load_minutes(db, report.meeting_id).attendance]
    assert "Ravi Sandhu (applicant, for item (b))" in shown


def test_a_line_naming_who_was_in_the_chair_gives_that_member_the_chair():
    block = read_attendance(["Present:", "Mr G Abbot, Mrs J Baird, Mr D Ritchie",
                             "In Attendance:", "Chief Executive", "Mr D Ritchie in the Chair"])
    roles = [(a.name.text, a.role) for a in block.attendees]
    assert roles == [("Mr G Abbot", Role.MEMBER), ("Mrs J Baird", Role.MEMBER),
                     ("Mr D Ritchie", Role.CHAIR), ("Chief Executive", None)]
    assert block.lines_read == {0, 1, 2, 3, 4}
