"""`clerkdesk export MEETING -o FILE.docx [--full] [--literal-numbers]`, run as a real process."""

import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from support.cli import run_cli

from clerkdesk.services.demo import load_demo
from clerkdesk.storage.database import open_database

EXEMPT_PHRASE = "preferred bidder"


@pytest.fixture
def demo_db(tmp_path: Path) -> tuple[Path, int]:
    path = tmp_path / "minutes.sqlite"
    db = open_database(path)
    meeting_id = load_demo(db)
    db.close()
    return path, meeting_id


def clerkdesk(*args: str) -> subprocess.CompletedProcess[str]:
    return run_cli(None, *args, timeout=120)


def document_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read("word/document.xml").decode("utf-8")


def test_export_writes_the_public_version(demo_db, tmp_path):
    db_path, meeting = demo_db
    target = tmp_path / "out" / "minutes.docx"
    target.parent.mkdir()
    result = clerkdesk("--db", str(db_path), "export", str(meeting), "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"Wrote {target} (public version)\n"
    assert result.stderr == ""
    document = docx.Document(str(target))
    assert document.paragraphs[1].text == "Adult Social Care Scrutiny Sub-Committee"
    assert EXEMPT_PHRASE not in document_xml(target)
    assert "<w:numPr>" in document_xml(target)


def test_full_and_literal_numbers(demo_db, tmp_path):
    db_path, meeting = demo_db
    target = tmp_path / "members"  # .docx is added
    result = clerkdesk("export", str(meeting), "--output", str(target), "--full",
                       "--literal-numbers", "--db", str(db_path))
    assert result.returncode == 0, result.stderr
    written = tmp_path / "members.docx"
    assert result.stdout == f"Wrote {written} (full version, NOT FOR PUBLICATION)\n"
    body = document_xml(written)
    assert EXEMPT_PHRASE in body and "<w:numPr>" not in body
    header = docx.Document(str(written)).sections[0].header.paragraphs[0].text
    assert header == "NOT FOR PUBLICATION"


@pytest.mark.parametrize("args, message", [
    (["export", "99", "-o", "{tmp}/x.docx"], "There is no meeting with id 99."),
    (["export", "{meeting}", "-o", "{tmp}/missing/x.docx"],
     "The folder {tmp}/missing does not exist: choose another folder."),
    (["export", "{meeting}", "-o", "{tmp}/x.odt"],
     "x.odt does not end in .docx, .pdf, .html or .htm: ClerkDesk writes Word documents, "
     "tagged PDFs and web pages."),
    (["export", "{meeting}"], "the following arguments are required: -o/--output"),
])
def test_problems_are_one_line_with_exit_code_2(demo_db, tmp_path, args, message):
    db_path, meeting = demo_db
    filled = [a.format(tmp=tmp_path, meeting=meeting) for a in args]
    result = clerkdesk("--db", str(db_path), *filled)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("clerkdesk: error: ")
    assert message.format(tmp=tmp_path) in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert not list(tmp_path.rglob("*.docx"))


def test_a_missing_database_is_not_created(tmp_path):
    result = clerkdesk("--db", str(tmp_path / "none.sqlite"), "export", "1", "-o",
                       str(tmp_path / "x.docx"))
    assert result.returncode == 2
    assert "No ClerkDesk database" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_help_lists_the_options():
    result = clerkdesk("export", "--help")
    assert result.returncode == 0
    for option in ("-o FILE, --output FILE", ".pdf (tagged", ".html", "--full",
                   "--literal-numbers"):
        assert option in result.stdout
    assert "export" in clerkdesk("--help").stdout
