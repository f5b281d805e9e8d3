"""The live-minutes editor on a team (PostgreSQL) database, driven by keyboard."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from sqlalchemy import make_url
from support.editor_harness import build_database, open_editor, stored_rows, type_text

pytestmark = pytest.mark.postgresql

Key = Qt.Key


@pytest.fixture
def rig(qtbot, pg_url):
    meeting = build_database(pg_url, [[("Mr Love introduced the report.", 0)]])
    opened = open_editor(meeting)
    qtbot.addWidget(opened.editor)
    qtbot.waitExposed(opened.editor)
    yield opened
    opened.db.close()


def test_typing_a_paragraph_and_a_sub_point_reaches_the_server(rig):
    rig.editor.moveCursor(rig.editor.textCursor().MoveOperation.End)
    QTest.keyClick(rig.editor, Key.Key_Return)
    type_text(rig.editor, "A Member asked about waiting lists – and timescales.")
    QTest.keyClick(rig.editor, Key.Key_Return)
    QTest.keyClick(rig.editor, Key.Key_Tab)
    type_text(rig.editor, "Ms Hammond would reply in writing.")
    assert rig.autosaver.flush(), rig.autosaver.last_error
    assert [(text, level) for text, level, _ in stored_rows(rig.meeting.path, rig.item_id)] == [
        ("Mr Love introduced the report.", 0),
        ("A Member asked about waiting lists – and timescales.", 0),
        ("Ms Hammond would reply in writing.", 1),
    ]
    assert rig.errors == []


def test_undo_reaches_the_server(rig):
    rig.editor.moveCursor(rig.editor.textCursor().MoveOperation.End)
    type_text(rig.editor, " Noted.")
    assert rig.autosaver.flush()
    combination = QKeySequence.keyBindings(QKeySequence.StandardKey.Undo)[0][0]
    QTest.keyClick(rig.editor, combination.key(), combination.keyboardModifiers())
    assert rig.autosaver.flush()
    assert [text for text, _, _ in stored_rows(rig.meeting.path, rig.item_id)] == [
        "Mr Love introduced the report."]


SENT_WITHIN_MS = 60_000  # generous: the retry waits up to 30 s once the server was down long


def _type_offline_paragraphs(rig) -> None:
    """Typing, Enter, a sub-point and a move, by keyboard, while the server is down."""
    type_text(rig.editor, " thanked the officers.")
    QTest.keyClick(rig.editor, Key.Key_Return)
    type_text(rig.editor, "Cllr Amberley asked about parking – and about buses.")
    QTest.keyClick(rig.editor, Key.Key_Return)
    QTest.keyClick(rig.editor, Key.Key_Tab)
    type_text(rig.editor, "Officers would reply.")
    QTest.keyClick(rig.editor, Key.Key_Return)
    QTest.keyClick(rig.editor, Key.Key_Backtab)
    type_text(rig.editor, "Noted.")


OFFLINE_ROWS = [
    ("Mr Love introduced the report. The Chair thanked the officers.", 0),
    ("Cllr Amberley asked about parking – and about buses.", 0),
    ("Officers would reply.", 1),
    ("Noted.", 0),
]


def test_server_stopped_mid_typing_typing_goes_on_and_everything_arrives_in_order(
        rig, pg_server, qtbot):
    from clerkdesk.ui.workspace.save_status import SaveStatus

    badge = SaveStatus()
    qtbot.addWidget(badge)
    rig.autosaver.stateChanged.connect(badge.show_state)
    rig.autosaver.offline.waitingChanged.connect(badge.show_waiting)
    rig.editor.moveCursor(rig.editor.textCursor().MoveOperation.End)
    type_text(rig.editor, " The Chair")
    assert rig.autosaver.flush()
    pg_server.stop()
    try:
        _type_offline_paragraphs(rig)
        assert rig.autosaver.flush(), rig.autosaver.last_error
        assert rig.shown_rows() == OFFLINE_ROWS and rig.errors == []
        assert badge.text() == f"Offline — {rig.autosaver.offline.waiting} changes waiting"
        assert rig.autosaver.offline.waiting >= 4 and badge.waiting
        assert not any(message.startswith("NOT SAVED") for message, _ in rig.states)
    finally:
        pg_server.start()
    qtbot.waitUntil(lambda: rig.autosaver.offline.waiting == 0, timeout=SENT_WITHIN_MS)
    assert rig.file_rows() == OFFLINE_ROWS
    assert "sent to the team database" in badge.text() and not badge.waiting
    assert all(pid > 0 for pid in rig.shown_texts())  # paragraphs made offline now have real ids
    type_text(rig.editor, " Agreed.")  # online again: straight to the server
    assert rig.autosaver.flush() and rig.autosaver.offline.waiting == 0
    assert rig.file_rows()[-1] == ("Noted. Agreed.", 0)


def test_closing_while_offline_keeps_the_journal_and_the_next_start_sends_it(
        rig, pg_server, qtbot):
    from support.editor_harness import open_editor

    rig.editor.moveCursor(rig.editor.textCursor().MoveOperation.End)
    type_text(rig.editor, " The Chair")
    assert rig.autosaver.flush()
    pg_server.stop()
    try:
        _type_offline_paragraphs(rig)
        rig.autosaver.flush()
        rig.editor.close()
    finally:
        pg_server.start()
    again = open_editor(rig.meeting)  # the next start: the journal is found and sent
    qtbot.addWidget(again.editor)
    qtbot.waitUntil(lambda: any("kept from last time" in m for m, _ in again.states),
                    timeout=SENT_WITHIN_MS)
    assert again.file_rows() == OFFLINE_ROWS
    assert again.autosaver.offline.waiting == 0
    again.db.close()


def test_an_app_killed_while_offline_loses_nothing(pg_url, pg_server, qtbot):
    """A separate ClerkDesk process types while the server is down and is killed; the next
    start sends its journal, and the server holds every text in order."""
    import signal
    import subprocess
    import sys
    from pathlib import Path

    from support.editor_harness import open_editor

    meeting = build_database(pg_url, [[("Mr Love introduced the report.", 0)]])
    child = subprocess.Popen(
        [sys.executable, str(Path(__file__).parents[1] / "support" / "offline_child.py"),
         pg_url, str(meeting.meeting_id), str(meeting.item_ids[0])],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "READY"
        pg_server.stop()
        try:
            child.stdin.write("go\n")
            child.stdin.flush()
            word, count, errors = child.stdout.readline().split()
            assert (word, errors) == ("WAITING", "[]") and int(count) >= 3
            child.send_signal(signal.SIGKILL)
            assert child.wait() == -signal.SIGKILL
        finally:
            pg_server.start()
    finally:
        child.kill()
    again = open_editor(meeting)
    qtbot.addWidget(again.editor)
    qtbot.waitUntil(lambda: any("kept from last time" in m for m, _ in again.states),
                    timeout=SENT_WITHIN_MS)
    assert again.file_rows() == [
        ("Mr Love introduced the report. The Chair thanked the officers.", 0),
        ("Cllr Amberley asked about parking – and about buses.", 0),
        ("Officers would reply.", 1),
    ]
    again.db.close()


def test_the_database_dropped_under_the_window_loses_nothing(pg_server, qtbot):
    from support.editor_harness import open_editor

    from clerkdesk.storage.database import open_database
    from clerkdesk.storage.journal import Journal, journal_path

    url = pg_server.url(pg_server.new_database())
    open_database(url).close()
    meeting = build_database(url, [[("Mr Love introduced the report.", 0)]])
    rig = open_editor(meeting)
    qtbot.addWidget(rig.editor)
    said = []
    rig.autosaver.offline.wentOffline.connect(said.append)
    rig.editor.moveCursor(rig.editor.textCursor().MoveOperation.End)
    type_text(rig.editor, " The Chair")
    assert rig.autosaver.flush()
    pg_server.execute(f"DROP DATABASE {make_url(url).database} WITH (FORCE)")
    type_text(rig.editor, " thanked the officers.")
    QTest.keyClick(rig.editor, Key.Key_Return)
    type_text(rig.editor, "Noted.")
    assert rig.autosaver.flush() and rig.errors == []
    [line] = said
    assert line.startswith("Working offline: ") and "\n" not in line
    assert not any(message.startswith("NOT SAVED") for message, _ in rig.states)
    rig.db.close()
    journal = Journal(journal_path(url))
    kept = [entry.args for entry in journal.pending()]
    journal.close()
    assert {"paragraph": 1, "text": "Mr Love introduced the report. The Chair thanked the "
            "officers."} in kept
    assert any(args.get("text") == "Noted." for args in kept)


def test_a_colleagues_save_before_the_drop_is_never_overwritten_by_the_replay(rig, pg_server,
                                                                              qtbot):
    """The paragraph was only shown (never saved) before the server went away; a colleague
    saved it meanwhile: when the journal is sent, the same dialog as online asks whose text to
    keep (here Keep mine, Alt+K); theirs stays in the history, nothing is left set aside."""
    from support.modal import drive_modal, focused

    from clerkdesk.services.paragraphs import edit_text
    from clerkdesk.storage.database import open_database
    from clerkdesk.storage.journal import Journal, journal_path

    colleague = open_database(rig.meeting.path)
    try:
        [pid] = rig.shown_texts()
        edit_text(colleague, pid, "Mr Love introduced the report (colleague's wording).")
    finally:
        colleague.close()
    rig.editor.moveCursor(rig.editor.textCursor().MoveOperation.End)
    pg_server.stop()
    try:
        type_text(rig.editor, " Mine.")
        assert rig.autosaver.flush() and rig.autosaver.offline.waiting == 1
    finally:
        pg_server.start()

    seen: dict[str, str] = {}

    def keep_mine(dialog) -> None:
        seen["theirs"] = dialog.findChild(object, "theirsText").toPlainText()
        seen["mine"] = dialog.findChild(object, "mineText").toPlainText()
        QTest.keyClick(focused(), Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda: not dialog.isVisible())

    answered: list[list[str]] = []
    rig.autosaver.conflictFound.connect(
        lambda _pid: answered or answered.append(drive_modal("conflictDialog", keep_mine)))
    qtbot.waitUntil(lambda: bool(answered) and answered[0] == ["done"],
                    timeout=SENT_WITHIN_MS + 5000)
    assert seen == {"theirs": "Mr Love introduced the report (colleague's wording).",
                    "mine": "Mr Love introduced the report. Mine."}
    assert rig.file_rows() == [("Mr Love introduced the report. Mine.", 0)]
    assert rig.autosaver.pending == {} and rig.autosaver.offline.waiting == 0
    journal = Journal(journal_path(str(rig.meeting.path)))
    assert journal.set_aside() == []
    journal.close()
