"""Files written by earlier ClerkDesk versions open (upgraded after a backup) with nothing lost."""

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

from clerkdesk.export.plaintext import render_minutes
from clerkdesk.services import meetings, minutes
from clerkdesk.storage import migrations
from clerkdesk.storage.database import open_database

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_version_1_file_opens_with_its_minutes(tmp_path):
    path = tmp_path / "old.sqlite"
    shutil.copy(FIXTURES / "clerkdesk-v1.sqlite", path)
    db = open_database(path)
    try:
        if migrations.SCHEMA_VERSION > 1:
            assert db.upgrade_backup is not None and db.upgrade_backup.exists()
        [meeting] = meetings.list_meetings(db)
        text = render_minutes(minutes.load_minutes(db, meeting.id))
    finally:
        db.close()
    assert "Adult Social Care Scrutiny Sub-Committee" in text
    assert "3) A Member asked how many people were still waiting" in text
    assert "    a) Tomasz Nowak replied that 63 people were waiting" in text
    version = sqlite3.connect(path).execute(
        "SELECT value FROM clerkdesk_meta WHERE key='schema_version'").fetchone()
    assert version == (str(migrations.SCHEMA_VERSION),)


NEW_IN_VERSION_3 = {
    "paragraph": {"generated"},
    "committee": {"resolution_style"},
    "action_flag": {"done_on", "done_at_meeting_id"},
}


def _columns(path: Path, table: str) -> set[str]:
    return {row[1] for row in sqlite3.connect(path).execute(f"PRAGMA table_info({table})")}


def test_version_1_file_gains_the_version_3_columns_and_its_flags_work(tmp_path):
    from clerkdesk.services.request_log import request_log

    path = tmp_path / "old.sqlite"
    shutil.copy(FIXTURES / "clerkdesk-v1.sqlite", path)
    assert not any(NEW_IN_VERSION_3[t] & _columns(path, t) for t in NEW_IN_VERSION_3)
    db = open_database(path)
    try:
        [meeting] = meetings.list_meetings(db)
        log = request_log(db, meeting.committee_id)
        text = render_minutes(minutes.load_minutes(db, meeting.id))
    finally:
        db.close()
    for table, columns in NEW_IN_VERSION_3.items():
        assert columns <= _columns(path, table), table
    styles = sqlite3.connect(path).execute("SELECT resolution_style FROM committee").fetchall()
    assert styles and {style for (style,) in styles} == {"dash"}
    assert len(log) == 3 and {entry.status for entry in log} == {"outstanding"}
    assert "RESOLVED" in text


def test_version_2_file_is_upgraded_to_version_3(tmp_path):
    """A version-2 file made by removing the version-3 columns from a new file."""
    from clerkdesk.services.committees import create_committee

    path = tmp_path / "v2.sqlite"
    db = open_database(path)
    meeting_id = meetings.create_meeting(db, create_committee(db, "Cabinet"), dt.date(2024, 1, 9),
                                         agenda=["Budget"])
    db.close()
    connection = sqlite3.connect(path)
    for table, columns in NEW_IN_VERSION_3.items():
        for column in sorted(columns):
            connection.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    connection.execute("UPDATE clerkdesk_meta SET value='2' WHERE key='schema_version'")
    connection.commit()
    connection.close()

    db = open_database(path)
    try:
        assert db.upgrade_backup is not None
        assert [i.title for i in minutes.load_minutes(db, meeting_id).items] == ["Budget"]
    finally:
        db.close()
    for table, columns in NEW_IN_VERSION_3.items():
        assert columns <= _columns(path, table), table
    assert sqlite3.connect(path).execute(
        "SELECT value FROM clerkdesk_meta WHERE key='schema_version'").fetchone() == ("3",)
