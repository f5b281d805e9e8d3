"""Word export read back with python-docx: same text and levels as `show`, real numbering,
named styles, public/full versions, properties, house templates, the seed, LibreOffice."""

import datetime as dt
import getpass
import io
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from support.published import shown

from clerkdesk.domain.enums import AttendanceStatus, Audience, MeetingStatus, ParagraphStyle
from clerkdesk.domain.minutes import (
    AttendeeView,
    DocumentView,
    ItemView,
    MinutesView,
    ParagraphView,
)
from clerkdesk.domain.numbering import ParagraphScheme, alpha, roman
from clerkdesk.domain.publication import published
from clerkdesk.domain.text import xml_invalid_characters
from clerkdesk.errors import ExportFailed
from clerkdesk.export import docx_styles as styles
from clerkdesk.export.docx_writer import ExportOptions, build_document
from clerkdesk.export.plaintext import paragraph_line
from clerkdesk.resources import resource_path
from clerkdesk.services.committees import find_or_create_committee
from clerkdesk.services.demo import load_demo
from clerkdesk.services.export import export_meeting
from clerkdesk.services.imports import import_text_file
from clerkdesk.services.meetings import add_item_in, create_meeting_in
from clerkdesk.services.minutes import load_minutes
from clerkdesk.services.paragraphs import add_paragraph_in
from clerkdesk.storage.database import Database
from clerkdesk.storage.models import Committee, Meeting

EXEMPT_PHRASE = "preferred bidder's pricing"  # only in the demo's exempt item
SHOW_INDENT = "    "
FORMATTERS = {"decimal": str, "lowerLetter": alpha, "lowerRoman": roman}
HEADING_STYLES = {styles.COUNCIL, styles.TITLE, styles.MEETING_DETAILS, styles.DRAFT_NOTICE,
                  styles.ATTENDANCE}


# --- reading a .docx back -------------------------------------------------------------------

def xml_parts(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name).decode("utf-8", "replace")
                for name in archive.namelist() if name.endswith((".xml", ".rels"))}


def numbering_tables(document) -> tuple[dict, dict]:
    """numId -> (abstractNumId, start overrides); abstractNumId -> {ilvl: (numFmt, lvlText)}."""
    root = document.part.numbering_part.element
    abstracts = {}
    for abstract in root.findall(qn("w:abstractNum")):
        levels = {}
        for lvl in abstract.findall(qn("w:lvl")):
            levels[int(lvl.get(qn("w:ilvl")))] = (lvl.find(qn("w:numFmt")).get(qn("w:val")),
                                                  lvl.find(qn("w:lvlText")).get(qn("w:val")))
        abstracts[abstract.get(qn("w:abstractNumId"))] = levels
    nums = {}
    for num in root.findall(qn("w:num")):
        overrides = {int(o.get(qn("w:ilvl"))): int(o.find(qn("w:startOverride")).get(qn("w:val")))
                     for o in num.findall(qn("w:lvlOverride"))
                     if o.find(qn("w:startOverride")) is not None}
        nums[num.get(qn("w:numId"))] = (num.find(qn("w:abstractNumId")).get(qn("w:val")), overrides)
    return nums, abstracts


def word_numbers(document) -> list[tuple[str, int] | None]:
    """Each body paragraph's (label, level) as Word would number it, from numbering.xml."""
    nums, abstracts = numbering_tables(document)
    counters: dict[str, list[int]] = {}
    result = []
    for paragraph in document.paragraphs:
        num_pr = paragraph._p.pPr.numPr if paragraph._p.pPr is not None else None
        if num_pr is None:
            result.append(None)
            continue
        num_id, level = str(num_pr.numId.val), num_pr.ilvl.val
        abstract_id, overrides = nums[num_id]
        counts = counters.setdefault(num_id, [overrides.get(n, 1) - 1 for n in range(9)])
        counts[level] += 1
        for deeper in range(level + 1, 9):
            counts[deeper] = 0
        result.append((level_label(abstracts[abstract_id], counts, level), level))
    return result


def level_label(levels: dict, counts: list[int], level: int) -> str:
    """Word's lvlText with each %n replaced by counter n in its level's number format."""
    def number(match: re.Match) -> str:
        n = int(match[1]) - 1
        return FORMATTERS[levels[n][0]](counts[n])

    return re.sub(r"%(\d)", number, levels[level][1])


def show_line(level: int, label: str, text: str) -> str:
    view = ParagraphView(0, level, ParagraphStyle.NUMBERED, label, text, text)
    return paragraph_line(view, "")


def docx_as_show(path: Path) -> str:
    """The Word file laid out as `clerkdesk show` lays out minutes (labels from numbering.xml)."""
    document = docx.Document(str(path))
    heading: list[str] = []
    blocks: list[str] = []
    marking = [p.text for p in document.sections[0].header.paragraphs
               if p.style.name in (styles.RESTRICTED_MARKING, styles.RESTRICTED_MARKING_NOTE)]
    for paragraph, number in zip(document.paragraphs, word_numbers(document), strict=True):
        style, text = paragraph.style.name, paragraph.text
        if style in HEADING_STYLES:
            heading.append(text.replace(":\t", ": "))
        elif style == styles.DOCUMENT:
            blocks[-1] += "\n" + SHOW_INDENT + text
        elif number is not None:
            label, level = number
            assert style == styles.NUMBERED_STYLES[level]
            blocks.append(show_line(level, label, text))
        elif style in styles.NUMBERED_STYLES:  # literal numbers: "1)\ttext"
            label, body = text.split("\t", 1)
            blocks.append(show_line(styles.NUMBERED_STYLES.index(style), label, body))
        elif style in styles.UNNUMBERED_STYLES:
            blocks.append(show_line(styles.UNNUMBERED_STYLES.index(style), "", text))
        else:
            blocks.append(text)
    banner = ["\n".join(marking)] if marking else []
    return "\n\n".join([*banner, "\n".join(heading), *blocks]) + "\n"


# --- building meetings ----------------------------------------------------------------------

@pytest.fixture
def demo(db: Database) -> int:
    return load_demo(db)


def export(db: Database, meeting_id: int, path: Path, **options) -> Path:
    return export_meeting(db, meeting_id, path, **options)


def scheme_meeting(db: Database, scheme: ParagraphScheme, template: str = "{n}",
                   start: int = 1, council: str = "Little Snoring Parish Council") -> int:
    """Two items with paragraphs, sub-points, sub-sub-points, a note and a resolution each."""
    with db.transaction() as session:
        committee = find_or_create_committee(session, f"Committee {scheme} {template}", council)
        committee.paragraph_scheme = scheme
        committee.item_number_template = template
        committee.item_number_start = start
        meeting = create_meeting_in(session, committee.id, dt.date(2026, 3, 4), dt.time(19, 30),
                                    "Village Hall")
        for number in range(2):
            item = add_item_in(session, meeting.id, f"Business item {number}")
            for i in range(11):
                add_paragraph_in(session, item.id, f"Paragraph {i} of item {number}.")
                if i % 5 == 1:
                    add_paragraph_in(session, item.id, "A sub-point with\na line break.", level=1)
                    add_paragraph_in(session, item.id, "A sub-sub-point.", level=2)
            add_paragraph_in(session, item.id, "An unnumbered note.",
                             style=ParagraphStyle.UNNUMBERED)
            add_paragraph_in(session, item.id, "An indented note.", level=1,
                             style=ParagraphStyle.UNNUMBERED)
            add_paragraph_in(session, item.id, "the report be noted.",
                             style=ParagraphStyle.RESOLUTION)
        return meeting.id


def set_status(db: Database, meeting_id: int, status: MeetingStatus) -> None:
    with db.transaction() as session:
        session.get(Meeting, meeting_id).status = status


def set_template(db: Database, meeting_id: int, template: Path | None) -> None:
    with db.transaction() as session:
        committee = session.get(Committee, session.get(Meeting, meeting_id).committee_id)
        committee.template_path = str(template) if template else None


# --- text and numbering equal `show` --------------------------------------------------------

def test_full_version_reads_back_as_show(db, demo, tmp_path):
    path = export(db, demo, tmp_path / "full.docx", full=True)
    assert docx_as_show(path) == shown(load_minutes(db, demo))


def test_public_version_reads_back_as_show_without_exempt_content(db, demo, tmp_path):
    path = export(db, demo, tmp_path / "public.docx")
    view = load_minutes(db, demo)
    assert docx_as_show(path) == shown(view, Audience.PUBLIC)
    assert docx_as_show(path) != shown(view)  # the demo does have exempt content


def test_literal_numbers_read_back_as_show_without_word_numbering(db, demo, tmp_path):
    path = export(db, demo, tmp_path / "web.docx", full=True, literal_numbers=True)
    assert docx_as_show(path) == shown(load_minutes(db, demo))
    assert "<w:numPr>" not in xml_parts(path)["word/document.xml"]


@pytest.mark.parametrize("scheme, template, start, expected_levels", [
    (ParagraphScheme.PAREN, "{n}", 1, [("decimal", "%1)"), ("lowerLetter", "%2)"),
                                       ("lowerRoman", "%3)")]),
    (ParagraphScheme.DOT, "{n}", 1, [("decimal", "%1."), ("lowerLetter", "(%2)"),
                                     ("lowerRoman", "(%3)")]),
    (ParagraphScheme.DECIMAL, "{n}", 13, [("decimal", "13.%1"), ("decimal", "13.%1.%2"),
                                          ("decimal", "13.%1.%2.%3")]),
    (ParagraphScheme.DECIMAL, "PLA{n}/14", 146, [("decimal", "PLA146/14.%1"),
                                                 ("decimal", "PLA146/14.%1.%2"),
                                                 ("decimal", "PLA146/14.%1.%2.%3")]),
])
@pytest.mark.parametrize("literal", [False, True])
def test_each_scheme_numbers_as_show(db, tmp_path, scheme, template, start, expected_levels,
                                     literal):
    meeting = scheme_meeting(db, scheme, template, start)
    path = export(db, meeting, tmp_path / "minutes.docx", full=True, literal_numbers=literal)
    assert docx_as_show(path) == shown(load_minutes(db, meeting))
    if literal:
        return
    document = docx.Document(str(path))
    nums, abstracts = numbering_tables(document)
    first_list = next(n for n in word_numbers(document) if n)
    used = {str(p._p.pPr.numPr.numId.val) for p in document.paragraphs
            if p._p.pPr is not None and p._p.pPr.numPr is not None}
    assert len(used) == 2, "each agenda item is its own list"
    assert all(nums[num_id][1] == {0: 1} for num_id in used), "every list restarts at 1"
    first_abstract = abstracts[nums[min(used, key=int)][0]]
    assert [first_abstract[level] for level in range(3)] == expected_levels
    assert first_list[1] == 0


def test_a_paragraph_inserted_in_word_renumbers_the_rest(db, demo, tmp_path):
    path = export(db, demo, tmp_path / "minutes.docx")
    document = docx.Document(str(path))
    before = [n[0] for n in word_numbers(document) if n and n[1] == 0]
    first = next(p for p, n in zip(document.paragraphs, word_numbers(document), strict=True)
                 if n == ("2)", 0))
    copy = first.insert_paragraph_before("A paragraph the clerk added in Word.", first.style)
    copy._p.get_or_add_pPr().append(copy_of(first._p.pPr.numPr))
    after = [n[0] for n in word_numbers(document) if n and n[1] == 0]
    assert len(after) == len(before) + 1
    assert after.count("9)") == before.count("9)") + 1  # item 4 now runs to 9)


def copy_of(element):
    import copy

    return copy.deepcopy(element)


def test_a_sub_point_with_no_paragraph_above_numbers_like_show(db, tmp_path):
    with db.transaction() as session:
        committee = find_or_create_committee(session, "Licensing Committee")
        meeting = create_meeting_in(session, committee.id, dt.date(2026, 5, 1))
        item = add_item_in(session, meeting.id, "Applications")
        add_paragraph_in(session, item.id, "Starts as a sub-point.", level=1)
        add_paragraph_in(session, item.id, "Then a real sub-point.", level=1)
        meeting_id = meeting.id
    path = export(db, meeting_id, tmp_path / "odd.docx")
    numbers = [n for n in word_numbers(docx.Document(str(path))) if n]
    assert numbers == [("1)", 0), ("a)", 1)]
    labels = [p.label for p in load_minutes(db, meeting_id).items[0].paragraphs]
    assert labels == ["1)", "a)"]


# --- styles, heading block, resolutions -----------------------------------------------------

def test_only_named_styles_are_used_and_no_fonts_are_hard_coded(db, demo, tmp_path):
    path = export(db, demo, tmp_path / "minutes.docx", full=True)
    document = docx.Document(str(path))
    used = {p.style.name for p in document.paragraphs}
    assert used <= {s.name for s in styles.STYLES}
    assert {styles.TITLE, styles.ITEM_HEADING, styles.MINUTE, styles.SUB_POINT,
            styles.RESOLUTION, styles.ATTENDANCE} <= used
    body = xml_parts(path)["word/document.xml"]
    for direct in ("<w:rFonts", "<w:sz ", "<w:b/>", "<w:color", "<w:ind "):
        assert direct not in body, f"direct formatting {direct} in the body"


def test_default_template_holds_the_styles_and_nothing_else(tmp_path):
    template = resource_path("minutes-template.docx")
    assert template.is_file(), "run tools/make_template.py"
    document = docx.Document(str(template))
    names = {s.name for s in document.styles}
    assert {spec.name for spec in styles.STYLES} <= names
    assert document.paragraphs == [] and document.tables == []
    normal = document.styles["Normal"]
    assert (normal.font.name, normal.font.size.pt) == ("Arial", 11)
    section = document.sections[0]
    assert (section.page_width.mm, section.page_height.mm) == pytest.approx((210, 297), abs=0.5)
    parts = xml_parts(template)
    assert "python-docx" not in parts["docProps/core.xml"]
    assert "docProps/thumbnail.jpeg" not in zipfile.ZipFile(template).namelist()


def test_heading_block_has_attendance_and_draft_marking(db, demo, tmp_path):
    path = export(db, demo, tmp_path / "minutes.docx")
    document = docx.Document(str(path))
    texts = [(p.style.name, p.text) for p in document.paragraphs[:10]]
    assert texts[:4] == [
        (styles.COUNCIL, "Westmere County Council"),
        (styles.TITLE, "Adult Social Care Scrutiny Sub-Committee"),
        (styles.MEETING_DETAILS, "Minutes of a meeting held on 14 October 2026 at 10:00, "
                                 "Council Chamber, County Hall, Westmere"),
        (styles.DRAFT_NOTICE, "DRAFT – subject to approval"),
    ]
    attendance = {text.split(":\t")[0]: text.split(":\t")[1] for style, text in texts
                  if style == styles.ATTENDANCE}
    assert attendance == {
        "Present": "Mrs Okafor (Chair), Mr Pemberton (Vice-Chair), Cllr Ashworth, "
                   "Mr Brennan (remote), Mr Doyle, Mr Gill (substitute for Ms Chaudhry)",
        "Also present": "Mr Wetherall (Cabinet Member for Adult Social Care)",
        "In attendance": "Joanna Marsh (Corporate Director, Adult Social Care and Health), "
                         "Tomasz Nowak (Head of Commissioning), Grace Adeyemi (Finance Business "
                         "Partner), Owen Price (Democratic Services Officer)",
        "Apologies": "Ms Chaudhry",
    }
    label_run = document.paragraphs[4].runs[0]
    assert (label_run.text, label_run.style.name) == ("Present:", styles.ATTENDANCE_LABEL)
    assert label_run.style.font.bold


def test_approved_minutes_carry_no_draft_marking(db, demo, tmp_path):
    set_status(db, demo, MeetingStatus.APPROVED)
    path = export(db, demo, tmp_path / "minutes.docx")
    assert all("DRAFT" not in text for text in xml_parts(path).values())
    assert docx.Document(str(path)).core_properties.content_status == "Approved"


def test_resolved_is_bold_in_the_committees_form(db, tmp_path):
    meeting = scheme_meeting(db, ParagraphScheme.DOT)
    with db.transaction() as session:
        session.get(Committee, session.get(Meeting, meeting).committee_id).resolution_prefix = (
            "RESOLVED that")
    path = export(db, meeting, tmp_path / "minutes.docx")
    resolutions = [p for p in docx.Document(str(path)).paragraphs
                   if p.style.name == styles.RESOLUTION]
    assert len(resolutions) == 2
    for paragraph in resolutions:
        assert paragraph.text == "RESOLVED that the report be noted."
        first = paragraph.runs[0]
        assert (first.text, first.style.name) == ("RESOLVED that", styles.RESOLVED_LABEL)
        assert first.style.font.bold


def test_text_word_cannot_hold_is_cleaned_not_a_crash(tmp_path):
    bad = "Bad\x00 text\x08 with\x0b controls\x0c,\x1f a lone \ud800 surrogate and \ufffe"
    view = MinutesView(
        meeting_id=1, committee="Committee\x01", council="Council\x02", date=dt.date(2026, 1, 5),
        time=None, venue="Hall\x03", status=MeetingStatus.DRAFT,
        resolution_prefix="RESOLVED\x04 –",
        items=(ItemView(1, "1", "Title\x05", paragraphs=(
            ParagraphView(1, 0, ParagraphStyle.NUMBERED, "1)", bad, bad),
            ParagraphView(2, 0, ParagraphStyle.RESOLUTION, "", bad, bad),
        ), documents=(DocumentView("Report\x06"),)),),
        attendance=(AttendeeView(1, "Mr X\x07", AttendanceStatus.PRESENT),),
    )
    document = build_document(published(view, Audience.PUBLIC), ExportOptions())
    buffer = io.BytesIO()
    document.save(buffer)
    reread = docx.Document(io.BytesIO(buffer.getvalue()))
    texts = [p.text for p in reread.paragraphs]
    assert not any(xml_invalid_characters(text) for text in texts)
    assert "Bad text with\ncontrols , a lone surrogate and" in texts  # a vertical tab: a line break
    assert "Committee" in texts and "RESOLVED – Bad text with\ncontrols , a lone surrogate and" \
        in texts


def test_supporting_documents_follow_the_item(db, demo, tmp_path):
    path = export(db, demo, tmp_path / "minutes.docx")
    paragraphs = docx.Document(str(path)).paragraphs
    index = next(i for i, p in enumerate(paragraphs) if p.text == "Supporting documents:")
    assert paragraphs[index].style.name == styles.DOCUMENTS_HEADING
    assert [(p.style.name, p.text) for p in paragraphs[index + 1:index + 3]] == [
        (styles.DOCUMENT, "Report of the Corporate Director, Adult Social Care and Health"),
        (styles.DOCUMENT, "Appendix A – Home Care Market Position Statement"),
    ]


# --- public and full versions ---------------------------------------------------------------

def test_public_version_leaves_exempt_text_out_of_every_part(db, demo, tmp_path):
    path = export(db, demo, tmp_path / "public.docx")
    parts = xml_parts(path)
    assert len(parts) > 8
    assert not [name for name, text in parts.items() if EXEMPT_PHRASE in text.replace(
        "&apos;", "'")]
    headings = [p.text for p in docx.Document(str(path)).paragraphs
                if p.style.name == styles.ITEM_HEADING]
    assert headings[-1] == ("7. Contract Award – Extra Care Housing, Westmere North "
                            "(exempt – Schedule 12A paragraph 3)")
    body = parts["word/document.xml"]
    assert "the press and public be excluded" in body, "the exclusion resolution stays"
    assert "NOT FOR PUBLICATION" not in "".join(parts.values())


def test_full_version_includes_exempt_text_and_marks_every_page(db, demo, tmp_path):
    path = export(db, demo, tmp_path / "full.docx", full=True)
    parts = xml_parts(path)
    assert EXEMPT_PHRASE in parts["word/document.xml"].replace("&apos;", "'")
    headers = {name: text for name, text in parts.items() if re.match(r"word/header\d*\.xml",
                                                                       name)}
    assert headers
    document = docx.Document(str(path))
    for section in document.sections:
        assert section.header.paragraphs[0].text == "NOT FOR PUBLICATION"
        assert section.header.paragraphs[0].style.name == styles.RESTRICTED_MARKING
        assert "paragraph 3 of Part 1 of Schedule 12A" in section.header.paragraphs[1].text
    assert document.core_properties.subject.endswith("not for publication")


def test_footer_numbers_the_pages(db, demo, tmp_path):
    path = export(db, demo, tmp_path / "minutes.docx")
    footers = [text for name, text in xml_parts(path).items() if "footer" in name
               and name.endswith(".xml")]
    assert len(footers) == 1
    assert 'w:instr=" PAGE "' in footers[0] and 'w:instr=" NUMPAGES "' in footers[0]
    footer = docx.Document(str(path)).sections[0].footer.paragraphs[0]
    assert footer.text.startswith("Page ") and footer.style.name == styles.FOOTER


# --- document properties --------------------------------------------------------------------

def test_core_properties_name_the_council_never_the_user(db, demo, tmp_path):
    path = export(db, demo, tmp_path / "minutes.docx")
    props = docx.Document(str(path)).core_properties
    assert props.author == props.last_modified_by == "Westmere County Council"
    assert props.title == "Adult Social Care Scrutiny Sub-Committee – minutes of 14 October 2026"
    assert props.subject == "Minutes (public version)"
    assert props.comments == ""
    assert props.created.date() == dt.datetime.now(dt.UTC).date()
    parts = xml_parts(path)
    user = re.compile(rf"\b{re.escape(getpass.getuser())}\b", re.IGNORECASE)
    for name in ("docProps/core.xml", "docProps/app.xml"):
        assert "python-docx" not in parts[name]
        assert not user.search(parts[name]), f"the login name appears in {name}"
    assert "Microsoft Macintosh Word" not in parts["docProps/app.xml"]


def test_author_is_the_committee_when_no_council_is_known(db, tmp_path):
    meeting = scheme_meeting(db, ParagraphScheme.PAREN, council="")
    path = export(db, meeting, tmp_path / "minutes.docx")
    assert docx.Document(str(path)).core_properties.author == "Committee paren {n}"


# --- house templates ------------------------------------------------------------------------

def house_template(path: Path, *, as_dotx: bool = False) -> Path:
    """A council template: its own CD Minute style, a logo-less header, some sample text."""
    document = docx.Document()
    minute = document.styles.add_style("CD Minute", 1)
    minute.font.name = "Times New Roman"
    document.add_paragraph("Sample text the council left in its template.")
    document.sections[0].header.paragraphs[0].text = "Anytown Borough Council"
    buffer = io.BytesIO()
    document.save(buffer)
    data = buffer.getvalue()
    if as_dotx:
        source = zipfile.ZipFile(io.BytesIO(data))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as target:
            for info in source.infolist():
                content = source.read(info.filename)
                if info.filename == "[Content_Types].xml":
                    content = content.replace(b"document.main+xml", b"template.main+xml")
                target.writestr(info, content)
        data = out.getvalue()
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("suffix", [".docx", ".dotx"])
def test_a_house_template_keeps_its_styles_and_header(db, demo, tmp_path, suffix):
    template = house_template(tmp_path / f"house{suffix}", as_dotx=suffix == ".dotx")
    set_template(db, demo, template)
    path = export(db, demo, tmp_path / "minutes.docx", full=True)
    document = docx.Document(str(path))
    assert "Sample text" not in xml_parts(path)["word/document.xml"]
    assert document.styles["CD Minute"].font.name == "Times New Roman"
    assert {spec.name for spec in styles.STYLES} <= {s.name for s in document.styles}
    header = [p.text for p in document.sections[0].header.paragraphs]
    assert header[0] == "NOT FOR PUBLICATION" and header[-1] == "Anytown Borough Council"
    assert docx_as_show(path) == shown(load_minutes(db, demo))


def test_a_missing_house_template_is_a_clear_error(db, demo, tmp_path):
    set_template(db, demo, tmp_path / "gone.dotx")
    with pytest.raises(ExportFailed, match=r"template .*gone\.dotx was not found"):
        export(db, demo, tmp_path / "minutes.docx")
    assert not (tmp_path / "minutes.docx").exists()


def test_a_house_template_that_is_not_word_is_a_clear_error(db, demo, tmp_path):
    bogus = tmp_path / "house.dotx"
    bogus.write_text("not a zip")
    set_template(db, demo, bogus)
    with pytest.raises(ExportFailed, match="not a Word template"):
        export(db, demo, tmp_path / "minutes.docx")


# --- the seed -------------------------------------------------------------------------------

def expected_seed_paragraphs(path: Path) -> list[str]:
    """An independent reading of the seed: one entry per labelled line or RESOLVED line."""
    expected = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = " ".join(raw.replace("\u00a0", " ").split())
        if match := re.match(r"^(?:\d+|[a-z])\)\s*(.*)$", line):
            expected.append(match.group(1))
        elif line.startswith("RESOLVED"):
            expected.append(line)
    return expected  # names as printed, "Sara Hammond" too (linked to Sarah Hammond)


@pytest.mark.seed
def test_seed_meeting_exports_its_paragraphs_word_for_word(db, seed_path, tmp_path):
    report = import_text_file(db, seed_path)
    path = export(db, report.meeting_id, tmp_path / "seed.docx")
    document = docx.Document(str(path))
    minute_styles = {*styles.NUMBERED_STYLES, styles.RESOLUTION}
    texts = [" ".join(p.text.split()) for p in document.paragraphs
             if p.style.name in minute_styles]
    assert texts == expected_seed_paragraphs(seed_path)
    assert len(texts) == 22 + 13 + 1
    numbers = [n for n in word_numbers(document) if n]
    assert numbers[-1] == ("22)", 0) and ("d)", 1) in numbers


# --- start-up cost and LibreOffice ----------------------------------------------------------

def test_importing_the_export_service_does_not_load_python_docx():
    code = ("import sys, clerkdesk.services.export, clerkdesk.cli.commands; "
            "print(any(m.split('.')[0] == 'docx' for m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60, check=True)
    assert result.stdout.strip() == "False"


@pytest.mark.slow
def test_libreoffice_converts_the_full_version(db, demo, tmp_path):
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: the PDF conversion check needs it")
    path = export(db, demo, tmp_path / "full.docx", full=True)
    profile = tmp_path / "lo-profile"
    result = subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to",
         "pdf", "--outdir", str(tmp_path), str(path)],
        capture_output=True, text=True, timeout=180,
    )
    pdf = tmp_path / "full.pdf"
    assert pdf.is_file() and pdf.stat().st_size > 5000, result.stderr
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                              text=True, check=True).stdout
        assert text.count("NOT FOR PUBLICATION") >= 2, "the marking is on every page"
        assert re.search(r"^\s*3\)\s+A Member asked how many people", text, re.MULTILINE)
        assert re.search(r"^\s*a\)\s+Tomasz Nowak replied", text, re.MULTILINE)
        assert "Page 1 of" in text


def test_resolution_style_and_vote_line_reach_the_word_file(db, tmp_path):
    import datetime as dt

    import docx
    from support.committee import change_setup

    from clerkdesk.domain.enums import ParagraphStyle
    from clerkdesk.domain.flag_fields import ResolutionFields
    from clerkdesk.domain.resolutions import ResolutionStyle
    from clerkdesk.services import committees, flags, meetings, paragraphs, workspace
    from clerkdesk.services.export import export_meeting

    committee = committees.create_committee(db, "Planning Committee", "Westmere County Council")
    change_setup(db, committee, resolution_style=ResolutionStyle.THAT)
    meeting = meetings.create_meeting(db, committee, dt.date(2026, 5, 1), agenda=["Application"])
    item = workspace.meeting_outline(db, meeting).items[0].id
    pid = paragraphs.add_paragraph(db, item, "The application be refused.",
                                   style=ParagraphStyle.RESOLUTION)
    flags.add_flag(db, pid, ResolutionFields(votes_for=6, votes_against=3, carried=True))
    target = export_meeting(db, meeting, tmp_path / "planning.docx")
    body = [p for p in docx.Document(target).paragraphs if p.text.startswith(("RESOLVED", "("))]
    assert [p.text for p in body] == [
        "RESOLVED that the application be refused.", "(Carried: 6 for, 3 against)"]
    assert body[0].runs[0].text == "RESOLVED" and body[0].runs[0].style.name == "CD Resolved"
