"""Hostile and damaged import input (issue 22): Unicode text from Word, deep and long numbering,
mixed line ends, attendance under the title, zip bombs, oversized files and failed imports.

Every refusal is one sentence, leaves the input byte for byte (its hash) and the database as it
was; the command line exits 2 for it."""

import hashlib
import os
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import cli

from clerkdesk.errors import ExportFailed, ImportFailed
from clerkdesk.importers.decode import decode_bytes
from clerkdesk.importers.meeting_facts import (
    committee_from_text,
    council_from_header,
    meeting_date,
    meeting_time,
    meeting_venue,
)
from clerkdesk.importers.parse import parse_minutes
from clerkdesk.services.imports import import_file, import_text
from clerkdesk.services.meetings import list_meetings
from clerkdesk.services.minutes import load_minutes
from clerkdesk.storage.database import Database

MINUTES = (
    "Planning Committee\n"
    "Minutes of the meeting held on 5 May 2026 at 7.00 pm in the Council Chamber\n"
    "\n"
    "1. Apologies\n"
    "\n"
    "1) Apologies were received from Councillor Dana Whitlock.\n"
    "\n"
    "2. Planning application 26/0042\n"
    "\n"
    "1) The committee considered the application for six homes.\n"
    "\n"
    "RESOLVED – That the application be approved.\n"
)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run_cli(tmp_path: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    home = tmp_path / "home"
    env = {key: value for key, value in os.environ.items() if key != "CLERKDESK_DB"}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"),
               XDG_CONFIG_HOME=str(home / "config"))
    return cli.run_cli(env, *args, timeout=120)


def assert_refused(result: subprocess.CompletedProcess[str], message: str) -> None:
    assert result.returncode == 2, result.stderr
    assert result.stderr.splitlines() == [f"clerkdesk: error: {message}"]
    assert result.stdout == ""


def paragraph_texts(db: Database, meeting_id: int) -> list[str]:
    minutes = load_minutes(db, meeting_id)
    return [p.text for item in minutes.items for p in item.paragraphs]


# --- Unicode text from Word -----------------------------------------------------------------

@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-16"])
def test_utf16_with_or_without_a_byte_order_mark_is_imported(tmp_path: Path, encoding: str):
    source = tmp_path / "unicode.txt"
    source.write_bytes(MINUTES.encode(encoding))
    before = sha256(source)
    result = run_cli(tmp_path, "--db", tmp_path / "m.sqlite", "import", source)
    assert result.returncode == 0, result.stderr
    assert "items: 2" in result.stdout
    assert "resolutions: 1" in result.stdout
    assert sha256(source) == before


# --- Word documents -------------------------------------------------------------------------

def word_file(path: Path, lines: list[str]) -> Path:
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(str(path))
    return path


def rewritten(path: Path, part: str, change) -> None:
    with zipfile.ZipFile(path) as archive:
        members = [(info, archive.read(info.filename)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in members:
            archive.writestr(info.filename, change(data) if info.filename == part else data)


def with_external_entity(xml: bytes) -> bytes:
    head, rest = xml.split(b"?>", 1)
    doctype = b'<!DOCTYPE w:document [<!ENTITY ext SYSTEM "file:///etc/hostname">]>'
    return head + b"?>\n" + doctype + rest.replace(b"MARK", b"&ext;")


def test_text_after_an_unresolved_entity_in_a_docx_is_kept(db: Database, tmp_path: Path):
    source = word_file(tmp_path / "entity.docx", [
        "Planning Committee", "1. Apologies",
        "1) The committee MARK noted the report of the chief planner."])
    rewritten(source, "word/document.xml", with_external_entity)
    before = sha256(source)
    report = import_file(db, source)
    [text] = paragraph_texts(db, report.meeting_id)
    assert text.startswith("The committee ")
    assert text.endswith(" noted the report of the chief planner.")
    assert "/etc/hostname" not in text and "\n" not in text
    assert any("entity" in warning for warning in report.warnings)
    assert sha256(source) == before


# --- numbering --------------------------------------------------------------------------------

def test_numbered_lines_nested_deeper_than_three_levels_stay_separate(db: Database):
    text = ("Parish Council\n\n13. Finance\n\n13.1 The clerk presented the accounts.\n"
            "13.1.1 Income was noted.\n13.1.1.1 Grants were noted.\n"
            "13.1.1.1.1 The village hall grant was noted.\n"
            "13.1.1.1.1.1 Its second instalment was noted.\n")
    report = import_text(db, text, committee="Parish Council")
    assert paragraph_texts(db, report.meeting_id) == [
        "The clerk presented the accounts.", "Income was noted.", "Grants were noted.",
        "The village hall grant was noted.", "Its second instalment was noted."]
    assert not any("joined" in warning for warning in report.warnings)
    assert ("Lines 8 and 9 are numbered deeper than three levels: kept as paragraphs at the "
            "third level.") in report.warnings


def test_paragraph_numbers_have_no_three_digit_limit(db: Database):
    count = 1_500
    body = "".join(f"{n}) The committee noted report number {n}.\n" for n in range(1, count + 1))
    report = import_text(db, "Planning Committee\n\n1. Reports\n\n" + body,
                         committee="Planning Committee")
    texts = paragraph_texts(db, report.meeting_id)
    assert len(texts) == count
    assert texts[999] == "The committee noted report number 1000."
    assert report.paragraphs == count


def test_every_line_joined_to_another_is_reported_with_its_line_number(db: Database):
    text = ("Planning Committee\n\n1. Reports\n\n"  # lines 1-4
            "1) The committee considered the report of the Head of Planning on the\n"  # 5
            "enforcement cases closed during the quarter.\n"  # 6: joined
            "2) Members noted the report.\n")
    report = import_text(db, text, committee="Planning Committee")
    assert paragraph_texts(db, report.meeting_id)[0].endswith("on the enforcement cases "
                                                              "closed during the quarter.")
    assert "Line 6 was joined to the line above it (read as wrapped text)." in report.warnings


# --- line ends ------------------------------------------------------------------------------

RICH = (
    "Northbrook District Council\nPlanning Committee\n"
    "Minutes of the meeting held on 5 May 2026 at 7.00 pm in the Council Chamber\n\n"
    "Present: Councillor Ada Quill (Chair), Councillors Ben Ostrow and Cai Merrin\n"
    "Apologies: Councillor Dana Whitlock\n\n"
    "1. Apologies\n\n1) Apologies were received from Councillor Dana Whitlock.\n\n"
    "2. Planning application 26/0042\n\n"
    "1) Councillor Ben Ostrow asked about the parking provision for the\n"
    "application and its effect on the neighbouring streets.\n"
    "a) The officer replied.\n\n"
    "RESOLVED – That the application be approved.\n(Carried: 7 for, 2 against)\n"
)


def draft(text: str) -> tuple:
    """Everything an import takes from the text: meeting details, attendance, items,
    paragraphs, warnings (from the bytes of a UTF-8 file, as the importer reads them)."""
    text = decode_bytes(text.encode("utf-8"), "minutes.txt")
    parsed = parse_minutes(text)
    items = [(item.title, item.number_label, [(p.level, p.style, p.text, p.vote)
                                              for p in item.paragraphs])
             for item in parsed.items]
    facts = (committee_from_text(parsed.header, text), council_from_header(parsed.header),
             meeting_date(parsed.header), meeting_time(parsed.header),
             meeting_venue(parsed.header))
    return facts, parsed.header, parsed.attendance, items, parsed.warnings


LINE_END = st.sampled_from(["\n", "\r\n", "\r"])


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_any_mix_of_cr_crlf_and_lf_gives_the_same_draft_as_lf(data):
    lines = RICH.split("\n")
    ends = [data.draw(LINE_END) for _ in lines[:-1]]
    # A CR directly followed by an LF is one CRLF line end to every reader: not a mix.
    ends = [("\r\n" if end == "\r" and following.startswith("\n") else end)
            for end, following in zip(ends, ends[1:] + ["x"], strict=True)]
    mixed = "".join(line + end for line, end in zip(lines, ends + [""], strict=True))
    assert draft(mixed) == draft(RICH)


def test_a_lone_cr_between_paragraphs_separates_them_like_lf(db: Database):
    mixed = RICH.replace("\n\n2. Planning", "\r\r\n2. Planning")
    assert draft(mixed) == draft(RICH)


@pytest.mark.parametrize("line_end", [b"&#13;", b"&#13;&#10;", b"&#10;"])
def test_line_ends_inside_a_word_paragraph_read_as_spaces(db: Database, tmp_path: Path,
                                                          line_end: bytes):
    source = word_file(tmp_path / "breaks.docx", [
        "Planning Committee", "1. Apologies", "1) The committee MARK noted the report."])
    rewritten(source, "word/document.xml", lambda xml: xml.replace(b"MARK", line_end + b"then"))
    report = import_file(db, source)
    assert paragraph_texts(db, report.meeting_id) == ["The committee then noted the report."]


# --- attendance under the title -------------------------------------------------------------

def test_attendance_directly_under_the_title_is_attendance_not_the_venue(db: Database):
    text = ("Planning Committee\n"
            "Minutes of the meeting held on 5 May 2026 at 7.00 pm\n"
            "Present: Councillor Ada Quill (Chair), Councillors Ben Ostrow and Cai Merrin\n"
            "Apologies: Councillor Dana Whitlock\n\n"
            "1. Minutes\n\n1) The minutes were approved.\n")
    report = import_text(db, text)
    minutes = load_minutes(db, report.meeting_id)
    assert minutes.venue == ""
    assert report.attendance == {"present": 3, "apologies": 1}
    assert not any("were not imported" in warning for warning in report.warnings)


def test_the_heading_warning_names_the_lines_it_did_not_store(db: Database):
    text = ("Planning Committee\nA note the clerk typed above the minutes\n\n"
            "1. Minutes\n\n1) The minutes were approved.\n")
    report = import_text(db, text)
    [warning] = [w for w in report.warnings if "before the first item" in w]
    assert "A note the clerk typed above the minutes" in warning


# --- zip bombs --------------------------------------------------------------------------------

def inflated(path: Path, part: str, size: int) -> None:
    """`part` padded with `size` bytes of spaces inside an XML comment (compresses ~1000:1)."""
    rewritten(path, part, lambda xml: xml + b"<!--" + b" " * size + b"-->")


def test_a_docx_whose_document_part_unpacks_past_the_limit_is_refused(tmp_path: Path):
    source = word_file(tmp_path / "bomb.docx", ["Planning Committee", "1. Apologies"])
    inflated(source, "word/document.xml", 60 * 1024 * 1024)
    assert source.stat().st_size < 1024 * 1024
    before = sha256(source)
    database = tmp_path / "m.sqlite"
    result = run_cli(tmp_path, "--db", database, "import", source)
    assert_refused(result, "bomb.docx is refused: its part word/document.xml would unpack to "
                           "60 MB, over the 50 MB limit for one part of a Word document.")
    assert sha256(source) == before
    assert not database.exists()


def test_a_docx_part_packed_more_than_a_thousand_to_one_is_refused(db: Database, tmp_path):
    source = word_file(tmp_path / "dense.docx", ["Planning Committee", "1. Apologies"])
    inflated(source, "word/styles.xml", 20 * 1024 * 1024)
    before = sha256(source)
    with pytest.raises(ImportFailed) as refused:
        import_file(db, source)
    assert str(refused.value).startswith("dense.docx is refused: its part word/styles.xml is "
                                         "packed ")
    assert str(refused.value).endswith(" to 1, more than a Word document ever is.")
    assert sha256(source) == before
    assert list_meetings(db) == []


def test_a_long_document_of_identical_paragraphs_is_not_taken_for_a_bomb(tmp_path: Path):
    from clerkdesk.zip_limits import oversized

    source = word_file(tmp_path / "long.docx", ["MARK"])
    paragraph = b"<w:p><w:r><w:t>The committee noted the report.</w:t></w:r></w:p>"
    rewritten(source, "word/document.xml",
              lambda xml: xml.replace(b"MARK</w:t></w:r></w:p>",
                                      b"MARK</w:t></w:r></w:p>" + paragraph * 20_000))
    with zipfile.ZipFile(source) as archive:
        assert archive.getinfo("word/document.xml").file_size > 1024 * 1024
        assert oversized(archive, "long.docx") is None


def test_a_word_template_that_unpacks_past_the_limit_is_refused(tmp_path: Path):
    from clerkdesk.export.docx_template import open_template

    template = word_file(tmp_path / "house.docx", ["House style"])
    inflated(template, "word/styles.xml", 60 * 1024 * 1024)
    before = sha256(template)
    with pytest.raises(ExportFailed) as refused:
        open_template(template)
    assert str(refused.value) == ("house.docx is refused: its part word/styles.xml would unpack "
                                  "to 60 MB, over the 50 MB limit for one part of a Word "
                                  "document.")
    assert sha256(template) == before


# --- oversized text and failed imports ----------------------------------------------------------

def test_a_text_file_over_the_size_limit_is_refused_before_reading(tmp_path: Path):
    from clerkdesk.importers.decode import LARGEST_TEXT_FILE

    source = tmp_path / "huge.txt"
    with source.open("wb") as out:
        out.write(MINUTES.encode())
        out.truncate(LARGEST_TEXT_FILE + 1)
    before = sha256(source)
    database = tmp_path / "m.sqlite"
    result = run_cli(tmp_path, "--db", database, "import", source)
    assert_refused(result, "huge.txt is too large to be minutes (over 10 MB of text): check "
                           "that it is the right file, or split it into meetings.")
    assert sha256(source) == before
    assert not database.exists()


def test_a_failed_import_leaves_no_new_empty_database(tmp_path: Path):
    source = tmp_path / "email.txt"
    source.write_bytes(b"Dear all,\n\nPlease find the agenda attached.\n")
    database = tmp_path / "new.sqlite"
    result = run_cli(tmp_path, "--db", database, "import", source)
    assert_refused(result, "email.txt contains no minutes: no agenda item and no numbered "
                           "paragraphs were found.")
    assert list(tmp_path.glob("new.sqlite*")) == []


def test_a_failed_import_into_an_existing_database_keeps_it(tmp_path: Path):
    database = tmp_path / "kept.sqlite"
    good = tmp_path / "good.txt"
    good.write_text(MINUTES, encoding="utf-8")
    assert run_cli(tmp_path, "--db", database, "import", good).returncode == 0
    before = sha256(database)
    bad = tmp_path / "email.txt"
    bad.write_bytes(b"Dear all,\n\nPlease find the agenda attached.\n")
    assert run_cli(tmp_path, "--db", database, "import", bad).returncode == 2
    assert sha256(database) == before


def test_a_cancelled_import_leaves_no_half_meeting(db: Database, tmp_path: Path):
    from clerkdesk.errors import ImportCancelled

    source = tmp_path / "long.txt"
    source.write_text(MINUTES + "".join(f"3. Item {n}\n\n1) Noted item {n}.\n\n"
                                        for n in range(200)), encoding="utf-8")
    calls = []

    def cancel_halfway(done: int, total: int) -> bool:
        calls.append((done, total))
        return done < total // 2

    with pytest.raises(ImportCancelled):
        import_file(db, source, progress=cancel_halfway)
    assert list_meetings(db) == []
    assert calls[0][0] < calls[-1][0] < calls[0][1]
