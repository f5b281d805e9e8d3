"""Flag records: each kind round-trips, ids survive delete/restore, order, labels, statuses."""

import datetime as dt

import pytest

from clerkdesk.domain.enums import (
    ActionStatus,
    FlagKind,
    ParagraphStyle,
    PersonKind,
    RequestStatus,
    ResolutionForm,
)
from clerkdesk.domain.flag_fields import (
    ActionFields,
    DeclarationFields,
    RequestFields,
    ResolutionFields,
    fields_for,
    kind_of,
    missing_fields,
)
from clerkdesk.errors import ClerkDeskError, NotFound
from clerkdesk.services import editing
from clerkdesk.services.committees import create_committee
from clerkdesk.services.flags import (
    add_flag,
    default_due_date,
    delete_flag,
    flag_fields,
    meeting_flags,
    paragraph_flags,
    restore_flag,
    set_request_status,
    update_flag,
)
from clerkdesk.services.meetings import add_item, create_meeting
from clerkdesk.services.minutes import load_minutes
from clerkdesk.services.paragraphs import add_paragraph
from clerkdesk.services.people import add_person
from clerkdesk.storage.database import Database

JULY = dt.date(2023, 7, 11)
SEPTEMBER = dt.date(2023, 9, 12)


@pytest.fixture
def meeting(db: Database) -> dict[str, int]:
    """Item 1: paragraphs 1, 1 a), RESOLVED; item 2: paragraph 1. Two people."""
    committee_id = create_committee(db, "SEND Sub-Committee")
    meeting_id = create_meeting(db, committee_id, JULY)
    first = add_item(db, meeting_id, "Minutes of the previous meeting")
    second = add_item(db, meeting_id, "Improvement Notice Update")
    return {
        "committee": committee_id, "meeting": meeting_id, "item1": first, "item2": second,
        "p1": add_paragraph(db, first, "The minutes were agreed."),
        "p1a": add_paragraph(db, first, "Mr Love asked for the action log.", level=1),
        "resolved": add_paragraph(db, first, "The minutes be approved.",
                                  style=ParagraphStyle.RESOLUTION),
        "p2": add_paragraph(db, second, "Sarah Hammond said she would share the indicators "
                            "with the Sub-Committee as soon as they were agreed by the Board, "
                            "which she expected to happen within the next few weeks at most."),
        "hammond": add_person(db, given_name="Sarah", family_name="Hammond",
                              kind=PersonKind.OFFICER),
        "love": add_person(db, title="Mr", given_name="Ted", family_name="Love",
                           kind=PersonKind.MEMBER),
    }


def test_every_kind_round_trips(db: Database, meeting) -> None:
    examples = [
        RequestFields(what="The indicators.", asked_of_person_id=meeting["hammond"],
                      due_date=SEPTEMBER, provided_how="by email"),
        ResolutionFields(form=ResolutionForm.APPROVED, votes_for=7, votes_against=2,
                         abstentions=1, recorded_votes="For: {@2}", casting_vote=True,
                         mover_id=meeting["love"], seconder_id=meeting["hammond"], carried=True),
        ActionFields(who_person_id=meeting["hammond"], what="Circulate the plan.",
                     due_date=SEPTEMBER),
        DeclarationFields(person_id=meeting["love"], interest_kind="Other significant interest",
                          left_room=True, did_not_vote=True),
    ]
    for fields in examples:
        flag_id = add_flag(db, meeting["p2"], fields)
        assert flag_fields(db, flag_id) == fields
        assert kind_of(fields) is FlagKind(type(fields).__name__.removesuffix("Fields").lower())
        assert type(fields_for(kind_of(fields))) is type(fields)


def test_request_due_by_default_at_the_next_meeting(db: Database, meeting) -> None:
    assert default_due_date(db, meeting["p2"]) is None
    early = add_flag(db, meeting["p2"], RequestFields(what="x", asked_of_body="CYPE"))
    assert flag_fields(db, early).due_date is None
    create_meeting(db, meeting["committee"], dt.date(2023, 12, 1))
    create_meeting(db, meeting["committee"], SEPTEMBER)
    other = create_committee(db, "Cabinet")
    create_meeting(db, other, dt.date(2023, 8, 1))
    assert default_due_date(db, meeting["p2"]) == SEPTEMBER
    later = add_flag(db, meeting["p2"], RequestFields(what="y", asked_of_body="CYPE"))
    assert flag_fields(db, later).due_date == SEPTEMBER
    chosen = add_flag(db, meeting["p2"], RequestFields(what="z", due_date=dt.date(2023, 8, 1)))
    assert flag_fields(db, chosen).due_date == dt.date(2023, 8, 1)


def test_records_in_minute_order_with_labels(db: Database, meeting) -> None:
    late = add_flag(db, meeting["p2"], RequestFields(what="The indicators.",
                                                     asked_of_person_id=meeting["hammond"]))
    sub = add_flag(db, meeting["p1a"], ActionFields(who_person_id=meeting["love"],
                                                    what="Chase the log."))
    resolution = add_flag(db, meeting["resolved"], ResolutionFields())
    declaration = add_flag(db, meeting["p1"], DeclarationFields(person_id=meeting["love"],
                                                                interest_kind="Pecuniary"))
    body = add_flag(db, meeting["p2"], RequestFields(what="The budget.",
                                                     asked_of_body="Finance"))

    records = meeting_flags(db, meeting["meeting"])

    assert [r.id for r in records] == [declaration, sub, resolution, late, body]
    assert [(r.item_label, r.paragraph_label) for r in records] == [
        ("1", "1"), ("1", "1 a)"), ("1", "1 RESOLVED"), ("2", "1"), ("2", "1")]
    assert [r.asked_of_text for r in records] == [
        "Mr Love", "Mr Love", "", "Sarah Hammond", "Finance"]
    assert [r.status for r in records] == ["", "open", "", "outstanding", "outstanding"]
    assert records[3].item_id == meeting["item2"] and records[3].meeting_id == meeting["meeting"]
    assert records[3].short_text.startswith("Sarah Hammond said she would share")
    assert len(records[3].short_text) <= 120 and records[3].short_text.endswith("…")
    assert records[1].short_text == "Mr Love asked for the action log."
    assert [r.id for r in paragraph_flags(db, meeting["p2"])] == [late, body]
    assert paragraph_flags(db, meeting["p1a"])[0].fields == ActionFields(
        who_person_id=meeting["love"], what="Chase the log.")


def test_flag_views_summarise_each_kind(db: Database, meeting) -> None:
    add_flag(db, meeting["p1"], DeclarationFields(interest_kind="Pecuniary"))
    add_flag(db, meeting["p1a"], ActionFields(what="Chase the log."))
    add_flag(db, meeting["resolved"], ResolutionFields(form=ResolutionForm.APPROVED))
    paragraphs = load_minutes(db, meeting["meeting"]).items[0].paragraphs
    assert [(f.kind, f.summary, f.status) for p in paragraphs for f in p.flags] == [
        (FlagKind.DECLARATION, "Pecuniary", ""), (FlagKind.ACTION, "Chase the log.", "open"),
        (FlagKind.RESOLUTION, "approved", "")]


def test_update_keeps_id_even_when_the_kind_changes(db: Database, meeting) -> None:
    flag_id = add_flag(db, meeting["p2"], RequestFields(what="Old."))
    update_flag(db, flag_id, RequestFields(what="New.", asked_of_body="CYPE"))
    assert flag_fields(db, flag_id) == RequestFields(what="New.", asked_of_body="CYPE")
    update_flag(db, flag_id, ActionFields(what="Do it."))
    assert flag_fields(db, flag_id) == ActionFields(what="Do it.")
    [record] = meeting_flags(db, meeting["meeting"])
    assert (record.id, record.kind) == (flag_id, FlagKind.ACTION)


def test_delete_and_restore_keep_the_id(db: Database, meeting) -> None:
    keep = add_flag(db, meeting["p2"], RequestFields(what="Keep."))
    fields = ResolutionFields(form=ResolutionForm.NOTED, votes_for=3, carried=False)
    flag_id = add_flag(db, meeting["resolved"], fields)
    snapshot = delete_flag(db, flag_id)
    assert [r.id for r in meeting_flags(db, meeting["meeting"])] == [keep]
    with pytest.raises(NotFound):
        flag_fields(db, flag_id)
    restore_flag(db, snapshot)
    assert flag_fields(db, flag_id) == fields
    assert [r.id for r in meeting_flags(db, meeting["meeting"])] == [flag_id, keep]


def test_restore_after_the_paragraph_went_is_refused(db: Database, meeting) -> None:
    snapshot = delete_flag(db, add_flag(db, meeting["p1"], DeclarationFields()))
    editing.delete_paragraphs(db, [meeting["p1"]])
    with pytest.raises(NotFound, match="paragraph"):
        restore_flag(db, snapshot)


def test_unknown_people_and_paragraphs_are_refused(db: Database, meeting) -> None:
    with pytest.raises(NotFound, match="person"):
        add_flag(db, meeting["p1"], ActionFields(who_person_id=999))
    with pytest.raises(NotFound, match="paragraph"):
        add_flag(db, 999, ActionFields())
    assert meeting_flags(db, meeting["meeting"]) == []


def test_status_provided_records_when_and_where(db: Database, meeting) -> None:
    later = create_meeting(db, meeting["committee"], SEPTEMBER)
    flag_id = add_flag(db, meeting["p2"], RequestFields(what="x", asked_of_body="CYPE"))
    set_request_status(db, flag_id, RequestStatus.PROVIDED, answered_at_meeting_id=later,
                       on=SEPTEMBER, how="Tabled at the meeting")
    fields = flag_fields(db, flag_id)
    assert (fields.status, fields.provided_on, fields.provided_at_meeting_id,
            fields.provided_how) == (RequestStatus.PROVIDED, SEPTEMBER, later,
                                     "Tabled at the meeting")
    update_flag(db, flag_id, RequestFields(what="x, edited", asked_of_body="CYPE",
                                           status=RequestStatus.PROVIDED))
    assert flag_fields(db, flag_id).provided_on == SEPTEMBER  # an edit keeps the date
    set_request_status(db, flag_id, "outstanding")
    fields = flag_fields(db, flag_id)
    assert (fields.status, fields.provided_on, fields.provided_at_meeting_id) == (
        RequestStatus.OUTSTANDING, None, None)
    set_request_status(db, flag_id, ActionStatus.DONE)
    assert flag_fields(db, flag_id).provided_on == dt.date.today()


def test_status_works_for_actions_not_declarations(db: Database, meeting) -> None:
    later = create_meeting(db, meeting["committee"], SEPTEMBER)
    action = add_flag(db, meeting["p1a"], ActionFields(what="Chase the log."))
    set_request_status(db, action, RequestStatus.PROVIDED, answered_at_meeting_id=later,
                       on=SEPTEMBER)
    fields = flag_fields(db, action)
    assert (fields.status, fields.done_on, fields.done_at_meeting_id) == (
        ActionStatus.DONE, SEPTEMBER, later)
    set_request_status(db, action, RequestStatus.WITHDRAWN)
    assert flag_fields(db, action) == ActionFields(what="Chase the log.",
                                                   status=ActionStatus.DROPPED)
    declaration = add_flag(db, meeting["p1"], DeclarationFields())
    with pytest.raises(ClerkDeskError, match="status"):
        set_request_status(db, declaration, RequestStatus.PROVIDED)
    with pytest.raises(NotFound, match="meeting"):
        set_request_status(db, action, RequestStatus.PROVIDED, answered_at_meeting_id=999)


def test_missing_fields() -> None:
    assert missing_fields(RequestFields(what="The indicators.")) == ["asked of"]
    assert missing_fields(RequestFields()) == ["what", "asked of"]
    assert missing_fields(RequestFields(what="x", asked_of_person_id=3)) == []
    assert missing_fields(RequestFields(what="x", asked_of_body="CYPE",
                                        status=RequestStatus.PROVIDED)) == ["date provided"]
    assert missing_fields(ResolutionFields()) == []
    assert missing_fields(ResolutionFields(votes_for=3)) == ["carried or lost"]
    assert missing_fields(ActionFields()) == ["who", "what", "by when"]
    assert missing_fields(DeclarationFields(person_id=1)) == ["kind of interest"]
    assert missing_fields(DeclarationFields(interest_kind="Pecuniary")) == ["member"]
