"""A committee's standard agenda items: the UK order around the business, kept as editable text."""

from hypothesis import given
from hypothesis import strategies as st

from clerkdesk.domain.agenda_template import (
    BUSINESS_MARK,
    DEFAULT_TEMPLATE,
    StandardItem,
    arrange_agenda,
    same_item,
    template_from_text,
    template_problem,
    template_to_text,
)


def titles(agenda) -> list[str]:
    return [item.title for item in agenda]


def test_default_order_is_uk_practice_around_the_business():
    agenda = arrange_agenda(DEFAULT_TEMPLATE, ["Harbour dredging", "Budget monitoring"])
    assert titles(agenda) == [
        "Apologies and substitutes", "Declarations of interest",
        "Minutes of the previous meeting", "Matters arising",
        "Harbour dredging", "Budget monitoring",
    ]


def test_exclusion_goes_before_the_first_exempt_item():
    agenda = arrange_agenda(DEFAULT_TEMPLATE, [
        "Harbour dredging", "Exempt: Harbour lease terms (Part 2)", "Another private matter"])
    assert titles(agenda)[4:] == [
        "Harbour dredging", "Exclusion of the press and public",
        "Exempt: Harbour lease terms (Part 2)", "Another private matter"]
    exclusion = agenda[5]
    assert "Schedule 12A" in exclusion.wording


def test_a_standard_item_already_in_the_pasted_agenda_takes_its_place_once():
    agenda = arrange_agenda(DEFAULT_TEMPLATE, [
        "Harbour dredging", "Declarations of Interest", "Apologies for absence"])
    assert titles(agenda) == [
        "Apologies for absence", "Declarations of Interest",
        "Minutes of the previous meeting", "Matters arising", "Harbour dredging"]
    assert agenda[1].wording == DEFAULT_TEMPLATE.opening[1].wording


def test_text_round_trip_keeps_titles_wording_and_the_business_line():
    text = template_to_text(DEFAULT_TEMPLATE)
    assert BUSINESS_MARK in text.splitlines()
    assert template_from_text(text) == DEFAULT_TEMPLATE
    own = template_from_text("Welcome\nApologies | Apologies were received from:\n"
                             f"{BUSINESS_MARK}\nAny other business")
    assert own.opening == (StandardItem("Welcome"),
                           StandardItem("Apologies", "Apologies were received from:"))
    assert own.closing == (StandardItem("Any other business"),)


def test_problems_are_one_line():
    assert template_problem("Apologies\n" + BUSINESS_MARK + "\n" + BUSINESS_MARK) == \
        f"The standard items may have only one “{BUSINESS_MARK}” line."
    assert template_problem("x" * 201) == "A standard item's title is longer than 200 characters."
    assert template_problem(template_to_text(DEFAULT_TEMPLATE)) is None


line = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), max_size=40)


@given(st.lists(line, max_size=8), st.lists(line, max_size=6))
def test_every_pasted_title_is_kept_once_and_the_business_keeps_its_order(template_lines,
                                                                          business):
    template = template_from_text("\n".join(template_lines))
    agenda = titles(arrange_agenda(template, business))
    wanted = [" ".join(b.split()) for b in business if b.strip()]
    for title in wanted:
        assert agenda.count(title) >= wanted.count(title)
    standard = (*template.opening, *template.closing)
    plain = [t for t in wanted if not any(same_item(t, s) for s in standard)
             and wanted.count(t) == 1 and agenda.count(t) == 1]
    assert [t for t in agenda if t in plain] == plain
