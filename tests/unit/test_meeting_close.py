"""The close of the minutes: start, adjournment and finish times from the meeting clock, in
the committee's form, and the Chair's signature line, in `show`, Word and the web page."""

import datetime as dt
import html
import re

import docx
from hypothesis import given
from hypothesis import strategies as st

from clerkdesk.domain.enums import Audience
from clerkdesk.domain.meeting_times import (
    SIGNATURE_LINE,
    TimeForm,
    format_time,
    time_form_of,
    timing_lines,
)
from clerkdesk.export.minutes_html import minutes_html
from clerkdesk.export.plaintext import render_minutes
from clerkdesk.services import clock
from clerkdesk.services.committees import create_committee
from clerkdesk.services.export import export_meeting
from clerkdesk.services.meetings import create_meeting
from clerkdesk.services.minutes import load_minutes, published_minutes
from clerkdesk.services.paragraphs import add_paragraph
from clerkdesk.storage.database import Database
from clerkdesk.storage.models import Committee

DAY = dt.date(2026, 11, 3)
PRINTED = re.compile(r"^(\d{1,2})(?:[.:](\d{2}))?( ?)(am|pm)?$")


def at(hour: int, minute: int) -> dt.datetime:
    return dt.datetime.combine(DAY, dt.time(hour, minute))


@given(time=st.times(), form=st.sampled_from([f for f in TimeForm if f is not TimeForm.NONE]))
def test_every_form_reads_back_as_the_same_time_of_day(time, form):
    printed = format_time(time, form)
    hour, minute, space, half = PRINTED.match(printed).groups()
    hour, minute = int(hour), int(minute or 0)
    if half:
        hour = hour % 12 + (12 if half == "pm" else 0)
    assert (hour, minute) == (time.hour, time.minute)
    assert (space == " ") is (form is TimeForm.SPACED)


def test_the_forms():
    assert [format_time(dt.time(12, 35), f) for f in TimeForm if f is not TimeForm.NONE] == [
        "12.35pm", "12.35pm", "12.35 pm", "12:35"]
    assert format_time(dt.time(10), TimeForm.SHORT) == "10am"
    assert format_time(dt.time(0, 5), TimeForm.DOT) == "12.05am"
    assert time_form_of("something newer") is TimeForm.DOT


def test_timing_lines():
    adjourned = ((at(11, 5), at(11, 20)),)
    assert timing_lines(at(10, 0), at(12, 35), adjourned, TimeForm.DOT) == (
        "The meeting started at 10.00am and finished at 12.35pm.",
        "The meeting was adjourned from 11.05am to 11.20am.")
    assert timing_lines(at(10, 0), None, (), TimeForm.CLOCK) == ("The meeting started at 10:00.",)
    assert timing_lines(None, None, (), TimeForm.DOT) == ()
    assert timing_lines(at(10, 0), at(11, 0), (), TimeForm.NONE) == ()


def held_meeting(db: Database) -> int:
    committee = create_committee(db, "Licensing Panel", "Westmere County Council")
    meeting = create_meeting(db, committee, DAY, agenda=["Premises review"])
    add_paragraph(db, load_minutes(db, meeting).items[0].id, "The Panel heard the applicant.")
    clock.start_or_resume(db, meeting, at(10, 0))
    clock.pause(db, meeting, at(11, 5))
    clock.start_or_resume(db, meeting, at(11, 20))
    clock.end(db, meeting, at(12, 35))
    return meeting


def test_the_clock_records_each_adjournment(db):
    meeting = held_meeting(db)
    assert load_minutes(db, meeting).timing == (
        "The meeting started at 10.00am and finished at 12.35pm.",
        "The meeting was adjourned from 11.05am to 11.20am.")
    clock.start_or_resume(db, meeting, at(12, 50))  # reopened after the end
    clock.pause(db, meeting, at(13, 0))
    clock.end(db, meeting, at(13, 10))  # ended while paused: that pause was the end
    assert load_minutes(db, meeting).timing == (
        "The meeting started at 10.00am and finished at 1.10pm.",
        "The meeting was adjourned from 11.05am to 11.20am.",
        "The meeting was adjourned from 12.35pm to 12.50pm.")


def test_every_output_ends_with_the_times_and_the_signature_line(db, tmp_path):
    meeting = held_meeting(db)
    with db.transaction() as session:
        committee = session.query(Committee).one()
        committee.time_form, committee.signature_block = "10:00", True
    lines = ["The meeting started at 10:00 and finished at 12:35.",
             "The meeting was adjourned from 11:05 to 11:20.", SIGNATURE_LINE]
    shown = render_minutes(published_minutes(db, meeting, Audience.PUBLIC))
    assert shown.rstrip("\n").endswith("\n\n".join(["\n".join(lines[:2]), lines[2]]))
    word = docx.Document(str(export_meeting(db, meeting, tmp_path / "m.docx")))
    assert [p.text for p in word.paragraphs][-3:] == lines
    assert [p.style.name for p in word.paragraphs][-3:] == ["CD Close", "CD Close",
                                                            "CD Signature"]
    page = export_meeting(db, meeting, tmp_path / "m.html").read_text("utf-8")
    assert all(line in page for line in lines)
    assert page.index(lines[0]) > page.index("The Panel heard the applicant.")
    # the minutes view and the printed copy the Chair signs (the same rich text)
    view = minutes_html(published_minutes(db, meeting, Audience.PUBLIC), flags=False)
    assert all(html.escape(line) in view for line in lines)
    assert view.index(lines[0]) > view.index("The Panel heard the applicant.")


def test_no_signature_line_unless_the_committee_wants_one(db):
    meeting = held_meeting(db)
    assert SIGNATURE_LINE not in render_minutes(published_minutes(db, meeting, Audience.PUBLIC))
