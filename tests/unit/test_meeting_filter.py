"""The meeting list's filter: committee, year, typed text (dates as clerks type them), order."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from clerkdesk.domain.enums import MeetingStatus
from clerkdesk.domain.meeting_filter import MeetingFilter, MeetingOrder, committees, shown, years
from clerkdesk.domain.minutes import MeetingSummary

MEETINGS = [
    MeetingSummary(1, dt.date(2023, 6, 6), "SEND Sub-Committee", MeetingStatus.APPROVED, 1),
    MeetingSummary(2, dt.date(2023, 7, 11), "SEND Sub-Committee", MeetingStatus.DRAFT, 1),
    MeetingSummary(3, dt.date(2024, 7, 2), "Cabinet", MeetingStatus.DRAFT, 2),
]


def ids(meetings) -> list[int]:
    return [m.id for m in meetings]


def test_committee_year_and_text_narrow_the_list():
    assert ids(shown(MEETINGS, MeetingFilter())) == [3, 2, 1]
    assert ids(shown(MEETINGS, MeetingFilter(committee_id=1))) == [2, 1]
    assert ids(shown(MEETINGS, MeetingFilter(year=2023))) == [2, 1]
    assert ids(shown(MEETINGS, MeetingFilter("cab"))) == [3]
    assert ids(shown(MEETINGS, MeetingFilter("july"))) == [3, 2]
    assert ids(shown(MEETINGS, MeetingFilter("11/07/2023"))) == [2]
    assert ids(shown(MEETINGS, MeetingFilter("2023-06"))) == [1]
    assert ids(shown(MEETINGS, MeetingFilter("send jul"))) == [2]
    assert ids(shown(MEETINGS, MeetingFilter("approved"))) == [1]
    assert shown(MEETINGS, MeetingFilter("planning")) == []


def test_orders_and_choices():
    assert ids(shown(MEETINGS, MeetingFilter(), MeetingOrder.OLDEST)) == [1, 2, 3]
    assert ids(shown(MEETINGS, MeetingFilter(), MeetingOrder.COMMITTEE)) == [3, 2, 1]
    assert years(MEETINGS) == [2024, 2023]
    assert committees(MEETINGS) == [(2, "Cabinet"), (1, "SEND Sub-Committee")]


summaries = st.builds(
    MeetingSummary, id=st.integers(1, 10_000), date=st.dates(dt.date(2000, 1, 1)),
    committee=st.sampled_from(["Cabinet", "Planning", "SEND"]),
    status=st.sampled_from(list(MeetingStatus)), committee_id=st.integers(1, 3))


@given(st.lists(summaries, max_size=40), st.text(max_size=12),
       st.none() | st.integers(1, 3), st.none() | st.integers(2000, 2030),
       st.sampled_from(list(MeetingOrder)))
def test_every_listed_meeting_matches_and_none_that_matches_is_lost(
        meetings, text, committee_id, year, order):
    chosen = MeetingFilter(text, committee_id, year)
    listed = shown(meetings, chosen, order)
    assert all(chosen.matches(m) for m in listed)
    assert len(listed) == sum(chosen.matches(m) for m in meetings)


def test_listing_without_typed_text_writes_out_no_dates(monkeypatch):
    """Ten years are 5,000 meetings: the unfiltered list (every start-up) must not spell out
    every meeting's date four ways; typed words spell each meeting's out once, not per key."""
    import datetime as dt

    from clerkdesk.domain import meeting_filter as module
    from clerkdesk.domain.enums import MeetingStatus
    from clerkdesk.domain.minutes import MeetingSummary

    meetings = [MeetingSummary(n, dt.date(2016, 1, 1) + dt.timedelta(days=n), "Cabinet",
                               MeetingStatus.DRAFT, 1) for n in range(300)]
    module.searchable_text.cache_clear()
    assert len(module.shown(meetings, module.MeetingFilter(committee_id=1, year=2016))) == 300
    assert module.searchable_text.cache_info().currsize == 0
    for typed in ("c", "ca", "cab", "cabinet 2016"):
        module.shown(meetings, module.MeetingFilter(text=typed))
    assert module.searchable_text.cache_info().misses == 300
