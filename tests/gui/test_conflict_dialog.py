"""Two clerks type in one paragraph on the team database: the stale save never overwrites, the
clerk sees both texts and keeps mine, takes theirs or edits a merge — by keyboard — and the
server and the history hold every text afterwards."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from support.editor_harness import build_database, open_editor, type_text
from support.modal import drive_modal, focused
from support.raw_sql import raw_rows

from clerkdesk.services import paragraphs
from clerkdesk.storage.database import open_database

pytestmark = pytest.mark.postgresql

Alt = Qt.KeyboardModifier.AltModifier
BASE = "The Committee noted the report."
THEIRS = "The Sub-Committee noted the report."
MINE = "The Committee noted the report and thanked the officer."


@pytest.fixture
def clash(qtbot, pg_url):
    """The window shows BASE; a colleague (rbrown) saves THEIRS; this clerk then types MINE."""
    meeting = build_database(pg_url, [[(BASE, 0)]])
    rig = open_editor(meeting)
    qtbot.addWidget(rig.editor)
    qtbot.waitExposed(rig.editor)
    pid = rig.editor.paragraphs.ids()[0]
    colleague = open_database(pg_url)
    colleague.clerk = "rbrown"
    paragraphs.edit_text(colleague, pid, THEIRS)
    colleague.close()
    rig.editor.moveCursor(rig.editor.textCursor().MoveOperation.End)
    QTest.keyClick(rig.editor, Qt.Key.Key_Backspace)
    type_text(rig.editor, " and thanked the officer.")
    yield rig, pid
    rig.db.close()


def _stored(rig, pid):
    [(text,)] = raw_rows(rig.db, f"SELECT text FROM paragraph WHERE id = {pid}")
    return text


def _history(rig, pid):
    return raw_rows(rig.db, "SELECT before, after, clerk FROM paragraph_revision "
                            f"WHERE paragraph_id = {pid} ORDER BY id")


def _resolve(qtbot, rig, steps):
    """Save (the stale save is refused) and drive the dialog; what it showed is returned."""
    seen = {}

    def look_then(dialog):
        seen["theirs"] = dialog.findChild(object, "theirsText").toPlainText()
        seen["mine"] = dialog.findChild(object, "mineText").toPlainText()
        seen["base"] = dialog.findChild(object, "baseText").toPlainText()
        seen["state"] = rig.states[-1]
        seen["pending"] = rig.autosaver.pending
        seen["stored"] = _stored(rig, rig.editor.paragraphs.ids()[0])
        steps(dialog)
        qtbot.waitUntil(lambda: not dialog.isVisible())  # a mnemonic clicks after a moment

    outcome = drive_modal("conflictDialog", look_then)
    assert rig.autosaver.flush() is False  # refused: the colleague's text is newer
    qtbot.waitUntil(lambda: bool(outcome), timeout=5000)
    assert outcome == ["done"]
    return seen


def test_the_dialog_shows_both_texts_and_nothing_is_saved_while_it_is_open(qtbot, clash):
    rig, pid = clash
    seen = _resolve(qtbot, rig, lambda dialog: QTest.keyClick(focused(), Qt.Key.Key_T, Alt))
    assert (seen["theirs"], seen["mine"], seen["base"]) == (THEIRS, MINE, BASE)
    assert seen["state"][0].startswith("NOT SAVED") and seen["state"][1] is False
    assert seen["pending"] == {pid: MINE}
    assert seen["stored"] == THEIRS


def test_keep_mine_saves_over_theirs_and_the_history_keeps_theirs(qtbot, clash):
    rig, pid = clash
    _resolve(qtbot, rig, lambda dialog: QTest.keyClick(focused(), Qt.Key.Key_K, Alt))
    assert _stored(rig, pid) == MINE
    assert _history(rig, pid) == [(BASE, THEIRS, "rbrown"), (THEIRS, MINE, "postgres")]
    assert rig.shown_rows() == [(MINE, 0)]
    assert rig.autosaver.pending == {} and rig.states[-1][1] is True
    type_text(rig.editor, " Agreed.")  # the next save is based on the version just saved
    assert rig.autosaver.flush()
    assert _stored(rig, pid) == MINE + " Agreed."


def test_take_theirs_shows_their_text_and_stores_nothing_of_mine(qtbot, clash):
    rig, pid = clash
    _resolve(qtbot, rig, lambda dialog: QTest.keyClick(focused(), Qt.Key.Key_T, Alt))
    assert _stored(rig, pid) == THEIRS
    assert _history(rig, pid) == [(BASE, THEIRS, "rbrown")]
    assert rig.shown_rows() == [(THEIRS, 0)]
    assert rig.autosaver.pending == {} and rig.states[-1][1] is True
    type_text(rig.editor, " Agreed.")
    assert rig.autosaver.flush()
    assert _stored(rig, pid).endswith(" Agreed.")


def test_edit_merged_offers_both_changes_and_saves_the_edited_merge(qtbot, clash):
    rig, pid = clash
    merged = "The Sub-Committee noted the report and thanked the officer."

    def edit(dialog):
        QTest.keyClick(focused(), Qt.Key.Key_E, Alt)
        box = dialog.findChild(object, "mergedText")
        qtbot.waitUntil(box.hasFocus)
        assert box.toPlainText() == merged
        QTest.keyClick(box, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClicks(box, " Thanks were recorded.")
        QTest.keyClick(focused(), Qt.Key.Key_S, Alt)

    _resolve(qtbot, rig, edit)
    final = merged + " Thanks were recorded."
    assert _stored(rig, pid) == final
    assert _history(rig, pid) == [(BASE, THEIRS, "rbrown"), (THEIRS, final, "postgres")]
    assert rig.shown_rows() == [(final, 0)]


def test_escape_keeps_the_paragraph_unsaved_and_typing_asks_again(qtbot, clash):
    rig, pid = clash
    _resolve(qtbot, rig, lambda dialog: QTest.keyClick(focused(), Qt.Key.Key_Escape))
    assert _stored(rig, pid) == THEIRS
    assert rig.autosaver.pending == {pid: MINE} and rig.states[-1][1] is False
    type_text(rig.editor, " Later.")
    _resolve(qtbot, rig, lambda dialog: QTest.keyClick(focused(), Qt.Key.Key_K, Alt))
    assert _stored(rig, pid) == MINE + " Later."


def test_enter_in_a_paragraph_a_colleague_changed_shows_theirs_and_changes_nothing(qtbot,
                                                                                   tmp_path):
    """The same check on a file shared by two ClerkDesks (no live updates there)."""
    meeting = build_database(tmp_path / "shared.sqlite", [[(BASE, 0)]])
    rig = open_editor(meeting)
    qtbot.addWidget(rig.editor)
    try:
        pid = rig.editor.paragraphs.ids()[0]
        colleague = open_database(meeting.path)
        paragraphs.edit_text(colleague, pid, THEIRS)
        colleague.close()
        rig.editor.set_caret(pid, len("The Committee"))
        QTest.keyClick(rig.editor, Qt.Key.Key_Return)
        assert rig.errors and "Another clerk changed this paragraph" in rig.errors[-1]
        assert rig.file_rows() == [(THEIRS, 0)]
        assert rig.shown_rows() == [(THEIRS, 0)]
    finally:
        rig.db.close()
