"""Committee settings: reading, saving in one go, the rules that refuse bad values, the preview."""

import dataclasses

import pytest

from clerkdesk.domain.committee_settings import (
    CommitteeSettings,
    numbering_preview,
    settings_problem,
)
from clerkdesk.domain.numbering import ParagraphScheme
from clerkdesk.errors import ClerkDeskError, NotFound
from clerkdesk.services.committee_settings import committee_settings, update_committee_settings
from clerkdesk.services.committees import create_committee


def test_new_committee_has_the_default_settings(db):
    committee_id = create_committee(db, "SEND Sub-Committee", "Kent County Council")
    assert committee_settings(db, committee_id) == CommitteeSettings(
        name="SEND Sub-Committee", council="Kent County Council",
        paragraph_scheme=ParagraphScheme.PAREN, item_number_template="{n}",
        item_number_start=1, uses_minutes_heading=True, resolution_prefix="RESOLVED –",
        quorum=None,
    )


def test_settings_round_trip(db):
    committee_id = create_committee(db, "Planning")
    chosen = CommitteeSettings(
        name="Planning Applications Committee", council="Anytown Borough Council",
        paragraph_scheme=ParagraphScheme.DECIMAL, item_number_template="PLA{n}/14",
        item_number_start=146, uses_minutes_heading=False, resolution_prefix="AGREED:",
        quorum=4,
    )
    update_committee_settings(db, committee_id, chosen)
    assert committee_settings(db, committee_id) == chosen


def test_spaces_are_trimmed_and_zero_quorum_means_not_set(db):
    committee_id = create_committee(db, "Planning")
    update_committee_settings(db, committee_id, CommitteeSettings(
        name="  Planning   Committee ", council=" Kent ", item_number_template=" {n}/20 ",
        quorum=0,
    ))
    saved = committee_settings(db, committee_id)
    assert (saved.name, saved.council, saved.item_number_template, saved.quorum) == (
        "Planning Committee", "Kent", "{n}/20", None
    )


def test_keeping_its_own_name_is_not_a_duplicate(db):
    committee_id = create_committee(db, "Cabinet")
    update_committee_settings(db, committee_id, CommitteeSettings(name="cabinet", quorum=3))
    assert committee_settings(db, committee_id).name == "cabinet"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"item_number_template": "PLA/14"}, "must contain {n}"),
        ({"name": "   "}, "needs a name"),
        ({"name": "Scrutiny committee"}, "already a committee called “Scrutiny Committee”"),
        ({"item_number_start": -1}, "cannot be negative"),
        ({"item_number_template": "{n}" + "x" * 40}, "longer than 40"),
    ],
)
def test_invalid_settings_are_refused_and_nothing_is_saved(db, change, message):
    create_committee(db, "Scrutiny Committee")
    committee_id = create_committee(db, "Cabinet", "Kent")
    before = committee_settings(db, committee_id)
    bad = dataclasses.replace(before, council="Changed", quorum=9, **change)
    with pytest.raises(ClerkDeskError, match=message.replace("{", r"\{").replace("}", r"\}")):
        update_committee_settings(db, committee_id, bad)
    assert committee_settings(db, committee_id) == before


def test_unknown_committee_is_not_found(db):
    with pytest.raises(NotFound):
        committee_settings(db, 99)
    with pytest.raises(NotFound):
        update_committee_settings(db, 99, CommitteeSettings(name="Ghost"))


def test_settings_problem_accepts_good_settings():
    assert settings_problem(CommitteeSettings(name="Cabinet", item_number_template="{n}/20")) \
        is None


@pytest.mark.parametrize(
    ("scheme", "template", "start", "expected"),
    [
        (ParagraphScheme.PAREN, "{n}/20", 35, "Items: 35/20, 36/20 — Paragraphs: 1) a) b) 2)"),
        (ParagraphScheme.DOT, "{n}", 1, "Items: 1, 2 — Paragraphs: 1. (a) (b) 2."),
        (ParagraphScheme.DECIMAL, "{n}", 13,
         "Items: 13, 14 — Paragraphs: 13.1 13.1.1 13.1.2 13.2"),
        (ParagraphScheme.PAREN, "PLA{n}/14", 146, "Items: PLA146/14, PLA147/14 — Paragraphs: "
         "1) a) b) 2)"),
    ],
)
def test_numbering_preview(scheme, template, start, expected):
    assert numbering_preview(scheme, template, start) == expected
