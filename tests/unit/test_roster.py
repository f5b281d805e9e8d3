"""Roster rules and services: attendance round trips, substitutes, late/left, quorum, renames."""

import datetime as dt
from dataclasses import dataclass

import pytest
from support.raw_sql import raw_rows

from clerkdesk.domain.attendance import (
    NEEDS_NAME,
    counts_for_quorum,
    in_room_at,
    notes_text,
    person_problem,
    quorum_message,
    quorum_shortfall,
    roster_name,
    status_for_key,
)
from clerkdesk.domain.enums import AttendanceStatus, PersonKind, Role
from clerkdesk.domain.mentions import person_token
from clerkdesk.domain.person import PersonFields
from clerkdesk.errors import ClerkDeskError
from clerkdesk.services import roster
from clerkdesk.services.committees import find_or_create_committee
from clerkdesk.services.meetings import create_meeting_in
from clerkdesk.services.minutes import load_minutes
from clerkdesk.services.paragraphs import add_paragraph_in
from clerkdesk.services.people import add_person_in, set_membership_in
from clerkdesk.storage.models import Meeting

ALL_STATUSES = [*AttendanceStatus, None]


# --- rules ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("present", "quorum", "short"), [
    (3, 3, 0), (2, 3, 1), (0, 3, 3), (5, 3, 0), (1, None, 0), (0, 0, 0),
])
def test_quorum_shortfall(present, quorum, short):
    assert quorum_shortfall(present, quorum) == short


def test_quorum_message_says_how_many_and_the_quorum():
    assert quorum_message(2, 3) == "Not quorate: 2 members present, quorum is 3"
    assert quorum_message(1, 3) == "Not quorate: 1 member present, quorum is 3"
    assert quorum_message(3, 3) == "Quorate: 3 members present, quorum is 3"
    assert quorum_message(4, None) == "4 members present (no quorum set)"


@pytest.mark.parametrize(("kind", "role", "status", "remote", "counts"), [
    (PersonKind.MEMBER, Role.MEMBER, AttendanceStatus.PRESENT, False, True),
    (PersonKind.MEMBER, Role.CHAIR, AttendanceStatus.PRESENT, False, True),
    (PersonKind.OTHER, Role.COOPTED, AttendanceStatus.PRESENT, False, True),
    (PersonKind.MEMBER, Role.MEMBER, AttendanceStatus.PRESENT, True, True),
    (PersonKind.MEMBER, None, AttendanceStatus.SUBSTITUTE, False, True),
    (PersonKind.MEMBER, None, AttendanceStatus.PRESENT, False, False),  # not on the committee
    (PersonKind.MEMBER, Role.SUBSTITUTE, AttendanceStatus.PRESENT, False, False),
    (PersonKind.MEMBER, Role.MEMBER, AttendanceStatus.APOLOGIES, False, False),
    (PersonKind.MEMBER, Role.MEMBER, AttendanceStatus.ABSENT, False, False),
    (PersonKind.MEMBER, None, AttendanceStatus.ALSO_PRESENT, False, False),
    (PersonKind.OFFICER, Role.MEMBER, AttendanceStatus.PRESENT, False, False),
    (PersonKind.OFFICER, None, AttendanceStatus.IN_ATTENDANCE, False, False),
    (PersonKind.MEMBER, Role.MEMBER, None, False, False),
])
def test_who_counts_for_the_quorum(kind, role, status, remote, counts):
    assert counts_for_quorum(kind, role, status, remote) is counts


def test_remote_attendance_can_be_excluded_from_the_quorum():
    args = (PersonKind.MEMBER, Role.MEMBER, AttendanceStatus.PRESENT)
    assert not counts_for_quorum(*args, remote=True, remote_counts=False)
    assert counts_for_quorum(*args, remote=False, remote_counts=False)


def test_status_letters():
    expected = {"P": AttendanceStatus.PRESENT, "a": AttendanceStatus.APOLOGIES,
                "X": AttendanceStatus.ABSENT, "s": AttendanceStatus.SUBSTITUTE,
                "I": AttendanceStatus.IN_ATTENDANCE, "O": AttendanceStatus.ALSO_PRESENT,
                "0": None}
    for letter, status in expected.items():
        assert status_for_key(letter) == (True, status)
    for other in ("R", "E", "L", "Z", "1"):
        assert status_for_key(other)[0] is False


def test_in_room_at_an_item():
    assert in_room_at(None, None, 1)
    assert not in_room_at(3, None, 2) and in_room_at(3, None, 3)
    assert in_room_at(None, 4, 3) and not in_room_at(None, 4, 4)
    assert in_room_at(5, 2, None)  # the meeting as a whole counts anyone who came


def test_names_notes_and_person_problems():
    assert roster_name("Mrs", "Helen", "Okafor") == "Mrs Helen Okafor"
    assert roster_name("", "", "", Role.CHAIR) == "Chair"
    assert notes_text("Ms Chaudhry", True, "4", "6") == (
        "substitute for Ms Chaudhry; remote; arrived at item 4; left at item 6")
    assert notes_text() == ""
    assert person_problem(PersonFields(given_name="Sarah")) == NEEDS_NAME
    assert person_problem(PersonFields(role=Role.CHAIR)) is None
    assert person_problem(PersonFields(family_name="  Love ")) is None
    assert "longer than 10" in person_problem(PersonFields(family_name="X", initials="A" * 11))


# --- services ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Setup:
    committee_id: int
    meeting_id: int
    other_meeting_id: int
    items: tuple[int, ...]
    chair: int
    vice: int
    love: int
    hannon: int
    coopted: int
    officer: int
    visitor: int


@pytest.fixture
def setup(db) -> Setup:
    with db.transaction() as session:
        committee = find_or_create_committee(session, "SEND Sub-Committee", "Kent County Council")
        committee.quorum = 3

        def person(role: Role | None = None, **fields: object) -> int:
            created = add_person_in(session, **fields)
            if role is not None:
                set_membership_in(session, committee.id, created.id, role)
            return created.id

        ids = dict(
            chair=person(Role.CHAIR, title="Mrs", given_name="Helen", family_name="Okafor"),
            vice=person(Role.VICE_CHAIR, title="Mr", given_name="David", family_name="Pemberton"),
            love=person(Role.MEMBER, title="Mr", given_name="Rory", family_name="Love"),
            hannon=person(Role.MEMBER, title="Ms", given_name="Anne", family_name="Hannon"),
            coopted=person(Role.COOPTED, title="Mr", given_name="Ian", family_name="Reed",
                           kind="other"),
            officer=person(given_name="Sara", family_name="Hamond", kind="officer",
                           job_title="Corporate Director", organisation="CYPE"),
            visitor=person(title="Mr", given_name="Harjit", family_name="Gill"),
        )
        meeting = create_meeting_in(session, committee.id, dt.date(2023, 6, 6),
                                    agenda=["Apologies", "Minutes", "SEND update", "Any other"])
        other = create_meeting_in(session, committee.id, dt.date(2023, 7, 11), agenda=["Update"])
        items = tuple(item.id for item in meeting.items)
        for meeting_id_ in (meeting.id, other.id):
            item_id = items[2] if meeting_id_ == meeting.id else other.items[0].id
            add_paragraph_in(session, item_id,
                             f"{person_token(ids['officer'])} explained the figures; "
                             f"{person_token(ids['love'])} asked about transport.")
        return Setup(committee.id, meeting.id, other.id, items, **ids)


def query(db, sql: str, *args) -> list[tuple]:
    return raw_rows(db, sql, *args)


def row_of(db, meeting_id: int, person_id: int) -> roster.RosterRow:
    return next(r for r in roster.meeting_roster(db, meeting_id) if r.person_id == person_id)


@pytest.mark.parametrize("status", ALL_STATUSES)
def test_every_status_round_trips(db, setup, status):
    roster.set_status(db, setup.meeting_id, setup.love, AttendanceStatus.ABSENT)
    roster.set_status(db, setup.meeting_id, setup.love, status)
    assert row_of(db, setup.meeting_id, setup.love).status == status
    stored = query(db, "SELECT status FROM attendance WHERE meeting_id=? AND person_id=?",
                   setup.meeting_id, setup.love)
    assert stored == ([] if status is None else [(status.value,)])


def test_roster_lists_members_in_order_and_attendees_only_when_recorded(db, setup):
    names = [r.name for r in roster.meeting_roster(db, setup.meeting_id)]
    assert names == ["Mrs Helen Okafor", "Mr David Pemberton", "Ms Anne Hannon",
                     "Mr Rory Love", "Mr Ian Reed"]
    roster.set_status(db, setup.meeting_id, setup.officer, AttendanceStatus.IN_ATTENDANCE)
    roster.set_status(db, setup.meeting_id, setup.visitor, AttendanceStatus.ALSO_PRESENT)
    rows = roster.meeting_roster(db, setup.meeting_id)
    assert [r.name for r in rows[-2:]] == ["Mr Harjit Gill", "Sara Hamond"]
    officer = rows[-1]
    assert (officer.person.kind, officer.person.role, officer.person.job_title,
            officer.person.organisation) == (
        PersonKind.OFFICER, None, "Corporate Director", "CYPE")
    assert all(r.status is None for r in rows[:5])


def test_substitute_for_records_whom_and_apologies_for_them(db, setup):
    roster.set_substitute_for(db, setup.meeting_id, setup.visitor, setup.hannon)
    gill = row_of(db, setup.meeting_id, setup.visitor)
    assert (gill.status, gill.substitute_for_id, gill.substitute_for_name) == (
        AttendanceStatus.SUBSTITUTE, setup.hannon, "Ms Anne Hannon")
    assert row_of(db, setup.meeting_id, setup.hannon).status is AttendanceStatus.APOLOGIES
    assert query(db, "SELECT status, substitute_for_id FROM attendance WHERE person_id=?",
                 setup.visitor) == [("substitute", setup.hannon)]
    roster.set_status(db, setup.meeting_id, setup.visitor, AttendanceStatus.PRESENT)
    assert row_of(db, setup.meeting_id, setup.visitor).substitute_for_id is None
    with pytest.raises(ClerkDeskError, match="own substitute"):
        roster.set_substitute_for(db, setup.meeting_id, setup.love, setup.love)


def test_substitute_for_keeps_a_status_already_recorded(db, setup):
    roster.set_status(db, setup.meeting_id, setup.hannon, AttendanceStatus.ABSENT)
    roster.set_substitute_for(db, setup.meeting_id, setup.visitor, setup.hannon)
    assert row_of(db, setup.meeting_id, setup.hannon).status is AttendanceStatus.ABSENT


def test_substitute_candidates_are_members_away_or_unrecorded(db, setup):
    roster.set_status(db, setup.meeting_id, setup.love, AttendanceStatus.PRESENT)
    roster.set_status(db, setup.meeting_id, setup.hannon, AttendanceStatus.APOLOGIES)
    rows = roster.meeting_roster(db, setup.meeting_id)
    ids = [r.person_id for r in roster.substitute_candidates(rows, setup.chair)]
    assert ids[0] == setup.hannon
    assert setup.love not in ids and setup.chair not in ids
    assert set(ids) == {setup.hannon, setup.vice, setup.coopted}


def test_remote_records_attendance_and_toggles(db, setup):
    roster.set_remote(db, setup.meeting_id, setup.officer, True)
    officer = row_of(db, setup.meeting_id, setup.officer)
    assert (officer.status, officer.remote) == (AttendanceStatus.IN_ATTENDANCE, True)
    roster.set_remote(db, setup.meeting_id, setup.love, True)
    assert row_of(db, setup.meeting_id, setup.love).status is AttendanceStatus.PRESENT
    roster.set_remote(db, setup.meeting_id, setup.love, False)
    love = row_of(db, setup.meeting_id, setup.love)
    assert (love.status, love.remote) == (AttendanceStatus.PRESENT, False)
    roster.set_status(db, setup.meeting_id, setup.officer, AttendanceStatus.APOLOGIES)
    assert row_of(db, setup.meeting_id, setup.officer).remote is False


def test_late_arrival_and_early_departure(db, setup):
    second, third = setup.items[1], setup.items[2]
    roster.set_arrival(db, setup.meeting_id, setup.love, second)
    roster.set_departure(db, setup.meeting_id, setup.love, third)
    love = row_of(db, setup.meeting_id, setup.love)
    assert love.status is AttendanceStatus.PRESENT
    assert (love.arrived_at_item_id, love.arrived_at_label) == (second, "2")
    assert (love.left_at_item_id, love.left_at_label) == (third, "3")
    assert query(db, "SELECT arrived_at_item_id, left_at_item_id FROM attendance "
                 "WHERE person_id=?", setup.love) == [(second, third)]
    roster.set_departure(db, setup.meeting_id, setup.love, None)
    assert row_of(db, setup.meeting_id, setup.love).left_at_item_id is None
    with pytest.raises(ClerkDeskError, match="before"):
        roster.set_departure(db, setup.meeting_id, setup.love, setup.items[0])
    with pytest.raises(ClerkDeskError, match="not part of this meeting"):
        roster.set_arrival(db, setup.other_meeting_id, setup.love, second)


def test_apologies_clear_remote_and_late_marks(db, setup):
    roster.set_remote(db, setup.meeting_id, setup.love, True)
    roster.set_arrival(db, setup.meeting_id, setup.love, setup.items[1])
    roster.set_status(db, setup.meeting_id, setup.love, AttendanceStatus.APOLOGIES)
    love = row_of(db, setup.meeting_id, setup.love)
    assert (love.remote, love.arrived_at_item_id) == (False, None)


def test_quorum_state_counts_members_substitutes_and_remote_not_officers(db, setup):
    meeting = setup.meeting_id
    assert roster.quorum_state(db, meeting) == roster.QuorumState(3, 0, 3)
    roster.set_status(db, meeting, setup.chair, AttendanceStatus.PRESENT)
    roster.set_remote(db, meeting, setup.love, True)
    roster.set_status(db, meeting, setup.officer, AttendanceStatus.PRESENT)
    roster.set_status(db, meeting, setup.hannon, AttendanceStatus.APOLOGIES)
    state = roster.quorum_state(db, meeting)  # by default a remote member is not counted
    assert (state.present_members, state.shortfall, state.quorate) == (1, 2, False)
    assert state.message == ("Not quorate: 1 member present (1 more attending remotely, not "
                             "counted), quorum is 3")
    roster.set_substitute_for(db, meeting, setup.visitor, setup.hannon)
    assert roster.quorum_state(db, meeting).shortfall == 1

    with db.transaction() as session:  # a committee where remote attendance counts
        session.get(Meeting, meeting).committee.remote_counts_for_quorum = True
    state = roster.quorum_state(db, meeting)
    assert (state.present_members, state.remote_not_counted, state.shortfall) == (3, 0, 0)
    assert state.message == "Quorate: 3 members present, quorum is 3"


def test_quorum_at_an_item_leaves_out_late_arrivals_and_early_leavers(db, setup):
    meeting, items = setup.meeting_id, setup.items
    for person in (setup.chair, setup.vice, setup.love):
        roster.set_status(db, meeting, person, AttendanceStatus.PRESENT)
    roster.set_arrival(db, meeting, setup.love, items[1])
    roster.set_departure(db, meeting, setup.vice, items[2])
    counts = [roster.quorum_state(db, meeting, item).present_members for item in items]
    assert counts == [2, 3, 2, 2]
    assert roster.quorum_state(db, meeting).present_members == 3


def test_rename_corrects_every_meeting_that_mentions_the_person(db, setup):
    def texts() -> list[str]:
        return [p.text for meeting in (setup.meeting_id, setup.other_meeting_id)
                for item in load_minutes(db, meeting).items for p in item.paragraphs]

    assert texts() == ["Sara Hamond explained the figures; Mr Love asked about transport."] * 2
    roster.update_person(db, setup.officer, given_name="Sarah", family_name=" Hammond ")
    roster.update_person(db, setup.love, title="Cllr")
    assert texts() == ["Sarah Hammond explained the figures; Cllr Love asked about transport."] * 2
    assert query(db, "SELECT given_name, family_name FROM person WHERE id=?",
                 setup.officer) == [("Sarah", "Hammond")]


def test_update_person_refuses_a_nameless_person_without_a_role(db, setup):
    with pytest.raises(ClerkDeskError, match="family name"):
        roster.update_person(db, setup.officer, family_name="  ")
    roster.update_person(db, setup.chair, given_name="", family_name="")  # still "the Chair"
    assert row_of(db, setup.meeting_id, setup.chair).name == "Chair"
    with pytest.raises(TypeError):
        roster.update_person(db, setup.love, nickname="Rors")


def test_add_person_with_role_and_status(db, setup):
    fields = PersonFields(title="Dr", given_name="Anna", family_name="Kowalski",
                          kind=PersonKind.OFFICER, job_title="Head of SEN", organisation="CYPE")
    new_id = roster.add_person(db, setup.committee_id, setup.meeting_id, fields,
                               AttendanceStatus.IN_ATTENDANCE)
    assert query(db, "SELECT title, given_name, family_name, kind, job_title, organisation "
                 "FROM person WHERE id=?", new_id) == [
        ("Dr", "Anna", "Kowalski", "officer", "Head of SEN", "CYPE")]
    assert row_of(db, setup.meeting_id, new_id).status is AttendanceStatus.IN_ATTENDANCE
    member = roster.add_person(db, setup.committee_id, None,
                               PersonFields(title="Mrs", family_name="Binks", role=Role.MEMBER))
    assert row_of(db, setup.meeting_id, member).person.role is Role.MEMBER
    with pytest.raises(ClerkDeskError, match="family name"):
        roster.add_person(db, setup.committee_id, None, PersonFields(given_name="Solo"))


def test_edit_person_saves_names_and_role_together(db, setup):
    fields = roster.person_fields(db, setup.committee_id, setup.love)
    assert fields.role is Role.MEMBER and fields.family_name == "Love"
    roster.edit_person(db, setup.committee_id, setup.love,
                       PersonFields(title="Cllr", given_name="Rory", family_name="Love",
                                    role=Role.VICE_CHAIR))
    assert query(db, "SELECT role FROM membership WHERE person_id=?", setup.love) == [
        ("vice_chair",)]
    with pytest.raises(ClerkDeskError):
        roster.edit_person(db, setup.committee_id, setup.love, PersonFields(given_name="Rory"))
    assert query(db, "SELECT title FROM person WHERE id=?", setup.love) == [("Cllr",)]


def test_set_role_adds_changes_and_removes_membership(db, setup):
    roster.set_role(db, setup.committee_id, setup.visitor, Role.COOPTED)
    assert row_of(db, setup.meeting_id, setup.visitor).person.role is Role.COOPTED
    roster.set_role(db, setup.committee_id, setup.visitor, None)
    assert all(r.person_id != setup.visitor for r in roster.meeting_roster(db, setup.meeting_id))
    roster.update_person(db, setup.chair, family_name="")
    with pytest.raises(ClerkDeskError, match="family name"):
        roster.set_role(db, setup.committee_id, setup.chair, None)
