"""The accessibility check on Word documents with one known problem each, on ClerkDesk's own
export (clean), and through `clerkdesk check --accessibility` with a house template."""

import datetime as dt
import io
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Pt

from clerkdesk.export.accessibility import check_docx
from clerkdesk.services.committees import create_committee
from clerkdesk.services.demo import load_demo
from clerkdesk.services.export import accessibility_findings
from clerkdesk.services.meetings import create_meeting
from clerkdesk.services.minutes import load_minutes
from clerkdesk.services.paragraphs import add_paragraph
from clerkdesk.storage.database import open_database
from clerkdesk.storage.models import Committee, Meeting


def tiny_png() -> bytes:
    """A 1×1 white PNG, made here (no image library needed)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff")) + chunk(b"IEND", b""))


def good_document():
    """Titled, in British English, Arial 11, headings 1 then 2, no empty paragraph."""
    document = docx.Document()
    document.core_properties.title = "Planning Committee – minutes of 3 November 2026"
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = "Arial", Pt(11)
    for heading in ("Heading 1", "Heading 2"):
        document.styles[heading].font.name = "Arial"
    for lang in document.styles.element.iter(qn("w:lang")):
        lang.set(qn("w:val"), "en-GB")
    document.add_paragraph("Planning Committee", "Heading 1")
    document.add_paragraph("1. Apologies", "Heading 2")
    document.add_paragraph("Apologies were received from Mr Pemberton.")
    return document


def found(document) -> list[str]:
    buffer = io.BytesIO()
    document.save(buffer)
    return [finding.check for finding in check_docx(buffer.getvalue())]


def test_a_good_document_has_no_findings():
    assert found(good_document()) == []


def test_no_title():
    document = good_document()
    document.core_properties.title = ""
    assert found(document) == ["no title"]


def test_no_language():
    document = good_document()
    for lang in list(document.styles.element.iter(qn("w:lang"))):
        lang.getparent().remove(lang)
    assert found(document) == ["no language"]


def test_empty_paragraphs_used_for_spacing():
    document = good_document()
    document.add_paragraph("")
    document.add_paragraph("   ")
    document.add_paragraph("After the gap.")
    assert found(document) == ["empty paragraph", "empty paragraph"]


def test_a_page_break_or_a_picture_is_not_an_empty_paragraph():
    document = good_document()
    document.add_page_break()
    document.add_picture(io.BytesIO(tiny_png()))
    document.inline_shapes[0]._inline.docPr.set("descr", "The council's crest")
    assert found(document) == []


def test_a_skipped_heading_level_and_a_first_heading_below_level_1():
    document = good_document()
    document.add_paragraph("Detail", "Heading 4")
    assert found(document) == ["heading levels"]
    second = docx.Document()
    second.core_properties.title = "x"
    second.add_paragraph("Item", "Heading 2")
    assert "heading levels" in found(second)


def test_no_headings_at_all():
    document = good_document()
    for paragraph in document.paragraphs[:2]:
        paragraph.style = document.styles["Normal"]
    assert found(document) == ["no headings"]


def test_small_text_in_a_run_or_a_style():
    document = good_document()
    document.add_paragraph().add_run("Small print.").font.size = Pt(9)
    assert found(document) == ["small text"]


def test_a_serif_body_font():
    document = good_document()
    document.styles["Normal"].font.name = "Times New Roman"
    assert found(document) == ["serif font"]


def test_a_table_without_a_header_row_and_one_with():
    document = good_document()
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Name", "Role"
    table.cell(1, 0).text, table.cell(1, 1).text = "Mrs Okafor", "Chair"
    assert found(document) == ["table header"]
    row_properties = table.rows[0]._tr.get_or_add_trPr()
    row_properties.append(row_properties.makeelement(qn("w:tblHeader"), {}))
    assert found(document) == []


def test_a_picture_without_alternative_text_in_the_body_or_the_header():
    document = good_document()
    document.add_picture(io.BytesIO(tiny_png()))
    document.inline_shapes[0]._inline.docPr.set("descr", "")
    document.sections[0].header.paragraphs[0].add_run().add_picture(io.BytesIO(tiny_png()))
    assert found(document) == ["alt text", "alt text"]


def test_long_runs_of_capitals():
    document = good_document()
    document.add_paragraph("THE COMMITTEE RESOLVED TO APPROVE THE PLAN.")
    document.add_paragraph("RESOLVED – the item is NOT FOR PUBLICATION.")  # three are fine
    assert found(document) == ["capitals"]


def test_clerkdesks_own_export_is_clean(db):
    meeting = load_demo(db)
    assert accessibility_findings(db, meeting) == []
    assert accessibility_findings(db, meeting, full=True) == []


def house_template(path: Path) -> Path:
    """A council template in Times New Roman with a crest in the header and no alt text."""
    document = docx.Document()
    document.styles["Normal"].font.name = "Times New Roman"
    document.sections[0].header.paragraphs[0].add_run().add_picture(io.BytesIO(tiny_png()))
    document.save(str(path))
    return path


def test_check_accessibility_lists_a_house_templates_problems(tmp_path):
    db_path = tmp_path / "minutes.sqlite"
    db = open_database(db_path)
    meeting = load_demo(db)
    template = house_template(tmp_path / "house.docx")
    with db.transaction() as session:
        committee = session.get(Committee, session.get(Meeting, meeting).committee_id)
        committee.template_path = str(template)
    db.close()
    before = template.read_bytes()
    result = subprocess.run([sys.executable, "-m", "clerkdesk", "--db", str(db_path), "check",
                             str(meeting), "--accessibility"], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "No findings."
    assert lines[1:] == [
        "Word  warning  accessibility: serif font: the body text is in Times New Roman; a "
        "sans-serif font such as Arial is easier to read on screen (document)",
        "Word  error  accessibility: alt text: a picture without alternative text (picture 1)",
    ]
    assert template.read_bytes() == before


@pytest.mark.parametrize("flag", [[], ["--accessibility"]])
def test_a_clean_meeting_exits_0(tmp_path, flag):
    db_path = tmp_path / "minutes.sqlite"
    db = open_database(db_path)
    meeting = load_demo(db)
    db.close()
    result = subprocess.run([sys.executable, "-m", "clerkdesk", "--db", str(db_path), "check",
                             str(meeting), *flag], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    expected = ["No findings."] + ["No accessibility problems in the Word export."] * bool(flag)
    assert result.stdout.splitlines() == expected


def test_an_empty_numbered_paragraph_is_found_in_the_export(db):
    committee = create_committee(db, "Licensing Panel", "Westmere County Council")
    meeting = create_meeting(db, committee, dt.date(2026, 11, 3), agenda=["Premises review"])
    item = load_minutes(db, meeting).items[0].id
    add_paragraph(db, item, "The Panel heard the applicant.")
    add_paragraph(db, item, "")
    [finding] = accessibility_findings(db, meeting)
    assert finding.line() == (
        "Word  warning  accessibility: empty paragraph: an empty paragraph (screen readers "
        "announce it as “blank”); delete it or use spacing before and after (Word paragraph "
        "8, after “1. Premises review”)")
