"""Review checks as pure functions over rendered, numbered minutes (no database)."""

import datetime as dt
from dataclasses import replace

from clerkdesk.domain.acronyms import (
    DEFAULT_GLOSSARY,
    check_acronyms,
    expand_first_use,
    glossary_problem,
)
from clerkdesk.domain.enums import (
    AttendanceStatus,
    FlagKind,
    MeetingStatus,
    ParagraphStyle,
    PersonKind,
    Role,
)
from clerkdesk.domain.flag_checks import (
    EarlierRequest,
    check_flag_fields,
    check_old_requests,
    check_resolutions,
)
from clerkdesk.domain.flag_fields import RequestFields, ResolutionFields
from clerkdesk.domain.mentions import render
from clerkdesk.domain.minutes import FlagView, ItemView, MinutesView, ParagraphView
from clerkdesk.domain.name_checks import RosterPerson, check_near_miss_names, check_not_present
from clerkdesk.domain.numbering import ParagraphScheme, paragraph_labels
from clerkdesk.domain.person import PersonFields
from clerkdesk.domain.review import (
    CheckId,
    FixKind,
    Located,
    ReviewSettings,
    Severity,
    finding_line,
    locate,
    settings_problem,
)
from clerkdesk.domain.review_checks import ReviewInput, review
from clerkdesk.domain.tense_check import check_present_tense
from clerkdesk.domain.text_checks import (
    check_empty,
    check_full_stop,
    check_levels,
    check_long,
    check_spaces,
    check_xml_characters,
)

NAMES = {1: "Sarah Hammond", 2: "Mr Love", 3: "the Vice-Chair"}
SARAH = RosterPerson(1, "Sarah Hammond",
                     PersonFields("", "Sarah", "Hammond", kind=PersonKind.OFFICER))
LOVE = RosterPerson(2, "Mr Love", PersonFields("Mr", "", "Love", role=Role.MEMBER))
_ids = iter(range(100, 10_000))


def para(stored: str, level: int = 0, style: ParagraphStyle = ParagraphStyle.NUMBERED,
         flags: tuple[FlagView, ...] = (), generated: str = "", speaker_id: int | None = None,
         pid: int | None = None) -> ParagraphView:
    return ParagraphView(
        id=pid if pid is not None else next(_ids), level=level, style=style, label="",
        text=render(stored, lambda i: NAMES.get(i, "?")), stored_text=stored,
        speaker_id=speaker_id, flags=flags, generated=generated)


def item(label: str, *paragraphs: ParagraphView, title: str = "Report",
         item_id: int | None = None) -> ItemView:
    levels = [p.level if p.style is ParagraphStyle.NUMBERED else None for p in paragraphs]
    labels = paragraph_labels(ParagraphScheme.PAREN, levels, label)
    labelled = tuple(ParagraphView(**{**p.__dict__, "label": lab})
                     for p, lab in zip(paragraphs, labels, strict=True))
    return ItemView(id=item_id if item_id is not None else next(_ids), label=label, title=title,
                    paragraphs=labelled)


def minutes(*items: ItemView) -> MinutesView:
    return MinutesView(meeting_id=7, committee="SEND Sub-Committee", council="",
                       date=dt.date(2023, 7, 11), time=None, venue="",
                       status=MeetingStatus.DRAFT, items=items)


def places(*paragraphs: ParagraphView, title: str = "Report") -> list[Located]:
    return locate(minutes(item("1", *paragraphs, title=title)), ParagraphScheme.PAREN)


# --- names -------------------------------------------------------------------------------------

def test_a_typed_near_miss_is_reported_with_a_fix_linking_the_person():
    text = "In reply to a question, Sara Hammond explained that Sara Hammond’s team would help."
    [finding] = check_near_miss_names(places(para(text)), [SARAH, LOVE])
    assert finding.check is CheckId.NEAR_MISS_NAME and finding.severity is Severity.WARNING
    assert '"Sara Hammond"' in finding.message and "Sarah Hammond" in finding.message
    assert finding.paragraph_label == "1"
    assert finding.fix is not None and finding.fix.kind is FixKind.REPLACE_TEXT
    assert finding.fix.new_text == ("In reply to a question, {@1} explained that {@1}’s team "
                                    "would help.")


def test_initials_and_short_forms_are_near_misses_but_the_exact_name_and_tokens_are_not():
    near = check_near_miss_names(places(para("S Hammond said so."), para("Sar Hammond said.")),
                                 [SARAH])
    assert [f.subject for f in near] == ["S Hammond", "Sar Hammond"]
    clean = places(para("Sarah Hammond said so."), para("{@1} said so."),
                   para("The Whole School Approaches to Nurture UK were praised by Kent County "
                        "Council."))
    assert check_near_miss_names(clean, [SARAH, LOVE]) == []


def test_a_different_family_name_is_not_a_near_miss():
    assert check_near_miss_names(places(para("Sarah Hampton said so.")), [SARAH]) == []


def test_a_mentioned_person_with_no_attendance_gets_a_fix_recording_them():
    people = {1: SARAH, 2: LOVE}
    found = check_not_present(places(para("{@2} introduced the report."),
                                     para("{@1} explained that {@2} agreed.")), people)
    assert [(f.paragraph_label, f.fix.status) for f in found] == [
        ("1", AttendanceStatus.PRESENT), ("2", AttendanceStatus.IN_ATTENDANCE)]
    assert all(f.fix.kind is FixKind.RECORD_ATTENDANCE for f in found)
    assert "Sarah Hammond" in found[1].message


def test_someone_named_in_apologies_is_offered_apologies_not_present():
    [finding] = check_not_present(places(para("Apologies were received from {@2}.")),
                                  {2: LOVE})
    assert finding.fix.status is AttendanceStatus.APOLOGIES
    assert "apologies" in finding.message


def test_recorded_apologies_are_reported_only_where_the_person_speaks():
    away = replace(LOVE, status=AttendanceStatus.APOLOGIES)
    present = replace(SARAH, status=AttendanceStatus.IN_ATTENDANCE)
    assert check_not_present(places(para("Apologies were received from {@2}.")),
                             {2: away}) == []
    [finding] = check_not_present(places(para("{@2} explained the report."),
                                         para("{@1} agreed.")), {1: present, 2: away})
    assert finding.severity is Severity.SUGGESTION and finding.fix is None


# --- acronyms ----------------------------------------------------------------------------------

def test_unexpanded_acronyms_are_reported_at_first_use_and_the_fix_expands_it():
    found = check_acronyms(places(
        para("The CYPE Directorate and the DfE met."),
        para("The CYPE leadership model and the Department for Education (DfE) agreed.")),
        DEFAULT_GLOSSARY)
    by_acronym = {f.subject: f for f in found}
    assert set(by_acronym) == {"CYPE", "DfE"}
    cype = by_acronym["CYPE"]
    assert cype.paragraph_label == "1" and cype.fix.kind is FixKind.EXPAND_ACRONYM
    assert cype.fix.new_text == ("The Children, Young People and Education (CYPE) Directorate "
                                 "and the DfE met.")
    assert "expanded later, in 2" in by_acronym["DfE"].message


def test_expanded_first_use_either_way_round_or_in_the_title_is_fine():
    glossary = {"APP": "Accelerated Progress Plan", "SEND": DEFAULT_GLOSSARY["SEND"]}
    assert check_acronyms(places(
        para("The accelerated progress plan (APP) was sent; the APP is late."),
        para("SEND (Special Educational Needs and Disabilities) services improved.")),
        glossary) == []
    titled = places(para("The APP was approved."),
                    title="Accelerated Progress Plan (APP) Update")
    assert check_acronyms(titled, glossary) == []


def test_an_unexpanded_title_is_not_reported_but_the_first_paragraph_use_is():
    [finding] = check_acronyms(places(para("The APP was approved."), title="APP Update"),
                               {"APP": "Accelerated Progress Plan"})
    assert finding.paragraph_label == "1"


def test_plurals_are_uses_and_are_expanded_in_the_plural():
    glossary = {"EHC": DEFAULT_GLOSSARY["EHC"], "EHCP": DEFAULT_GLOSSARY["EHCP"]}
    [finding] = check_acronyms(places(para("The EHCPs backlog grew.")), glossary)
    assert finding.subject == "EHCP"
    assert finding.fix.new_text == "The Education, Health and Care Plans (EHCPs) backlog grew."
    assert check_acronyms(places(para("The Education, Health and Care Plans (EHCPs) grew.")),
                          glossary) == []


def test_acronyms_match_whole_words_case_sensitively():
    glossary = {"SEND": DEFAULT_GLOSSARY["SEND"], "APP": "Accelerated Progress Plan"}
    assert check_acronyms(places(para("We will send the APPLICATION and the happy app.")),
                          glossary) == []
    assert expand_first_use("KCC’s plan and KCC", "KCC", "Kent County Council") == (
        "Kent County Council (KCC)’s plan and KCC")


def test_a_linked_requests_paragraph_gets_no_text_fix():
    [finding] = check_acronyms(places(para("The CYPE Directorate.", generated="requests")),
                               DEFAULT_GLOSSARY)
    assert finding.fix is None and "detach" in finding.message


def test_glossary_entries_are_validated():
    assert glossary_problem([("SEND", "Special Educational Needs")]) is None
    assert glossary_problem([("S E N D", "x")]) is not None
    assert glossary_problem([("SEND", " ")]) is not None
    assert glossary_problem([("SEND", "a"), ("SEND", "b")]) is not None


# --- paragraph text ----------------------------------------------------------------------------

def test_empty_paragraphs_but_not_a_resolved_line_introducing_sub_points():
    flagged = FlagView(1, FlagKind.REQUEST, "x")
    found = check_empty(places(
        para("  "), para("", flags=(flagged,)),
        para("", style=ParagraphStyle.RESOLUTION), para("that the report be noted.", level=1)))
    assert [f.paragraph_label for f in found] == ["1", "2"]
    assert found[0].fix.kind is FixKind.DELETE_PARAGRAPH and found[1].fix is None


def test_full_stop_rules():
    found = check_full_stop(places(
        para("Mr Love introduced the report"),                     # 1: reported
        para("Was this a concern?"),                               # 2: a question is fine
        para("Members requested the following information:"),     # 3: introduces a)
        para("the approved plan; and", level=1),                    # 3 a): list entry
        para("the written statement.", level=1),                    # 3 b)
        para("He said it was “fine.”"),                             # 4: closing quote
        para("Next steps:"),                                        # 5: no sub-points follow
        para("Heading without a stop", style=ParagraphStyle.UNNUMBERED),
    ))
    assert [f.paragraph_label for f in found] == ["1", "5"]
    assert found[0].fix.new_text == "Mr Love introduced the report."
    assert found[1].fix.new_text == "Next steps."


def test_doubled_spaces_are_made_single():
    [finding] = check_spaces(places(para("The  report was  noted. ")))
    assert finding.message == "doubled spaces (2 places)"
    assert finding.fix.new_text == "The report was noted."
    assert check_spaces(places(para("The report was noted."))) == []


def test_characters_word_cannot_hold_are_errors_with_a_fix():
    [finding] = check_xml_characters(places(para("The report\x0b was noted.\x01")))
    assert finding.severity is Severity.ERROR and "U+000B" in finding.message
    assert finding.fix.new_text == "The report\nwas noted."  # Word's manual line break


def test_very_long_paragraphs_use_the_committee_limit():
    text = " ".join(["word"] * 30) + "."
    assert [f.check for f in check_long(places(para(text)), 25)] == [CheckId.LONG_PARAGRAPH]
    assert check_long(places(para(text)), 30) == []


def test_a_sub_point_that_starts_a_new_question_is_mis_levelled():
    found = check_levels(places(
        para("A Member referred to the document."),
        para("{@1} replied that it was.", level=1),
        para("In answer to a question about staff, {@1} said that 35 posts were offered.",
             level=1),
        para("In response to a further question, {@1} said more.", level=1),
        para("{@member} asked whether this was a concern.", level=1),
        para("In reply to a question about schools, {@2} explained.")))
    assert [f.paragraph_label for f in found] == ["1 b)", "1 d)"]
    assert found[0].message == ('mis-levelled: a sub-point that starts like a new question '
                                '("In answer to a question…")')
    assert found[0].fix.kind is FixKind.SET_LEVEL and found[0].fix.level == 0
    assert "A Member asked" in found[1].message


def test_present_tense_is_a_suggestion_with_a_past_tense_fix():
    [finding] = check_present_tense(places(
        para("{@1} explains that the plan is late and {@2} also says so."),
        para("Sarah Hammond explained that the reports that were sent had been read."),
        para("The notes of the meeting were circulated."),
        para("The notes that were circulated were read.")))
    assert finding.severity is Severity.SUGGESTION and finding.paragraph_label == "1"
    assert '"explains" → "explained"' in finding.message and "heuristic" in finding.message
    assert finding.fix.new_text == "{@1} explained that the plan is late and {@2} also said so."
    [noun_verb] = check_present_tense(places(para("Mr Love reports that it is done.")))
    assert noun_verb.fix.new_text == "Mr Love reported that it is done."


# --- flags and outcomes ------------------------------------------------------------------------

def test_incomplete_flags_are_reported():
    request = para("Provide the figures.", level=1, pid=501)
    found = check_flag_fields(places(request), {501: [(9, RequestFields(what="figures"))]})
    assert [f.message for f in found] == ["request flag incomplete: no asked of"]
    complete = RequestFields(what="figures", asked_of_body="CYPE Directorate")
    assert check_flag_fields(places(request), {501: [(9, complete)]}) == []


def test_items_without_a_resolution_are_reported_when_the_committee_expects_one():
    first = item("1", para("Noted.", style=ParagraphStyle.RESOLUTION), item_id=61)
    second = item("2", para("A Member asked.", pid=620), item_id=62)
    third = item("3", para("Discussed.", pid=630), item_id=63)
    located = locate(minutes(first, second, third), ParagraphScheme.PAREN)
    resolution_flag = {630: [(4, ResolutionFields())]}
    found = check_resolutions(7, located, resolution_flag, [(61, "1"), (62, "2"), (63, "3")])
    assert [(f.item_id, f.paragraph_id, f.where(True)) for f in found] == [(62, None, "item 2")]


def test_requests_outstanding_after_more_than_n_meetings():
    def earlier(ago: int) -> EarlierRequest:
        return EarlierRequest(ago, "request", dt.date(2023, 6, 6), "21 c)",
                              "Detailed information about the workforce.", ago)

    found = check_old_requests(7, [earlier(1), earlier(2), earlier(3)], limit=2)
    assert [f.subject for f in found] == ["3"]
    assert found[0].where() == "meeting"
    assert found[0].message.startswith("request of 6 June 2023 (21 c)) still outstanding "
                                       "after 3 meetings")


# --- findings ----------------------------------------------------------------------------------

def test_keys_are_stable_and_name_the_check_place_and_offending_text():
    one = check_acronyms(places(para("The CYPE met.", pid=900)), DEFAULT_GLOSSARY)[0]
    again = check_acronyms(places(para("The CYPE met again.", pid=900)), DEFAULT_GLOSSARY)[0]
    other = check_acronyms(places(para("The KCC met.", pid=900)), DEFAULT_GLOSSARY)[0]
    assert one.key == again.key != other.key
    assert one.key.startswith("acronym:p900:")


def test_review_runs_every_check_in_minute_order():
    data = ReviewInput(
        minutes=minutes(item("1", para("The CYPE report was noted"),
                             para("A Member asked about schools.", pid=811),
                             para("In answer to a question, Sara Hammond said no.", level=1)),
                        item("2", para("Discussed.")), ),
        settings=ReviewSettings(expects_resolution=True),
        people={1: SARAH},
        flags={811: [(3, RequestFields())]},
        earlier_requests=[EarlierRequest(5, "request", dt.date(2023, 1, 1), "4", "x", 3)],
    )
    found = review(data)
    assert [(f.where(True), f.check) for f in found] == [
        ("meeting", CheckId.OLD_REQUEST),
        ("item 1, 1", CheckId.ACRONYM),
        ("item 1, 1", CheckId.NO_FULL_STOP),
        ("item 1, 2", CheckId.FLAG_FIELDS),
        ("item 1, 2 a)", CheckId.MISLEVELLED),
        ("item 1, 2 a)", CheckId.NEAR_MISS_NAME),
        ("item 1", CheckId.NO_RESOLUTION),
        ("item 2", CheckId.NO_RESOLUTION),
    ]
    assert finding_line(found[4], True).startswith("item 1, 2 a)  warning  mis-levelled: ")


def test_review_settings_are_validated():
    assert settings_problem(ReviewSettings()) is None
    assert settings_problem(ReviewSettings(long_paragraph_words=0)) is not None
    assert settings_problem(ReviewSettings(outstanding_meetings=0)) is not None
