"""Start, pause, resume and end a meeting; the clock times each paragraph."""

import datetime as dt

from clerkdesk.domain.clock import ClockState, MeetingClock
from clerkdesk.services._lookup import get_or_fail
from clerkdesk.storage.database import Database
from clerkdesk.storage.models import Meeting


def _clock(meeting: Meeting) -> MeetingClock:
    return MeetingClock(
        meeting.started_at, meeting.paused_at, meeting.paused_seconds, meeting.ended_at
    )


def meeting_clock(db: Database, meeting_id: int) -> MeetingClock:
    with db.transaction() as session:
        return _clock(get_or_fail(session, Meeting, meeting_id, "meeting"))


def start_or_resume(db: Database, meeting_id: int, now: dt.datetime) -> MeetingClock:
    """Start the meeting (recording the real start time) or resume it after an adjournment."""
    with db.transaction() as session:
        meeting = get_or_fail(session, Meeting, meeting_id, "meeting")
        state = _clock(meeting).state
        if state is ClockState.NOT_STARTED:
            meeting.started_at = now
        elif state is ClockState.PAUSED and meeting.paused_at is not None:
            meeting.paused_seconds += int((now - meeting.paused_at).total_seconds())
            meeting.paused_at = None
        elif state is ClockState.ENDED and meeting.ended_at is not None:
            # Reopened: the time since the end counts as an adjournment.
            meeting.paused_seconds += int((now - meeting.ended_at).total_seconds())
            meeting.ended_at = None
        return _clock(meeting)


def pause(db: Database, meeting_id: int, now: dt.datetime) -> MeetingClock:
    with db.transaction() as session:
        meeting = get_or_fail(session, Meeting, meeting_id, "meeting")
        if _clock(meeting).state is ClockState.RUNNING:
            meeting.paused_at = now
        return _clock(meeting)


def end(db: Database, meeting_id: int, now: dt.datetime) -> MeetingClock:
    with db.transaction() as session:
        meeting = get_or_fail(session, Meeting, meeting_id, "meeting")
        clock = _clock(meeting)
        if clock.state in (ClockState.RUNNING, ClockState.PAUSED):
            if meeting.paused_at is not None:
                meeting.paused_seconds += int((now - meeting.paused_at).total_seconds())
                meeting.paused_at = None
            meeting.ended_at = now
        return _clock(meeting)
