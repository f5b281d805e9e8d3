"""The benchmark database generator (bench/generate_db.py), run small: a real, consistent
ClerkDesk file that the services read like any other."""

import sqlite3
import sys
from pathlib import Path

import pytest

from clerkdesk.domain.mentions import mentioned_ids
from clerkdesk.services.flags import meeting_flags
from clerkdesk.services.meetings import list_meetings
from clerkdesk.services.minutes import load_minutes
from clerkdesk.storage.database import open_database
from clerkdesk.storage.migrations import SCHEMA_VERSION

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from generate_db import generate


@pytest.fixture
def small(tmp_path: Path) -> Path:
    return generate(tmp_path / "small.sqlite", meetings=4, paragraphs=203, seed=3)


def query(path: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(path) as connection:
        return connection.execute(sql).fetchall()


def test_counts_are_shared_out_exactly(small):
    per_meeting = query(small, "SELECT a.meeting_id, count(p.id) FROM paragraph p JOIN "
                               "agenda_item a ON a.id = p.item_id GROUP BY a.meeting_id")
    assert [count for _, count in per_meeting] == [50, 50, 50, 53]
    assert query(small, "PRAGMA integrity_check") == [("ok",)]
    assert query(small, "PRAGMA foreign_key_check") == []
    assert not Path(f"{small}-wal").exists() or Path(f"{small}-wal").stat().st_size == 0


def test_the_file_is_consistent_as_the_app_keeps_it(small):
    positions = query(small, "SELECT item_id, group_concat(position) FROM (SELECT item_id, "
                             "position FROM paragraph ORDER BY item_id, position) GROUP BY item_id")
    for _item, joined in positions:
        assert [int(p) for p in joined.split(",")] == list(range(len(joined.split(","))))
    mentions = {(pid, person) for pid, person in query(
        small, "SELECT paragraph_id, person_id FROM paragraph_mention")}
    expected = {(pid, person) for pid, text in query(small, "SELECT id, text FROM paragraph")
                for person in mentioned_ids(text)}
    assert mentions == expected and expected, "the mention index matches the tokens"
    levels = query(small, "SELECT item_id, level FROM paragraph ORDER BY item_id, position")
    for (item, level), (previous_item, previous) in zip(levels[1:], levels, strict=False):
        assert level <= (previous + 1 if item == previous_item else 0)


def test_services_read_it_at_the_current_schema_version(small):
    assert query(small, "SELECT value FROM clerkdesk_meta WHERE key = 'schema_version'") == [
        (str(SCHEMA_VERSION),)]
    db = open_database(small)
    try:
        meetings = list_meetings(db)
        assert len(meetings) == 4
        minutes = load_minutes(db, meetings[0].id)
        texts = [p.text for item in minutes.items for p in item.paragraphs]
        assert len(texts) == 53 and not any("{@" in text for text in texts)
        assert any(record.kind.value == "resolution" for record in meeting_flags(
            db, meetings[0].id))
    finally:
        db.close()


def test_same_seed_same_file_and_an_existing_file_is_never_overwritten(tmp_path, small):
    again = generate(tmp_path / "again.sqlite", meetings=4, paragraphs=203, seed=3)
    assert query(again, "SELECT text FROM paragraph ORDER BY id") == query(
        small, "SELECT text FROM paragraph ORDER BY id")
    with pytest.raises(FileExistsError):
        generate(small, meetings=1, paragraphs=1)


def test_the_search_index_holds_every_paragraph_and_its_triggers_are_back(small):
    from clerkdesk.storage.search_index import triggers_complete

    db = open_database(small)
    try:
        with db.engine.begin() as connection:
            assert triggers_complete(connection)
            connection.exec_driver_sql(
                "INSERT INTO search_index(search_index, rank) VALUES ('integrity-check', 1)")
    finally:
        db.close()
    indexed = query(small, "SELECT count(*) FROM search_index WHERE search_index MATCH "
                           "'committee' AND rowid % 8 = 0")
    plain = query(small, "SELECT count(*) FROM paragraph WHERE text LIKE '%committee%'")
    assert indexed == plain and plain[0][0] > 0
    assert query(small, "SELECT count(*) FROM paragraph_revision")[0][0] > 0


def test_a_cached_database_is_made_once_and_named_by_generator_and_schema(tmp_path,
                                                                         monkeypatch):
    import generate_db

    monkeypatch.setattr(generate_db, "CACHE", tmp_path / "cache")
    first = generate_db.cached(2, 20, seed=3)
    stamp = first.stat().st_mtime_ns
    assert generate_db.cached(2, 20, seed=3) == first and first.stat().st_mtime_ns == stamp
    assert f"gen{generate_db.GENERATOR_VERSION}-schema{SCHEMA_VERSION}" in first.name
    assert [p.name for p in (tmp_path / "cache").iterdir()] == [first.name]
    copy = generate_db.copy_to(tmp_path, 2, 20, seed=3)
    assert copy.read_bytes() == first.read_bytes() and copy != first
