"""File › Connect to team database…: the clerk types where the server is and, when asked, the
password; the team's meetings are then listed. The password is never stored."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QListView
from support.modal import drive_modal, focused, focused_name
from support.pg_server import PASSWORD, SUPERUSER

pytestmark = pytest.mark.postgresql


def _type_into_focused(text: str) -> None:
    QTest.keyClick(focused(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(focused(), text)
    QTest.keyClick(focused(), Qt.Key.Key_Tab)


def _fill_in(port: int, database: str, then_password: str | None, asked: list[list[str]]):
    def steps(_dialog) -> None:
        assert focused_name() == "host"
        for field, text in (("host", "127.0.0.1"), ("port", str(port)),
                            ("database", database), ("user", SUPERUSER)):
            assert focused_name() == field
            _type_into_focused(text)
        if then_password is not None:
            asked.append(drive_modal("passwordDialog", lambda _d: (
                QTest.keyClicks(focused(), then_password),
                QTest.keyClick(focused(), Qt.Key.Key_Return))))
        QTest.keyClick(focused(), Qt.Key.Key_Return)

    return steps


def _listed(window) -> list[str]:
    view = window.findChild(QListView, "meetingList")
    model = view.model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_connect_by_keyboard_with_a_typed_password(open_window, sample_db, pg_server, qtbot,
                                                   settings_in_tmp):
    from clerkdesk.services.committees import create_committee
    from clerkdesk.services.meetings import create_meeting
    from clerkdesk.storage.database import open_database

    name = pg_server.new_database()
    team = open_database(pg_server.url(name))
    create_meeting(team, create_committee(team, "Licensing Committee"), dt.date(2026, 11, 3))
    team.close()
    window = open_window(sample_db.path)
    asked: list[list[str]] = []
    outcome = drive_modal("teamDatabaseDialog", _fill_in(pg_server.port, name, PASSWORD, asked))
    assert window.connect_team_database() is True
    assert outcome == ["done"] and asked == [["done"]]
    assert window.database.current.engine.url.database == name
    label = window.database.current.label
    assert label == f"postgresql://postgres@127.0.0.1:{pg_server.port}/{name}"
    assert window.windowTitle().startswith(label)
    qtbot.waitUntil(lambda: _listed(window) == ["3 Nov 2026 — Licensing Committee"])
    stored = "\n".join(p.read_text() for p in settings_in_tmp.rglob("*") if p.is_file())
    assert PASSWORD not in stored


def test_cancelling_the_password_keeps_the_file_open(open_window, sample_db, pg_server):
    window = open_window(sample_db.path)
    asked: list[list[str]] = []

    def cancel_password(_dialog) -> None:
        QTest.keyClick(focused(), Qt.Key.Key_Escape)

    def steps(dialog) -> None:
        _fill_in(pg_server.port, "postgres", None, asked)(dialog)

    asked.append(drive_modal("passwordDialog", cancel_password))
    outcome = drive_modal("teamDatabaseDialog", steps)
    assert window.connect_team_database() is False
    assert outcome == ["done"] and asked == [["done"]]
    assert window.database.current.path == sample_db.path
    QApplication.processEvents()
