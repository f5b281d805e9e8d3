"""A database with one meeting and its items, and the live-minutes editor wired to it.

`build_database` needs no Qt, so a parent process can prepare the file a child will edit.
`open_editor` needs a QApplication; it wires MinuteEditor + EditorController + Autosaver +
QUndoStack exactly as the app does and records the autosaver's state messages. `type_text`
types any text by key events.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

Row = tuple[str, int]  # (stored text, level)


@dataclass(frozen=True)
class SampleMeeting:
    path: Path | str  # a file, or a database URL (team mode)
    meeting_id: int
    item_ids: tuple[int, ...]


def build_database(path: Path | str, items: Sequence[Sequence[Row]] = ((),),
                   titles: Sequence[str] = ()) -> SampleMeeting:
    """A new database file holding one meeting whose items carry the given paragraphs."""
    from clerkdesk.services.committees import find_or_create_committee
    from clerkdesk.services.meetings import add_item_in, create_meeting_in
    from clerkdesk.services.paragraphs import add_paragraph_in
    from clerkdesk.storage.database import open_database

    db = open_database(path)
    try:
        with db.transaction() as session:
            committee = find_or_create_committee(session, "SEND Sub-Committee", "Kent CC")
            meeting = create_meeting_in(session, committee.id, dt.date(2023, 7, 11))
            ids = []
            for index, rows in enumerate(items):
                title = titles[index] if index < len(titles) else f"Agenda item {index + 1}"
                item = add_item_in(session, meeting.id, title)
                for text, level in rows:
                    add_paragraph_in(session, item.id, text, level)
                ids.append(item.id)
            target = path if "://" in str(path) else Path(path)
            return SampleMeeting(target, meeting.id, tuple(ids))
    finally:
        db.close()


def stored_rows(path: Path | str, item_id: int) -> list[tuple[str, int, int]]:
    """(text, level, position) of an item's paragraphs, read from the file with plain sqlite3
    (or from a team database URL with psycopg)."""
    if "://" in str(path):
        return _server_rows(str(path), item_id)
    connection = sqlite3.connect(str(path))
    try:
        return list(connection.execute(
            "SELECT text, level, position FROM paragraph WHERE item_id = ? ORDER BY position",
            (item_id,),
        ))
    finally:
        connection.close()


def _server_rows(url: str, item_id: int) -> list[tuple[str, int, int]]:
    import psycopg
    from sqlalchemy import make_url

    parsed = make_url(url)
    with psycopg.connect(host=parsed.host, port=parsed.port, user=parsed.username,
                         password=parsed.password, dbname=parsed.database) as connection:
        return [tuple(row) for row in connection.execute(
            "SELECT text, level, position FROM paragraph WHERE item_id = %s ORDER BY position",
            (item_id,))]


@dataclass
class EditorRig:
    """The wired editor and what it reported."""

    db: object
    editor: object
    stack: object
    autosaver: object
    controller: object
    meeting: SampleMeeting
    states: list[tuple[str, bool]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    waiting: list[int] = field(default_factory=list)  # offline journal counts reported

    @property
    def item_id(self) -> int:
        return self.controller.item_id

    def shown_rows(self) -> list[tuple[str, int]]:
        """(stored text, level) of every paragraph the editor shows, in order."""
        paragraphs = self.editor.paragraphs
        return [(d.text, d.level) for d in map(paragraphs.data, paragraphs.blocks())
                if d.id]

    def shown_texts(self) -> dict[int, str]:
        paragraphs = self.editor.paragraphs
        return {d.id: d.text for d in map(paragraphs.data, paragraphs.blocks()) if d.id}

    def file_rows(self) -> list[tuple[str, int]]:
        return [(text, level) for text, level, _ in stored_rows(self.meeting.path, self.item_id)]

    def close(self) -> None:
        self.autosaver.flush()
        self.editor.close()
        self.editor.deleteLater()
        self.db.close()


def open_editor(meeting: SampleMeeting, item_index: int = 0) -> EditorRig:
    """Show the meeting's item in a real MinuteEditor wired like the app (QApplication needed)."""
    from PySide6.QtGui import QUndoStack

    from clerkdesk.services import workspace
    from clerkdesk.storage.database import open_database
    from clerkdesk.ui.editor.autosave import Autosaver
    from clerkdesk.ui.editor.controller import EditorController
    from clerkdesk.ui.editor.minute_editor import MinuteEditor
    from clerkdesk.ui.team.conflicts import ConflictResolver
    from support.refleak import shield

    shield()  # PySide6 6.12.0 would otherwise abort a typing process (see refleak)
    db = open_database(meeting.path)
    editor = MinuteEditor()
    editor.resize(900, 700)
    stack = QUndoStack(editor)
    autosaver = Autosaver(db, editor)
    controller = EditorController(
        db, editor, stack, autosaver, lambda: workspace.meeting_outline(db, meeting.meeting_id),
        lambda: None,
    )
    names = workspace.meeting_outline(db, meeting.meeting_id).names
    ConflictResolver(controller, lambda person: names.get(person, "[unknown]"))
    rig = EditorRig(db, editor, stack, autosaver, controller, meeting)
    autosaver.stateChanged.connect(lambda message, ok: rig.states.append((message, ok)))
    autosaver.offline.waitingChanged.connect(rig.waiting.append)
    controller.errorReported.connect(rig.errors.append)
    controller.show_item(meeting.item_ids[item_index])
    editor.show()
    editor.activateWindow()
    editor.setFocus()
    return rig


def first_meeting(path: Path | str) -> SampleMeeting:
    """The first meeting in a file built by `build_database`, read with plain sqlite3."""
    connection = sqlite3.connect(str(path))
    try:
        (meeting_id,) = connection.execute("SELECT min(id) FROM meeting").fetchone()
        items = connection.execute(
            "SELECT id FROM agenda_item WHERE meeting_id = ? ORDER BY position", (meeting_id,)
        ).fetchall()
    finally:
        connection.close()
    return SampleMeeting(Path(path), meeting_id, tuple(item for (item,) in items))


def type_text(widget: object, text: str) -> None:
    """Type text by key events; characters QTest cannot map to a key (–, ’, £) are sent as
    key events carrying the character, as a keyboard layout that has them would send them."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    run = ""
    for char in text + "\0":
        if char.isascii() and char != "\0":
            run += char
            continue
        if run:
            QTest.keyClicks(widget, run)
            run = ""
        if char != "\0":
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
                QApplication.sendEvent(widget, event)
