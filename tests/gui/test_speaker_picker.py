"""The speaker picker by keyboard: names go in as references, spelled and styled from the roster."""

import datetime as dt
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QListWidget
from support.modal import drive_modal, focused, focused_name

from clerkdesk.domain.enums import AttendanceStatus, PersonKind, Role


@pytest.fixture
def send_db(tmp_path: Path):
    from clerkdesk.services.committees import find_or_create_committee
    from clerkdesk.services.meetings import create_meeting_in
    from clerkdesk.services.people import add_person_in, set_attendance_in, set_membership_in
    from clerkdesk.storage.database import open_database

    path = tmp_path / "send.sqlite"
    db = open_database(path)
    with db.transaction() as session:
        committee = find_or_create_committee(session, "SEND Sub-Committee", "Kent County Council")
        meeting = create_meeting_in(session, committee.id, dt.date(2023, 7, 11),
                                    agenda=["Improvement Notice and APP Update"])
        people = {}
        for key, fields, status in (
            ("hammond", dict(given_name="Sarah", family_name="Hammond", kind=PersonKind.OFFICER,
                             job_title="Director of SEND"), AttendanceStatus.IN_ATTENDANCE),
            ("farmer", dict(given_name="Alison", family_name="Farmer", kind=PersonKind.OFFICER),
             AttendanceStatus.IN_ATTENDANCE),
            ("love", dict(title="Mr", given_name="Rory", family_name="Love"),
             AttendanceStatus.PRESENT),
            ("hughes", dict(title="Mr", given_name="Sam", family_name="Hughes"), None),
        ):
            person = add_person_in(session, **fields)
            people[key] = person.id
            if fields.get("kind", PersonKind.MEMBER) is PersonKind.MEMBER:
                set_membership_in(session, committee.id, person.id, Role.MEMBER)
            if status:
                set_attendance_in(session, meeting.id, person.id, status)
        ids = meeting.id, committee.id
    db.close()
    return path, ids[0], ids[1], people


def press(qtbot, widget, sequence: str) -> None:
    combination = QKeySequence(sequence)[0]
    qtbot.keyClick(widget, combination.key(), combination.keyboardModifiers())


def pick(qtbot, ws, query: str, phrase: str) -> None:
    """Ctrl+Space, type `query`, Enter; then type `phrase` into the phrase list and Enter."""
    press(qtbot, ws.editor, "Ctrl+Space")
    picker = ws.speakers.picker
    assert picker.isVisible() and picker.filter.hasFocus()
    qtbot.keyClicks(picker.filter, query)
    qtbot.keyClick(picker.filter, Qt.Key.Key_Return)
    assert picker.isVisible(), "the phrase list follows the name"
    qtbot.keyClicks(picker.filter, phrase)
    qtbot.keyClick(picker.filter, Qt.Key.Key_Return)
    assert not picker.isVisible() and ws.editor.hasFocus()


def rename_in_roster(qtbot, ws, name: str, family: str) -> None:
    """Ctrl+3 to the roster, arrows to the person, F2, retype the family name, Enter."""
    press(qtbot, ws.editor, "Ctrl+3")
    table = ws.roster.table
    assert table.hasFocus()
    qtbot.keyClick(table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    while ws.roster.model.rows[table.currentIndex().row()].name != name:
        qtbot.keyClick(table, Qt.Key.Key_Down)

    def retype(_dialog) -> None:
        while focused_name() != "familyNameEdit":
            qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        focused().selectAll()
        qtbot.keyClicks(focused(), family)
        qtbot.keyClick(focused(), Qt.Key.Key_Return)

    outcome = drive_modal("personDialog", retype)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    assert outcome == ["done"]
    from PySide6.QtWidgets import QApplication

    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    ws.window().activateWindow()  # the offscreen platform does not re-activate after a dialog
    qtbot.waitUntil(lambda: ws.window().isActiveWindow())
    press(qtbot, QApplication.focusWidget() or table, "Ctrl+2")
    assert ws.editor.hasFocus()


def stored(path: Path) -> list[tuple]:
    with sqlite3.connect(path) as connection:
        return connection.execute(
            "SELECT level, text, speaker_id FROM paragraph ORDER BY position").fetchall()


def show(path: Path, meeting: int) -> str:
    result = subprocess.run([sys.executable, "-m", "clerkdesk", "show", str(meeting), "--db",
                             str(path)], capture_output=True, text=True, check=True)
    return result.stdout


def test_seed_paragraph_10_typed_with_the_picker(open_window, send_db, qtbot, tmp_path):
    path, meeting, committee, people = send_db
    window = open_window(path)
    assert window.open_meeting(meeting)
    ws = window.meetings.workspace
    qtbot.waitUntil(lambda: ws.side_panels_filled)  # the roster loads after the editor
    editor = ws.editor
    editor.setFocus()

    press(qtbot, editor, "Ctrl+M")  # "A Member", then the phrase list
    qtbot.keyClicks(ws.speakers.picker.filter, "referred")
    qtbot.keyClick(ws.speakers.picker.filter, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "the document Engagement in and Evaluation of Whole School "
                            "Approaches to Nurture Inclusive Leadership. Was this a concern?")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    pick(qtbot, ws, "sh", "repl")  # Sarah Hammond: present, so ranked above Sam Hughes
    qtbot.keyClicks(editor, "the ambition was for every school in Kent to be a nurturing place.")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    pick(qtbot, ws, "farm", "clarif")
    qtbot.keyClicks(editor, "as of June 2023, 253 Kent schools had engaged with Nurture UK.")
    ws.autosaver.flush()

    hammond, farmer = people["hammond"], people["farmer"]
    assert editor.numbers.labels == ["1)", "a)", "b)"]
    assert stored(path) == [
        (0, "{@member} referred to the document Engagement in and Evaluation of Whole School "
            "Approaches to Nurture Inclusive Leadership. Was this a concern?", None),
        (1, f"{{@{hammond}}} replied that the ambition was for every school in Kent to be a "
            "nurturing place.", hammond),
        (1, f"{{@{farmer}}} clarified that as of June 2023, 253 Kent schools had engaged with "
            "Nurture UK.", farmer),
    ]
    assert "a) Sarah Hammond replied that the ambition" in show(path, meeting)

    from support.committee import change_setup

    from clerkdesk.services.committee_settings import committee_settings

    rename_in_roster(qtbot, ws, "Sarah Hammond", "Hamond")  # a spelling fix in the roster…
    assert "Sarah Hamond replied that" in editor.toPlainText()
    assert "a) Sarah Hamond replied that" in show(path, meeting)
    rename_in_roster(qtbot, ws, "Sarah Hamond", "Hammond")  # …and back
    assert "Sarah Hammond replied that" in editor.toPlainText()
    assert "a) Sarah Hammond replied that" in show(path, meeting)
    assert stored(path)[1][1].startswith(f"{{@{hammond}}}"), "the text holds a reference"

    editor.setFocus()
    press(qtbot, editor, "Ctrl+End")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(editor, Qt.Key.Key_Backtab)  # a new question: a main paragraph
    pick(qtbot, ws, "mr l", "added")  # a named member, by title and surname
    qtbot.keyClicks(editor, "the Cabinet would consider the report in March.")
    assert ws.autosaver.flush()
    assert "2) Mr Love added that the Cabinet would consider" in show(path, meeting)

    import dataclasses

    from clerkdesk.domain.naming import MemberStyle, OfficerStyle

    settings = committee_settings(window.database.current, committee)
    change_setup(window.database.current, committee, dataclasses.replace(
        settings, member_style=MemberStyle.CLLR_FULL, officer_style=OfficerStyle.FULL_WITH_JOB))
    ws.refresh_names()
    assert "Sarah Hammond (Director of SEND) replied that" in editor.toPlainText()
    assert "Cllr Rory Love added that" in editor.toPlainText()
    shown = show(path, meeting)
    assert "a) Sarah Hammond (Director of SEND) replied that" in shown
    assert "2) Cllr Rory Love added that the Cabinet" in shown
    # The attendance (heading block, as in Word) lists members by title and surname.
    assert "Mr Love" not in shown.split("\n\n", 1)[1]


def test_picker_filters_by_initials_title_role_and_adds_new_people(open_window, send_db, qtbot):
    path, meeting, _committee, people = send_db
    window = open_window(path)
    window.open_meeting(meeting)
    ws = window.meetings.workspace
    ws.editor.setFocus()
    qtbot.keyClicks(ws.editor, "In answer to a question, ")
    press(qtbot, ws.editor, "Ctrl+Space")
    picker = ws.speakers.picker
    listing: QListWidget = picker.list

    def rows() -> list[str]:
        return [listing.item(i).text() for i in range(listing.count())]

    qtbot.keyClicks(picker.filter, "mr l")
    assert rows()[0].startswith("Mr Rory Love")
    picker.filter.clear()
    qtbot.keyClicks(picker.filter, "Elise McQueen")
    assert rows()[0] == "Add “Elise McQueen” as officer…"
    qtbot.keyClick(picker.filter, Qt.Key.Key_Return)  # added as officer, inserted
    qtbot.keyClick(picker.filter, Qt.Key.Key_Escape)  # no phrase: carry on typing
    qtbot.keyClicks(ws.editor, "said that 35 posts had been offered.")
    ws.autosaver.flush()
    with sqlite3.connect(path) as connection:
        person = connection.execute(
            "SELECT id, given_name, family_name, kind FROM person WHERE family_name='McQueen'"
        ).fetchone()
        status = connection.execute(
            "SELECT status FROM attendance WHERE person_id=?", (person[0],)).fetchone()
    assert person[1:] == ("Elise", "McQueen", "officer") and status == ("in_attendance",)
    assert stored(path)[0][1] == (
        f"In answer to a question, {{@{person[0]}}} said that 35 posts had been offered.")
    assert ws.editor.toPlainText() == (
        "In answer to a question, Elise McQueen said that 35 posts had been offered.")


def test_a_name_is_deleted_as_one_unit_and_undo_restores_it(open_window, send_db, qtbot):
    path, meeting, _committee, people = send_db
    window = open_window(path)
    window.open_meeting(meeting)
    ws = window.meetings.workspace
    ws.editor.setFocus()
    pick(qtbot, ws, "love", "introduced")
    assert ws.editor.toPlainText() == "Mr Love introduced the report "
    for _ in range(len(" introduced the report ")):
        qtbot.keyClick(ws.editor, Qt.Key.Key_Backspace)
    assert ws.editor.toPlainText() == "Mr Love"
    qtbot.keyClick(ws.editor, Qt.Key.Key_Backspace)  # the whole name goes at once
    assert ws.editor.toPlainText() == ""
    press(qtbot, ws.editor, "Ctrl+Z")
    assert ws.editor.toPlainText().startswith("Mr Love")
    ws.autosaver.flush()
    assert stored(path)[0][1].startswith(f"{{@{people['love']}}}")


def type_where_focused(qtbot, text: str) -> None:
    """Type as a clerk does: each key goes to whichever widget has the focus at that moment."""
    from PySide6.QtWidgets import QApplication
    from support.editor_harness import type_text

    for char in text:
        if char == "\b":
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backspace)
        else:
            type_text(QApplication.focusWidget(), char)


@pytest.mark.parametrize("typed, expected", [
    (" said that the work programme would be reviewed.",
     " said that the work programme would be reviewed."),
    ("said that the work programme would be reviewed.",
     " said that the work programme would be reviewed."),
    ("welcomed the report.", " welcomed the report."),
    ("ex", " explained that "),  # a phrase still matches: Enter below takes it
    ("\b’s team would help.", "’s team would help."),  # Backspace first: the space goes
])
def test_words_typed_after_a_name_reach_the_paragraph(open_window, send_db, qtbot, typed,
                                                      expected):
    path, meeting, _committee, people = send_db
    window = open_window(path)
    window.open_meeting(meeting)
    ws = window.meetings.workspace
    ws.editor.setFocus()
    press(qtbot, ws.editor, "Ctrl+Space")
    qtbot.keyClicks(ws.speakers.picker.filter, "sh")
    qtbot.keyClick(ws.speakers.picker.filter, Qt.Key.Key_Return)  # the phrase list opens
    type_where_focused(qtbot, typed)
    if ws.speakers.picker.isVisible():
        qtbot.keyClick(ws.speakers.picker.filter, Qt.Key.Key_Return)
    assert ws.editor.hasFocus()
    assert ws.autosaver.flush()
    assert stored(path)[0][1] == f"{{@{people['hammond']}}}{expected}"


@pytest.mark.parametrize("size", [(1366, 768), (900, 420), (700, 300)])
def test_picker_shows_its_last_row_whole_and_explains_the_present_marker(
        open_window, send_db, qtbot, size):
    from clerkdesk.services.people import add_person_in
    from clerkdesk.storage.database import open_database

    path, meeting, _committee, people = send_db
    db = open_database(path)
    with db.transaction() as session:  # more people than rows fit in a small window
        for n in range(12):
            add_person_in(session, given_name=f"Officer{n}", family_name="Example",
                          kind=PersonKind.OFFICER)
    db.close()
    window = open_window(path)
    window.resize(*size)
    window.open_meeting(meeting)
    ws = window.meetings.workspace
    ws.editor.setFocus()
    press(qtbot, ws.editor, "Ctrl+Space")
    picker = ws.speakers.picker
    listing: QListWidget = picker.list
    assert listing.count() >= 10
    shown = [r for r in range(listing.count())
             if listing.visualItemRect(listing.item(r)).intersects(listing.viewport().rect())]
    last = listing.visualItemRect(listing.item(shown[-1]))
    assert listing.viewport().rect().contains(last), (last, listing.viewport().rect())
    assert picker.geometry().bottom() <= picker.parentWidget().height()
    assert "●\u00a0present" in picker.title.text()
    love = next(listing.item(r) for r in range(listing.count())
                if listing.item(r).text().startswith("Mr Rory Love"))
    assert love.text().endswith("●") and "present at this meeting" in love.toolTip()
    qtbot.keyClick(picker.filter, Qt.Key.Key_Escape)
