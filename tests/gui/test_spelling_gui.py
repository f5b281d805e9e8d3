"""Spelling in the editor by keyboard: underlines, the suggestions dialog, what is stored."""

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication
from support.modal import drive_modal

from clerkdesk.domain.enums import PersonKind, Role

TEXT = "Councillor Thistlewood said the Febuary report was late."


def press(qtbot, widget, sequence: str) -> None:
    combination = QKeySequence(sequence)[0]
    qtbot.keyClick(widget, combination.key(), combination.keyboardModifiers())


def stored_texts(path: Path) -> list[str]:
    with sqlite3.connect(path) as connection:
        return [text for (text,) in connection.execute(
            "SELECT text FROM paragraph ORDER BY position")]


@pytest.fixture
def spelling_db(tmp_path: Path) -> tuple[Path, int]:
    from clerkdesk.services.committees import find_or_create_committee
    from clerkdesk.services.meetings import create_meeting_in
    from clerkdesk.services.paragraphs import add_paragraph_in
    from clerkdesk.services.people import add_person_in, set_membership_in
    from clerkdesk.storage.database import open_database

    path = tmp_path / "spelling.sqlite"
    db = open_database(path)
    with db.transaction() as session:
        committee = find_or_create_committee(session, "Licensing Committee", "Westmere Council")
        member = add_person_in(session, title="Cllr", given_name="Ada",
                               family_name="Thistlewood", kind=PersonKind.MEMBER)
        set_membership_in(session, committee.id, member.id, Role.MEMBER)
        meeting = create_meeting_in(session, committee.id, dt.date(2026, 2, 3),
                                    agenda=["Quennell Road premises licence"])
        add_paragraph_in(session, meeting.items[0].id, TEXT)
        meeting_id = meeting.id
    db.close()
    return path, meeting_id


def underlined(block) -> list[str]:
    """The underlined words, read through Qt's own positions (UTF-16 units)."""
    words = []
    for r in block.layout().formats():
        if r.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline:
            cursor = QTextCursor(block)
            cursor.setPosition(block.position() + r.start)
            cursor.setPosition(block.position() + r.start + r.length,
                               QTextCursor.MoveMode.KeepAnchor)
            words.append(cursor.selectedText())
    return words


def reactivate(qtbot, ws) -> None:
    """The offscreen platform does not give the window back its focus after a dialog."""
    ws.window().activateWindow()
    qtbot.waitUntil(ws.window().isActiveWindow, timeout=2000)
    ws.editor.setFocus()


def open_meeting(open_window, qtbot, spelling_db):
    path, meeting_id = spelling_db
    window = open_window(path)
    window.open_meeting(meeting_id)
    ws = window.meetings.workspace
    qtbot.waitUntil(lambda: ws.spelling.checker is not None, timeout=5000)
    ws.editor.setFocus()
    return ws


def test_misspelling_underlined_but_roster_name_and_agenda_words_not(
        open_window, qtbot, spelling_db) -> None:
    ws = open_meeting(open_window, qtbot, spelling_db)
    block = ws.editor.document().firstBlock()
    assert underlined(block) == ["Febuary"]  # "Thistlewood" is on the roster

    qtbot.keyClicks(ws.editor, "Quennell Road and Zorbleflap")  # an agenda title's words
    assert underlined(ws.editor.document().firstBlock()) == ["Febuary"]  # still being typed
    qtbot.keyClicks(ws.editor, " ")
    assert underlined(ws.editor.document().firstBlock()) == ["Zorbleflap", "Febuary"]

    press(qtbot, ws.editor, "End")
    qtbot.keyClicks(ws.editor, " Yarrowmede")
    assert underlined(ws.editor.document().firstBlock()) == ["Zorbleflap", "Febuary"]
    press(qtbot, ws.editor, "Home")  # leaving the word by moving the caret
    assert underlined(ws.editor.document().firstBlock()) == [
        "Zorbleflap", "Febuary", "Yarrowmede"]


def test_next_misspelling_enter_takes_the_first_suggestion_and_it_is_stored(
        open_window, qtbot, spelling_db) -> None:
    path, _ = spelling_db
    ws = open_meeting(open_window, qtbot, spelling_db)

    def choose_first(dialog) -> None:
        assert dialog.list.currentItem().text() == "February"
        qtbot.keyClick(dialog.list, Qt.Key.Key_Return)

    outcome = drive_modal("spellingDialog", choose_first)
    press(qtbot, ws.editor, "Alt+F7")
    assert outcome == ["done"]
    assert ws.editor.document().firstBlock().text() == TEXT.replace("Febuary", "February")
    qtbot.waitUntil(lambda: stored_texts(path) == [TEXT.replace("Febuary", "February")])
    assert underlined(ws.editor.document().firstBlock()) == []

    press(qtbot, ws.editor, "Ctrl+Z")  # undone like typing
    qtbot.waitUntil(lambda: stored_texts(path) == [TEXT])


def test_add_to_committee_dictionary_from_the_caret(open_window, qtbot, spelling_db) -> None:
    path, meeting_id = spelling_db
    ws = open_meeting(open_window, qtbot, spelling_db)
    press(qtbot, ws.editor, "End")
    qtbot.keyClicks(ws.editor, " Zorbleflap")  # caret at the end of the new word

    def add_word(dialog) -> None:
        qtbot.keyClick(dialog.list, Qt.Key.Key_End)  # the last two lines: add, ignore
        qtbot.keyClick(dialog.list, Qt.Key.Key_Up)
        assert dialog.list.currentItem().text().startswith("Add “Zorbleflap”")
        qtbot.keyClick(dialog.list, Qt.Key.Key_Return)

    outcome = drive_modal("spellingDialog", add_word)
    press(qtbot, ws.editor, "Ctrl+.")
    assert outcome == ["done"]
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT word FROM committee_word").fetchall() == [
            ("Zorbleflap",)]
    assert underlined(ws.editor.document().firstBlock()) == ["Febuary"]


def test_ignore_in_this_meeting_and_escape_changes_nothing(open_window, qtbot,
                                                          spelling_db) -> None:
    path, _ = spelling_db
    ws = open_meeting(open_window, qtbot, spelling_db)
    outcome = drive_modal("spellingDialog",
                          lambda dialog: qtbot.keyClick(dialog.list, Qt.Key.Key_Escape))
    press(qtbot, ws.editor, "Alt+F7")
    assert outcome == ["done"]
    assert stored_texts(path) == [TEXT]

    def ignore(dialog) -> None:
        qtbot.keyClick(dialog.list, Qt.Key.Key_End)
        qtbot.keyClick(dialog.list, Qt.Key.Key_Return)

    outcome = drive_modal("spellingDialog", ignore)
    reactivate(qtbot, ws)
    press(qtbot, ws.editor, "Alt+F7")
    assert outcome == ["done"]
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT word FROM ignored_word").fetchall() == [("Febuary",)]
    assert underlined(ws.editor.document().firstBlock()) == []
    assert stored_texts(path) == [TEXT]


def test_f7_lists_the_misspelling_and_f_fixes_it_undoably(open_window, qtbot,
                                                          spelling_db) -> None:
    path, _ = spelling_db
    ws = open_meeting(open_window, qtbot, spelling_db)
    press(qtbot, ws.editor, "F7")
    panel = ws.review_panel
    texts = [panel.list.item(i).text() for i in range(panel.list.count())]
    row = next(i for i, text in enumerate(texts) if "spelling: Febuary → February" in text)
    assert not any("Thistlewood" in text for text in texts)
    panel.list.setCurrentRow(row)
    qtbot.keyClick(panel.list, Qt.Key.Key_F)
    assert stored_texts(path) == [TEXT.replace("Febuary", "February")]
    ws.editor.setFocus()
    press(qtbot, ws.editor, "Ctrl+Z")
    qtbot.waitUntil(lambda: stored_texts(path) == [TEXT])


def test_words_after_emoji_and_right_to_left_text_are_underlined_in_place(
        open_window, qtbot, spelling_db) -> None:
    path, _ = spelling_db
    ws = open_meeting(open_window, qtbot, spelling_db)
    press(qtbot, ws.editor, "End")
    # Pasted (QTest cannot type characters outside the Basic Multilingual Plane).
    QApplication.clipboard().setText(" 👩🏽\u200d⚖️ עדי Zorbleflap café ")
    press(qtbot, ws.editor, "Ctrl+V")
    assert underlined(ws.editor.document().firstBlock()) == ["Febuary", "עדי", "Zorbleflap"]

    def choose_first(dialog) -> None:
        qtbot.keyClick(dialog.list, Qt.Key.Key_Return)

    press(qtbot, ws.editor, "Home")
    for _ in range(2):  # Febuary, then the Hebrew word
        outcome = drive_modal("spellingDialog", lambda d: qtbot.keyClick(d.list, Qt.Key.Key_Escape))
        press(qtbot, ws.editor, "Alt+F7")
        assert outcome == ["done"]
        reactivate(qtbot, ws)
    outcome = drive_modal("spellingDialog", lambda d: None)
    press(qtbot, ws.editor, "Alt+F7")
    assert ws.editor.textCursor().selectedText() == "Zorbleflap"
