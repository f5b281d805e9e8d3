"""Committee settings: reading, saving in one go, the rules that refuse bad values, the preview;
the whole dialog (settings, Word template, review settings, glossary) in one transaction."""

import dataclasses
from pathlib import Path

import pytest
from support.committee import change_setup
from support.raw_sql import raw_rows

from clerkdesk.domain.acronyms import DEFAULT_GLOSSARY, glossary_from_text, glossary_to_text
from clerkdesk.domain.committee_settings import (
    CommitteeSettings,
    CommitteeSetup,
    numbering_preview,
    settings_problem,
    setup_problem,
)
from clerkdesk.domain.numbering import ParagraphScheme
from clerkdesk.domain.resolutions import ResolutionStyle
from clerkdesk.domain.review import ReviewSettings
from clerkdesk.errors import ClerkDeskError, NotFound
from clerkdesk.services import review
from clerkdesk.services.committee_settings import (
    committee_settings,
    committee_setup,
    save_committee_setup,
)
from clerkdesk.services.committees import create_committee
from clerkdesk.storage.models import Committee


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
    change_setup(db, committee_id, chosen)
    assert committee_settings(db, committee_id) == chosen


def test_spaces_are_trimmed_and_zero_quorum_means_not_set(db):
    committee_id = create_committee(db, "Planning")
    change_setup(db, committee_id, CommitteeSettings(
        name="  Planning   Committee ", council=" Kent ", item_number_template=" {n}/20 ",
        quorum=0,
    ))
    saved = committee_settings(db, committee_id)
    assert (saved.name, saved.council, saved.item_number_template, saved.quorum) == (
        "Planning Committee", "Kent", "{n}/20", None
    )


def test_keeping_its_own_name_is_not_a_duplicate(db):
    committee_id = create_committee(db, "Cabinet")
    change_setup(db, committee_id, CommitteeSettings(name="cabinet", quorum=3))
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
        change_setup(db, committee_id, bad)
    assert committee_settings(db, committee_id) == before


def test_unknown_committee_is_not_found(db):
    with pytest.raises(NotFound):
        committee_settings(db, 99)
    with pytest.raises(NotFound):
        change_setup(db, 99, CommitteeSettings(name="Ghost"))


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


# --- resolution style, Word template, review settings and glossary saved together ------------

LGA = ("LGA", "Local Government Association")


def house_template(path: Path) -> Path:
    path.write_bytes(b"a Word file is only opened when exporting")
    return path


def glossary_rows(db) -> list[tuple[str, str]]:
    return raw_rows(db, "SELECT acronym, expansion FROM glossary_entry ORDER BY id")


def test_new_committee_setup_has_the_defaults(db):
    committee_id = create_committee(db, "Cabinet")
    assert committee_setup(db, committee_id) == CommitteeSetup(
        CommitteeSettings(name="Cabinet"), ReviewSettings(), tuple(DEFAULT_GLOSSARY.items()))
    assert committee_setup(db, committee_id).settings.resolution_style is ResolutionStyle.DASH


def test_setup_round_trip(db, tmp_path):
    committee_id = create_committee(db, "Planning")
    template = house_template(tmp_path / "house.docx")
    settings = CommitteeSettings(name="Planning", quorum=4,
                                 resolution_style=ResolutionStyle.TO_LIST,
                                 template_path=str(template))
    review_settings = ReviewSettings(expects_resolution=True, long_paragraph_words=180,
                                     outstanding_meetings=3)
    save_committee_setup(db, committee_id, settings, review_settings, [LGA])
    assert committee_setup(db, committee_id) == CommitteeSetup(settings, review_settings, (LGA,))
    assert committee_settings(db, committee_id).resolution_style is ResolutionStyle.TO_LIST
    assert review.review_settings(db, committee_id) == review_settings
    assert review.glossary(db, committee_id) == dict([LGA])


def test_template_and_style_survive_saving_other_settings(db, tmp_path):
    committee_id = create_committee(db, "Planning")
    template = house_template(tmp_path / "house.dotx")
    change_setup(db, committee_id, CommitteeSettings(
        name="Planning", resolution_style=ResolutionStyle.THAT,
        template_path=f"  {template}  "))
    saved = committee_settings(db, committee_id)
    assert (saved.resolution_style, saved.template_path) == (ResolutionStyle.THAT, str(template))
    change_setup(db, committee_id, dataclasses.replace(saved, template_path=" "))
    with db.transaction() as session:
        assert session.get(Committee, committee_id).template_path is None


def test_an_invalid_glossary_saves_nothing(db, db_path, tmp_path):
    committee_id = create_committee(db, "Cabinet")
    before = committee_setup(db, committee_id)
    with pytest.raises(ClerkDeskError, match="Give the expansion of LGA"):
        save_committee_setup(
            db, committee_id,
            CommitteeSettings(name="Renamed", resolution_style=ResolutionStyle.THAT,
                              template_path=str(house_template(tmp_path / "house.docx"))),
            ReviewSettings(expects_resolution=True), [LGA, ("LGA ", "  ")] + [("SEN", "x")])
    assert committee_setup(db, committee_id) == before
    assert glossary_rows(db) == []


def test_a_failure_inside_the_transaction_saves_nothing(db, db_path, monkeypatch):
    committee_id = create_committee(db, "Cabinet")
    before = committee_setup(db, committee_id)

    def fail(*_args):
        raise ClerkDeskError("the disk went away")

    monkeypatch.setattr(review, "replace_glossary_in", fail)
    with pytest.raises(ClerkDeskError, match="disk went away"):
        save_committee_setup(db, committee_id, CommitteeSettings(name="Renamed", quorum=5),
                             ReviewSettings(long_paragraph_words=99), [LGA])
    assert committee_setup(db, committee_id) == before


def test_saving_the_default_glossary_stores_no_rows_and_empty_means_default(db, db_path):
    committee_id = create_committee(db, "Cabinet")
    settings = CommitteeSettings(name="Cabinet")
    save_committee_setup(db, committee_id, settings, ReviewSettings(), [LGA])
    assert glossary_rows(db) == [LGA]
    save_committee_setup(db, committee_id, settings, ReviewSettings(), DEFAULT_GLOSSARY.items())
    assert glossary_rows(db) == []
    save_committee_setup(db, committee_id, settings, ReviewSettings(), [])
    assert review.glossary(db, committee_id) == DEFAULT_GLOSSARY


def test_review_settings_out_of_range_are_refused(db):
    committee_id = create_committee(db, "Cabinet")
    with pytest.raises(ClerkDeskError, match="1 to 1000 meetings"):
        save_committee_setup(db, committee_id, CommitteeSettings(name="Cabinet"),
                             ReviewSettings(outstanding_meetings=0), [])


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/councils/kent/minutes.doc", "must be a .docx or .dotx file, not minutes.doc"),
        ("/councils/kent/macros.dotm", "must be a .docx or .dotx file"),
        ("/councils/kent/house.pdf", "must be a .docx or .dotx file"),
        ("house.docx", "full path"),
        ("/" + "x" * 1000 + ".docx", "longer than 1000 characters"),
    ],
)
def test_template_path_rules(path, message):
    problem = settings_problem(CommitteeSettings(name="Cabinet", template_path=path))
    assert problem is not None and message in problem


@pytest.mark.parametrize("name", ["house.docx", "HOUSE.DOCX", "house.dotx"])
def test_template_names_word_can_open_are_accepted(tmp_path, name):
    settings = CommitteeSettings(name="Cabinet", template_path=str(tmp_path / name))
    assert settings_problem(settings) is None  # not checked for existence in the domain


def test_a_missing_template_file_is_refused_with_a_clear_message(db, tmp_path):
    committee_id = create_committee(db, "Cabinet")
    gone = tmp_path / "gone.docx"
    with pytest.raises(ClerkDeskError) as refused:
        save_committee_setup(db, committee_id,
                             CommitteeSettings(name="Cabinet", template_path=str(gone)),
                             ReviewSettings(), [])
    assert str(refused.value) == (f"The Word template {gone} does not exist: choose another "
                                  "file, or use the built-in template.")
    assert committee_settings(db, committee_id).template_path == ""


def test_a_saved_template_gone_missing_does_not_block_other_edits(db, tmp_path):
    committee_id = create_committee(db, "Cabinet")
    template = house_template(tmp_path / "house.docx")
    settings = CommitteeSettings(name="Cabinet", template_path=str(template))
    change_setup(db, committee_id, settings)
    template.unlink()  # e.g. the council share is offline today
    change_setup(db, committee_id, dataclasses.replace(settings, quorum=3))
    assert committee_settings(db, committee_id) == dataclasses.replace(settings, quorum=3)


# --- the glossary as text ---------------------------------------------------------------------

def test_glossary_text_round_trip():
    text = glossary_to_text(DEFAULT_GLOSSARY)
    assert text.splitlines()[0] == "APP = Accelerated Progress Plan"
    assert glossary_from_text(text) == (list(DEFAULT_GLOSSARY.items()), None)


def test_glossary_text_ignores_blank_lines_and_trims():
    text = "\n  LGA =  Local   Government Association \n\n   \nKCC=Kent County Council\n"
    assert glossary_from_text(text) == (
        [LGA, ("KCC", "Kent County Council")], None)


def test_an_expansion_may_contain_an_equals_sign():
    assert glossary_from_text("EQ = A = B")[0] == [("EQ", "A = B")]


def test_a_line_without_equals_is_a_problem_naming_the_line():
    pairs, problem = glossary_from_text("LGA = Local Government Association\n\n"
                                        "SEND Special Educational Needs")
    assert pairs == [LGA]
    assert problem == ("Line 3 of the glossary, “SEND Special Educational Needs”, needs “=” "
                       "between the acronym and its expansion, e.g. SEND = Special Educational "
                       "Needs and Disabilities.")


def test_a_long_line_without_equals_is_shortened_in_the_message():
    _pairs, problem = glossary_from_text("x" * 100)
    assert problem is not None and "“" + "x" * 40 + "…”" in problem


def test_setup_problem_covers_every_part():
    fine = CommitteeSetup(CommitteeSettings(name="Cabinet"))
    assert setup_problem(fine) is None
    assert "needs a name" in setup_problem(dataclasses.replace(
        fine, settings=CommitteeSettings(name=" ")))
    assert "long-paragraph" in setup_problem(dataclasses.replace(
        fine, review=ReviewSettings(long_paragraph_words=0)))
    assert "listed twice" in setup_problem(dataclasses.replace(fine, glossary=(LGA, LGA)))


def test_remote_attendance_counts_for_the_quorum_only_when_the_committee_says_so(db):
    from clerkdesk.services.committee_settings import committee_settings

    committee_id = _committee_id_for_remote_test(db)
    assert committee_settings(db, committee_id).remote_counts_for_quorum is False  # England
    settings = committee_settings(db, committee_id)
    change_setup(db, committee_id, dataclasses.replace(
        settings, remote_counts_for_quorum=True))
    assert committee_settings(db, committee_id).remote_counts_for_quorum is True


def _committee_id_for_remote_test(db) -> int:
    from clerkdesk.services.committees import find_or_create_committee

    with db.transaction() as session:
        return find_or_create_committee(session, "Licensing Sub-Committee").id
