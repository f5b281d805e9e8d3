"""Review checks on stored meetings: the imported seed, fixes, dismissals, glossary, settings."""

import datetime as dt
from pathlib import Path

import pytest
from support.committee import change_setup

from clerkdesk.domain.acronyms import DEFAULT_GLOSSARY
from clerkdesk.domain.enums import AttendanceStatus
from clerkdesk.domain.flag_fields import RequestFields
from clerkdesk.domain.review import CheckId, FixKind, ReviewSettings
from clerkdesk.errors import ClerkDeskError
from clerkdesk.services import review
from clerkdesk.services.committees import create_committee
from clerkdesk.services.flags import add_flag
from clerkdesk.services.meetings import create_meeting
from clerkdesk.services.minutes import load_minutes
from clerkdesk.services.paragraphs import add_paragraph, edit_text
from clerkdesk.services.roster import meeting_roster
from clerkdesk.storage.database import Database, open_database


def _paragraph(db: Database, meeting_id: int, label: str):
    [found] = [p for item in load_minutes(db, meeting_id).items for p in item.paragraphs
               if p.label == label]
    return found


@pytest.fixture
def seed_meeting(db: Database, seed_path: Path) -> int:
    """The seed imported, with paragraph 9's linked name replaced by the typed "Sara Hammond"."""
    from clerkdesk.services.imports import import_text_file

    meeting_id = import_text_file(db, seed_path).meeting_id
    nine = _paragraph(db, meeting_id, "9)")
    assert nine.stored_text.count("{@") == 1
    edit_text(db, nine.id, nine.stored_text.replace(
        nine.stored_text[nine.stored_text.index("{@"):nine.stored_text.index("}") + 1],
        "Sara Hammond"))
    return meeting_id


def _by(findings, check: CheckId) -> dict[str, object]:
    return {f.paragraph_label: f for f in findings if f.check is check}


def test_seed_check_finds_the_mis_levelled_sub_point_acronyms_and_the_near_miss(
    db: Database, seed_meeting: int
) -> None:
    found = review.check_meeting(db, seed_meeting)

    mislevelled = _by(found, CheckId.MISLEVELLED)
    assert list(mislevelled) == ["10 c)"]
    assert "In answer to a question…" in mislevelled["10 c)"].message
    acronyms = {f.subject: f.paragraph_label for f in found if f.check is CheckId.ACRONYM}
    assert {"CYPE", "EHCP", "DfE"} <= set(acronyms)
    assert (acronyms["CYPE"], acronyms["EHCP"], acronyms["DfE"]) == ("4 a)", "11 a)", "2")
    assert "APP" not in acronyms and "EHC" not in acronyms  # expanded at first use
    [near] = [f for f in found if f.check is CheckId.NEAR_MISS_NAME]
    assert near.paragraph_label == "9" and "Sarah Hammond" in near.message
    assert '"Sara Hammond"' in near.message
    positions = [f.position for f in found]
    assert positions == sorted(positions)


def test_applying_the_offered_fixes_leaves_a_clean_check(db: Database, seed_meeting: int) -> None:
    before = review.check_meeting(db, seed_meeting)
    assert before and all(f.fix is not None for f in before)

    applied = review.apply_all_fixes(db, seed_meeting)

    assert {f.key for f in applied} == {f.key for f in before}
    assert review.check_meeting(db, seed_meeting) == []
    nine = _paragraph(db, seed_meeting, "9)")
    assert "Sara " not in nine.stored_text and "Sarah Hammond explained" in nine.text
    eleven = _paragraph(db, seed_meeting, "11)")
    assert eleven.level == 0 and eleven.text.startswith("In answer to a question about")
    text = "\n".join(p.text for item in load_minutes(db, seed_meeting).items
                     for p in item.paragraphs)
    assert text.count("Children, Young People and Education (CYPE)") == 1
    assert "Education, Health and Care Plans (EHCPs) backlog" in text
    statuses = {row.name: row.status for row in meeting_roster(db, seed_meeting)}
    assert statuses["Mr Love"] is AttendanceStatus.PRESENT
    assert statuses["Sarah Hammond"] is AttendanceStatus.IN_ATTENDANCE


def test_one_fix_at_a_time_and_a_stale_fix_is_refused(db: Database, seed_meeting: int) -> None:
    found = review.check_meeting(db, seed_meeting)
    [level_fix] = [f for f in found if f.check is CheckId.MISLEVELLED]
    review.apply_fix(db, level_fix)
    assert _paragraph(db, seed_meeting, "11)").text.startswith("In answer to a question")

    dfe = next(f for f in found if f.check is CheckId.ACRONYM and f.subject == "DfE")
    kcc = next(f for f in found if f.check is CheckId.ACRONYM and f.subject == "KCC")
    assert dfe.paragraph_id == kcc.paragraph_id
    review.apply_fix(db, dfe)
    with pytest.raises(ClerkDeskError, match="changed since it was checked"):
        review.apply_fix(db, kcc)
    again = review.check_meeting(db, seed_meeting)
    assert not [f for f in again if f.check is CheckId.MISLEVELLED]
    assert [f.subject for f in again if f.check is CheckId.ACRONYM and f.subject == "KCC"]
    assert not [f for f in again if f.check is CheckId.ACRONYM and f.subject == "DfE"]


def test_dismissals_are_remembered_across_checks_and_reopening(
    db: Database, seed_meeting: int, db_target: str
) -> None:
    found = review.check_meeting(db, seed_meeting)
    near = next(f for f in found if f.check is CheckId.NEAR_MISS_NAME)
    review.dismiss(db, near)
    review.dismiss(db, near)  # twice is harmless
    assert near.key not in {f.key for f in review.check_meeting(db, seed_meeting)}
    db.close()

    reopened = open_database(db_target)
    try:
        assert len(review.check_meeting(reopened, seed_meeting)) == len(found) - 1
        every = review.check_meeting(reopened, seed_meeting, include_dismissed=True)
        assert [f.key for f in every if f.dismissed] == [near.key]
        assert review.apply_all_fixes(reopened, seed_meeting)
        left = review.check_meeting(reopened, seed_meeting, include_dismissed=True)
        assert [f.key for f in left] == [near.key]  # a dismissed finding is not fixed
        review.undismiss(reopened, near.key)
        assert [f.key for f in review.check_meeting(reopened, seed_meeting)] == [near.key]
    finally:
        reopened.close()


def _meeting_with(db: Database, *texts: str, date: dt.date = dt.date(2024, 1, 9)
                  ) -> tuple[int, int, list[int]]:
    committee_id = create_committee(db, "Cabinet")
    meeting_id = create_meeting(db, committee_id, date, agenda=["Budget"])
    [item] = load_minutes(db, meeting_id).items
    ids = [add_paragraph(db, item.id, text) for text in texts]
    return committee_id, meeting_id, ids


def test_the_default_glossary_until_the_committee_saves_its_own(db: Database) -> None:
    committee_id, meeting_id, _ids = _meeting_with(
        db, "The KCC and the LGA met.", "The Local Government Association (LGA) agreed.")
    assert review.glossary(db, committee_id) == DEFAULT_GLOSSARY
    assert [f.subject for f in review.check_meeting(db, meeting_id)] == ["KCC"]

    change_setup(db, committee_id, glossary={"LGA": "Local Government Association"})
    assert review.glossary(db, committee_id) == {"LGA": "Local Government Association"}
    [lga] = review.check_meeting(db, meeting_id)
    assert lga.subject == "LGA" and lga.fix.kind is FixKind.EXPAND_ACRONYM

    change_setup(db, committee_id, glossary=[])
    assert review.glossary(db, committee_id) == DEFAULT_GLOSSARY
    with pytest.raises(ClerkDeskError):
        change_setup(db, committee_id, glossary={"": "Nothing"})


def test_settings_long_paragraphs_and_expected_resolutions(db: Database) -> None:
    committee_id, meeting_id, _ids = _meeting_with(db, " ".join(["word", "text"] * 20) + ".")
    assert review.review_settings(db, committee_id) == ReviewSettings()
    assert review.check_meeting(db, meeting_id) == []

    change_setup(db, committee_id, review=ReviewSettings(
        expects_resolution=True, long_paragraph_words=30, outstanding_meetings=3))
    assert review.review_settings(db, committee_id).long_paragraph_words == 30
    found = review.check_meeting(db, meeting_id)
    assert [(f.check, f.where()) for f in found] == [
        (CheckId.LONG_PARAGRAPH, "1"), (CheckId.NO_RESOLUTION, "item 1")]
    with pytest.raises(ClerkDeskError):
        change_setup(db, committee_id, review=ReviewSettings(long_paragraph_words=0))


def test_incomplete_requests_and_requests_outstanding_too_long(db: Database) -> None:
    committee_id, first, [asked] = _meeting_with(
        db, "Members asked for the figures.", date=dt.date(2024, 1, 9))
    add_flag(db, asked, RequestFields(what="The figures"))  # no "asked of"
    later = [create_meeting(db, committee_id, dt.date(2024, month, 9), agenda=["Budget"])
             for month in (3, 5, 7)]

    assert [f.message for f in review.check_meeting(db, first)] == [
        "request flag incomplete: no asked of"]
    assert review.check_meeting(db, later[1]) == []  # two meetings on: within the default
    [old] = review.check_meeting(db, later[2])
    assert old.check is CheckId.OLD_REQUEST and old.where() == "meeting"
    assert "after 3 meetings" in old.message and old.fix is None
    with pytest.raises(ClerkDeskError, match="no automatic fix"):
        review.apply_fix(db, old)


def test_empty_paragraph_fix_deletes_it_and_renumbers(db: Database) -> None:
    _committee, meeting_id, ids = _meeting_with(db, "First.", "  ", "Third.")
    [empty] = review.check_meeting(db, meeting_id)
    assert (empty.check, empty.paragraph_id) == (CheckId.EMPTY, ids[1])
    review.apply_fix(db, empty)
    [item] = load_minutes(db, meeting_id).items
    assert [(p.label, p.text) for p in item.paragraphs] == [("1)", "First."), ("2)", "Third.")]
    assert review.check_meeting(db, meeting_id) == []


def test_unknown_meeting_is_a_user_error(db: Database) -> None:
    with pytest.raises(ClerkDeskError, match="no meeting with id 99"):
        review.check_meeting(db, 99)
