"""The Word export as an accessibility checker reads it: title, subject and language in the
properties, real heading styles at levels 1 and 2, no empty paragraphs, body at least 11 pt in a
sans-serif font, also with a house template whose own heading style says otherwise."""

from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from clerkdesk.export import docx_styles as styles
from clerkdesk.services.demo import load_demo
from clerkdesk.services.export import export_meeting
from clerkdesk.storage.database import Database
from clerkdesk.storage.models import Committee, Meeting

SANS_SERIF = {"Arial", "Calibri", "Helvetica", "Verdana", "Tahoma", "Liberation Sans"}


@pytest.fixture
def demo(db: Database) -> int:
    return load_demo(db)


def outline_level(style) -> int | None:
    """The style's outline level, looked up through the styles it is based on."""
    while style is not None:
        ppr = style.element.pPr
        level = ppr.find(qn("w:outlineLvl")) if ppr is not None else None
        if level is not None:
            return int(level.get(qn("w:val")))
        style = style.base_style
    return None


def resolved(style, attribute: str):
    while style is not None:
        value = getattr(style.font, attribute)
        if value is not None:
            return value
        style = style.base_style
    return None


def exported(db: Database, meeting: int, path: Path):
    return docx.Document(str(export_meeting(db, meeting, path)))


def test_properties_say_what_the_document_is_and_its_language(db, demo, tmp_path):
    props = exported(db, demo, tmp_path / "m.docx").core_properties
    assert props.title == "Adult Social Care Scrutiny Sub-Committee – minutes of 14 October 2026"
    assert props.subject == "Minutes (public version)"
    assert props.language == "en-GB"


def test_meeting_and_items_are_headings_level_1_and_2_in_word_heading_styles(db, demo, tmp_path):
    document = exported(db, demo, tmp_path / "m.docx")
    levels = [(p.text, outline_level(p.style)) for p in document.paragraphs
              if outline_level(p.style) is not None]
    assert levels[0] == ("Adult Social Care Scrutiny Sub-Committee", 0)
    assert [level for _text, level in levels[1:]] == [1] * (len(levels) - 1)
    assert levels[1][0].startswith("1. Apologies")
    title, item = document.styles[styles.TITLE], document.styles[styles.ITEM_HEADING]
    assert (title.base_style.name, item.base_style.name) == ("Heading 1", "Heading 2")
    for style in (title, item):  # looks like the body, not the theme's blue Calibri Light
        assert style.font.name == "Arial" and str(style.font.color.rgb) == "000000"
        assert style.element.rPr.find(qn("w:rFonts")).get(qn("w:asciiTheme")) is None


def test_no_empty_paragraph_is_used_for_spacing(db, demo, tmp_path):
    document = exported(db, demo, tmp_path / "m.docx")
    assert all(p.text.strip() for p in document.paragraphs)
    for section in document.sections:
        for part in (section.header, section.footer):
            assert all(p.text.strip() or p._p.xpath(".//w:fldSimple|.//w:fldChar")
                       for p in part.paragraphs)


def test_body_text_is_at_least_11_point_sans_serif(db, demo, tmp_path):
    document = exported(db, demo, tmp_path / "m.docx")
    for style in {p.style.name: p.style for p in document.paragraphs}.values():
        assert resolved(style, "size").pt >= 11, style.name
        assert resolved(style, "name") in SANS_SERIF, style.name


def test_a_house_templates_own_item_heading_is_made_level_2(db, demo, tmp_path):
    house = docx.Document()
    heading = house.styles.add_style(styles.ITEM_HEADING, 1)
    heading.element.get_or_add_pPr().get_or_add_outlineLvl().val = 0  # as ClerkDesk once made
    heading.font.name = "Verdana"
    template = tmp_path / "house.docx"
    house.save(str(template))
    with db.transaction() as session:
        meeting = session.get(Meeting, demo)
        session.get(Committee, meeting.committee_id).template_path = str(template)
    document = exported(db, demo, tmp_path / "m.docx")
    assert document.styles[styles.ITEM_HEADING].font.name == "Verdana"  # its look is kept
    assert outline_level(document.styles[styles.ITEM_HEADING]) == 1
    assert outline_level(document.styles[styles.TITLE]) == 0
