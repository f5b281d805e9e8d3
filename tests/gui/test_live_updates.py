"""Two clerks on one meeting of the team database: a colleague's changes appear in the open
window without reopening it (LISTEN/NOTIFY), never over text being typed; one colleague is a
separate process."""

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from support.editor_harness import build_database, type_text
from support.modal import drive_modal, focused
from support.raw_sql import raw_rows

from clerkdesk.domain.enums import AttendanceStatus
from clerkdesk.services import meetings, paragraphs, people, roster, team_events
from clerkdesk.storage.database import open_database

pytestmark = pytest.mark.postgresql

HELPER = Path(__file__).parents[1] / "support" / "team_clerk.py"
FIRST = "Mr Love introduced the report."
SECOND = "The Sub-Committee noted the report."


@pytest.fixture
def team(open_window, pg_url, qtbot, monkeypatch):
    """The window shows item 1 of a meeting on the team database; `colleague` is a second
    clerk (rbrown) on the same database."""
    from clerkdesk.ui.main_window import MainWindow

    # A failed test may leave text unsaved: closing must not wait for an answer.
    monkeypatch.setattr(MainWindow, "_quit_without_saving", lambda _self: True)
    meeting = build_database(pg_url, [[(FIRST, 0), (SECOND, 0)], [("Minutes agreed.", 0)]])
    window = open_window(pg_url)
    window.open_meeting(meeting.meeting_id)
    ws = window.meetings.workspace
    qtbot.waitUntil(lambda: ws.live.listener is not None)
    colleague = open_database(pg_url)
    colleague.clerk = "rbrown"
    yield ws, colleague, meeting
    colleague.close()


def _shown(ws) -> list[str]:
    paragraphs_ = ws.editor.paragraphs
    return [d.text for d in map(paragraphs_.data, paragraphs_.blocks()) if d.id]


def _stored(ws, pid: int) -> str:
    [(text,)] = raw_rows(ws.db, "SELECT text FROM paragraph WHERE id = ?", pid)
    return text


def _revisions(ws, pid: int) -> int:
    [(count,)] = raw_rows(ws.db, "SELECT count(*) FROM paragraph_revision WHERE paragraph_id = ?",
                          pid)
    return count


def test_a_colleagues_text_appears_and_typing_on_it_saves_without_a_conflict(team, qtbot):
    ws, colleague, _meeting = team
    first, second = ws.editor.paragraphs.ids()
    ws.editor.set_caret(first, 5)
    paragraphs.edit_text(colleague, second, "The Sub-Committee noted the report, as amended.")
    qtbot.waitUntil(lambda: _shown(ws)[1].endswith("as amended."))
    assert ws.editor.caret() == (first, 5)  # the caret stayed where the clerk was
    ws.editor.set_caret(second, len(_shown(ws)[1]))
    type_text(ws.editor, " Agreed.")
    assert ws.autosaver.flush()  # based on the colleague's version: no conflict
    assert _stored(ws, second) == "The Sub-Committee noted the report, as amended. Agreed."


def test_a_colleagues_new_paragraph_agenda_item_and_roster_change_appear(team, qtbot):
    ws, colleague, meeting = team
    item = meeting.item_ids[0]
    paragraphs.add_paragraph(colleague, item, "Cllr Adeyemi asked about parking.", position=1)
    qtbot.waitUntil(lambda: len(_shown(ws)) == 3)
    assert _shown(ws) == [FIRST, "Cllr Adeyemi asked about parking.", SECOND]
    meetings.add_item(colleague, meeting.meeting_id, "Any other business")
    qtbot.waitUntil(lambda: ws.agenda.model.rowCount() == 3)
    assert ws.agenda.model.items[-1].title == "Any other business"
    person = people.add_person(colleague, "Amara", "Adeyemi", "Cllr")
    roster.set_status(colleague, meeting.meeting_id, person, AttendanceStatus.PRESENT)
    qtbot.waitUntil(lambda: any(row.person_id == person and row.status is not None
                                for row in ws.roster.model.rows))


def test_text_being_typed_is_not_replaced_and_the_save_asks(team, qtbot):
    ws, colleague, _meeting = team
    first, _second = ws.editor.paragraphs.ids()
    ws.editor.set_caret(first, len(FIRST))
    ws.autosaver._timer.setInterval(60_000)  # keep the typing unsaved while the colleague saves
    type_text(ws.editor, " He thanked officers.")
    applied: list = []
    ws.live.applied.connect(applied.append)
    paragraphs.edit_text(colleague, first, "Mr Love presented the report.")
    qtbot.waitUntil(lambda: bool(applied))
    assert _shown(ws)[0] == FIRST + " He thanked officers."  # not replaced under the caret

    def keep_mine(dialog):
        QTest.keyClick(focused(), Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda: not dialog.isVisible())

    outcome = drive_modal("conflictDialog", keep_mine)
    assert ws.autosaver.flush() is False
    qtbot.waitUntil(lambda: bool(outcome))
    assert outcome == ["done"]
    assert _stored(ws, first) == FIRST + " He thanked officers."
    assert _revisions(ws, first) == 2  # theirs and mine, each kept


def test_being_edited_by_shows_in_the_agenda_and_expires(team, qtbot, monkeypatch):
    from clerkdesk.ui.team import live_updates

    ws, colleague, meeting = team
    other = team_events.Listener(colleague)
    try:
        other.announce_typing(meeting.meeting_id, meeting.item_ids[1], "rbrown")
    finally:
        other.close()
    model = ws.agenda.model
    qtbot.waitUntil(lambda: "being edited by rbrown" in model.data(model.index(1)))
    assert "being edited" not in model.data(model.index(0))
    monkeypatch.setattr(live_updates, "TYPING_EXPIRY_S", 0.0)
    qtbot.waitUntil(lambda: "being edited" not in model.data(model.index(1)))


def test_typing_in_the_window_tells_a_colleague(team, qtbot):
    import select

    ws, colleague, meeting = team
    listener = team_events.Listener(colleague)
    try:
        ws.editor.set_caret(ws.editor.paragraphs.ids()[0], 0)
        type_text(ws.editor, "A")
        events: list = []
        while not any(e.kind == team_events.TYPING for e in events):
            assert select.select([listener.fileno()], [], [], 10)[0], "no typing notice"
            events += listener.read()
    finally:
        listener.close()
    [typing] = [e for e in events if e.kind == team_events.TYPING]
    assert (typing.item, typing.clerk) == (meeting.item_ids[0], "postgres")


# --- a colleague in another process -----------------------------------------------------------
def test_another_process_saves_and_the_window_shows_it(team, qtbot, pg_url):
    ws, _colleague, _meeting = team
    _first, second = ws.editor.paragraphs.ids()
    process = subprocess.Popen([sys.executable, str(HELPER), pg_url, str(second),
                                "The Sub-Committee deferred the report."],
                               stdout=subprocess.PIPE, text=True)
    try:
        qtbot.waitUntil(lambda: _shown(ws)[1] == "The Sub-Committee deferred the report.",
                        timeout=20_000)
    finally:
        process.communicate(timeout=30)
    assert process.returncode == 0


def test_a_stale_save_against_another_process_asks_and_loses_nothing(team, qtbot, pg_url):
    ws, _colleague, _meeting = team
    first, _second = ws.editor.paragraphs.ids()
    ws.editor.set_caret(first, len(FIRST))
    type_text(ws.editor, " He thanked officers.")
    # The other clerk saves while this window is busy (the event loop waits): the typing above
    # is still unsaved, so this window's save is based on the version before theirs.
    subprocess.run([sys.executable, str(HELPER), pg_url, str(first),
                    "Mr Love presented the report."], check=True, capture_output=True,
                   timeout=60)
    seen: dict = {}

    def merge(dialog):
        seen["theirs"] = dialog.findChild(object, "theirsText").toPlainText()
        QTest.keyClick(focused(), Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
        box = dialog.findChild(object, "mergedText")
        qtbot.waitUntil(box.hasFocus)
        seen["merged"] = box.toPlainText()
        QTest.keyClick(focused(), Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda: not dialog.isVisible())

    outcome = drive_modal("conflictDialog", merge)
    assert ws.autosaver.flush() is False
    qtbot.waitUntil(lambda: bool(outcome))
    assert outcome == ["done"]
    assert seen == {"theirs": "Mr Love presented the report.",
                    "merged": "Mr Love presented the report. He thanked officers."}
    assert _stored(ws, first) == "Mr Love presented the report. He thanked officers."
    assert _revisions(ws, first) == 2
    assert raw_rows(ws.db, "SELECT clerk FROM paragraph_revision WHERE paragraph_id = ? "
                           "ORDER BY id", first) == [("rbrown",), ("postgres",)]
