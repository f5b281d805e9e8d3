"""`clerkdesk search QUERY`: exit 0 with hits, 1 with none, 2 with a one-line message."""

import datetime as dt
import hashlib
import json

import pytest

from clerkdesk.cli.main import main
from clerkdesk.services.agenda import set_item_exempt
from clerkdesk.services.committees import create_committee
from clerkdesk.services.meetings import create_meeting
from clerkdesk.services.minutes import load_minutes
from clerkdesk.services.paragraphs import add_paragraph
from clerkdesk.services.people import add_person
from clerkdesk.storage.database import open_database


@pytest.fixture
def minutes_file(db_path):
    db = open_database(db_path)
    cabinet = create_committee(db, "Cabinet")
    planning = create_committee(db, "Planning Committee")
    person = add_person(db, "Sara", "Hammond", title="Cllr")
    one = create_meeting(db, cabinet, dt.date(2024, 3, 5), agenda=["Transport", "Staffing"])
    two = create_meeting(db, planning, dt.date(2025, 1, 14), agenda=["24/01234/FUL"])
    transport, staffing = load_minutes(db, one).items
    [application] = load_minutes(db, two).items
    add_paragraph(db, transport.id, f"{{@{person}}} asked about the school transport contract.")
    add_paragraph(db, staffing.id, "The transport officer's salary was agreed.")
    add_paragraph(db, application.id, "The transport assessment was accepted.")
    set_item_exempt(db, staffing.id, 1)
    db.close()
    return db_path


def test_hits_print_one_line_each_with_the_match_marked(minutes_file, capsys):
    assert main(["--db", str(minutes_file), "search", "Hammond"]) == 0
    [line] = capsys.readouterr().out.splitlines()
    assert line.startswith("2024-03-05  Cabinet  item 1 Transport  (paragraph): ")
    assert "[Cllr Hammond]" in line or "[Sara Hammond]" in line or "Hammond]" in line
    assert "{@" not in line


def test_exempt_text_is_left_out_unless_full_and_then_marked(minutes_file, capsys):
    assert main(["--db", str(minutes_file), "search", "salary"]) == 1
    assert "salary" not in capsys.readouterr().out
    assert main(["--db", str(minutes_file), "search", "salary", "--full"]) == 0
    assert "EXEMPT" in capsys.readouterr().out


def test_committee_and_dates_filter_and_json_has_the_hits(minutes_file, capsys):
    args = ["--db", str(minutes_file), "search", "transport", "--committee", "Planning", "--json"]
    assert main(args) == 0
    found = json.loads(capsys.readouterr().out)
    assert found["total"] == 1 and found["hits"][0]["committee"] == "Planning Committee"
    assert main(["--db", str(minutes_file), "search", "transport", "--from", "2025-01-01",
                 "--to", "2025-12-31"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 1


def test_no_hits_is_exit_1(minutes_file, capsys):
    assert main(["--db", str(minutes_file), "search", "allotments"]) == 1
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize("query", ['"transport', "(transport", "OR", "x" * 10_000])
def test_a_bad_query_is_one_line_exit_2_and_the_file_is_unchanged(minutes_file, capsys, query):
    before = hashlib.sha256(minutes_file.read_bytes()).hexdigest()
    assert main(["--db", str(minutes_file), "search", query]) == 2
    err = capsys.readouterr().err
    assert err.startswith("clerkdesk: error: ") and err.count("\n") == 1
    assert hashlib.sha256(minutes_file.read_bytes()).hexdigest() == before


def test_a_missing_database_is_not_created(tmp_path, capsys):
    missing = tmp_path / "none.sqlite"
    assert main(["--db", str(missing), "search", "transport"]) == 2
    assert not missing.exists()
