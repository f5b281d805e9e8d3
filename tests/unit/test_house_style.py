"""House-style checks: each breach found with its fix, and the fix makes it go away."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clerkdesk.domain.house_style import (
    CouncillorForm,
    HouseStyle,
    IseIze,
    TimeStyle,
    councillor_hits,
    date_hits,
    digit_start_hits,
    doubled_word_hits,
    ise_ize_hits,
    masked,
    number_hits,
    time_hits,
)
from clerkdesk.services.dictionaries import spell_checker


def fixes(hits) -> list[tuple[str, str | None]]:
    return [(hit.found, hit.replacement) for hit in hits]


def test_dates_are_written_31_january_2024() -> None:
    text = "On 31/01/24, January 31st, 2024, the 3rd of March and 31 January 2024."
    assert fixes(date_hits(text)) == [("31/01/24", "31 January 2024"),
                                      ("January 31st, 2024", "31 January 2024"),
                                      ("3rd of March", "3 March")]


def test_one_to_nine_in_words_but_not_votes_references_times_or_money() -> None:
    text = ("The 3 members noted item 5, paragraph 2, £5, 5% and 2pm; carried by 6 votes to 4 "
            "(7 for, 2 against); 12 residents and 9 officers.")
    assert fixes(number_hits(text)) == [("3", "three"), ("9", "nine")]


def test_sentence_starting_with_a_figure() -> None:
    text = "4 officers attended. 2024 was hard. 3 February was the date. 1. A list."
    assert fixes(digit_start_hits(text)) == [("4", "Four"), ("2024", None)]


@pytest.mark.parametrize("text", [
    "The uplift of 6.5% had been modelled.", "A budget of £1.5 million was agreed.",
    "Version 2.3 of the plan was issued.", "It rose by 0.7 per cent.", "See section 4.2 below.",
])
def test_a_decimal_point_does_not_start_a_sentence(text) -> None:
    """check --fix once turned "6.5%" into "6.Five%": the digit after a decimal point is not
    the start of a sentence."""
    assert list(digit_start_hits(text)) == []


def test_ise_by_default_with_exceptions() -> None:
    spelt = spell_checker().is_correct
    text = "They organized, recognizes and prized the size; analyzed; advised."
    assert fixes(ise_ize_hits(text, IseIze.ISE, spelt)) == [
        ("organized", "organised"), ("recognizes", "recognises"), ("analyzed", "analysed")]
    assert fixes(ise_ize_hits("They organised it.", IseIze.IZE, spelt)) == [
        ("organised", "organized")]
    assert fixes(ise_ize_hits("They organized it.", IseIze.EITHER, spelt)) == []


def test_councillor_or_cllr_and_times() -> None:
    text = "Cllr Ames and Councillors Bell and Day; the councillor agreed."
    assert fixes(councillor_hits(text, CouncillorForm.COUNCILLOR)) == [("Cllr", "Councillor")]
    assert fixes(councillor_hits(text, CouncillorForm.CLLR)) == [("Councillors", "Cllrs")]
    times = "At 10.00am, 2 pm, 10:30 a.m. and 7.15pm."
    assert fixes(time_hits(times, TimeStyle.SHORT)) == [
        ("10.00am", "10am"), ("2 pm", "2pm"), ("10:30 a.m.", "10.30am")]
    assert fixes(time_hits(times, TimeStyle.FULL)) == [
        ("2 pm", "2.00pm"), ("10:30 a.m.", "10.30am")]


def test_doubled_words_and_person_tokens_are_masked() -> None:
    assert fixes(doubled_word_hits("Noted the the report; it had had none.")) == [
        ("the the", "the")]
    assert fixes(number_hits(masked("{@3} and {@4} spoke."))) == []


def test_settings_round_trip_and_bad_json_falls_back_to_defaults() -> None:
    style = HouseStyle(times=TimeStyle.FULL, ise_ize=IseIze.IZE, second_language="cy_GB")
    assert HouseStyle.from_json(style.to_json()) == style
    assert HouseStyle.from_json("not json") == HouseStyle()
    assert HouseStyle.from_json('{"times": "noon", "dates": false}') == HouseStyle(dates=False)


CHECKS = [
    lambda t: date_hits(t), lambda t: number_hits(t), lambda t: digit_start_hits(t),
    lambda t: doubled_word_hits(t), lambda t: time_hits(t, TimeStyle.SHORT),
    lambda t: councillor_hits(t, CouncillorForm.COUNCILLOR),
]
PIECES = st.sampled_from(["the", "the the", "3", "members", "31/01/24", "January 31st",
                          "10.00am", "2 pm", "Cllr Ames", ".", ",", "item 5", "{@7}", "4"])


@pytest.mark.parametrize("check", CHECKS)
@settings(max_examples=150, deadline=None)
@given(st.lists(PIECES, max_size=12).map(" ".join))
def test_applying_a_fix_removes_that_breach(check, text: str) -> None:
    for hit in check(masked(text)):
        assert masked(text)[hit.start:hit.end] == hit.found
        if hit.replacement is None:
            continue
        fixed = text[:hit.start] + hit.replacement + text[hit.end:]
        assert (hit.start, hit.found) not in {(h.start, h.found) for h in check(masked(fixed))}
