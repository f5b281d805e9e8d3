"""Files written by earlier ClerkDesk versions open (upgraded after a backup) with nothing lost."""

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
