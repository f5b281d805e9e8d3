"""Agenda import: a list of item titles (text, pasted or Word) becomes the agenda of a new
meeting; numbering as typed is removed, item numbers are kept, existing meetings are untouched."""

import datetime as dt
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from sqlalchemy import func, select

from clerkdesk.errors import ImportFailed, NotFound
from clerkdesk.services.agenda_import import import_agenda
from clerkdesk.services.committees import create_committee
from clerkdesk.services.imports import import_text_file
from clerkdesk.services.minutes import load_minutes
from clerkdesk.storage.database import Database
from clerkdesk.storage.models import Base, Committee

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"
DAY = dt.date(2024, 5, 14)


def items(db: Database, meeting_id: int) -> list[tuple[str, str]]:
    return [(i.label, i.title) for i in load_minutes(db, meeting_id).items]


def row_counts(db: Database) -> dict[str, int]:
    with db.transaction() as session:
        return {table.name: session.scalar(select(func.count()).select_from(table))
                for table in Base.metadata.sorted_tables}


def numbering(db: Database, name: str) -> tuple[str, int]:
    with db.transaction() as session:
        row = session.scalars(select(Committee).where(Committee.name == name)).one()
        return row.item_number_template, row.item_number_start


def test_text_file_of_titles_with_mixed_numbering(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "agenda.txt"
    path.write_text("1. Apologies for absence\n2) Declarations of interest\n\n(3) Minutes\n"
                    "Item 4: Budget monitoring\n• Any other business\n", encoding="utf-8")
    meeting = import_agenda(db, path, "Finance Committee", DAY, dt.time(19, 0), "Council Chamber")
    view = load_minutes(db, meeting)
    assert [i.title for i in view.items] == [
        "Apologies for absence", "Declarations of interest", "Minutes", "Budget monitoring",
        "Any other business"]
    assert (view.committee, view.date, view.time, view.venue) == (
        "Finance Committee", DAY, dt.time(19, 0), "Council Chamber")
    assert all(not i.paragraphs for i in view.items)


def test_pasted_text_of_titles(db: Database) -> None:
    meeting = import_agenda(db, "Apologies\nMinutes of the last meeting\nPlanning applications\n",
                            "Parish Council", DAY)
    assert items(db, meeting) == [("1", "Apologies"), ("2", "Minutes of the last meeting"),
                                  ("3", "Planning applications")]


def test_minute_numbers_set_a_new_committees_numbering(db: Database) -> None:
    meeting = import_agenda(db, "35/20 Apologies\n36/20 Minutes\n37/20 Budget\n", "Cabinet", DAY)
    assert items(db, meeting) == [("35/20", "Apologies"), ("36/20", "Minutes"),
                                  ("37/20", "Budget")]
    assert numbering(db, "Cabinet") == ("{n}/20", 35)


def test_prefixed_numbers_with_a_web_page_agenda(db: Database) -> None:
    text = ("Planning Committee\nAgenda\nPLA146/14\nApologies pdf icon PDF 12 KB\n"
            "To receive apologies.\nPLA147/14\nLand at Mill Lane PDF 1 MB\n"
            "Additional documents:\nSite plan PDF 94 KB\nView directions\n")
    meeting = import_agenda(db, text, "Planning Committee", DAY)
    assert items(db, meeting) == [("PLA146/14", "Apologies"), ("PLA147/14", "Land at Mill Lane")]
    assert numbering(db, "Planning Committee") == ("PLA{n}/14", 146)


def test_existing_committee_keeps_its_settings_and_meetings(db: Database) -> None:
    existing = import_text_file(db, FIXTURES / "ashby-green-decimal-style.txt")
    name = existing.committee
    before = load_minutes(db, existing.meeting_id)
    settings = numbering(db, name)
    with db.transaction() as session:
        committee_id = session.scalars(select(Committee.id).where(Committee.name == name)).one()
    meeting = import_agenda(db, "20. Apologies\n21. Accounts\n", committee_id, DAY)
    assert numbering(db, name) == settings
    assert items(db, meeting) == [("20", "Apologies"), ("21", "Accounts")]
    assert load_minutes(db, existing.meeting_id) == before


def test_word_agenda_with_word_numbering_and_descriptions(db: Database, tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Licensing Committee", style="Title")
    document.add_paragraph("Agenda", style="Heading 1")
    for title, description in [("Apologies for absence", "To receive apologies."),
                               ("Minutes", "To approve the minutes of 12 March."),
                               ("Premises licence review", "Report of the Licensing Manager.")]:
        document.add_paragraph(title, style="List Number")
        document.add_paragraph(description)
    document.save(tmp_path / "agenda.docx")
    meeting = import_agenda(db, tmp_path / "agenda.docx", "Licensing Committee", DAY)
    assert items(db, meeting) == [("1", "Apologies for absence"), ("2", "Minutes"),
                                  ("3", "Premises licence review")]


def test_str_path_to_a_file_is_read_as_a_file(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "agenda.txt"
    path.write_text("Apologies\nBudget\n", encoding="utf-8")
    meeting = import_agenda(db, str(path), "C", DAY)
    assert [t for _, t in items(db, meeting)] == ["Apologies", "Budget"]


@pytest.mark.parametrize(("content", "message"), [
    ("", "agenda.txt is empty"), ("\n \n", "lists no agenda items"),
    ("1.\n2.\n", "lists no agenda items"), ("Agenda\n", "lists no agenda items")])
def test_no_titles_is_refused_and_nothing_changes(db, tmp_path: Path, content: str, message: str):
    create_committee(db, "C")
    before = row_counts(db)
    path = tmp_path / "agenda.txt"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ImportFailed, match=message):
        import_agenda(db, path, "C", DAY)
    assert row_counts(db) == before


def test_unreadable_files_and_unknown_committee(db: Database, tmp_path: Path) -> None:
    before = row_counts(db)
    broken = tmp_path / "agenda.docx"
    broken.write_bytes(b"not a zip at all")
    with pytest.raises(ImportFailed, match="not a valid Word document"):
        import_agenda(db, broken, "C", DAY)
    with pytest.raises(ImportFailed, match="There is no file"):
        import_agenda(db, tmp_path / "missing.txt", "C", DAY)
    with pytest.raises(NotFound):
        import_agenda(db, "Apologies\n", 999, DAY)
    assert row_counts(db) == before


def test_cli_import_agenda(tmp_path: Path) -> None:
    path = tmp_path / "agenda.txt"
    path.write_text("1. Apologies\n2. Budget\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "clerkdesk", "import-agenda", str(path), "--committee", "Finance",
         "--date", "2024-05-14", "--time", "19:30", "--venue", "Town Hall",
         "--db", str(tmp_path / "x.sqlite")],
        capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Created meeting 1 (Finance) with 2 agenda items:", "  1 Apologies", "  2 Budget"]
    bad = subprocess.run(
        [sys.executable, "-m", "clerkdesk", "import-agenda", str(path), "--committee", "Finance",
         "--date", "2024-05-14", "--time", "7pm", "--db", str(tmp_path / "x.sqlite")],
        capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert bad.returncode == 2 and "is not a time" in bad.stderr
