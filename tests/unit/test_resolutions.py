"""RESOLVED paragraphs by the committee's style, with the vote line when one was recorded."""

import datetime as dt

import pytest
from support.committee import change_setup
from support.published import shown as render_minutes

from clerkdesk.domain.enums import ParagraphStyle, PersonKind, ResolutionForm, Role
from clerkdesk.domain.flag_fields import ResolutionFields
from clerkdesk.domain.resolutions import ResolutionStyle, clauses, resolution_lines, vote_line
from clerkdesk.services.committee_settings import committee_settings
from clerkdesk.services.committees import create_committee
from clerkdesk.services.flags import add_flag, update_flag
from clerkdesk.services.meetings import add_item, create_meeting
from clerkdesk.services.minutes import load_minutes
from clerkdesk.services.paragraphs import add_paragraph
from clerkdesk.services.people import add_person
from clerkdesk.storage.database import Database

NAMES = {1: "Mr Love", 2: "Ms Hannon"}
PREFIX = "RESOLVED –"


def name_of(person_id: int) -> str:
    return NAMES[person_id]


# --- styles ---------------------------------------------------------------------------------


@pytest.mark.parametrize("prefix, text", [
    (PREFIX, "The SEND Sub-Committee noted the contents of the report."),
    ("RESOLVED:", "that the report be noted"),
    ("AGREED", ""),
])
def test_dash_is_the_prefix_as_written_then_the_text(prefix: str, text: str) -> None:
    assert resolution_lines(ResolutionStyle.DASH, prefix, text) == [
        (0, f"{prefix} {text}".strip())]


def test_that_style() -> None:
    that = ResolutionStyle.THAT
    assert resolution_lines(that, PREFIX, "The minutes of the meeting held on 6 June 2023 be "
                            "approved as a correct record.") == [
        (0, "RESOLVED that the minutes of the meeting held on 6 June 2023 be approved as a "
            "correct record.")]
    assert resolution_lines(that, "RESOLVED:", "that SEND funding be reviewed.") == [
        (0, "RESOLVED that SEND funding be reviewed.")]
    assert resolution_lines(that, "It was RESOLVED", "Mr Love be appointed.") == [
        (0, "It was RESOLVED that Mr Love be appointed.")]


def test_to_list_style_letters_each_clause_with_its_verb_in_capitals() -> None:
    lines = resolution_lines(ResolutionStyle.TO_LIST, PREFIX,
                             "note the report; and approve the budget for 2024/25;\n"
                             "to delegate authority to the Director.")
    assert lines == [
        (0, "RESOLVED to:"),
        (1, "a) NOTE the report;"),
        (1, "b) APPROVE the budget for 2024/25;"),
        (1, "c) DELEGATE authority to the Director."),
    ]
    assert resolution_lines(ResolutionStyle.TO_LIST, PREFIX, "note the report.") == [
        (0, "RESOLVED to NOTE the report.")]


def test_to_list_style_writes_a_whole_sentence_as_resolved_that() -> None:
    """A resolution typed as a sentence (or kept from another style) never reads "to The…"."""
    sentence = "The Sub-Committee noted the report and the information requested."
    assert resolution_lines(ResolutionStyle.TO_LIST, PREFIX, sentence) == [
        (0, "RESOLVED that the Sub-Committee noted the report and the information requested.")]
    assert resolution_lines(ResolutionStyle.TO_LIST, PREFIX, "That the plan be agreed.") == [
        (0, "RESOLVED that the plan be agreed.")]


def test_to_list_clause_rule_is_predictable() -> None:
    assert clauses("a) note the report; b) AGREE the plan, and") == [
        "NOTE the report", "AGREE the plan"]
    # A capitalised first word is not a verb typed for the list: left as written.
    assert clauses("The report was noted") == ["The report was noted"]
    assert clauses(" ; and ; ") == []


# --- votes ----------------------------------------------------------------------------------


def test_vote_line_carried_with_mover_seconder_and_casting_vote() -> None:
    fields = ResolutionFields(form=ResolutionForm.AGREED, votes_for=7, votes_against=2,
                              abstentions=1, mover_id=1, seconder_id=2, casting_vote=True,
                              carried=True)
    assert vote_line(fields, name_of) == (
        "(Carried: 7 for, 2 against, 1 abstention; moved by Mr Love, seconded by Ms Hannon; "
        "the Chair used a casting vote)")


def test_vote_line_lost_recorded_names_and_nothing() -> None:
    assert vote_line(ResolutionFields(votes_for=3, votes_against=5, carried=False),
                     name_of) == "(Lost: 3 for, 5 against)"
    recorded = ResolutionFields(votes_for=2, votes_against=0, abstentions=2, carried=True,
                                recorded_votes="For: {@1}, {@2}; Against: none.")
    assert vote_line(recorded, name_of) == (
        "(Carried: 2 for, 0 against, 2 abstentions; For: Mr Love, Ms Hannon; Against: none)")
    assert vote_line(ResolutionFields(form=ResolutionForm.NOTED), name_of) == ""


def test_vote_line_follows_the_resolution_only_when_recorded() -> None:
    text = "The report be approved."
    plain = ResolutionFields(form=ResolutionForm.APPROVED)
    assert resolution_lines(ResolutionStyle.THAT, PREFIX, text, plain, name_of) == [
        (0, "RESOLVED that the report be approved.")]
    voted = ResolutionFields(votes_for=3, votes_against=5, carried=False)
    assert resolution_lines(ResolutionStyle.THAT, PREFIX, text, voted, name_of) == [
        (0, "RESOLVED that the report be approved."), (0, "(Lost: 3 for, 5 against)")]


# --- in the minutes (`clerkdesk show` layout) -----------------------------------------------


@pytest.fixture
def voted_meeting(db: Database) -> dict[str, int]:
    committee_id = create_committee(db, "Planning Committee", "Anyshire Council")
    love = add_person(db, title="Mr", given_name="Ted", family_name="Love",
                      kind=PersonKind.MEMBER)
    hannon = add_person(db, title="Ms", given_name="Jo", family_name="Hannon",
                        kind=PersonKind.MEMBER)
    meeting_id = create_meeting(db, committee_id, dt.date(2024, 3, 5))
    item_id = add_item(db, meeting_id, "Budget")
    add_paragraph(db, item_id, "The Head of Finance introduced the report.")
    resolution = add_paragraph(db, item_id, "note the report; approve the budget",
                               style=ParagraphStyle.RESOLUTION)
    flag = add_flag(db, resolution, ResolutionFields(form=ResolutionForm.APPROVED))
    return {"committee": committee_id, "meeting": meeting_id, "resolution": resolution,
            "flag": flag, "love": love, "hannon": hannon}


def minutes_tail(db: Database, meeting_id: int) -> str:
    text = render_minutes(load_minutes(db, meeting_id))
    return text.split("introduced the report.\n\n", 1)[1]


def test_default_style_output_is_unchanged(db: Database, voted_meeting) -> None:
    assert committee_settings(db, voted_meeting["committee"]).resolution_style is (
        ResolutionStyle.DASH)
    assert minutes_tail(db, voted_meeting["meeting"]) == (
        "RESOLVED – note the report; approve the budget\n")


def test_recorded_vote_renders_as_configured(db: Database, voted_meeting) -> None:
    update_flag(db, voted_meeting["flag"], ResolutionFields(
        form=ResolutionForm.APPROVED, votes_for=7, votes_against=2, abstentions=1,
        mover_id=voted_meeting["love"], seconder_id=voted_meeting["hannon"], carried=True))
    change_setup(db, voted_meeting["committee"], resolution_style=ResolutionStyle.TO_LIST)

    assert minutes_tail(db, voted_meeting["meeting"]) == (
        "RESOLVED to:\n"
        "    a) NOTE the report;\n"
        "    b) APPROVE the budget.\n"
        "(Carried: 7 for, 2 against, 1 abstention; moved by Mr Love, seconded by Ms Hannon)\n")
    [paragraph] = [p for p in load_minutes(db, voted_meeting["meeting"]).items[0].paragraphs
                   if p.id == voted_meeting["resolution"]]
    assert paragraph.vote_line.startswith("(Carried: 7 for")
    assert [f.summary for f in paragraph.flags] == ["approved"]


def test_chair_by_role_in_the_vote_line_and_dash_style(db: Database, voted_meeting) -> None:
    from clerkdesk.services.people import set_membership

    set_membership(db, voted_meeting["committee"], voted_meeting["love"], Role.CHAIR)
    update_flag(db, voted_meeting["flag"], ResolutionFields(
        votes_for=4, votes_against=4, casting_vote=True, carried=True,
        mover_id=voted_meeting["love"]))
    assert minutes_tail(db, voted_meeting["meeting"]) == (
        "RESOLVED – note the report; approve the budget\n"
        "(Carried: 4 for, 4 against; moved by the Chair; the Chair used a casting vote)\n")
