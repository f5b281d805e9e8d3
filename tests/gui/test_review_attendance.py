"""Review catches attendance that contradicts itself; an apologies sentence has no speaker."""

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from clerkdesk.domain.enums import AttendanceStatus, PersonKind, Role


def press(qtbot, sequence: str) -> None:
    combination = QKeySequence(sequence)[0]
    qtbot.keyClick(QApplication.focusWidget(), combination.key(),
                   combination.keyboardModifiers())


def query(path: Path, sql: str, *args) -> list[tuple]:
    with sqlite3.connect(path) as connection:
        return connection.execute(sql, args).fetchall()


@pytest.fixture
def substituted(tmp_path: Path):
    """Mr Love sent apologies; Ms Patel substitutes for him."""
    from clerkdesk.services import roster
    from clerkdesk.services.committees import find_or_create_committee
    from clerkdesk.services.meetings import create_meeting_in
    from clerkdesk.services.people import add_person_in, set_membership_in
    from clerkdesk.storage.database import open_database

    path = tmp_path / "sub.sqlite"
    db = open_database(path)
    with db.transaction() as session:
        committee = find_or_create_committee(session, "Scrutiny Committee", "Westmere CC")
        meeting = create_meeting_in(session, committee.id, dt.date(2026, 11, 3),
                                    agenda=["Apologies and Substitutes"])
        love = add_person_in(session, title="Mr", given_name="Rory", family_name="Love")
        patel = add_person_in(session, title="Ms", given_name="Asha", family_name="Patel",
                              kind=PersonKind.MEMBER)
        set_membership_in(session, committee.id, love.id, Role.MEMBER)
        ids = meeting.id, love.id, patel.id
    roster.set_substitute_for(db, ids[0], ids[2], ids[1])
    db.close()
    return path, *ids


def go_to_roster_row(qtbot, ws, name: str) -> None:
    press(qtbot, "Ctrl+3")
    table = ws.roster.table
    qtbot.keyClick(table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    names = [row.name for row in ws.roster.model.rows]
    assert name in names, names
    while ws.roster.model.rows[table.currentIndex().row()].name != name:
        qtbot.keyClick(table, Qt.Key.Key_Down)


def test_a_member_present_while_their_substitute_is_recorded_is_a_finding(
        open_window, substituted, qtbot):
    path, meeting, love, patel = substituted
    window = open_window(path)
    window.open_meeting(meeting)
    ws = window.meetings.workspace
    qtbot.waitUntil(lambda: ws.side_panels_filled)
    go_to_roster_row(qtbot, ws, "Mr Rory Love")
    qtbot.keyClicks(ws.roster.table, "p")  # he turned up after all…
    qtbot.keyClicks(ws.roster.table, "r")  # …on the video link
    assert query(path, "SELECT status, remote FROM attendance WHERE person_id=?", love) == [
        (AttendanceStatus.PRESENT.value, 1)]
    assert query(path, "SELECT substitute_for_id FROM attendance WHERE person_id=?",
                 patel) == [(love,)]
    press(qtbot, "F7")
    texts = [ws.review_panel.list.item(i).text()
             for i in range(ws.review_panel.list.count())]
    assert any("Mr Love is recorded as present (remote) but Ms Patel is still recorded as "
               "their substitute" in text for text in texts), texts


def test_an_apologies_sentence_does_not_make_the_absent_member_its_speaker(
        open_window, substituted, qtbot):
    path, meeting, love, _patel = substituted
    window = open_window(path)
    window.open_meeting(meeting)
    ws = window.meetings.workspace
    ws.editor.setFocus()
    qtbot.keyClicks(ws.editor, "Apologies for absence were received from")
    press(qtbot, "Ctrl+Space")
    qtbot.keyClicks(ws.speakers.picker.filter, "love")
    qtbot.keyClick(ws.speakers.picker.filter, Qt.Key.Key_Return)
    qtbot.keyClick(ws.speakers.picker.filter, Qt.Key.Key_Escape)
    qtbot.keyClicks(ws.editor, "(substituted by Ms Patel).")
    assert ws.autosaver.flush()
    assert query(path, "SELECT text, speaker_id FROM paragraph") == [
        (f"Apologies for absence were received from {{@{love}}} (substituted by Ms Patel).",
         None)]
