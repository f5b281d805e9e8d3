"""Every format family of real minutes, as our own fixture with its expected structure beside
it: items and their printed labels, paragraphs, sub-points, bullets, resolutions, attendance;
and every imported paragraph re-exported word for word (names included)."""

import datetime as dt
import json
from pathlib import Path

import pytest
from support.published import shown as render_minutes

from clerkdesk.domain.enums import ParagraphStyle
from clerkdesk.importers.parse import ParsedItem, parse_minutes
from clerkdesk.services.imports import import_text_file
from clerkdesk.services.minutes import load_minutes
from clerkdesk.storage.database import Database

FAMILIES = Path(__file__).resolve().parents[1] / "fixtures" / "import" / "families"
CASES = sorted(FAMILIES.glob("*.txt"))


def expected(path: Path) -> dict:
    return json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))


def shape(item: ParsedItem) -> dict:
    """An item as the expectations describe it (counts left out when zero)."""
    styles = [(p.style, p.level, p.style is ParagraphStyle.BULLET) for p in item.paragraphs]
    counts = {
        "paragraphs": sum(s is ParagraphStyle.NUMBERED and lv == 0 and not b
                          for s, lv, b in styles),
        "sub_points": sum(s is ParagraphStyle.NUMBERED and lv > 0 and not b
                          for s, lv, b in styles),
        "bullets": sum(b for _s, _lv, b in styles),
        "text": sum(s is ParagraphStyle.UNNUMBERED and not b for s, _lv, b in styles),
        "resolutions": sum(bool(p.resolution_prefix) for p in item.paragraphs),
    }
    return {"label": item.number_label, "title": item.title,
            **{key: value for key, value in counts.items() if value}}


def wanted_shape(item: dict) -> dict:
    return {key: value for key, value in item.items() if value or key in ("label", "title")}


def test_there_is_a_fixture_for_every_family() -> None:
    assert len(CASES) >= 12
    for path in CASES:
        assert path.with_suffix(".json").exists(), path.name


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_family_structure(path: Path) -> None:
    want = expected(path)
    parsed = parse_minutes(path.read_text(encoding="utf-8"))
    assert [shape(item) for item in parsed.items] == [wanted_shape(i) for i in want["items"]]
    for fragment in want.get("warnings", []):
        assert any(fragment in warning for warning in parsed.warnings), parsed.warnings


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_family_imports_heading_attendance_and_text_word_for_word(db: Database, path: Path):
    want = expected(path)
    before = path.read_bytes()
    report = import_text_file(db, path)
    assert path.read_bytes() == before
    view = load_minutes(db, report.meeting_id)
    assert report.committee == want["committee"]
    assert view.date == dt.date.fromisoformat(want["date"])
    counts = {word: report.attendance.get(word, 0) for word in want["attendance"]}
    assert counts == want["attendance"]
    rendered = render_minutes(view)
    parsed = parse_minutes(path.read_text(encoding="utf-8"))
    for item, shown in zip(parsed.items, view.items, strict=True):
        assert shown.title == item.title
        for paragraph in item.paragraphs:
            assert paragraph.text in rendered, paragraph.text


def test_bullets_are_stored_shown_and_exported_as_bullets(db: Database) -> None:
    from clerkdesk.domain.enums import Audience
    from clerkdesk.domain.publication import published
    from clerkdesk.export.docx_writer import ExportOptions, build_document

    report = import_text_file(db, FAMILIES / "bullets.txt")
    view = load_minutes(db, report.meeting_id)
    paragraphs = view.items[0].paragraphs
    assert [(p.style, p.label) for p in paragraphs] == [
        (ParagraphStyle.NUMBERED, "1)"), (ParagraphStyle.NUMBERED, "2)"),
        *[(ParagraphStyle.BULLET, "•")] * 3]
    lines = render_minutes(view).splitlines()
    assert "    • The lantern parade would go ahead in a smaller form." in lines
    assert "    • The Mayor thanked the outgoing Head of Legal Services." in lines
    document = build_document(published(view, Audience.FULL), ExportOptions())
    bulleted = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert bulleted == [p.text for p in paragraphs[2:]]
    assert report.sub_points == 0


def test_preview_shows_the_structure_found_and_writes_nothing(db: Database) -> None:
    from clerkdesk.importers.draft import read_draft
    from clerkdesk.importers.preview import preview_lines
    from clerkdesk.services.imports import import_draft
    from clerkdesk.services.people import add_person

    add_person(db, title="Councillor", family_name="Lusk")
    path = FAMILIES / "prefix-number-split.txt"
    draft = read_draft(path)
    report = import_draft(db, draft, dry_run=True)
    lines = preview_lines(draft, report)
    assert lines[:3] == ["Committee: Planning and Amenities Committee (from the heading)",
                         "Date: 2 March 2015", "Numbering: paragraphs 1) a) (not numbered in "
                         "the text); items numbered like PLA144/14"]
    assert "  PAR 1  APOLOGIES FOR ABSENCE: 1 text" in lines
    assert "  PLA146/14  PLANNING APPLICATIONS: 1 text, 1 resolution" in lines
    assert "Attendance: 3 present, 1 officers" in lines
    assert any(line.startswith("People matched: Councillor Lusk") for line in lines)
    assert any(line.startswith("People new: ") and "Mrs Hinder" in line for line in lines)
    assert lines[-1] == "Nothing was written (a preview)."
    assert load_minutes_count(db) == 0


def load_minutes_count(db: Database) -> int:
    from sqlalchemy import func, select

    from clerkdesk.storage.models import Meeting

    with db.transaction() as session:
        return session.scalar(select(func.count()).select_from(Meeting))


def test_warnings_carry_their_source_line() -> None:
    parsed = parse_minutes("Budget\n\nMinutes:\n\n1) First.\n\n3) Third.\n")
    assert parsed.warning_lines == [7]


def test_marking_lines_and_choosing_the_scheme_change_the_draft() -> None:
    from clerkdesk.domain.numbering import ParagraphScheme
    from clerkdesk.importers.draft import Mark, draft_from_source, source_from_text

    source = source_from_text("Budget\n\nMinutes:\n\n1) First.\nNot minutes at all\n"
                              "Reserves\n2) Second.\n")
    plain = draft_from_source(source)
    assert [i.title for i in plain.parsed.items] == ["Budget"]
    texts = [line.text for line in source.lines]
    marks = {texts.index("Not minutes at all"): Mark.SKIP, texts.index("Reserves"): Mark.ITEM}
    marked = draft_from_source(source, marks, ParagraphScheme.DOT)
    assert [i.title for i in marked.parsed.items] == ["Budget", "Reserves"]
    assert [p.text for p in marked.parsed.items[0].paragraphs] == ["First."]
    assert (marked.parsed.scheme, marked.parsed.scheme_found) == (ParagraphScheme.DOT, True)
    as_text = draft_from_source(source, {texts.index("Reserves"): Mark.PARAGRAPH})
    assert as_text.parsed.items[0].paragraphs[-2].text == "Reserves"


def test_a_committee_named_after_the_file_is_said(db, tmp_path):
    """A newcomer's import with no committee in the text was filed under the file's name
    ("highways-modgov-style") without a word."""
    from clerkdesk.services.imports import import_file

    minutes = tmp_path / "scan-0042.txt"
    minutes.write_text("1. Apologies\n1) None were received.\n", encoding="utf-8")
    report = import_file(db, minutes, date=dt.date(2026, 3, 5))
    assert any("No committee name was found" in w and "scan-0042" in w for w in report.warnings)
    named = import_file(db, minutes, committee="Audit Committee", date=dt.date(2026, 3, 6))
    assert not any("No committee name" in w for w in named.warnings)
