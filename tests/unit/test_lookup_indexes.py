"""The lookups made on every open, switch and list are served by indexes, so their cost does not
grow with the number of meetings in the file (ten years: ~5,000 meetings, ~1,000,000 paragraphs)."""

import datetime as dt
import sqlite3
import sys
from pathlib import Path

import pytest
from sqlalchemy import inspect

from clerkdesk.services import meetings
from clerkdesk.services.committees import create_committee
from clerkdesk.storage.database import open_database

# (table, leading columns) each lookup needs; the SQL is what the services send.
NEEDED = [
    ("paragraph", ["item_id", "position"]),
    ("agenda_item", ["meeting_id", "position"]),
    ("flag", ["paragraph_id"]),
    ("meeting", ["date", "id"]),
    ("meeting", ["committee_id", "date"]),
    ("paragraph_mention", ["person_id"]),
    ("supporting_document", ["item_id", "position"]),
    ("correction_note", ["meeting_id"]),
]
LOOKUPS = {
    "paragraph": "SELECT id, text FROM paragraph WHERE item_id = 7 ORDER BY position",
    "paragraph_counts": "SELECT item_id, count(*) FROM paragraph WHERE item_id IN (1, 2, 3) "
                        "GROUP BY item_id",
    "agenda_item": "SELECT id FROM agenda_item WHERE meeting_id = 3 ORDER BY position",
    "flag": "SELECT flag.id FROM flag JOIN paragraph ON paragraph.id = flag.paragraph_id "
            "WHERE paragraph.item_id = 7",
    "meeting": "SELECT id FROM meeting ORDER BY date DESC, id DESC LIMIT 50",
    "previous": "SELECT id FROM meeting WHERE committee_id = 1 AND date < '2024-01-01' "
                "ORDER BY date DESC LIMIT 1",
}


def _covered(indexes: list[dict], columns: list[str]) -> bool:
    return any(index["column_names"][:len(columns)] == columns for index in indexes)


def test_every_lookup_has_its_index(db):
    inspector = inspect(db.engine)
    missing = [(table, columns) for table, columns in NEEDED
               if not _covered(inspector.get_indexes(table), columns)]
    assert missing == []


def _plan(path: Path, sql: str) -> str:
    """SQLite's plan, e.g. 'SEARCH paragraph USING INDEX ix_paragraph_item_position (item_id=?)';
    a bare 'SCAN paragraph' reads the whole table, 'TEMP B-TREE' sorts every row found."""
    rows = sqlite3.connect(path).execute(f"EXPLAIN QUERY PLAN {sql}").fetchall()
    return " | ".join(row[-1] for row in rows)


@pytest.mark.parametrize("name", sorted(LOOKUPS))
def test_sqlite_searches_instead_of_scanning_the_table(tmp_path, name):
    path = tmp_path / "plans.sqlite"
    open_database(path).close()
    plan = _plan(path, LOOKUPS[name])
    whole_tables = [step for step in plan.split(" | ")
                    if step.startswith("SCAN") and "USING" not in step]
    assert whole_tables == [] and "TEMP B-TREE" not in plan, plan


def test_a_file_from_before_the_indexes_gains_them_when_opened(tmp_path):
    path = tmp_path / "older.sqlite"
    db = open_database(path)
    meetings.create_meeting(db, create_committee(db, "Cabinet"), dt.date(2024, 1, 9),
                            agenda=["Budget"])
    db.close()
    from clerkdesk.storage.indexes import LOOKUP_INDEXES
    from clerkdesk.storage.migrations import STEPS

    connection = sqlite3.connect(path)
    for index in LOOKUP_INDEXES:
        connection.execute(f"DROP INDEX {index.name}")
    before_indexes = next(version for version, step in STEPS.items()
                          if "indexes for the lookups" in
                          (sys.modules[step.__module__].__doc__ or ""))
    connection.execute(f"UPDATE clerkdesk_meta SET value='{before_indexes}' "
                       "WHERE key='schema_version'")
    connection.commit()
    connection.close()
    assert "SEARCH paragraph" not in _plan(path, LOOKUPS["paragraph"])
    db = open_database(path)
    try:
        assert [m.date for m in meetings.list_meetings(db)] == [dt.date(2024, 1, 9)]
    finally:
        db.close()
    assert "SEARCH paragraph" in _plan(path, LOOKUPS["paragraph"])
