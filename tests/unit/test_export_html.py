"""The web page export, parsed back with the standard library's HTML parser: one page, lang,
title, headings, list numbers equal to ClerkDesk's labels, escaping, and no exempt text."""

import datetime as dt
import hashlib
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clerkdesk.domain.enums import Audience, MeetingStatus, ParagraphStyle
from clerkdesk.domain.minutes import ItemView, MinutesView, ParagraphView
from clerkdesk.domain.numbering import ParagraphScheme, alpha, paragraph_labels, roman
from clerkdesk.domain.publication import published
from clerkdesk.errors import ExportFailed
from clerkdesk.export.html_writer import render_html
from clerkdesk.services.demo import load_demo
from clerkdesk.services.export import export_meeting
from clerkdesk.storage.database import Database

EXEMPT_PHRASE = "preferred bidder&#x27;s pricing"  # only in the demo's exempt item, escaped
VOID = {"meta", "br", "link", "img", "hr", "input"}


class Page(HTMLParser):
    """The page's elements, checked to nest properly (every end tag closes the open one)."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict]] = []
        self.elements: list[tuple[str, dict, list[tuple[str, dict]]]] = []
        self.texts: list[tuple[list[tuple[str, dict]], str]] = []
        self.decl = ""
        self.feed(html)
        self.close()
        assert not self.stack, f"unclosed {self.stack}"

    def handle_decl(self, decl: str) -> None:
        self.decl = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = dict(attrs)
        self.elements.append((tag, element, list(self.stack)))
        if tag not in VOID:
            self.stack.append((tag, element))

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1][0] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.texts.append((list(self.stack), data))

    def tags(self, name: str) -> list[tuple[dict, list]]:
        return [(attrs, parents) for tag, attrs, parents in self.elements if tag == name]

    def text_in(self, name: str) -> list[str]:
        """The text inside each `name` element, in order."""
        return ["".join(d for stack, d in self.texts if any(s[1] is attrs for s in stack))
                for attrs, _ in self.tags(name)]

    def all_text(self) -> str:
        return "".join(d for _stack, d in self.texts)


def meeting(paragraphs: tuple[ParagraphView, ...], label: str = "1", **fields) -> MinutesView:
    item = ItemView(id=1, label=label, title="Budget monitoring", paragraphs=paragraphs)
    return MinutesView(meeting_id=1, committee="Westmere Planning Committee",
                       council="Westmere County Council", date=dt.date(2026, 11, 3),
                       time=dt.time(10), venue="Council Chamber", status=MeetingStatus.DRAFT,
                       items=(item,), **fields)


def page_of(minutes: MinutesView, scheme: ParagraphScheme = ParagraphScheme.PAREN,
            audience: Audience = Audience.PUBLIC) -> tuple[str, Page]:
    html = render_html(published(minutes, audience), scheme)
    return html, Page(html)


# --- the demo meeting through export_meeting ------------------------------------------------

@pytest.fixture
def demo(db: Database) -> int:
    return load_demo(db)


def test_public_web_page_is_one_accessible_page_without_exempt_text(db, demo, tmp_path):
    written = export_meeting(db, demo, tmp_path / "minutes.html")
    html = written.read_text(encoding="utf-8")
    page = Page(html)
    assert html.startswith("<!DOCTYPE html>") and page.decl == "DOCTYPE html"
    assert page.tags("html")[0][0] == {"lang": "en-GB"}
    assert page.text_in("title")[0].startswith(
        "Adult Social Care Scrutiny Sub-Committee – minutes of ")
    assert page.text_in("h1") == ["Adult Social Care Scrutiny Sub-Committee"]
    headings = page.text_in("h2")
    assert headings[0].startswith("1. ") and len(headings) >= 5
    assert any("(exempt – Schedule 12A paragraph 3)" in h for h in headings)
    assert len(page.tags("style")) == 1 and not page.tags("script")
    assert not [attrs for _tag, attrs, _ in page.elements if "style" in attrs]
    assert EXEMPT_PHRASE not in html and "preferred bidder" not in page.all_text()
    assert "NOT FOR PUBLICATION" not in html
    assert "This item was considered in private." in page.all_text()
    assert "DRAFT – subject to approval" in page.text_in("p")


def test_full_web_page_holds_the_exempt_item_marked_not_for_publication(db, demo, tmp_path):
    page = Page(export_meeting(db, demo, tmp_path / "m.htm", full=True).read_text("utf-8"))
    assert "preferred bidder's pricing" in page.all_text()
    assert page.text_in("title")[0].endswith("(NOT FOR PUBLICATION)")
    first_paragraph = page.text_in("p")[0]
    assert first_paragraph == "NOT FOR PUBLICATION"


def test_an_unknown_suffix_is_refused_and_the_file_left_byte_for_byte(db, demo, tmp_path):
    target = tmp_path / "minutes.odt"
    target.write_bytes(b"someone else's document")
    before = hashlib.sha256(target.read_bytes()).hexdigest()
    with pytest.raises(ExportFailed, match=r"^minutes\.odt does not end in \.docx, \.pdf"):
        export_meeting(db, demo, target)
    assert hashlib.sha256(target.read_bytes()).hexdigest() == before


# --- escaping and layout ----------------------------------------------------------------------

def test_all_text_is_escaped():
    hostile = '<script>alert("x")</script> & <b onclick=x>'
    view = ParagraphView(id=1, level=0, style=ParagraphStyle.NUMBERED, label="1)", text=hostile,
                         stored_text=hostile)
    html, page = page_of(meeting((view,)))
    assert not page.tags("script") and not page.tags("b")
    assert hostile in page.text_in("li")[0]


def test_line_breaks_in_a_paragraph_are_kept():
    view = ParagraphView(id=1, level=0, style=ParagraphStyle.NUMBERED, label="1)",
                         text="First line\nSecond line", stored_text="")
    html, _page = page_of(meeting((view,)))
    assert "First line<br>Second line" in html


# --- list numbers equal ClerkDesk's labels, for every sequence of levels ----------------------

STYLES = (ParagraphStyle.NUMBERED, ParagraphStyle.NUMBERED, ParagraphStyle.NUMBERED,
          ParagraphStyle.RESOLUTION, ParagraphStyle.UNNUMBERED, ParagraphStyle.BULLET)
paragraph_specs = st.lists(st.tuples(st.sampled_from(STYLES), st.integers(0, 3)), max_size=25)


def rendered_number(scheme: ParagraphScheme, list_type: str, value: int, depth: int) -> str:
    """What a browser numbers the item, in the scheme's punctuation."""
    token = {"1": str, "a": alpha, "i": roman}[list_type](value)
    if scheme is ParagraphScheme.PAREN:
        return f"{token})"
    return f"{token}." if depth == 0 else f"({token})"


@settings(max_examples=300, deadline=None)
@given(specs=paragraph_specs, scheme=st.sampled_from(ParagraphScheme),
       item_label=st.sampled_from(["1", "13", "35/20"]))
def test_list_numbers_equal_clerkdesks_labels(specs, scheme, item_label):
    levels = [level if style is ParagraphStyle.NUMBERED else None for style, level in specs]
    labels = paragraph_labels(scheme, levels, item_label)
    views = tuple(
        ParagraphView(id=n, level=level, style=style, label=label, text=f"Paragraph {n}",
                      stored_text="")
        for n, ((style, level), label) in enumerate(zip(specs, labels, strict=True)))
    _html, page = page_of(meeting(views, label=item_label), scheme)

    numbered = [label for label in labels if label]
    items = [(attrs, parents) for attrs, parents in page.tags("li") if "data-label" in attrs]
    assert [attrs["data-label"] for attrs, _ in items] == numbered
    for attrs, parents in items:
        tag, ol = parents[-1]
        assert tag == "ol"
        label, value = attrs["data-label"], int(attrs["value"])
        if scheme is ParagraphScheme.DECIMAL:
            assert label.endswith(f".{value}")
        else:
            depth = {"1": 0, "a": 1, "i": 2}[ol["type"]]
            assert rendered_number(scheme, ol["type"], value, depth) == label
    paragraphs = page.all_text()
    assert all(f"Paragraph {n}" in paragraphs for n in range(len(specs)))


def test_sub_points_nest_inside_their_paragraph():
    levels = [0, 1, 2, 1, 0]
    labels = paragraph_labels(ParagraphScheme.PAREN, levels)
    views = tuple(ParagraphView(id=n, level=lv, style=ParagraphStyle.NUMBERED, label=lab,
                                text=f"P{n}", stored_text="")
                  for n, (lv, lab) in enumerate(zip(levels, labels, strict=True)))
    html, page = page_of(meeting(views))
    depths = [sum(tag == "li" for tag, _ in parents) for _attrs, parents in page.tags("li")]
    assert depths == [0, 1, 2, 1, 0]
    assert [a["data-label"] for a, _ in page.tags("li")] == ["1)", "a)", "i)", "b)", "2)"]


@pytest.mark.parametrize("item_label, width", [("1", None), ("35/20", "wide"),
                                               ("PLA146/14", "wider")])
def test_lists_make_room_for_long_labels(item_label, width):
    labels = paragraph_labels(ParagraphScheme.DECIMAL, [0, 1], item_label)
    views = tuple(ParagraphView(id=n, level=n, style=ParagraphStyle.NUMBERED, label=label,
                                text=f"P{n}", stored_text="") for n, label in enumerate(labels))
    _html, page = page_of(meeting(views, label=item_label), ParagraphScheme.DECIMAL)
    assert {attrs.get("class") for attrs, _ in page.tags("ol")} == {width}
