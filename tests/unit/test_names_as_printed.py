"""Imported names keep the form printed in the source until the clerk applies the convention."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from clerkdesk.domain.mentions import iter_mentions, person_token, render
from clerkdesk.services.imports import import_text
from clerkdesk.services.minutes import load_minutes
from clerkdesk.services.review import apply_fix, check_meeting
from clerkdesk.storage.database import Database

_PRINTABLE = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40)

MINUTES = """Westford Borough Council
Licensing Sub-Committee
Minutes of the meeting held on 3 March 2025

1. Application for a premises licence

1) Mr J Scholes explained the application.
2) Councillor J.W. Thomas asked about the opening hours and Mr Ben Watts replied.
3) Councillor Mrs Ring asked whether the police had objected.
4) Cllr Patel asked about noise. Mr J Scholes said that doors would be closed by 10pm.
"""


def _as_written(db: Database, text: str) -> list[str]:
    report = import_text(db, text, committee="Licensing Sub-Committee",
                         date=dt.date(2025, 3, 3))
    return [p.text for p in load_minutes(db, report.meeting_id).items[0].paragraphs]


@given(person=st.integers(min_value=1, max_value=10**6), printed=_PRINTABLE)
def test_a_token_renders_the_printed_form_whatever_it_is(person: int, printed: str) -> None:
    stored = f"Then {person_token(person, printed)} spoke."
    (mention,) = iter_mentions(stored)
    assert mention.person_id == person
    expected = printed.strip() or "Convention Name"
    assert render(stored, lambda _pid: "Convention Name") == f"Then {expected} spoke."


def test_a_token_without_a_printed_form_follows_the_convention() -> None:
    assert render(f"{person_token(4)} spoke.", lambda _pid: "mr love") == "Mr love spoke."


def test_imported_names_read_exactly_as_printed(db: Database) -> None:
    expected = [line.split(") ", 1)[1] for line in MINUTES.splitlines() if line[:2] in
                {"1)", "2)", "3)", "4)"}]
    assert _as_written(db, MINUTES) == expected


def test_a_member_who_is_vice_chair_keeps_the_printed_name(db: Database) -> None:
    text = ("Cabinet\nMinutes of the meeting held on 1 May 2025\n\nPresent: Councillor Patel "
            "(Vice-Chair), Councillor Mrs Wendy Hinder\n\n1. Budget\n\n1) Cllr Patel asked "
            "about reserves.\n2) The Vice-Chair thanked Councillor Mrs Wendy Hinder.\n")
    assert _as_written(db, text) == [
        "Cllr Patel asked about reserves.",
        "The Vice-Chair thanked Councillor Mrs Wendy Hinder."]


def test_review_offers_the_convention_per_paragraph_and_for_the_meeting(db: Database) -> None:
    report = import_text(db, MINUTES, committee="Licensing Sub-Committee",
                         date=dt.date(2025, 3, 3))
    findings = [f for f in check_meeting(db, report.meeting_id) if f.check == "as-printed"]
    per_paragraph = [f for f in findings if f.paragraph_id is not None]
    whole = [f for f in findings if f.paragraph_id is None]
    assert len(per_paragraph) == 4 and len(whole) == 1
    assert "Mr J Scholes" in per_paragraph[0].message
    apply_fix(db, per_paragraph[0])
    texts = [p.text for p in load_minutes(db, report.meeting_id).items[0].paragraphs]
    assert texts[0] == "Mr Scholes explained the application."
    assert texts[3].startswith("Cllr Patel asked")  # other paragraphs untouched
    (whole,) = [f for f in check_meeting(db, report.meeting_id)
                if f.check == "as-printed" and f.paragraph_id is None]
    apply_fix(db, whole)
    texts = [p.text for p in load_minutes(db, report.meeting_id).items[0].paragraphs]
    assert texts[1] == "Councillor Thomas asked about the opening hours and Mr Watts replied."
    assert not [f for f in check_meeting(db, report.meeting_id) if f.check == "as-printed"]
