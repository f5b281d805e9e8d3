"""Start, pause, resume and end a meeting; the clock times each paragraph, and each pause is
recorded as an adjournment for the close of the minutes."""

import datetime as dt

from clerkdesk.domain.clock import ClockState, MeetingClock
from clerkdesk.services._lookup import get_or_fail
from clerkdesk.storage.database import Database
from clerkdesk.storage.models import Adjournment, Meeting


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
            _open_adjournment(meeting, meeting.paused_at).ended_at = now
            meeting.paused_at = None
        elif state is ClockState.ENDED and meeting.ended_at is not None:
            # Reopened: the time since the end counts as an adjournment.
            meeting.paused_seconds += int((now - meeting.ended_at).total_seconds())
            meeting.adjournments.append(Adjournment(started_at=meeting.ended_at, ended_at=now))
            meeting.ended_at = None
        return _clock(meeting)


def _open_adjournment(meeting: Meeting, since: dt.datetime) -> Adjournment:
    """The adjournment the pause began (one is made for a pause from before they were kept)."""
    adjournment = next((a for a in meeting.adjournments if a.ended_at is None), None)
    if adjournment is None:
        adjournment = Adjournment(started_at=since)
        meeting.adjournments.append(adjournment)
    return adjournment


def adjournments_of(meeting: Meeting) -> tuple[tuple[dt.datetime, dt.datetime], ...]:
    """The meeting's finished adjournments, (from, to), in order."""
    return tuple((a.started_at, a.ended_at) for a in meeting.adjournments
                 if a.ended_at is not None)


def pause(db: Database, meeting_id: int, now: dt.datetime) -> MeetingClock:
    with db.transaction() as session:
        meeting = get_or_fail(session, Meeting, meeting_id, "meeting")
        if _clock(meeting).state is ClockState.RUNNING:
            meeting.paused_at = now
            meeting.adjournments.append(Adjournment(started_at=now))
        return _clock(meeting)


def end(db: Database, meeting_id: int, now: dt.datetime) -> MeetingClock:
    with db.transaction() as session:
        meeting = get_or_fail(session, Meeting, meeting_id, "meeting")
        clock = _clock(meeting)
        if clock.state in (ClockState.RUNNING, ClockState.PAUSED):
            if meeting.paused_at is not None:
                meeting.paused_seconds += int((now - meeting.paused_at).total_seconds())
                meeting.paused_at = None
                # Ended while adjourned: it was the end, not an adjournment.
                for adjournment in [a for a in meeting.adjournments if a.ended_at is None]:
                    meeting.adjournments.remove(adjournment)
            meeting.ended_at = now
        return _clock(meeting)
