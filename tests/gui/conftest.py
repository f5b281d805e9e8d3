"""GUI fixtures: settings kept in tmp_path, a database with two meetings, an open main window."""

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from clerkdesk.domain.enums import AttendanceStatus, ParagraphStyle, PersonKind, Role


@pytest.fixture(autouse=True)
def settings_in_tmp(tmp_path: Path):
    """QSettings as an ini file under tmp_path, so tests never touch the user's settings."""
    folder = tmp_path / "qt-settings"
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder
    QSettings.setDefaultFormat(QSettings.Format.NativeFormat)


@dataclass(frozen=True)
class SampleDatabase:
    path: Path
    older_meeting_id: int
    newer_meeting_id: int


def _build_sample(path: Path) -> SampleDatabase:
    from clerkdesk.domain.flag_fields import RequestFields, ResolutionFields
    from clerkdesk.domain.mentions import ANONYMOUS_TOKEN, person_token
    from clerkdesk.services.committees import find_or_create_committee
    from clerkdesk.services.flags import add_flag_in
    from clerkdesk.services.meetings import add_item_in, create_meeting_in
    from clerkdesk.services.paragraphs import add_paragraph_in
    from clerkdesk.services.people import add_person_in, set_attendance_in, set_membership_in
    from clerkdesk.storage.database import open_database

    db = open_database(path)
    with db.transaction() as session:
        committee = find_or_create_committee(session, "SEND Sub-Committee", "Kent County Council")
        member = add_person_in(session, title="Mr", given_name="Rory", family_name="Love",
                               kind=PersonKind.MEMBER)
        officer = add_person_in(session, given_name="Sarah", family_name="Hammond",
                                kind=PersonKind.OFFICER, job_title="Corporate Director")
        set_membership_in(session, committee.id, member.id, Role.MEMBER)
        older = create_meeting_in(session, committee.id, dt.date(2023, 6, 6), venue="Maidstone")
        set_attendance_in(session, older.id, member.id, AttendanceStatus.PRESENT)
        item = add_item_in(session, older.id, "Improvement Notice Update")
        add_paragraph_in(session, item.id, f"{person_token(member.id)} introduced the report.")
        asked = add_paragraph_in(
            session, item.id, f"{ANONYMOUS_TOKEN} asked about waiting lists & <timescales>."
        )
        add_paragraph_in(session, item.id, f"{person_token(officer.id)} would reply in writing.",
                         level=1)
        add_flag_in(session, asked.id,
                    RequestFields(what="Waiting list figures", asked_of_body="CYPE"))
        resolved = add_paragraph_in(session, item.id, "The Sub-Committee noted the report.",
                                    style=ParagraphStyle.RESOLUTION)
        add_flag_in(session, resolved.id, ResolutionFields())
        exempt = add_item_in(session, older.id, "Transport contract", exempt=True,
                             exempt_paragraph=3)
        add_paragraph_in(session, exempt.id, "The commercial terms were considered.")
        newer = create_meeting_in(session, committee.id, dt.date(2023, 7, 11),
                                  agenda=["Apologies and Substitutes"])
        ids = older.id, newer.id
    db.close()
    return SampleDatabase(path, *ids)


@pytest.fixture
def sample_db(tmp_path: Path) -> SampleDatabase:
    return _build_sample(tmp_path / "sample.sqlite")


@pytest.fixture
def open_window(qtbot):
    """A function that shows a new MainWindow on a database target (closed at teardown)."""
    from clerkdesk.ui.main_window import MainWindow

    def make(target: Path | str | None = None, is_default: bool = False) -> MainWindow:
        window = MainWindow()
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=2000)
        if target is not None:
            window.start(str(target), is_default)
        return window

    return make


@pytest.fixture
def captured_errors(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Message boxes recorded as (title, text) instead of blocking the test."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[tuple[str, str]] = []

    def record(_parent, title, text, *_args, **_kwargs):
        shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", record)
    monkeypatch.setattr(QMessageBox, "critical", record)
    return shown
