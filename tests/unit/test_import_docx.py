"""Word (.docx) import: round trips through ClerkDesk's own export, every numbering scheme typed
or Word-numbered, documents written by hand in Word, and files that cannot be read."""

import datetime as dt
import re
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from sqlalchemy import func, select
from support.published import shown as render_minutes

from clerkdesk.domain.enums import ParagraphStyle, ResolutionForm
from clerkdesk.domain.flag_fields import ResolutionFields
from clerkdesk.domain.numbering import ParagraphScheme
from clerkdesk.errors import ImportFailed
from clerkdesk.services.committees import find_or_create_committee
from clerkdesk.services.export import export_meeting
from clerkdesk.services.flags import add_flag_in
from clerkdesk.services.imports import import_file, import_text_file
from clerkdesk.services.meetings import add_item_in, create_meeting_in
from clerkdesk.services.minutes import load_minutes
from clerkdesk.services.paragraphs import add_paragraph_in
from clerkdesk.storage.database import Database, open_database
from clerkdesk.storage.models import Base, Committee

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"
TEXT_SOURCES = ["seed", "ashby-green-decimal-style.txt", "highways-modgov-style.txt",
                "riverton-planning-dot-style.txt"]
MODES = {"word-numbered": False, "typed-numbers": True}


def shown(db: Database, meeting_id: int) -> str:
    return render_minutes(load_minutes(db, meeting_id))


def body(rendered: str) -> str:
    """The minutes without the heading block: item headings, paragraphs, documents."""
    return rendered.split("\n\n", 1)[1]


def row_counts(db: Database) -> dict[str, int]:
    with db.transaction() as session:
        return {table.name: session.scalar(select(func.count()).select_from(table))
                for table in Base.metadata.sorted_tables}


def committee_settings(db: Database, name: str) -> tuple:
    with db.transaction() as session:
        c = session.scalars(select(Committee).where(Committee.name == name)).one()
        return (c.paragraph_scheme, c.item_number_template, c.item_number_start,
                c.resolution_prefix, c.uses_minutes_heading)


@pytest.fixture
def fresh(tmp_path: Path):
    database = open_database(tmp_path / "fresh.sqlite")
    yield database
    database.close()


def source_file(name: str, request: pytest.FixtureRequest) -> Path:
    return request.getfixturevalue("seed_path") if name == "seed" else FIXTURES / name


# --- round trip: text -> ClerkDesk -> Word -> ClerkDesk -------------------------------------


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("source", TEXT_SOURCES)
def test_exported_word_minutes_import_back_the_same(db, fresh, tmp_path, request, source, mode):
    original = import_text_file(db, source_file(source, request))
    word = export_meeting(db, original.meeting_id, tmp_path / "minutes.docx",
                          literal_numbers=MODES[mode])
    expected = shown(db, original.meeting_id)

    again = import_file(db, word)  # the committee exists: its settings are used
    assert shown(db, again.meeting_id) == expected

    copy = import_file(fresh, word)  # a new database: the settings are detected from the file
    assert body(shown(fresh, copy.meeting_id)) == body(expected)
    assert shown(fresh, copy.meeting_id) == expected  # heading block too: committee, date
    assert committee_settings(fresh, copy.committee) == committee_settings(db, original.committee)
    counts = ("items", "paragraphs", "sub_points", "resolutions", "requests")
    assert [getattr(copy, c) for c in counts] == [getattr(original, c) for c in counts]
    speakers = [[(p.label, p.speaker) for p in i.paragraphs]
                for i in load_minutes(db, original.meeting_id).items]
    assert [[(p.label, p.speaker) for p in i.paragraphs]
            for i in load_minutes(fresh, copy.meeting_id).items] == speakers


@pytest.mark.seed
def test_cli_round_trip_of_the_seed(seed_path: Path, tmp_path: Path) -> None:
    """The proof asked for: export the seed, import the .docx, `clerkdesk show` is the same."""
    env_db = ["--db", str(tmp_path / "minutes.sqlite")]

    def cli(*args: str | Path) -> str:
        result = subprocess.run([sys.executable, "-m", "clerkdesk", *map(str, args), *env_db],
                                capture_output=True, text=True, encoding="utf-8", timeout=120)
        assert result.returncode == 0, result.stderr
        return result.stdout

    imported = cli("import", seed_path, "--date", "2023-07-11")  # the seed gives no date
    first = re.search(r"Imported meeting (\d+)", imported).group(1)
    cli("export", first, "-o", tmp_path / "seed.docx")
    second = re.search(r"Imported meeting (\d+)", cli("import", tmp_path / "seed.docx")).group(1)
    assert second != first
    assert cli("show", second) == cli("show", first)


# --- each numbering scheme, Word-numbered (exported by ClerkDesk) ------------------------------

SCHEMES = {
    "1) a)": (ParagraphScheme.PAREN, "{n}", 1),
    "1. (a)": (ParagraphScheme.DOT, "{n}", 1),
    "13.1": (ParagraphScheme.DECIMAL, "{n}", 13),
    "35/20 minute numbers": (ParagraphScheme.PAREN, "{n}/20", 35),
    "PLA146/14 prefixes": (ParagraphScheme.DOT, "PLA{n}/14", 146),
    "parish 334, 338.1": (ParagraphScheme.DECIMAL, "{n}", 334),
}


def build_meeting(db: Database, scheme: ParagraphScheme, template: str, start: int) -> int:
    """Three items: apologies, a discussion with sub-points, a sub-sub-point and a resolution,
    and an unnumbered line."""
    with db.transaction() as s:
        committee = find_or_create_committee(s, "Resources Committee")
        committee.paragraph_scheme, committee.item_number_template = scheme, template
        committee.item_number_start, committee.resolution_prefix = start, "RESOLVED –"
        meeting = create_meeting_in(s, committee.id, dt.date(2024, 5, 14), dt.time(19, 0),
                                    "Council Chamber")
        first = add_item_in(s, meeting.id, "Apologies for absence")
        add_paragraph_in(s, first.id, "Apologies were received from Cllr Brown.")
        second = add_item_in(s, meeting.id, "Budget monitoring")
        for text, level in [("Jo Whitfield presented the report.", 0),
                            ("Cllr Ahmed asked about the grass cutting contract.", 0),
                            ("Jo Whitfield replied that it had been retendered.", 1),
                            ("The new contract started in April.", 2),
                            ("Cllr Lewis asked about reserves.", 1),
                            ("Cllr Grey thanked the Clerk.", 0)]:
            add_paragraph_in(s, second.id, text, level)
        resolution = add_paragraph_in(s, second.id, "The report be noted.", 0,
                                      ParagraphStyle.RESOLUTION)
        add_flag_in(s, resolution.id, ResolutionFields(form=ResolutionForm.NOTED))
        third = add_item_in(s, meeting.id, "Any other business")
        add_paragraph_in(s, third.id, "There was no other business.", 0,
                         ParagraphStyle.UNNUMBERED)
        return meeting.id


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", SCHEMES)
def test_each_scheme_is_detected_from_a_word_document(db, fresh, tmp_path, name, mode):
    scheme, template, start = SCHEMES[name]
    meeting = build_meeting(db, scheme, template, start)
    word = export_meeting(db, meeting, tmp_path / "minutes.docx", literal_numbers=MODES[mode])
    report = import_file(fresh, word)
    assert (report.items, report.paragraphs, report.sub_points, report.resolutions) == (3, 4, 3, 1)
    assert committee_settings(fresh, "Resources Committee")[:3] == (scheme, template, start)
    assert shown(fresh, report.meeting_id) == shown(db, meeting)
    assert not [w for w in report.warnings if "out of sequence" in w or "Not placed" in w]


# --- documents typed in Word by hand ----------------------------------------------------------


def word_file(path: Path, paragraphs: list[tuple[str, str | None]], bold: set[int] = frozenset()):
    """A .docx of (text, style) paragraphs; indexes in `bold` are set in bold throughout."""
    document = docx.Document()
    for index, (text, style) in enumerate(paragraphs):
        paragraph = document.add_paragraph(style=style)
        paragraph.add_run(text).bold = True if index in bold else None
    document.save(path)
    return path


TYPED = {
    "1) a)": (["# Budget", "1)\tMr Love introduced the report.", "a)\tMs Hannon asked a question.",
               "b)\tMr Love replied.", "2)\tThe Chair thanked him."],
              ParagraphScheme.PAREN, None, [("1)", 0), ("a)", 1), ("b)", 1), ("2)", 0)]),
    "1. (a)": (["# Budget", "1.\tMr Love introduced the report.",
                "(a)\tMs Hannon asked a question.", "(b)\tMr Love replied.",
                "2.\tThe Chair thanked him."],
               ParagraphScheme.DOT, None, [("1.", 0), ("(a)", 1), ("(b)", 1), ("2.", 0)]),
    "13.1": (["# 13. Budget", "13.1 Mr Love introduced the report.",
              "13.1.1 Ms Hannon asked a question.", "13.2 The Chair thanked him."],
             ParagraphScheme.DECIMAL, ("{n}", 13), [("13.1", 0), ("13.1.1", 1), ("13.2", 0)]),
    "35/20": (["# 35/20 Budget", "1)\tMr Love introduced the report.", "# 36/20 Any other business",
               "1)\tThere was none."],
              ParagraphScheme.PAREN, ("{n}/20", 35), [("1)", 0)]),
    "PLA146/14": (["# PLA146/14 Land at Mill Lane", "1.\tMr Love introduced the application.",
                   "PLA147/14 Land at Church Lane", "1.\tThe application was withdrawn."],
                  ParagraphScheme.DOT, ("PLA{n}/14", 146), [("1.", 0)]),
    "parish 334": (["# 334. Apologies for absence", "Apologies were received from Cllr Dunn.",
                    "338. Planning", "338.1 No objection to 24/00412/HH.",
                    "338.2 The Council objected to 24/00437/FUL."],
                   ParagraphScheme.DECIMAL, ("{n}", 334), [("", 0)]),
}


@pytest.mark.parametrize("name", TYPED)
def test_typed_numbers_in_word_with_heading_styles(fresh, tmp_path, name):
    lines, scheme, numbering, first_item = TYPED[name]
    paragraphs = [(text[2:], "Heading 1") if text.startswith("# ") else (text, None)
                  for text in lines]
    path = word_file(tmp_path / "typed.docx", paragraphs)
    report = import_file(fresh, path, committee="Typed Committee", date=dt.date(2024, 1, 9))
    view = load_minutes(fresh, report.meeting_id)
    settings = committee_settings(fresh, "Typed Committee")
    assert settings[0] == scheme
    if numbering:
        assert settings[1:3] == numbering
    assert [(p.label, p.level) for p in view.items[0].paragraphs] == first_item
    assert all(item.title[0].isupper() and not item.title[0].isdigit() for item in view.items)


def test_bold_numbered_lines_head_items_without_heading_styles(fresh, tmp_path):
    path = word_file(tmp_path / "parish.docx", [
        ("Ashby Green Parish Council", None),
        ("Minutes of the meeting held on 5 September 2024 at 7.30pm", None),
        ("334. Apologies for absence", None),
        ("Apologies were received from Cllr Brown.", None),
        ("335. Finance", None),
        ("335.1 The Clerk presented the payments list.", None),
        ("335.2 AGREED: to approve the payments.", None),
        ("Any other business", None),
        ("There was none.", None),
    ], bold={0, 2, 4, 7})
    report = import_file(fresh, path)
    view = load_minutes(fresh, report.meeting_id)
    assert [(i.label, i.title) for i in view.items] == [
        ("334", "Apologies for absence"), ("335", "Finance"), ("336", "Any other business")]
    assert [p.label for p in view.items[1].paragraphs] == ["335.1", "335.2"]
    assert report.resolutions == 1
    assert (view.date, view.time) == (dt.date(2024, 9, 5), dt.time(19, 30))


def add_list(document, formats: list[tuple[str, str]]) -> int:
    """A multi-level list definition (numFmt, lvlText per level) and a list using it."""
    numbering = document.part.numbering_part.element
    abstract_id = 90
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>' for i, (fmt, text) in enumerate(formats))
    abstract = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
                         f"{levels}</w:abstractNum>")
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90">'
                               f'<w:abstractNumId w:val="{abstract_id}"/></w:num>'))
    return 90


def numbered(document, text: str, num_id: int, level: int) -> None:
    paragraph = document.add_paragraph(text)
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = level
    num_pr.get_or_add_numId().val = num_id


def test_word_numbering_tells_letter_i_from_roman_one(fresh, tmp_path):
    """Typed, "(i)" after "(h)" is ambiguous; Word's numbering says which it is."""
    document = docx.Document()
    num_id = add_list(document, [("decimal", "%1."), ("lowerLetter", "(%2)"),
                                 ("lowerRoman", "(%3)")])
    document.add_paragraph("Questions", style="Heading 1")
    numbered(document, "Members asked nine questions.", num_id, 0)
    for n in range(9):
        numbered(document, f"Question {n + 1}.", num_id, 1)
    numbered(document, "A detail of the ninth question.", num_id, 2)
    numbered(document, "The Chair closed the item.", num_id, 0)
    document.save(tmp_path / "letters.docx")
    report = import_file(fresh, tmp_path / "letters.docx", committee="C", date=dt.date(2024, 1, 2))
    paragraphs = load_minutes(fresh, report.meeting_id).items[0].paragraphs
    assert [p.label for p in paragraphs][8:] == ["(h)", "(i)", "(i)", "2."]
    assert [p.level for p in paragraphs][8:] == [1, 1, 2, 0]
    assert committee_settings(fresh, "C")[0] == ParagraphScheme.DOT


def test_list_number_style_paragraphs_are_numbered_by_their_style(fresh, tmp_path):
    path = word_file(tmp_path / "styled.docx", [
        ("Highways update", "Heading 1"),
        ("Tom Fairweather introduced the report.", "List Number"),
        ("Mrs Dean asked about potholes.", "List Number"),
        ("RESOLVED – that the report be noted.", None),
    ])
    report = import_file(fresh, path, committee="Highways", date=dt.date(2024, 1, 2))
    view = load_minutes(fresh, report.meeting_id)
    assert [(p.label, p.text) for p in view.items[0].paragraphs][:2] == [
        ("1.", "Tom Fairweather introduced the report."), ("2.", "Mrs Dean asked about potholes.")]
    assert committee_settings(fresh, "Highways")[0] == ParagraphScheme.DOT
    assert report.resolutions == 1


def test_items_laid_out_in_a_table_and_tracked_changes(fresh, tmp_path):
    document = docx.Document()
    document.add_paragraph("Cabinet - Thursday, 7th March, 2024 6.30 pm")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "56.", "Apologies for Absence"
    table.cell(1, 0).text, table.cell(1, 1).text = "57.", "Declarations of Interest"
    table.cell(0, 1).add_paragraph("Minutes:")
    table.cell(0, 1).add_paragraph("Apologies were received from Councillor Webb.")
    table.cell(1, 1).add_paragraph("Minutes:")
    changed = table.cell(1, 1).add_paragraph()
    changed._p.append(parse_xml(
        f'<w:del {nsdecls("w")} w:id="1" w:author="A" w:date="2024-03-08T00:00:00Z">'
        "<w:r><w:delText>No interests were declared. </w:delText></w:r></w:del>"))
    changed._p.append(parse_xml(
        f'<w:ins {nsdecls("w")} w:id="2" w:author="A" w:date="2024-03-08T00:00:00Z">'
        "<w:r><w:t>There were no declarations of interest.</w:t></w:r></w:ins>"))
    document.save(tmp_path / "table.docx")
    report = import_file(fresh, tmp_path / "table.docx")
    view = load_minutes(fresh, report.meeting_id)
    assert report.committee == "Cabinet" and view.time == dt.time(18, 30)
    assert [(i.label, i.title) for i in view.items] == [
        ("56", "Apologies for Absence"), ("57", "Declarations of Interest")]
    assert [p.text for p in view.items[1].paragraphs] == [
        "There were no declarations of interest."]


def test_what_cannot_be_placed_is_reported(fresh, tmp_path):
    path = word_file(tmp_path / "messy.docx", [
        ("Planning Committee", None),
        ("Please remember to sign the attendance sheet before you leave tonight.", None),
        ("Land at Mill Lane", "Heading 1"),
        ("(a)\tA sub-point with no paragraph above it.", None),
        ("1.\tThe first paragraph.", None),
        ("2.\tThe second paragraph.", None),
        ("4.\tA paragraph whose number skips one.", None),
    ])
    report = import_file(fresh, path, date=dt.date(2024, 1, 2))
    warnings = "\n".join(report.warnings)
    assert 'Not placed: "Please remember to sign the attendance sheet' in warnings
    assert "Sub-point (a) in item 1 has no numbered paragraph above it" in warnings
    assert "Paragraph 4 in item 1 is out of sequence (expected 4)" not in warnings
    assert "Paragraph 4 in item 1 is out of sequence (expected 3)" in warnings


def test_a_word_file_named_txt_is_read_as_word(db, tmp_path):
    path = word_file(tmp_path / "minutes.txt", [
        ("Budget", "Heading 1"), ("1)\tMr Love introduced the report.", None)])
    report = import_file(db, path, committee="C", date=dt.date(2024, 1, 2))
    assert [p.text for p in load_minutes(db, report.meeting_id).items[0].paragraphs] == [
        "Mr Love introduced the report."]


# --- files that cannot be read ----------------------------------------------------------------


def set_encrypted_flag(path: Path) -> None:
    """Mark every entry of a zip as encrypted (general purpose flag bit 0)."""
    data = bytearray(path.read_bytes())
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (start := data.find(signature, start)) != -1:
            flags = struct.unpack_from("<H", data, start + offset)[0]
            struct.pack_into("<H", data, start + offset, flags | 0x1)
            start += 4
    path.write_bytes(bytes(data))


def bad_word_files(tmp_path: Path) -> dict[str, Path]:
    good = word_file(tmp_path / "good.docx", [("Budget", "Heading 1"), ("1) Hello.", None)])
    files = {name: tmp_path / name for name in (
        "random.docx", "empty.docx", "blank.docx", "old.doc", "locked-zip.docx",
        "locked-office.docx", "truncated.docx", "archive.docx", "notes.odt")}
    files["random.docx"].write_bytes(bytes((i * 73 + 19) % 256 for i in range(4096)))
    files["empty.docx"].write_bytes(b"")
    docx.Document().save(files["blank.docx"])
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    files["old.doc"].write_bytes(ole + "WordDocument".encode("utf-16-le") + b"\x00" * 512)
    files["locked-office.docx"].write_bytes(
        ole + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 512)
    files["locked-zip.docx"].write_bytes(good.read_bytes())
    set_encrypted_flag(files["locked-zip.docx"])
    files["truncated.docx"].write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    with zipfile.ZipFile(files["archive.docx"], "w") as archive:
        archive.writestr("readme.txt", "not minutes")
    with zipfile.ZipFile(files["notes.odt"], "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    return files


BAD = {
    "random.docx": "not a valid Word document",
    "empty.docx": "is empty",
    "blank.docx": "contains no text",
    "old.doc": "old Word 97-2003 document",
    "locked-zip.docx": "password-protected",
    "locked-office.docx": "password-protected",
    "truncated.docx": "damaged",
    "archive.docx": "not a Word document",
    "notes.odt": "OpenDocument",
}


@pytest.mark.parametrize("name", BAD)
def test_unreadable_files_fail_with_one_line_and_change_nothing(db, tmp_path, name):
    import_text_file(db, FIXTURES / "ashby-green-decimal-style.txt")  # something to protect
    before = row_counts(db)
    with pytest.raises(ImportFailed) as failure:
        import_file(db, bad_word_files(tmp_path)[name])
    message = str(failure.value)
    assert BAD[name] in message and name in message
    assert "\n" not in message
    assert row_counts(db) == before


def test_missing_file_and_folder(db, tmp_path):
    with pytest.raises(ImportFailed, match="There is no file at"):
        import_file(db, tmp_path / "nowhere.docx")
    with pytest.raises(ImportFailed, match="is a folder"):
        import_file(db, tmp_path)


def test_heading_styles_for_the_title_and_for_items(fresh, tmp_path):
    """Heading 1 names the committee, Heading 2 each item; the first item's heading is
    followed by a plain sentence, not a numbered paragraph."""
    path = word_file(tmp_path / "headings.docx", [
        ("Planning Committee", "Heading 1"),
        ("Minutes of the meeting held on 5 May 2024", None),
        ("Present: Cllr Jones (Chair), Cllr Patel", None),
        ("Apologies for absence", "Heading 2"),
        ("Apologies were received from Cllr Brown.", None),
        ("Declarations of interest", "Heading 2"),
        ("There were none.", None),
    ])
    report = import_file(fresh, path)
    view = load_minutes(fresh, report.meeting_id)
    assert report.committee == "Planning Committee" and view.date == dt.date(2024, 5, 5)
    assert [(i.title, [p.text for p in i.paragraphs]) for i in view.items] == [
        ("Apologies for absence", ["Apologies were received from Cllr Brown."]),
        ("Declarations of interest", ["There were none."])]


def test_exempt_item_of_the_full_version_comes_back_exempt(db, fresh, tmp_path):
    from clerkdesk.services.agenda import set_item_exempt

    meeting = build_meeting(db, ParagraphScheme.PAREN, "{n}", 1)
    set_item_exempt(db, load_minutes(db, meeting).items[1].id, 3)
    word = export_meeting(db, meeting, tmp_path / "full.docx", full=True)
    report = import_file(fresh, word)
    item = load_minutes(fresh, report.meeting_id).items[1]
    assert (item.title, item.exempt, item.exempt_paragraph) == ("Budget monitoring", True, 3)
    assert shown(fresh, report.meeting_id) == shown(db, meeting)
