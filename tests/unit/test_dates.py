"""The lenient date rule behind every date field: what clerks type, and nothing else."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clerkdesk.domain.dates import DateNotUnderstood, parse_date

TODAY = dt.date(2023, 9, 12)
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


@pytest.mark.parametrize("typed", [
    "26/09/2023", "26/9/23", "26.09.2023", "26 Sept 2023", "26 September", "26092023",
    "26-09-2023", "2023-09-26", "26 sep 2023", "26th September 2023", "Tuesday 26 September 2023",
    "  26 / 09 / 2023 ", "26 Sept, 2023", "26/9", "+14",
])
def test_what_clerks_type_is_understood(typed):
    assert parse_date(typed, TODAY) == dt.date(2023, 9, 26)


def test_words_and_empty():
    assert parse_date("tomorrow", TODAY) == dt.date(2023, 9, 13)
    assert parse_date("Today", TODAY) == TODAY
    assert parse_date("yesterday", TODAY) == dt.date(2023, 9, 11)
    assert parse_date("+0", TODAY) == TODAY
    assert parse_date("", TODAY) is None
    assert parse_date("   ", TODAY) is None


def test_a_day_and_month_alone_is_the_nearest_such_date():
    december = dt.date(2026, 12, 5)
    assert parse_date("5 January", december) == dt.date(2027, 1, 5)
    assert parse_date("26 September", december) == dt.date(2026, 9, 26)


@pytest.mark.parametrize("typed, message", [
    ("31/02/2023", "There is no 31 February 2023."),
    ("not set6092023", "Not a date"),
    ("26/13/2023", "There is no month 13"),
    ("soon", "Not a date"),
    ("26", "Not a date"),
    ("2609202", "Not a date"),
    ("+", "Not a date"),
    ("26 Septembre 2023", "Not a date"),
])
def test_anything_else_is_refused_with_a_message(typed, message):
    with pytest.raises(DateNotUnderstood) as refused:
        parse_date(typed, TODAY)
    assert str(refused.value).startswith(message)
    assert "\n" not in str(refused.value)


def _forms(day: dt.date) -> list[str]:
    month = MONTHS[day.month - 1]
    return [
        f"{day:%d/%m/%Y}", f"{day.day}/{day.month}/{day.year}", f"{day:%d.%m.%Y}",
        f"{day:%d%m%Y}", f"{day:%Y-%m-%d}", f"{day.day} {month} {day.year}",
        f"{day.day} {month[:3]} {day.year}", f"{day.day} {month[:4].lower()} {day.year}",
        f"{day:%A} {day.day} {month} {day.year}", f"{day:%d-%m-%Y}",
    ]


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2199, 12, 31)), st.data())
def test_every_written_form_of_every_date_reads_back_as_that_date(day, data):
    typed = data.draw(st.sampled_from(_forms(day)))
    assert parse_date(typed, TODAY) == day


@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_two_digit_years_are_this_century(day):
    assert parse_date(f"{day.day}/{day.month}/{day:%y}", TODAY) == day


@given(st.integers(min_value=0, max_value=3650), st.dates(min_value=dt.date(1950, 1, 1),
                                                            max_value=dt.date(2150, 1, 1)))
def test_plus_days_counts_from_today(days, today):
    assert parse_date(f"+{days}", today) == today + dt.timedelta(days=days)


@given(st.text(max_size=40), st.dates())
def test_any_text_gives_a_date_nothing_or_a_one_line_refusal(text, today):
    try:
        result = parse_date(text, today)
    except DateNotUnderstood as refused:
        assert str(refused) and "\n" not in str(refused)
    else:
        assert result is None or isinstance(result, dt.date)
        assert (result is None) == (text.strip() == "")
