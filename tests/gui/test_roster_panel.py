"""The roster panel driven by keyboard: statuses, substitutes, remote, late/left, people, quorum."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMainWindow, QWidget
from support.modal import drive_modal, focused, focused_name
from support.raw_sql import raw_rows

from clerkdesk.domain.enums import PersonKind, Role
from clerkdesk.domain.mentions import person_token
from clerkdesk.services.committees import find_or_create_committee
from clerkdesk.services.meetings import create_meeting_in
from clerkdesk.services.minutes import load_minutes
from clerkdesk.services.paragraphs import add_paragraph_in
from clerkdesk.services.people import add_person_in, set_attendance_in, set_membership_in
from clerkdesk.ui.roster.roster_panel import RosterPanel

NO_MOD = Qt.KeyboardModifier.NoModifier
# Rows as listed: Chair, Vice-Chair, then members by family name, then others, then officers.
CHAIR, VICE, CHAUDHRY, LOVE, GILL, HAMOND = range(6)


@pytest.fixture
def meeting(db):
    with db.transaction() as session:
        committee = find_or_create_committee(session, "SEND Sub-Committee", "Kent County Council")
        committee.quorum = 3
        people = {}
        for key, role, fields in (
            ("chair", Role.CHAIR, dict(title="Mrs", given_name="Helen", family_name="Okafor")),
            ("vice", Role.VICE_CHAIR, dict(title="Mr", given_name="David",
                                           family_name="Pemberton")),
            ("chaudhry", Role.MEMBER, dict(title="Ms", given_name="Amira",
                                           family_name="Chaudhry")),
            ("love", Role.MEMBER, dict(title="Mr", given_name="Rory", family_name="Love")),
            ("gill", None, dict(title="Mr", given_name="Harjit", family_name="Gill")),
            ("officer", None, dict(given_name="Sara", family_name="Hamond",
                                   kind=PersonKind.OFFICER, job_title="Corporate Director")),
        ):
            people[key] = add_person_in(session, **fields).id
            if role is not None:
                set_membership_in(session, committee.id, people[key], role)
        created = create_meeting_in(session, committee.id, dt.date(2023, 6, 6),
                                    agenda=["Apologies", "Minutes", "SEND update"])
        set_attendance_in(session, created.id, people["gill"], "also_present")
        set_attendance_in(session, created.id, people["officer"], "in_attendance")
        add_paragraph_in(session, created.items[2].id,
                         f"{person_token(people['officer'])} introduced the report.")
        return created.id, [item.id for item in created.items], people


@pytest.fixture
def panel(qtbot, db, meeting):
    widget = RosterPanel()
    qtbot.addWidget(widget)
    widget.resize(300, 600)
    widget.set_meeting(db, meeting[0])
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    widget.table.setFocus()
    qtbot.waitUntil(widget.table.hasFocus)
    return widget


def key(qtbot, panel: RosterPanel, which: Qt.Key, modifier=NO_MOD) -> None:
    qtbot.keyClick(panel.table, which, modifier)


def go_to_row(qtbot, panel: RosterPanel, row: int) -> None:
    """Arrow keys from the top to `row` (the panel starts with the first row selected)."""
    key(qtbot, panel, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    for _ in range(row):
        key(qtbot, panel, Qt.Key.Key_Down)
    assert panel.table.currentIndex().row() == row


def status_of(db, meeting_id: int, person_id: int) -> tuple | None:
    rows = raw_rows(
        db, "SELECT status, remote, substitute_for_id, arrived_at_item_id, left_at_item_id "
        "FROM attendance WHERE meeting_id=? AND person_id=?", meeting_id, person_id)
    return rows[0] if rows else None


def test_panel_names_and_rows(panel):
    assert panel.objectName() == "rosterPanel"
    assert panel.accessibleName() == "Roster and attendance"
    assert panel.table.objectName() == "rosterTable"
    names = [row.name for row in panel.model.rows]
    assert names == ["Mrs Helen Okafor", "Mr David Pemberton", "Ms Amira Chaudhry",
                     "Mr Rory Love", "Mr Harjit Gill", "Sara Hamond"]


def test_letters_set_status_on_the_row_chosen_with_arrows(qtbot, panel, db, meeting):
    meeting_id, _items, people = meeting
    with qtbot.waitSignal(panel.attendanceChanged):
        key(qtbot, panel, Qt.Key.Key_P)
    assert status_of(db, meeting_id, people["chair"])[0] == "present"
    go_to_row(qtbot, panel, CHAUDHRY)
    key(qtbot, panel, Qt.Key.Key_A)
    key(qtbot, panel, Qt.Key.Key_Down)
    key(qtbot, panel, Qt.Key.Key_X)
    assert status_of(db, meeting_id, people["chaudhry"])[0] == "apologies"
    assert status_of(db, meeting_id, people["love"])[0] == "absent"
    assert panel.selected_person_id() == people["love"], "the selection stays on the person"
    key(qtbot, panel, Qt.Key.Key_Delete)
    assert status_of(db, meeting_id, people["love"]) is None
    go_to_row(qtbot, panel, HAMOND)
    key(qtbot, panel, Qt.Key.Key_O)
    assert status_of(db, meeting_id, people["officer"])[0] == "also_present"
    key(qtbot, panel, Qt.Key.Key_I)
    assert status_of(db, meeting_id, people["officer"])[0] == "in_attendance"
    assert panel.model.data(panel.model.index(HAMOND, 2)) == "In attendance"


def test_r_toggles_remote(qtbot, panel, db, meeting):
    meeting_id, _items, people = meeting
    go_to_row(qtbot, panel, VICE)
    key(qtbot, panel, Qt.Key.Key_R)
    assert status_of(db, meeting_id, people["vice"])[:2] == ("present", 1)
    assert panel.model.rows[VICE].remote
    assert panel.model.data(panel.model.index(VICE, 3)) == "remote"
    key(qtbot, panel, Qt.Key.Key_R)
    assert status_of(db, meeting_id, people["vice"])[:2] == ("present", 0)


def test_s_asks_for_whom_by_typing(qtbot, panel, db, meeting):
    meeting_id, _items, people = meeting
    go_to_row(qtbot, panel, LOVE)
    key(qtbot, panel, Qt.Key.Key_A)
    go_to_row(qtbot, panel, GILL)
    seen: list[list[str]] = []

    def choose(dialog: QDialog) -> None:
        assert focused_name() == "substituteFilter"
        listed = dialog.findChild(QWidget, "substituteList")
        seen.append([listed.item(n).text() for n in range(listed.count())])
        qtbot.keyClicks(focused(), "chau")
        qtbot.keyClick(focused(), Qt.Key.Key_Return)

    outcome = drive_modal("substituteDialog", choose)
    key(qtbot, panel, Qt.Key.Key_S)
    assert outcome == ["done"]
    assert seen[0][0] == "Mr Rory Love", "members with apologies come first"
    assert "Mr Harjit Gill" not in seen[0]
    assert status_of(db, meeting_id, people["gill"])[:3] == (
        "substitute", 0, people["chaudhry"])
    assert status_of(db, meeting_id, people["chaudhry"])[0] == "apologies"
    row = panel.model.rows[panel.model.row_of(people["gill"])]
    assert row.substitute_for_name == "Ms Amira Chaudhry"


def test_escape_in_the_substitute_dialog_changes_nothing(qtbot, panel, db, meeting):
    meeting_id, _items, people = meeting
    go_to_row(qtbot, panel, GILL)
    outcome = drive_modal("substituteDialog",
                          lambda _d: qtbot.keyClick(focused(), Qt.Key.Key_Escape))
    key(qtbot, panel, Qt.Key.Key_S)
    assert outcome == ["done"]
    assert status_of(db, meeting_id, people["gill"])[0] == "also_present"


def test_e_and_l_record_the_current_item(qtbot, panel, db, meeting):
    meeting_id, items, people = meeting
    go_to_row(qtbot, panel, LOVE)
    key(qtbot, panel, Qt.Key.Key_E)
    assert panel.message_label.isVisible()
    assert "agenda item" in panel.message_label.text()
    assert status_of(db, meeting_id, people["love"]) is None
    panel.set_current_item(items[1], "2")
    key(qtbot, panel, Qt.Key.Key_E)
    assert not panel.message_label.isVisible()
    panel.set_current_item(items[2], "3")
    key(qtbot, panel, Qt.Key.Key_L)
    assert status_of(db, meeting_id, people["love"]) == ("present", 0, None, items[1], items[2])
    assert panel.model.data(panel.model.index(LOVE, 3)) == "arrived at item 2; left at item 3"
    key(qtbot, panel, Qt.Key.Key_L)  # again at the same item: the mark comes off
    assert status_of(db, meeting_id, people["love"])[4] is None


def test_quorum_warning_follows_members_present_and_apologies(qtbot, panel):
    label = panel.quorum_label
    assert label.objectName() == "quorumStatus"
    assert label.isVisible()
    assert label.text() == "Not quorate: 0 members present, quorum is 3"
    assert "#a4262c" in label.styleSheet()
    for row in (CHAIR, VICE, CHAUDHRY):
        go_to_row(qtbot, panel, row)
        key(qtbot, panel, Qt.Key.Key_P)
    assert label.text() == "Quorate: 3 members present, quorum is 3"
    assert "#a4262c" not in label.styleSheet()
    go_to_row(qtbot, panel, HAMOND)
    key(qtbot, panel, Qt.Key.Key_P)  # an officer never counts
    go_to_row(qtbot, panel, VICE)
    key(qtbot, panel, Qt.Key.Key_A)
    assert label.isVisible()
    assert label.text() == "Not quorate: 2 members present, quorum is 3"
    assert "#a4262c" in label.styleSheet()


def test_f2_corrects_a_spelling_everywhere(qtbot, panel, db, meeting):
    meeting_id, _items, people = meeting
    go_to_row(qtbot, panel, HAMOND)

    def correct(_dialog: QDialog) -> None:
        assert focused_name() == "familyNameEdit"
        qtbot.keyClicks(focused(), "Hammond")  # the old name is selected, typing replaces it
        qtbot.keyClick(focused(), Qt.Key.Key_Backtab)
        assert focused_name() == "givenNameEdit"
        qtbot.keyClick(focused(), Qt.Key.Key_End)
        qtbot.keyClicks(focused(), "h")
        qtbot.keyClick(focused(), Qt.Key.Key_Return)

    outcome = drive_modal("personDialog", correct)
    with qtbot.waitSignal(panel.personChanged) as changed:
        key(qtbot, panel, Qt.Key.Key_F2)
    assert outcome == ["done"]
    assert changed.args == [people["officer"]]
    paragraph = load_minutes(db, meeting_id).items[2].paragraphs[0]
    assert paragraph.text == "Sarah Hammond introduced the report."
    assert panel.model.rows[panel.model.row_of(people["officer"])].name == "Sarah Hammond"


def test_insert_adds_a_person_typed_into_the_dialog(qtbot, panel, db, meeting):
    meeting_id, _items, _people = meeting

    def fill_in(_dialog: QDialog) -> None:
        assert focused_name() == "titleCombo"
        qtbot.keyClicks(focused(), "Dr")
        for field_text in ("Anna", "Kowalski", "AK", "Head of SEN", "CYPE"):
            qtbot.keyClick(focused(), Qt.Key.Key_Tab)
            qtbot.keyClicks(focused(), field_text)
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        assert focused_name() == "kindCombo"
        qtbot.keyClicks(focused(), "O")  # Officer
        qtbot.keyClick(focused(), Qt.Key.Key_Return)

    outcome = drive_modal("personDialog", fill_in)
    with qtbot.waitSignal(panel.personChanged):
        key(qtbot, panel, Qt.Key.Key_Insert)
    assert outcome == ["done"]
    [person] = raw_rows(
        db, "SELECT id, title, given_name, family_name, initials, job_title, organisation, kind "
        "FROM person WHERE family_name='Kowalski'")
    assert person[1:] == ("Dr", "Anna", "Kowalski", "AK", "Head of SEN", "CYPE", "officer")
    assert status_of(db, meeting_id, person[0])[0] == "in_attendance"
    assert panel.selected_person_id() == person[0]


def test_ctrl_n_adds_a_member_with_a_role(qtbot, panel, db, meeting):
    def fill_in(_dialog: QDialog) -> None:
        qtbot.keyClicks(focused(), "Cllr")
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        qtbot.keyClicks(focused(), "Binks")
        qtbot.keyClick(focused(), Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
        assert focused_name() == "roleCombo"
        qtbot.keyClicks(focused(), "Co")  # Co-opted member
        qtbot.keyClick(focused(), Qt.Key.Key_Return)

    outcome = drive_modal("personDialog", fill_in)
    key(qtbot, panel, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert outcome == ["done"]
    assert raw_rows(
            db, "SELECT p.title, p.family_name, m.role FROM person p JOIN membership m "
            "ON m.person_id = p.id WHERE p.family_name='Binks'") == [
            ("Cllr", "Binks", "coopted")]
    assert status_of(db, meeting[0], panel.selected_person_id()) is None


def test_person_dialog_refuses_a_person_without_a_family_name(qtbot, panel, db):
    shown: list[bool] = []

    def try_blank(dialog: QDialog) -> None:
        shown.append(dialog.problem_label.isVisible())  # nothing typed yet: no complaint
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        qtbot.keyClicks(focused(), "Sarah")
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
        shown.append(dialog.isVisible() and dialog.problem_label.isVisible())
        qtbot.keyClick(focused(), Qt.Key.Key_Escape)

    outcome = drive_modal("personDialog", try_blank)
    key(qtbot, panel, Qt.Key.Key_Insert)
    assert outcome == ["done"] and shown == [False, True]
    assert raw_rows(db, "SELECT count(*) FROM person WHERE given_name='Sarah'") == [(0,)]


def test_panel_keys_win_over_window_shortcuts(qtbot, db, meeting):
    """F2 (Rename item) and Ctrl+N (New database) are window shortcuts; in the roster they edit
    and add people."""
    host = QMainWindow()
    qtbot.addWidget(host)
    triggered: list[str] = []
    for shortcut in ("F2", "Ctrl+N"):
        action = QAction(shortcut, host)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False, s=shortcut: triggered.append(s))
        host.addAction(action)
    panel = RosterPanel(host)
    host.setCentralWidget(panel)
    panel.set_meeting(db, meeting[0])
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    panel.table.setFocus()
    qtbot.waitUntil(panel.table.hasFocus)
    for keys in ((Qt.Key.Key_F2, NO_MOD), (Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)):
        outcome = drive_modal("personDialog",
                              lambda _d: qtbot.keyClick(focused(), Qt.Key.Key_Escape))
        key(qtbot, panel, *keys)
        assert outcome == ["done"]
    assert triggered == []
