"""The dates that go with a request's or action's status, for every status and date."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from clerkdesk.domain.enums import ActionStatus, RequestStatus
from clerkdesk.domain.flag_fields import ActionFields, RequestFields, settled

TODAY = dt.date(2026, 12, 5)
dates = st.none() | st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2040, 1, 1))
meeting_ids = st.none() | st.integers(min_value=1, max_value=1000)
requests = st.builds(RequestFields, status=st.sampled_from(RequestStatus), provided_on=dates,
                     provided_at_meeting_id=meeting_ids)
actions = st.builds(ActionFields, status=st.sampled_from(ActionStatus), done_on=dates,
                    done_at_meeting_id=meeting_ids)


@given(requests, st.none() | requests)
def test_a_request_has_a_provided_date_exactly_when_provided(
        fields: RequestFields, old: RequestFields | None) -> None:
    result = settled(fields, old, TODAY)
    provided = fields.status is RequestStatus.PROVIDED
    assert (result.provided_on is not None) == provided
    if provided:
        kept = old or RequestFields()
        assert result.provided_on == (fields.provided_on or kept.provided_on or TODAY)
        assert result.provided_at_meeting_id == (
            fields.provided_at_meeting_id or kept.provided_at_meeting_id)
    else:
        assert result.provided_at_meeting_id is None
    assert result.what == fields.what and result.status == fields.status


@given(actions, st.none() | actions)
def test_an_action_has_a_done_date_exactly_when_done(
        fields: ActionFields, old: ActionFields | None) -> None:
    result = settled(fields, old, TODAY)
    done = fields.status is ActionStatus.DONE
    assert (result.done_on is not None) == done
    if done:
        kept = old or ActionFields()
        assert result.done_on == (fields.done_on or kept.done_on or TODAY)
        assert result.done_at_meeting_id == (fields.done_at_meeting_id or kept.done_at_meeting_id)
    else:
        assert result.done_at_meeting_id is None


def test_old_fields_of_another_kind_keep_nothing() -> None:
    old = ActionFields(status=ActionStatus.DONE, done_on=dt.date(2020, 1, 1))
    fields = RequestFields(status=RequestStatus.PROVIDED)
    assert settled(fields, old, TODAY).provided_on == TODAY
