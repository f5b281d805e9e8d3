"""File › Import minutes… shows a preview first; the clerk marks lines and picks the numbering
by keyboard, and what is stored follows those choices."""

import sqlite3
from pathlib import Path

from PySide6.QtGui import QKeySequence
from support.modal import drive_modal, focused

MINUTES = """Budget Panel
Minutes of the meeting held on 3 March 2024

1. Budget

1) First point.
Not minutes at all
Reserves
2) Second point.
"""


def rows(path: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(path) as connection:
        return connection.execute(sql).fetchall()


def press(qtbot, sequence: str) -> None:
    combination = QKeySequence(sequence)[0]
    qtbot.keyClick(focused(), combination.key(), combination.keyboardModifiers())


def test_preview_marks_lines_and_numbering_by_keyboard(open_window, sample_db, tmp_path, qtbot,
                                                       monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "information", lambda *_a, **_k: None)
    source = tmp_path / "budget.txt"
    source.write_text(MINUTES, encoding="utf-8")
    before = source.read_bytes()
    window = open_window(sample_db.path)
    seen: list[str] = []

    def steps(dialog) -> None:
        assert focused().objectName() == "importLines"
        seen.append(dialog.summary.toPlainText())
        for _ in range(4):
            press(qtbot, "Down")
        press(qtbot, "S")  # "Not minutes at all": left out; the next line is current
        press(qtbot, "I")  # "Reserves": an item heading
        seen.append(dialog.summary.toPlainText())
        press(qtbot, "Alt+N")
        assert focused().objectName() == "importScheme"
        press(qtbot, "Down")
        press(qtbot, "Down")  # 1. (a) (i)
        press(qtbot, "Return")

    outcome = drive_modal("importPreviewDialog", steps)
    meeting_id = window.import_minutes(source)
    assert outcome == ["done"]
    assert "Items: 1" in seen[0] and "Items: 2" in seen[1]
    assert "  (no number)  Reserves: 1 paragraph" in seen[1]
    assert meeting_id is not None
    assert rows(sample_db.path, f"SELECT title FROM agenda_item WHERE meeting_id={meeting_id} "
                                "ORDER BY position") == [("Budget",), ("Reserves",)]
    texts = rows(sample_db.path, "SELECT p.text FROM paragraph p JOIN agenda_item i ON "
                                 f"p.item_id=i.id WHERE i.meeting_id={meeting_id} "
                                 "ORDER BY i.position, p.position")
    assert texts == [("First point.",), ("Second point.",)]
    assert rows(sample_db.path, "SELECT paragraph_scheme FROM committee WHERE name="
                                "'Budget Panel'") == [("dot",)]
    assert source.read_bytes() == before


def test_escape_in_the_preview_imports_nothing(open_window, sample_db, tmp_path, qtbot):
    source = tmp_path / "budget.txt"
    source.write_text(MINUTES, encoding="utf-8")
    window = open_window(sample_db.path)
    count = rows(sample_db.path, "SELECT count(*) FROM meeting")
    outcome = drive_modal("importPreviewDialog", lambda _d: press(qtbot, "Escape"))
    assert window.import_minutes(source) is None
    assert outcome == ["done"]
    assert rows(sample_db.path, "SELECT count(*) FROM meeting") == count
