"""Flagging while typing, the linked requests paragraph, carry-over to the next meeting, votes."""

import datetime as dt
import re
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication
from support.modal import drive_modal, focused

SEED_21 = [
    "Provide the Sub-Committee with the approved version of the Accelerated Progress Plan (APP) "
    "as soon as this is available.",
    "The most recent Written Statement of Actions, Measures and Indicators of KCC’s SEND "
    "service provision.",
    "Detailed information about the previous and current KCC workforce involved in the "
    "provision of SEND services.",
    "SEND services recruitment, retention and sufficiency capacity. At each meeting of the "
    "Sub-Committee, provide a snapshot of the number of KCC staff, and staff vacancies, who are "
    "involved in the provision of SEND services.",
]
QUESTIONS = [
    "A Member asked to see the approved APP.",
    "A Member asked for the most recent Written Statement of Actions.",
    "A Member repeated the request for workforce information.",
    "A Member asked for recruitment and retention figures at each meeting.",
]


def press(qtbot, widget, sequence: str) -> None:
    combination = QKeySequence(sequence)[0]
    qtbot.keyClick(widget, combination.key(), combination.keyboardModifiers())


def type_text(widget, text: str) -> None:
    """Type text including characters QTest.keyClicks cannot send (’)."""
    from support.editor_harness import type_text as harness_type

    harness_type(widget, text)


@pytest.fixture
def send_meeting(tmp_path: Path):
    from clerkdesk.services.meeting_setup import create_meeting_with_committee
    from clerkdesk.storage.database import open_database

    path = tmp_path / "send.sqlite"
    db = open_database(path)
    meeting = create_meeting_with_committee(
        db, "SEND Sub-Committee", "Kent County Council", dt.date(2023, 7, 11), dt.time(10),
        "Council Chamber", "Improvement Notice and Accelerated Progress Plan (APP) Update")
    db.close()
    return path, meeting


def paragraphs(path: Path) -> list[tuple[int, str, str | None]]:
    with sqlite3.connect(path) as connection:
        return connection.execute(
            "SELECT level, text, generated FROM paragraph ORDER BY position").fetchall()


def test_four_requests_flagged_by_keyboard_write_the_seed_paragraph_21(
        open_window, send_meeting, qtbot):
    path, meeting = send_meeting
    window = open_window(path)
    window.open_meeting(meeting)
    ws = window.meetings.workspace
    editor = ws.editor
    editor.setFocus()
    for number, (question, request) in enumerate(zip(QUESTIONS, SEED_21, strict=True)):
        if number:
            qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.keyClicks(editor, question)
        press(qtbot, editor, "Ctrl+Shift+R")
        form = ws.flagging.form
        assert form.isVisible() and form.fields["what"].hasFocus()
        assert form.fields["what"].text() == question  # the paragraph is the default
        form.fields["what"].selectAll()
        type_text(focused(), request)
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        if number == 0:
            qtbot.keyClicks(focused(), "CYPE Directorate")
        else:  # remembered from the last request of this meeting
            assert focused().text() == "CYPE Directorate"
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
        assert not form.isVisible() and editor.hasFocus()
    assert ws.flags.list.topLevelItem(0).text(0) == "Requests for information (4)"
    press(qtbot, editor, "Ctrl+Shift+W")
    ws.autosaver.flush()

    rows = paragraphs(path)
    assert [text for _level, text, _gen in rows[:4]] == QUESTIONS
    assert rows[4:] == [
        (0, "Members of the SEND Sub-Committee requested the following information from the "
            "CYPE Directorate:", "requests"),
        *((1, text, "requests") for text in SEED_21),
    ]
    assert editor.numbers.labels == ["1)", "2)", "3)", "4)", "5)", "a)", "b)", "c)", "d)"]
    press(qtbot, editor, "Ctrl+Z")  # the written block is one undoable step
    assert len(paragraphs(path)) == 4


def test_next_meeting_offers_outstanding_requests_and_the_log_records_answers(
        open_window, send_meeting, qtbot, monkeypatch):
    from clerkdesk.domain.flag_fields import RequestFields
    from clerkdesk.services import flags, workspace
    from clerkdesk.services.editing import NewParagraph, insert_paragraphs
    from clerkdesk.services.request_log import request_log
    from clerkdesk.storage.database import open_database

    path, meeting = send_meeting
    db = open_database(path)
    item = workspace.meeting_outline(db, meeting).items[0].id
    ids = insert_paragraphs(db, item, 0, [NewParagraph(q) for q in QUESTIONS])
    for pid, what in zip(ids, SEED_21, strict=True):
        flags.add_flag(db, pid, RequestFields(what=what, asked_of_body="CYPE Directorate"))
    db.close()

    window = open_window(path)
    answers = iter(["SEND Sub-Committee", "Minutes of the previous meeting\nUpdate"])

    def create(dialog) -> None:
        qtbot.keyClicks(focused(), next(answers))
        agenda = dialog.findChild(object, "agendaEdit")
        agenda.setFocus()
        agenda.setPlainText(next(answers))
        qtbot.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    def accept_all(dialog) -> None:
        listing = dialog.findChild(object, "outstandingList")
        assert listing.count() == 4
        qtbot.keyClick(focused(), Qt.Key.Key_Return)

    created = drive_modal("newMeetingDialog", create)
    offered: list[list[str]] = []

    def chain() -> None:  # armed while the new-meeting dialog is open, for the next dialog
        offered.append(drive_modal("outstandingDialog", accept_all))

    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, chain)
    press(qtbot, window.browser.meeting_list, "Ctrl+N")
    assert created == ["done"]
    qtbot.waitUntil(lambda: offered == [["done"]], timeout=3000)
    ws = window.meetings.workspace
    titles = [i.title for i in ws.outline.items]
    assert titles == ["Apologies and substitutes", "Declarations of interest",
                      "Minutes of the previous meeting", "Matters arising", "Update"]
    matters = ws.outline.items[3].id  # the committee template's item holds the requests
    assert len(workspace.item_paragraphs(window.database.current, matters)) == 4

    window.activateWindow()

    def mark_two(dialog) -> None:
        table = dialog.findChild(object, "requestLogTable")
        table.setFocus()
        assert table.rowCount() == 4  # shown: outstanding and open
        qtbot.keyClick(table, Qt.Key.Key_P)  # provided at this meeting: it leaves the list…
        assert table.rowCount() == 3
        qtbot.keyClick(table, Qt.Key.Key_P)  # …so P again answers the next one
        qtbot.keyClick(table, Qt.Key.Key_Escape)

    logged = drive_modal("requestLogDialog", mark_two)
    ws.open_request_log()
    assert logged == ["done"]
    db = open_database(path)
    log = request_log(db, ws.outline.committee_id)
    db.close()
    assert [(e.status, e.provided_at_meeting_id) for e in log] == [
        ("provided", ws.meeting_id), ("provided", ws.meeting_id),
        ("outstanding", None), ("outstanding", None)]
    assert QApplication.activeModalWidget() is None


def test_resolution_with_a_recorded_vote_renders_as_configured(open_window, send_meeting,
                                                               qtbot):
    from support.published import shown as render_minutes

    from clerkdesk.services.minutes import load_minutes

    path, meeting = send_meeting
    window = open_window(path)
    window.open_meeting(meeting)
    ws = window.meetings.workspace
    editor = ws.editor
    editor.setFocus()
    qtbot.keyClicks(editor, "The Sub-Committee agreed to refer the matter to Cabinet.")
    press(qtbot, editor, "Ctrl+R")
    form = ws.flagging.form
    assert form.fields["form"].currentText() == "Agreed"
    for name, value in (("votes_for", "7"), ("votes_against", "2"), ("abstentions", "1")):
        form.fields[name].setFocus()
        form.fields[name].selectAll()
        qtbot.keyClicks(focused(), value)
    form.fields["carried"].setFocus()
    qtbot.keyClicks(focused(), "C")  # Carried
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    ws.autosaver.flush()
    assert editor.numbers.labels == ["RESOLVED"]
    text = render_minutes(load_minutes(window.database.current, meeting))
    assert re.search(r"RESOLVED – The Sub-Committee agreed to refer the matter to Cabinet\.\n"
                     r"\(Carried: 7 for, 2 against, 1 abstention\)", text), text
    press(qtbot, editor, "Ctrl+Z")  # one step: the flag and the RESOLVED layout
    assert editor.numbers.labels == ["1)"]


def test_typing_in_the_linked_paragraph_detaches_it_so_the_edit_is_kept(
        open_window, send_meeting, qtbot):
    from clerkdesk.domain.flag_fields import RequestFields
    from clerkdesk.services import flags, workspace
    from clerkdesk.services.editing import NewParagraph, insert_paragraphs
    from clerkdesk.services.generated_paragraphs import (
        refresh_generated,
        write_requests_paragraph,
    )
    from clerkdesk.storage.database import open_database

    path, meeting = send_meeting
    db = open_database(path)
    item = workspace.meeting_outline(db, meeting).items[0].id
    [pid] = insert_paragraphs(db, item, 0, [NewParagraph(QUESTIONS[0])])
    flag_id = flags.add_flag(db, pid, RequestFields(what=SEED_21[0],
                                                           asked_of_body="CYPE Directorate"))
    generated = write_requests_paragraph(db, item)
    db.close()
    window = open_window(path)
    window.open_meeting(meeting)
    ws = window.meetings.workspace
    ws.editor.set_caret(generated[1], 0)
    qtbot.keyClicks(ws.editor, "Please ")
    ws.autosaver.flush()
    database = window.database.current
    flags.update_flag(database, flag_id, RequestFields(what="Changed later.",
                                                              asked_of_body="CYPE Directorate"))
    assert refresh_generated(database, meeting) == []  # detached: nothing rewritten
    assert paragraphs(path)[2] == (1, "Please " + SEED_21[0], None)


def request_due_dates(path: Path) -> list[tuple[str, str | None]]:
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT what, due_date FROM request_flag").fetchall()


def request_form_at_due(open_window, send_meeting, qtbot):
    """A paragraph typed, Ctrl+Shift+R, and Tab twice (What → Asked of → Due): the form."""
    path, meeting = send_meeting
    window = open_window(path)
    window.open_meeting(meeting)
    ws = window.meetings.workspace
    ws.editor.setFocus()
    qtbot.keyClicks(ws.editor, "A Member asked for the budget.")
    press(qtbot, ws.editor, "Ctrl+Shift+R")
    form = ws.flagging.form
    for _ in range(2):  # What → Asked of → Due
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    return form


@pytest.mark.parametrize("typed, due", [
    ("26092023", "2023-09-26"), ("26/09/2023", "2023-09-26"), ("26/9/23", "2023-09-26"),
    ("26.09.2023", "2023-09-26"), ("26 Sept 2023", "2023-09-26"),
    ("tomorrow", (dt.date.today() + dt.timedelta(days=1)).isoformat()),
    ("+14", (dt.date.today() + dt.timedelta(days=14)).isoformat()),
    ("", None),
])
def test_due_date_is_typed_as_clerks_write_it(open_window, send_meeting, qtbot, typed, due):
    path, _meeting = send_meeting
    form = request_form_at_due(open_window, send_meeting, qtbot)
    assert focused() is form.fields["due"]
    qtbot.keyClicks(focused(), typed)
    if due:
        shown = dt.date.fromisoformat(due)
        assert form.fields["due"].understood.text() == f"{shown:%A} {shown.day} {shown:%B %Y}"
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)  # Tab leaves the field, empty or not
    assert focused() is form.fields["status"]
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert not form.isVisible()
    assert request_due_dates(path) == [("A Member asked for the budget.", due)]


def test_a_due_date_that_is_not_a_date_is_refused_in_the_form(open_window, send_meeting, qtbot):
    path, _meeting = send_meeting
    form = request_form_at_due(open_window, send_meeting, qtbot)
    qtbot.keyClicks(focused(), "31/02/2023")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert form.isVisible(), "a date that does not exist is not saved as some other date"
    assert form.message.text() == "Due: There is no 31 February 2023."
    assert focused() is form.fields["due"]
    assert request_due_dates(path) == []
    form.fields["due"].selectAll()
    qtbot.keyClicks(focused(), "28/02/2023")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert not form.isVisible()
    assert request_due_dates(path) == [("A Member asked for the budget.", "2023-02-28")]


@pytest.fixture
def committee_with_officers(send_meeting):
    from clerkdesk.domain.enums import AttendanceStatus, Role
    from clerkdesk.services.people import add_person_in, set_attendance_in, set_membership_in
    from clerkdesk.storage.database import open_database
    from clerkdesk.storage.models import Meeting

    path, meeting = send_meeting
    db = open_database(path)
    ids = {}
    with db.transaction() as session:
        committee_id = session.get(Meeting, meeting).committee_id
        for key, title, given, family, role in (
                ("vice", "Mr", "Robert", "Pemberton", Role.VICE_CHAIR),
                ("chair", "Cllr", "Jane", "Ashworth", Role.CHAIR)):
            person = add_person_in(session, title=title, given_name=given, family_name=family)
            set_membership_in(session, committee_id, person.id, role)
            set_attendance_in(session, meeting, person.id, AttendanceStatus.PRESENT)
            ids[key] = person.id
    db.close()
    return path, meeting, ids


def resolution_people(path: Path) -> list[tuple]:
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT mover_id, seconder_id FROM resolution_flag").fetchall()


def open_resolution_form_at_mover(qtbot, window, meeting):
    window.open_meeting(meeting)
    ws = window.meetings.workspace
    ws.editor.setFocus()
    qtbot.keyClicks(ws.editor, "The Sub-Committee approved the plan.")
    press(qtbot, ws.editor, "Ctrl+R")
    form = ws.flagging.form
    while focused() is not form.fields["mover"]:
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    return ws, form


def type_where_focused(qtbot, text: str) -> None:
    for char in text:
        qtbot.keyClicks(QApplication.focusWidget(), char)


def test_any_written_form_of_a_roster_person_is_kept_and_the_first_enter_saves(
        open_window, committee_with_officers, qtbot):
    path, meeting, ids = committee_with_officers
    window = open_window(path)
    ws, form = open_resolution_form_at_mover(qtbot, window, meeting)
    type_where_focused(qtbot, "Mr Pemberton")
    mover = form.fields["mover"]
    assert mover.completer().popup().isVisible()  # completions by the picker's matcher
    assert "Mr Robert Pemberton" in mover.rows.stringList()[0]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    type_where_focused(qtbot, "ash")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # the first Enter saves
    assert not form.isVisible()
    assert resolution_people(path) == [(ids["vice"], ids["chair"])]


def test_an_unknown_mover_is_added_to_the_roster_with_a_visible_warning_first(
        open_window, committee_with_officers, qtbot):
    path, meeting, ids = committee_with_officers
    window = open_window(path)
    ws, form = open_resolution_form_at_mover(qtbot, window, meeting)
    type_where_focused(qtbot, "Cllr Kowalski")
    mover = form.fields["mover"]
    assert mover.note.isVisible()
    assert mover.note.text() == "Not on the roster: saving adds “Cllr Kowalski” as a member."
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert not form.isVisible()
    with sqlite3.connect(path) as connection:
        added = connection.execute(
            "SELECT id, title, family_name FROM person WHERE family_name = 'Kowalski'").fetchall()
    assert [row[1:] for row in added] == [("Cllr", "Kowalski")]
    assert resolution_people(path) == [(added[0][0], None)]
