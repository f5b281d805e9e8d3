"""The close of the minutes: when the meeting started, was adjourned and finished, and the
Chair's signature block, each written in the committee's form."""

import datetime as dt
from enum import StrEnum

SIGNATURE_LINE = "Chair ………………………………………………    Date ……………………………"


class TimeForm(StrEnum):
    """How the committee writes a time of day in its minutes."""

    DOT = "10.00am"
    SHORT = "10am"  # "10am", "10.30am": the house-style form
    SPACED = "10.00 am"
    CLOCK = "10:00"  # 24-hour
    NONE = "none"  # the times are not printed

    @property
    def description(self) -> str:
        if self is TimeForm.NONE:
            return "Not printed"
        return f"{format_time(dt.time(10), self)}, {format_time(dt.time(14, 35), self)}"


def time_form_of(stored: str | None) -> TimeForm:
    """The stored form, or the default for a value this version does not know."""
    try:
        return TimeForm(stored or TimeForm.DOT)
    except ValueError:
        return TimeForm.DOT


def format_time(time: dt.time, form: TimeForm) -> str:
    """'2.35pm', '2pm', '2.35 pm' or '14:35'; noon is 12.00pm and midnight 12.00am."""
    if form is TimeForm.CLOCK:
        return f"{time.hour:02d}:{time.minute:02d}"
    hour = time.hour % 12 or 12
    suffix = "am" if time.hour < 12 else "pm"
    if form is TimeForm.SHORT and time.minute == 0:
        return f"{hour}{suffix}"
    space = " " if form is TimeForm.SPACED else ""
    return f"{hour}.{time.minute:02d}{space}{suffix}"


def timing_lines(
    started: dt.datetime | None, ended: dt.datetime | None,
    adjournments: tuple[tuple[dt.datetime, dt.datetime], ...], form: TimeForm,
) -> tuple[str, ...]:
    """'The meeting started at 10.00am and finished at 12.35pm.', then one line for each
    adjournment; nothing before the clock was started or when the committee prints no times."""
    if started is None or form is TimeForm.NONE:
        return ()
    line = f"The meeting started at {format_time(started.time(), form)}"
    line += f" and finished at {format_time(ended.time(), form)}." if ended else "."
    return (line, *(f"The meeting was adjourned from {format_time(start.time(), form)} to "
                    f"{format_time(end.time(), form)}." for start, end in adjournments))
