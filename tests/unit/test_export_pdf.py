"""The PDF export: tagged PDF/UA with title and language through LibreOffice, or one line
saying what to install; never an untagged PDF, and a file already there left byte for byte."""

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from clerkdesk.errors import ExportFailed
from clerkdesk.export import pdf as pdf_module
from clerkdesk.export.pdf import docx_to_pdf, is_tagged
from clerkdesk.services.demo import load_demo
from clerkdesk.services.export import export_meeting
from clerkdesk.storage.database import open_database

needs_libreoffice = pytest.mark.skipif(
    pdf_module.find_soffice() is None or shutil.which("pdfinfo") is None,
    reason="LibreOffice (soffice) and poppler's pdfinfo are needed to make and read a PDF "
    "(Debian: apt install libreoffice-writer poppler-utils)")
posix_only = pytest.mark.skipif(os.name != "posix", reason="stands in for soffice with a shell "
                                "script")
UNTAGGED_PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def demo_file(tmp_path: Path) -> tuple[Path, int]:
    path = tmp_path / "minutes.sqlite"
    db = open_database(path)
    meeting = load_demo(db)
    db.close()
    return path, meeting


def clerkdesk(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "clerkdesk", *args], capture_output=True,
                          text=True, timeout=300, env=env)


def pdfinfo(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return dict(line.split(":", 1) for line in out.stdout.splitlines() if ":" in line)


@needs_libreoffice
def test_export_makes_a_tagged_pdf_with_title_and_language(demo_file, tmp_path):
    db_path, meeting = demo_file
    target = tmp_path / "minutes.pdf"
    result = clerkdesk("--db", str(db_path), "export", str(meeting), "-o", str(target))
    assert result.returncode == 0, result.stderr
    info = {key: value.strip() for key, value in pdfinfo(target).items()}
    assert info["Tagged"] == "yes"
    assert info["Title"].startswith("Adult Social Care Scrutiny Sub-Committee – minutes of ")
    assert info["Subject"] == "Minutes (public version)"
    data = target.read_bytes()
    assert b"/Lang(en-GB)" in data and is_tagged(data)
    assert b"/S/H1" in data and b"/S/H2" in data  # the meeting, then its items
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True,
                          text=True).stdout
    assert "Home Care Recommissioning Update" in text
    assert "preferred bidder" not in text and "NOT FOR PUBLICATION" not in text


def test_without_libreoffice_one_line_exit_2_and_the_old_file_kept(demo_file, tmp_path):
    db_path, meeting = demo_file
    target = tmp_path / "minutes.pdf"
    target.write_bytes(b"last month's PDF")
    before = sha(target)
    env = {**os.environ, "PATH": str(tmp_path / "nowhere")}
    result = clerkdesk("--db", str(db_path), "export", str(meeting), "-o", str(target), env=env)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "needs LibreOffice, which is not installed here" in result.stderr
    assert "apt install libreoffice-writer" in result.stderr and "libreoffice.org" in result.stderr
    assert sha(target) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["minutes.pdf", "minutes.sqlite"]


def fake_soffice(tmp_path: Path, body: str) -> str:
    """A stand-in for soffice: a shell script given the same arguments."""
    script = tmp_path / "soffice"
    script.write_text("#!/bin/sh\n" + body)
    script.chmod(0o755)
    return str(script)


@posix_only
def test_an_untagged_pdf_is_never_written(db, tmp_path, monkeypatch):
    untagged = tmp_path / "untagged.pdf"
    untagged.write_bytes(UNTAGGED_PDF)
    # the last two arguments are --outdir DIR FILE: copy the untagged PDF there
    soffice = fake_soffice(tmp_path, 'for last; do :; done\n'
                           f'eval dir=\\${{$(($#-1))}}\ncp {untagged} "$dir/minutes.pdf"\n')
    monkeypatch.setattr(pdf_module, "find_soffice", lambda: soffice)
    target = tmp_path / "minutes.pdf"
    with pytest.raises(ExportFailed, match="PDF without tags.*nothing was written"):
        export_meeting(db, load_demo(db), target)
    assert not target.exists()


@posix_only
def test_a_libreoffice_that_hangs_is_stopped_with_what_it_started(tmp_path):
    child = tmp_path / "child.pid"
    soffice = fake_soffice(tmp_path, f"sleep 300 & echo $! > {child}\nwait\n")
    with pytest.raises(ExportFailed, match="took more than 1 seconds .* was stopped"):
        docx_to_pdf(b"PK", soffice=soffice, timeout=1)
    stat = Path(f"/proc/{child.read_text().strip()}/stat")
    if stat.exists():  # gone, or killed and not yet reaped by init
        assert stat.read_text().split(") ", 1)[1][0] in "ZX"


@posix_only
def test_a_libreoffice_that_makes_nothing_is_one_line(tmp_path):
    with pytest.raises(ExportFailed, match="^LibreOffice did not make the PDF; nothing"):
        docx_to_pdf(b"PK", soffice=fake_soffice(tmp_path, "exit 1\n"))


def test_tagged_means_a_structure_tree_and_marked_content():
    assert not is_tagged(UNTAGGED_PDF)
    assert is_tagged(b"<</Type/Catalog/StructTreeRoot 5 0 R/MarkInfo<</Marked true>>>>")
    assert not is_tagged(b"<</Type/Catalog/StructTreeRoot 5 0 R/MarkInfo<</Marked false>>>>")
