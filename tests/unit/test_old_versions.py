"""Files written by earlier ClerkDesk versions open (upgraded after a backup) with nothing lost."""

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

from support.published import shown as render_minutes

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


# What each schema version added: (columns by table, new tables). A file of an older version
# is made by removing everything added after it from a new file.
ADDED_IN_VERSION = {
    3: (NEW_IN_VERSION_3, set()),
    4: ({"committee": {"review_expects_resolution", "review_long_paragraph_words",
                       "review_outstanding_meetings"}},
        {"review_dismissal", "glossary_entry"}),
    5: ({"meeting": {"approved_on", "approved_at_meeting_id", "approved_by_id", "published_on"}},
        {"paragraph_revision", "correction_note"}),
    6: ({"committee": {"remote_counts_for_quorum"}}, set()),
    7: ({"committee": {"moderngov_site", "moderngov_committee_id"},
         "meeting": {"moderngov_meeting_id"}, "person": {"moderngov_id"}}, set()),
    9: ({}, {"committee_word", "ignored_word", "house_style"}),  # spelling
    10: ({"committee": {"agenda_template"}}, set()),  # standard agenda items
    11: ({"paragraph_revision": {"clerk"}, "flag": {"changed_by"},  # team mode
          "meeting": {"approval_recorded_by"}, "paragraph": {"version"}}, set()),
    12: ({"committee": {"exempt_wording"}}, set()),  # exempt item wording
    13: ({"meeting": {"export_accepted"}}, set()),  # Export anyway, per meeting
    14: ({"committee": {"time_form", "signature_block"}}, {"adjournment"}),  # the close
    15: ({}, set()),  # lookup indexes (storage/indexes.py; tests/unit/test_lookup_indexes.py)
    16: ({}, set()),  # team mode: change notices (PostgreSQL triggers only)
}


def _tables(path: Path) -> set[str]:
    rows = sqlite3.connect(path).execute("SELECT name FROM sqlite_master WHERE type='table'")
    return {name for (name,) in rows}


def _make_version(path: Path, version: int) -> None:
    """Turn a new file at `path` into one of schema `version`."""
    connection = sqlite3.connect(path)
    drop_search_index(connection)  # every version before the current one lacked it
    for added_in, (columns, tables) in sorted(ADDED_IN_VERSION.items(), reverse=True):
        if added_in <= version:
            continue
        for table in sorted(tables):
            connection.execute(f"DROP TABLE {table}")
        for table, names in columns.items():
            for column in sorted(names):
                connection.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    connection.execute(f"UPDATE clerkdesk_meta SET value='{version}' WHERE key='schema_version'")
    connection.commit()
    connection.close()


def drop_search_index(connection: sqlite3.Connection) -> None:
    from clerkdesk.storage.search_index import INDEX, SOURCE

    triggers = connection.execute(
        "SELECT name FROM sqlite_master WHERE type='trigger' AND name LIKE ?", (f"{INDEX}_%",))
    for (name,) in triggers.fetchall():
        connection.execute(f"DROP TRIGGER {name}")
    connection.execute(f"DROP TABLE IF EXISTS {INDEX}")
    connection.execute(f"DROP VIEW IF EXISTS {SOURCE}")


def _assert_current(path: Path) -> None:
    assert "search_index" in _tables(path)
    for columns, tables in ADDED_IN_VERSION.values():
        for table, names in columns.items():
            assert names <= _columns(path, table), table
        assert tables <= _tables(path)
    assert sqlite3.connect(path).execute(
        "SELECT value FROM clerkdesk_meta WHERE key='schema_version'").fetchone() == (
        str(migrations.SCHEMA_VERSION),)


def test_version_2_file_is_upgraded_to_the_current_version(tmp_path):
    """A version-2 file made by removing what later versions added from a new file."""
    from clerkdesk.services.committees import create_committee

    path = tmp_path / "v2.sqlite"
    db = open_database(path)
    meeting_id = meetings.create_meeting(db, create_committee(db, "Cabinet"), dt.date(2024, 1, 9),
                                         agenda=["Budget"])
    db.close()
    _make_version(path, 2)
    assert not NEW_IN_VERSION_3["paragraph"] & _columns(path, "paragraph")

    db = open_database(path)
    try:
        assert db.upgrade_backup is not None
        assert [i.title for i in minutes.load_minutes(db, meeting_id).items] == ["Budget"]
    finally:
        db.close()
    _assert_current(path)


def test_version_3_file_gains_review_settings_dismissals_and_glossary(tmp_path):
    from clerkdesk.domain.acronyms import DEFAULT_GLOSSARY
    from clerkdesk.domain.review import ReviewSettings
    from clerkdesk.services import review
    from clerkdesk.services.committees import create_committee
    from clerkdesk.services.paragraphs import add_paragraph

    path = tmp_path / "v3.sqlite"
    db = open_database(path)
    committee_id = create_committee(db, "Cabinet")
    meeting_id = meetings.create_meeting(db, committee_id, dt.date(2024, 1, 9), agenda=["Budget"])
    [item] = minutes.load_minutes(db, meeting_id).items
    add_paragraph(db, item.id, "The KCC budget was noted")
    db.close()
    _make_version(path, 3)
    assert "glossary_entry" not in _tables(path)

    db = open_database(path)
    try:
        assert db.upgrade_backup is not None
        assert review.review_settings(db, committee_id) == ReviewSettings()
        assert review.glossary(db, committee_id) == DEFAULT_GLOSSARY
        found = review.check_meeting(db, meeting_id)
        assert {f.check.value for f in found} == {"acronym", "no-full-stop"}
        review.dismiss(db, found[0])
        assert len(review.check_meeting(db, meeting_id)) == len(found) - 1
    finally:
        db.close()
    _assert_current(path)


def test_version_1_file_is_reviewed_after_the_upgrade(tmp_path):
    from clerkdesk.services.review import check_meeting

    path = tmp_path / "old.sqlite"
    shutil.copy(FIXTURES / "clerkdesk-v1.sqlite", path)
    db = open_database(path)
    try:
        [meeting] = meetings.list_meetings(db)
        found = check_meeting(db, meeting.id)
    finally:
        db.close()
    _assert_current(path)
    assert all(f.meeting_id == meeting.id and f.message for f in found)
