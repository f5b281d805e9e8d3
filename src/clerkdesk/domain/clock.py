"""The meeting clock: elapsed meeting time, excluding adjournments."""

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum


class ClockState(StrEnum):
    NOT_STARTED = "not_started"
    RUNNING = "running"
    PAUSED = "paused"
    ENDED = "ended"


@dataclass(frozen=True)
class MeetingClock:
    """Start, pause and end times as stored; all naive local datetimes."""

    started_at: dt.datetime | None = None
    paused_at: dt.datetime | None = None
    paused_seconds: int = 0
    ended_at: dt.datetime | None = None

    @property
    def state(self) -> ClockState:
        if self.started_at is None:
            return ClockState.NOT_STARTED
        if self.ended_at is not None:
            return ClockState.ENDED
        return ClockState.PAUSED if self.paused_at else ClockState.RUNNING

    def elapsed(self, now: dt.datetime) -> int | None:
        """Whole seconds of meeting time at `now` (None before the start)."""
        if self.started_at is None:
            return None
        stop = self.ended_at or self.paused_at or now
        return max(0, int((stop - self.started_at).total_seconds()) - self.paused_seconds)


def format_elapsed(seconds: int | None) -> str:
    """'1:05:09' or '05:09'; '' before the meeting starts."""
    if seconds is None:
        return ""
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"
