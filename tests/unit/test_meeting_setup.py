"""New meeting in one step: committee found or created by name, agenda pasted as lines."""

import dataclasses
import datetime as dt

import pytest
from support.raw_sql import raw_rows

from clerkdesk.domain.agenda_lines import agenda_title, agenda_titles
from clerkdesk.errors import ClerkDeskError
from clerkdesk.services.committees import create_committee, list_committees
from clerkdesk.services.meeting_setup import (
    committee_councils,
    committee_names,
    create_meeting_with_committee,
)
from clerkdesk.services.minutes import load_minutes

PASTED = "1. Apologies\n2) Declarations of interest\n\nItem 3: Minutes of the previous meeting\n"


def stored_items(db, meeting_id: int) -> list[str]:
    rows = raw_rows(
        db, "SELECT title FROM agenda_item WHERE meeting_id = ? ORDER BY position", meeting_id)
    return [title for (title,) in rows]


def test_pasted_agenda_becomes_clean_items(db):
    meeting_id = create_meeting_with_committee(
        db, "Planning Committee", "Anytown Borough Council", dt.date(2024, 3, 5),
        dt.time(18, 30), " Council Chamber ", PASTED,
    )
    assert stored_items(db, meeting_id) == [
        "Apologies", "Declarations of interest", "Minutes of the previous meeting",
    ]
    minutes = load_minutes(db, meeting_id)
    assert [item.label for item in minutes.items] == ["1", "2", "3"]
    [row] = raw_rows(
        db, "SELECT c.name, c.council, m.date, m.time, m.venue FROM meeting m "
        "JOIN committee c ON c.id = m.committee_id WHERE m.id = ?", meeting_id)
    assert (*row[0:2], str(row[2])) == (
        "Planning Committee", "Anytown Borough Council", "2024-03-05")
    assert str(row[3]).startswith("18:30")
    assert row[4] == "Council Chamber"


def test_existing_committee_is_reused_whatever_the_case(db):
    committee_id = create_committee(db, "SEND Sub-Committee", "Kent County Council")
    first = create_meeting_with_committee(
        db, "SEND Sub-Committee", "", dt.date(2024, 1, 9), None, "", "Apologies"
    )
    second = create_meeting_with_committee(
        db, "  send   sub-committee ", "Kent County Council", dt.date(2024, 2, 6),
        dt.time(10), "", "",
    )
    assert list_committees(db) == [(committee_id, "SEND Sub-Committee")]
    assert load_minutes(db, first).committee == load_minutes(db, second).committee
    assert load_minutes(db, second).items == ()


def test_blank_committee_name_is_refused(db):
    with pytest.raises(ClerkDeskError, match="committee name"):
        create_meeting_with_committee(db, "  ", "", dt.date(2024, 1, 9), None, "", "Apologies")
    assert list_committees(db) == []


def test_committee_names_and_councils(db):
    create_committee(db, "planning", "Anytown")
    create_committee(db, "Cabinet")
    assert committee_names(db) == ["Cabinet", "planning"]
    assert committee_councils(db) == {"Cabinet": "", "planning": "Anytown"}


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("1. Apologies", "Apologies"),
        ("2) Declarations of interest", "Declarations of interest"),
        ("Item 3: Minutes of the previous meeting", "Minutes of the previous meeting"),
        ("Agenda item 4 - Budget", "Budget"),
        ("(5) Questions", "Questions"),
        ("6 – Petitions", "Petitions"),
        ("7.1 Highways update", "Highways update"),
        ("8a) Late item", "Late item"),
        ("9\tTabled papers", "Tabled papers"),
        ("• Any other business", "Any other business"),
        ("  10.   Exclusion   of the press  ", "Exclusion of the press"),
        ("2023/24 Budget monitoring", "2023/24 Budget monitoring"),
        ("2.5% pay award", "2.5% pay award"),
        ("3:30pm site visit", "3:30pm site visit"),
        ("Items of urgent business", "Items of urgent business"),
        ("12.", ""),
    ],
)
def test_agenda_title_strips_pasted_numbering_only(line, title):
    assert agenda_title(line) == title


def test_agenda_titles_skips_blank_and_number_only_lines():
    assert agenda_titles("\n 1. \nApologies\n\n  \n2) Minutes\n") == ["Apologies", "Minutes"]


def stored_paragraphs(db, meeting_id: int) -> dict[str, list[str]]:
    rows = raw_rows(
        db, "SELECT i.title, p.text FROM agenda_item i LEFT JOIN paragraph p ON p.item_id = i.id"
        " WHERE i.meeting_id = ? ORDER BY i.position, p.position", meeting_id)
    found: dict[str, list[str]] = {}
    for title, text in rows:
        found.setdefault(title, [])
        if text is not None:
            found[title].append(text)
    return found


def test_new_meeting_puts_the_committee_template_around_the_business(db):
    from support.committee import change_setup

    from clerkdesk.domain.agenda_template import EXCLUSION_WORDING
    from clerkdesk.services.committee_settings import committee_settings

    meeting_id = create_meeting_with_committee(
        db, "Planning Committee", "", dt.date(2024, 3, 5), None, "",
        "Land at Mill Lane\nExempt: Purchase of the depot (Part 2)", standard_items=True)
    items = stored_paragraphs(db, meeting_id)
    assert list(items) == [
        "Apologies and substitutes", "Declarations of interest",
        "Minutes of the previous meeting", "Matters arising", "Land at Mill Lane",
        "Exclusion of the press and public", "Exempt: Purchase of the depot (Part 2)"]
    assert items["Declarations of interest"] == ["There were no declarations of interest."]
    assert items["Exclusion of the press and public"] == [EXCLUSION_WORDING]

    [(committee_id,)] = raw_rows(db, "SELECT committee_id FROM meeting WHERE id = ?", meeting_id)
    settings = committee_settings(db, committee_id)
    assert settings.agenda_template == ""  # the default, written out only in the dialog
    own = "Welcome | The Chair welcomed everyone.\nApologies\n[business]\nAny other business"
    change_setup(db, committee_id,
                              dataclasses.replace(settings, agenda_template=own))
    second = create_meeting_with_committee(
        db, "planning committee", "", dt.date(2024, 4, 2), None, "", "Land at Mill Lane",
        standard_items=True)
    assert stored_paragraphs(db, second) == {
        "Welcome": ["The Chair welcomed everyone."], "Apologies": [],
        "Land at Mill Lane": [], "Any other business": []}
