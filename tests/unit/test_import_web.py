"""Minutes copied from council websites: page clutter skipped, item numbers on their own line or
before the title, "Decision:" blocks, resolutions in their usual forms, unplaced text reported."""

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select
from support.published import shown as render_minutes

from clerkdesk.domain.enums import ParagraphStyle, ResolutionForm
from clerkdesk.domain.numbering import ParagraphScheme
from clerkdesk.importers.lines import Kind, classify, clean_line, resolution_within
from clerkdesk.importers.parse import parse_minutes
from clerkdesk.importers.web_clutter import CLUTTER_LINES, is_clutter, strip_clutter
from clerkdesk.services.imports import import_file, import_text
from clerkdesk.services.minutes import load_minutes
from clerkdesk.storage.database import Database
from clerkdesk.storage.models import Committee, ResolutionFlag

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"
MODERN_GOV = FIXTURES / "northfield-cabinet-modgov-page.txt"
PARISH = FIXTURES / "little-stoke-parish-web.txt"
CLUTTER_WORDS = ("pdf icon", " KB", "View directions", "Decision:", "Media", "Skip to content",
                 "Back to top", "Printed minutes", "Additional documents", "Download this page")


def committee(db: Database, name: str) -> Committee:
    with db.transaction() as session:
        row = session.scalars(select(Committee).where(Committee.name == name)).one()
        session.expunge(row)
        return row


def resolution_forms(db: Database) -> list[ResolutionForm]:
    with db.transaction() as session:
        return [ResolutionForm(f) for f in session.scalars(
            select(ResolutionFlag.form).order_by(ResolutionFlag.id))]


# --- a modern.gov minutes page -----------------------------------------------------------------


def test_modern_gov_page_items_heading_and_clutter(db: Database) -> None:
    report = import_file(db, MODERN_GOV)
    view = load_minutes(db, report.meeting_id)
    assert report.committee == "Cabinet"
    assert (view.date, view.time) == (dt.date(2024, 3, 7), dt.time(18, 30))
    assert view.venue == "Council Chamber, Town Hall, Northfield NF1 1AA"
    assert [(i.label, i.title) for i in view.items] == [
        ("56", "Apologies for Absence"),  # number on its own line
        ("57", "Declarations of Interest"),  # number before the title
        ("58", "Minutes of the previous meeting"),
        ("59", "Medium Term Financial Strategy 2024-2028"),
        ("60", "Northfield Leisure Centre Refurbishment"),
        ("61", "Exclusion of the Press and Public"),
    ]
    settings = committee(db, "Cabinet")
    assert (settings.item_number_template, settings.item_number_start) == ("{n}", 56)
    rendered = render_minutes(view)
    for clutter in CLUTTER_WORDS:
        assert clutter not in rendered, clutter
    assert [d.title for d in view.items[3].documents] == [
        "Appendix A - Budget Summary, item 59", "Appendix B - Capital Programme, item 59"]


def test_modern_gov_decision_blocks_are_not_repeated(db: Database) -> None:
    report = import_file(db, MODERN_GOV)
    items = load_minutes(db, report.meeting_id).items
    strategy = items[3].paragraphs
    assert [p.style for p in strategy] == [ParagraphStyle.UNNUMBERED] * 2 + [
        ParagraphStyle.RESOLUTION]
    assert sum("Medium Term Financial Strategy be recommended" in p.text for p in strategy) == 1
    leisure = items[4].paragraphs  # "Decision:" only: it stands in for the minutes
    assert [(p.style, p.text) for p in leisure] == [(
        ParagraphStyle.RESOLUTION,
        "That the refurbishment of the leisure centre proceed as set out in option 2 of the "
        "report.")]
    assert report.resolutions == 4
    assert resolution_forms(db) == [ResolutionForm.APPROVED, ResolutionForm.RECOMMENDED,
                                    ResolutionForm.OTHER, ResolutionForm.OTHER]


def test_modern_gov_resolution_forms_and_what_was_left_out(db: Database) -> None:
    report = import_file(db, MODERN_GOV)
    items = load_minutes(db, report.meeting_id).items
    assert committee(db, "Cabinet").resolution_prefix == "RESOLVED:"
    exclusion = items[5].paragraphs[0]
    assert exclusion.stored_text.startswith("That under Section 100A(4)")  # "It was RESOLVED that"
    assert any('"Resolved -", "It was RESOLVED that" will show as "RESOLVED:"' in w
               for w in report.warnings)
    assert any(w.startswith('Not placed: "To approve the minutes of the meeting held on 8 Feb')
               and "item 58" in w and "description" in w for w in report.warnings)
    people = set(report.people)
    assert {"Councillor Hale", "Councillor Amos", "Daniel Frost"} <= people


# --- a parish council's minutes page -------------------------------------------------------------


def test_parish_page_running_numbers_and_agreed(db: Database) -> None:
    report = import_file(db, PARISH)
    view = load_minutes(db, report.meeting_id)
    assert report.committee == "Little Stoke Parish Council"
    assert (view.date, view.time, view.venue) == (dt.date(2024, 5, 13), dt.time(19, 30),
                                                  "Village Hall")
    assert [i.label for i in view.items] == [str(n) for n in range(334, 341)]
    assert view.items[4].title == "Planning"
    assert [p.label for p in view.items[4].paragraphs] == ["338.1", "338.2"]
    settings = committee(db, "Little Stoke Parish Council")
    assert settings.paragraph_scheme == ParagraphScheme.DECIMAL
    assert (settings.item_number_template, settings.item_number_start) == ("{n}", 334)
    assert settings.resolution_prefix == "It was AGREED that"
    agreed = view.items[2].paragraphs[0]
    assert agreed.style is ParagraphStyle.RESOLUTION
    assert agreed.text.startswith("the minutes of the meeting held on 8th April 2024")
    assert report.resolutions == 2  # "It was AGREED that", and "339.2 AGREED: to approve"
    assert "Download this page" not in render_minutes(view)


# --- resolutions in their usual forms --------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "prefix", "text"),
    [
        ("RESOLVED that the report be noted.", "RESOLVED that", "the report be noted."),
        ("RESOLVED:That the report be noted.", "RESOLVED:", "That the report be noted."),
        ("Resolved - That the report be noted.", "Resolved -", "That the report be noted."),
        ("RESOLVED – The Sub-Committee noted the report.", "RESOLVED –",
         "The Sub-Committee noted the report."),
        ("It was RESOLVED that the report be noted.", "It was RESOLVED that",
         "the report be noted."),
        ("RESOLVED (unanimously) that the report be noted.", "RESOLVED (unanimously) that",
         "the report be noted."),
        ("AGREED to approve the payments.", "AGREED", "to approve the payments."),
        ("AGREED: the payments be approved.", "AGREED:", "the payments be approved."),
        ("It was AGREED that the clerk write to the county.", "It was AGREED that",
         "the clerk write to the county."),
        ("RESOLVED:", "RESOLVED:", ""),
    ],
)
def test_resolution_forms_are_recognised(line: str, prefix: str, text: str) -> None:
    classified = classify(line)
    assert (classified.kind, classified.prefix, classified.text) == (Kind.RESOLVED, prefix, text)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Proposed by Cllr Ellis, seconded by Cllr Novak and RESOLVED that the grant be paid.",
         "RESOLVED"),
        ("Following discussion it was agreed that the item be deferred.", "it was agreed"),
        ("Members agreed that the hall needed repainting.", ""),
        ("The resolved issues were listed in the appendix.", ""),
    ],
)
def test_resolutions_within_a_paragraph(text: str, found: str) -> None:
    assert resolution_within(text) == found


def test_resolution_inside_an_unnumbered_paragraph_is_flagged(db: Database) -> None:
    text = ("Grants\n\nMinutes:\n\nProposed by Cllr Ellis, seconded by Cllr Novak and RESOLVED "
            "that the grant be paid.\n")
    report = import_text(db, text, committee="Parish", date=dt.date(2024, 1, 2))
    assert report.resolutions == 1
    assert resolution_forms(db) == [ResolutionForm.OTHER]


# --- item numbers and clutter ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5.\nApologies\nMinutes:\nNone were received.\n", [("5", "Apologies")]),
        ("35/20\nApologies\n\n36/20\nMinutes\n\nRESOLVED that they be approved.\n",
         [("35/20", "Apologies"), ("36/20", "Minutes")]),
        ("PLA146/14 Land at Mill Lane\n\n1. The application was approved.\n",
         [("PLA146/14", "Land at Mill Lane")]),
        ("334 Apologies for absence\nApologies were received from Cllr Dunn.\n"
         "335 Declarations of interest\nNone.\n",
         [("334", "Apologies for absence"), ("335", "Declarations of interest")]),
        ("Item 7\nBudget\nMinutes:\n1) The report was noted.\n", [("7", "Budget")]),
    ],
)
def test_item_numbers_alone_or_before_the_title(text: str, expected: list) -> None:
    parsed = parse_minutes(text)
    assert [(i.number_label, i.title) for i in parsed.items] == expected


def test_lone_paragraph_numbers_and_numbered_sentences_are_not_item_headings() -> None:
    parsed = parse_minutes("Budget\n\nMinutes:\n\n1)\nMr Love introduced the report.\n\n2.\n"
                           "Ms Hannon asked why.\n\n12 dwellings were approved last year.\n")
    (item,) = parsed.items
    assert [(p.ref, p.text) for p in item.paragraphs] == [
        ("1", "Mr Love introduced the report."), ("2", "Ms Hannon asked why."),
        ("2", "12 dwellings were approved last year.")]


@pytest.mark.parametrize(
    "line",
    ["pdf icon PDF 94 KB", "PDF 310 KB", "View directions", "Media", "Printed minutes PDF 210 KB",
     "Back to top", "Skip to content", "Download this page", "No. Item", "Items",
     "View the webcast", "Agenda reports pack PDF 3 MB"],
)
def test_clutter_lines_are_skipped(line: str) -> None:
    assert is_clutter(line)
    assert classify(clean_line(line)).kind is Kind.CLUTTER


@pytest.mark.parametrize(
    "line",
    ["Media and communications strategy", "Minutes:", "Decision:", "Printed copies were tabled.",
     "Members asked to view the directions to the new depot."],
)
def test_real_lines_are_not_clutter(line: str) -> None:
    assert not is_clutter(line)


def test_clutter_is_stripped_from_the_end_of_a_line() -> None:
    assert strip_clutter("Minutes of the previous meeting pdf icon PDF 94 KB") == (
        "Minutes of the previous meeting")
    assert strip_clutter("Report of the Director PDF 310 KB") == "Report of the Director"
    assert strip_clutter("Venue: Council Chamber. View directions") == "Venue: Council Chamber"
    assert strip_clutter("PDF 94 KB") == "PDF 94 KB"  # a whole clutter line is left to is_clutter


def test_clutter_patterns_are_documented() -> None:
    assert all(pattern.why for pattern in CLUTTER_LINES)


# --- what could not be placed ----------------------------------------------------------------


def test_unplaced_lines_are_reported_not_guessed() -> None:
    parsed = parse_minutes(
        "Planning Committee\n\nThe agenda was published late, which was regretted.\n\n"
        "Budget\n\nMinutes:\n\n(a) A sub-point before any paragraph.\n\n1) First.\n\n2) Second."
        "\n\n2) Second again.\n\na) A sub-point.\n\nc) A sub-point that skips b.\n\n"
        "Decision:\n\nRESOLVED that the budget be approved.\n")
    warnings = parsed.warnings
    assert warnings[0].startswith('Not placed: "The agenda was published late')
    assert "Sub-point (a) in item 1 has no numbered paragraph above it" in warnings[1]
    assert "Paragraph 2 in item 1 is out of sequence (expected 3)" in warnings[2]
    assert "Sub-point c in item 1 is out of sequence (expected b)" in warnings[3]
    assert warnings[4] == ('Item 1: the "Decision:" block was left out: it differs from the '
                           "minutes, so check them.")
    assert len(warnings) == 5
    (item,) = parsed.items
    assert not item.decision  # kept once: the minutes


def test_decision_only_items_and_untitled_text_are_reported() -> None:
    parsed = parse_minutes("1) A paragraph with no item heading.\n")
    assert parsed.warnings == [
        "Paragraphs before the first item heading were put in an untitled first item; give "
        "it a title or move them."]


@pytest.mark.parametrize(
    ("raw", "cleaned"),
    [("\ufeffMinutes\u200b:", "Minutes:"),  # byte-order mark and zero-width space go
     ("\u200dA Member asked\u200c", "A Member asked"),  # stray joiners at the ends go
     ("Mrs Patel \u200dsaid", "Mrs Patel said"),  # and beside a space
     ("Judge 👩🏽\u200d⚖️ Khan", "Judge 👩🏽\u200d⚖️ Khan"),  # inside an emoji sequence it stays
     ("می\u200cخواهم", "می\u200cخواهم")],  # a Persian non-joiner inside a word stays
)
def test_clean_line_keeps_joiners_only_inside_words(raw: str, cleaned: str) -> None:
    assert clean_line(raw) == cleaned
