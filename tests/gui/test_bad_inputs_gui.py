"""Bad inputs in the window: each database problem with the exact message the clerk sees and the
file left byte for byte; 10,000 paragraphs in one item; a 1 MB multi-line paste; a name with
every Unicode oddity from the picker to Word and back through the importer.

Other bad inputs are covered where their code lives; see tests/unit/test_bad_inputs.py.
"""

import datetime as dt
import hashlib
import os
import sqlite3
import time
from contextlib import closing
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from support.editor_harness import build_database, open_editor, stored_rows, type_text

from clerkdesk.storage.migrations import SCHEMA_VERSION

TITLE = "Could not open database"


def file_state(path: Path) -> dict[str, str]:
    """sha256 of `path` (a file) and the names of everything beside it that starts with it."""
    state = {p.name: "" for p in path.parent.glob(path.name + "*")}
    if path.is_file():
        state[path.name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return state


def execute(path: Path, *statements: str) -> None:
    with closing(sqlite3.connect(path)) as connection:
        for statement in statements:
            connection.execute(statement)
        connection.commit()


def real_database(path: Path) -> Path:
    build_database(path, [[("The Committee noted the report.", 0)]])
    execute(path, "PRAGMA wal_checkpoint(TRUNCATE)")  # one self-contained file
    return path


def random_bytes(folder: Path) -> Path:
    path = folder / "random.sqlite"
    path.write_bytes(os.urandom(16384))
    return path


def truncated(folder: Path) -> Path:
    whole = real_database(folder / "whole.sqlite").read_bytes()
    path = folder / "truncated.sqlite"
    path.write_bytes(whole[: len(whole) // 2])
    return path


def other_application(folder: Path) -> Path:
    path = folder / "places.sqlite"
    execute(path, "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    return path


def newer_version(folder: Path) -> Path:
    path = real_database(folder / "newer.sqlite")
    execute(path, "UPDATE clerkdesk_meta SET value = '99' WHERE key = 'schema_version'")
    execute(path, "PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def read_only(folder: Path) -> Path:
    path = real_database(folder / "read-only.sqlite")
    path.chmod(0o444)
    return path


def missing_folder(folder: Path) -> Path:
    return folder / "no such folder" / "minutes.sqlite"


def a_folder(folder: Path) -> Path:
    path = folder / "a folder.sqlite"
    path.mkdir()
    return path


CASES = {
    "random bytes": (random_bytes, "{path} is not a ClerkDesk database (it is not an SQLite "
                                   "file). It was not changed."),
    "truncated": (truncated, "{path} is damaged: the file is shorter than its header says "
                             "(truncated). It was not changed; restore it from the backups "
                             "folder beside it."),
    "another application's SQLite": (other_application, "{path} is an SQLite database from "
                                     "another application, not a ClerkDesk database. It was not "
                                     "changed."),
    "newer version": (newer_version, "{path} was written by a newer ClerkDesk (schema version "
                                     "99); this ClerkDesk understands up to version "
                                     f"{SCHEMA_VERSION}. Please update ClerkDesk."),
    "read-only": (read_only, "{path} is read-only (or its folder is), so ClerkDesk could not "
                             "save to it. Copy it somewhere you can write to, or change its "
                             "permissions."),
    "folder does not exist": (missing_folder, "The folder {parent} does not exist."),
    "a folder as the database": (a_folder, "{path} is a folder, not a ClerkDesk database file."),
}


@pytest.mark.parametrize("case", list(CASES))
def test_database_problem_is_refused_with_its_message_and_the_file_is_untouched(
        open_window, captured_errors, tmp_path, monkeypatch, case):
    make, message = CASES[case]
    path = make(tmp_path)
    if case == "read-only" and os.access(path, os.W_OK):
        # Running as root, which may write read-only files: the OS check is simulated.
        import clerkdesk.storage.database as database_module

        real_access = os.access
        monkeypatch.setattr(database_module.os, "access", lambda p, mode: False if (
            Path(p) == path and mode == os.W_OK) else real_access(p, mode))
    before = file_state(path)

    window = open_window(path)  # `clerkdesk --db PATH`

    assert captured_errors == [(TITLE, message.format(path=path, parent=path.parent))]
    assert before == {} or path.name in before
    assert file_state(path) == before, "the file is unchanged and nothing was made beside it"
    assert window.database.current is None
    assert window.windowTitle() == "ClerkDesk"


# --- big inputs in the editor ---------------------------------------------------------------

@pytest.fixture
def rig(qtbot, tmp_path):
    made = []

    def make(rows):
        item = build_database(tmp_path / f"big{len(made)}.sqlite", [rows])
        opened = open_editor(item)
        qtbot.addWidget(opened.editor)
        made.append(opened)
        return opened

    yield make
    for opened in made:
        opened.db.close()


def add_rows(path: Path, item_id: int, count: int, start: int) -> None:
    with sqlite3.connect(path) as connection:
        connection.executemany(
            "INSERT INTO paragraph (item_id, position, level, style, text, created_at, "
            "updated_at) VALUES (?, ?, ?, 'numbered', ?, '2024-01-01', '2024-01-01')",
            [(item_id, n, n % 2, f"Paragraph {n}: the Committee considered the report.")
             for n in range(start, start + count)])


def test_ten_thousand_paragraphs_in_one_item_open_type_and_save(rig, tmp_path):
    meeting = build_database(tmp_path / "ten-thousand.sqlite", [[("Paragraph 0.", 0)]])
    add_rows(meeting.path, meeting.item_ids[0], 9_999, start=1)
    started = time.perf_counter()
    opened = open_editor(meeting)
    QApplication.processEvents()
    took = time.perf_counter() - started
    try:
        assert len(opened.shown_rows()) == 10_000
        assert opened.editor.numbers.labels[:3] == ["1)", "a)", "2)"]
        cursor = opened.editor.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        opened.editor.setTextCursor(cursor)
        type_text(opened.editor, " Noted.")
        QTest.keyClick(opened.editor, Qt.Key.Key_Return)
        type_text(opened.editor, "The last word.")
        assert opened.autosaver.flush() and opened.errors == []
        rows = stored_rows(meeting.path, meeting.item_ids[0])
        assert len(rows) == 10_001 and [p for _, _, p in rows] == list(range(10_001))
        assert rows[-2][0].endswith("considered the report. Noted.")
        assert rows[-1][0] == "The last word."
        print(f"opening 10,000 paragraphs in the editor took {took:.2f} s")
    finally:
        opened.autosaver.flush()
        opened.editor.close()
        opened.db.close()


def test_a_one_megabyte_multi_line_paste_becomes_paragraphs(rig):
    opened = rig([("Before the paste.", 0), ("After the paste.", 0)])
    block = opened.editor.paragraphs.blocks()[0]
    opened.editor.set_caret(opened.editor.paragraphs.data(block).id, block.length() - 1)
    lines = [f"Pasted line {n}: " + "the Committee noted the figures " * 30
             for n in range(1_100)]
    pasted = "\n".join(lines)
    assert len(pasted.encode()) > 1_000_000
    QApplication.clipboard().setText(pasted)
    binding = QKeySequence.keyBindings(QKeySequence.StandardKey.Paste)[0][0]
    QTest.keyClick(opened.editor, binding.key(), binding.keyboardModifiers())
    assert opened.autosaver.flush() and opened.errors == []
    texts = [text for text, _, _ in stored_rows(opened.meeting.path, opened.item_id)]
    assert texts == ["Before the paste." + lines[0], *lines[1:], "After the paste."]
    assert [(text, level) for text, level, _ in stored_rows(
        opened.meeting.path, opened.item_id)] == opened.shown_rows()


# --- a name with every Unicode oddity -------------------------------------------------------

GIVEN = "Zoë Chloe\u0301 👩🏽\u200d⚖️ עדי"  # precomposed and combining accents, ZWJ emoji, RTL
FAMILY = "Ångström-O’Brien"
NAME = f"{GIVEN} {FAMILY}"


@pytest.fixture
def plain_meeting(tmp_path):
    from clerkdesk.services.committees import find_or_create_committee
    from clerkdesk.services.meetings import create_meeting_in
    from clerkdesk.storage.database import open_database

    path = tmp_path / "names.sqlite"
    db = open_database(path)
    with db.transaction() as session:
        committee = find_or_create_committee(session, "Planning Committee", "Anyshire Council")
        meeting = create_meeting_in(session, committee.id, dt.date(2024, 3, 5),
                                    agenda=["Public questions"]).id
    db.close()
    return path, meeting


def test_a_name_with_every_unicode_oddity_survives_roster_word_and_import(
        open_window, plain_meeting, qtbot, tmp_path):
    from support.published import shown as render_minutes

    from clerkdesk.services.export import export_meeting
    from clerkdesk.services.minutes import load_minutes

    path, meeting = plain_meeting
    window = open_window(path)
    assert window.open_meeting(meeting)
    ws = window.meetings.workspace
    qtbot.waitUntil(lambda: ws.side_panels_filled)  # the roster loads after the editor
    ws.editor.setFocus()
    qtbot.keyClicks(ws.editor, "In answer to a question, ")
    combination = QKeySequence("Ctrl+Space")[0]
    qtbot.keyClick(ws.editor, combination.key(), combination.keyboardModifiers())
    picker = ws.speakers.picker
    type_text(picker.filter, NAME)
    assert picker.list.item(0).text() == f"Add “{NAME}” as officer…"
    qtbot.keyClick(picker.filter, Qt.Key.Key_Return)  # added to the roster, inserted
    qtbot.keyClick(picker.filter, Qt.Key.Key_Escape)  # no phrase: carry on typing
    qtbot.keyClicks(ws.editor, "said that the figures would follow.")
    assert ws.autosaver.flush()

    sentence = f"In answer to a question, {NAME} said that the figures would follow."
    assert ws.editor.toPlainText() == sentence
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT given_name, family_name FROM person").fetchall() == [
            (GIVEN, FAMILY)]
    ws.roster.refresh()
    assert NAME in [row.name for row in ws.roster.model.rows]

    db = window.database.current
    word = export_meeting(db, meeting, tmp_path / "minutes.docx")
    assert sentence in [p.text for p in docx.Document(str(word)).paragraphs]

    shown = render_minutes(load_minutes(db, meeting))
    assert sentence in shown
    assert imported_paragraphs(shown.replace("\u200d", ""), tmp_path) == [
        sentence.replace("\u200d", "")]


def imported_paragraphs(text: str, folder: Path) -> list[str]:
    """The paragraphs of `text` as the plain-text importer stores them (a new database)."""
    from clerkdesk.services.imports import import_text
    from clerkdesk.services.minutes import load_minutes
    from clerkdesk.storage.database import open_database

    db = open_database(folder / f"imported-{len(list(folder.glob('imported-*')))}.sqlite")
    try:
        report = import_text(db, text)
        return [p.text for item in load_minutes(db, report.meeting_id).items
                for p in item.paragraphs]
    finally:
        db.close()


def test_the_importer_keeps_zero_width_joiners_inside_names(tmp_path):
    text = ("Planning Committee\n\n1. Public questions\n\nMinutes:\n\n"
            f"1) {NAME} said that the figures would follow.\n")
    assert imported_paragraphs(text, tmp_path) == [f"{NAME} said that the figures would follow."]


# --- damaged and look-alike files, opened with Ctrl+O or named as a URL ------------------------

def damaged(folder: Path) -> Path:
    path = real_database(folder / "damaged.sqlite")
    with closing(sqlite3.connect(path)) as connection:
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        [root] = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'paragraph'").fetchone()
    with path.open("r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(b"\x07" * 12)
    return path


def wrong_columns(folder: Path) -> Path:
    path = folder / "lookalike.sqlite"
    execute(path, "CREATE TABLE clerkdesk_meta (key TEXT PRIMARY KEY, value TEXT)",
            "INSERT INTO clerkdesk_meta VALUES ('application', 'clerkdesk')",
            f"INSERT INTO clerkdesk_meta VALUES ('schema_version', '{SCHEMA_VERSION}')",
            "CREATE TABLE meeting (id INTEGER PRIMARY KEY)")
    return path


def wal_of_an_earlier_copy(folder: Path) -> Path:
    path = real_database(folder / "restored.sqlite")
    backup = path.read_bytes()
    with closing(sqlite3.connect(path)) as writer:  # a session that crashed, leaving its -wal
        writer.execute("PRAGMA wal_autocheckpoint=0")
        writer.execute("UPDATE paragraph SET text = 'Changed after the backup.'")
        writer.commit()
        wal = Path(f"{path}-wal").read_bytes()
        shm = Path(f"{path}-shm").read_bytes()
    path.write_bytes(backup)  # the backup copied over the file; the old -wal put back beside it
    Path(f"{path}-wal").write_bytes(wal)
    Path(f"{path}-shm").write_bytes(shm)
    old = time.time() - 3600
    for suffix in ("-wal", "-shm"):
        os.utime(f"{path}{suffix}", (old, old))
    return path


NEW_CASES = {
    "damaged": (damaged, ("is damaged", ".recover", "not changed")),
    "wrong columns": (wrong_columns, ("does not match ClerkDesk's", "not changed")),
    "a -wal of an earlier copy": (wal_of_an_earlier_copy, ("restored.sqlite-wal", "set it aside")),
}


@pytest.mark.parametrize("how", ["Ctrl+O", "sqlite:/// URL"])
@pytest.mark.parametrize("case", list(NEW_CASES))
def test_a_damaged_or_look_alike_file_is_refused_however_it_is_opened(
        open_window, captured_errors, tmp_path, monkeypatch, qtbot, case, how):
    from clerkdesk.ui import dialogs

    make, words = NEW_CASES[case]
    path = make(tmp_path)
    before = file_state(path)
    if how == "Ctrl+O":
        window = open_window()
        monkeypatch.setattr(dialogs, "ask_open_path", lambda *_args: str(path))
        QTest.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: bool(captured_errors), timeout=5000)
    else:
        window = open_window(f"sqlite:///{path}")
    [(title, message)] = captured_errors
    assert title == TITLE and "\n" not in message
    assert all(word in message for word in words), message
    assert file_state(path) == before
    assert window.database.current is None


def test_a_junk_wal_is_dropped_and_the_window_says_so(open_window, captured_errors, tmp_path):
    path = real_database(tmp_path / "minutes.sqlite")
    Path(f"{path}-wal").write_bytes(os.urandom(5000))
    notices = []
    window = open_window()
    window.database.notice.connect(notices.append)
    window.start(str(path), False)
    assert captured_errors == []
    assert window.database.current is not None
    assert [n for n in notices if "minutes.sqlite-wal" in n and "not a valid change log" in n]
    assert "not a valid change log" in window.statusBar().currentMessage()


def test_a_notice_given_before_the_window_shows_is_not_drawn_over_the_file_name(qtbot):
    from clerkdesk.ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.statusBar().showMessage("A change was left out.")
    window.show()
    qtbot.waitExposed(window)
    assert not window.database_label.isVisible()
    window.statusBar().clearMessage()
    assert window.database_label.isVisible()
