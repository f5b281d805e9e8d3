"""The committee's request log and matters arising, from the seed's four requests onwards."""

import datetime as dt
import re
from pathlib import Path

import pytest
from support.published import shown as render_minutes

from clerkdesk.domain.enums import PersonKind, RequestStatus
from clerkdesk.domain.flag_fields import ActionFields, RequestFields
from clerkdesk.errors import ClerkDeskError
from clerkdesk.services.committees import create_committee, find_committee
from clerkdesk.services.flags import add_flag, set_request_status
from clerkdesk.services.imports import import_text_file
from clerkdesk.services.meetings import create_meeting
from clerkdesk.services.minutes import load_minutes
from clerkdesk.services.paragraphs import add_paragraph
from clerkdesk.services.people import add_person
from clerkdesk.services.request_log import (
    MATTERS_ARISING_TITLE,
    format_log_line,
    insert_matters_arising,
    outstanding_before,
    request_log,
)
from clerkdesk.storage.database import Database

JULY = dt.date(2023, 7, 11)
SEPTEMBER = dt.date(2023, 9, 12)
NOVEMBER = dt.date(2023, 11, 28)


def seed_requests(seed: Path) -> list[str]:
    """Sub-points a)-d) under the seed's paragraph 21, read independently of the importer."""
    lines = [" ".join(raw.replace("\u00a0", " ").split())
             for raw in seed.read_text(encoding="utf-8").splitlines()]
    start = next(i for i, line in enumerate(lines) if line.startswith("21)"))
    found = []
    for line in lines[start + 1:]:
        if re.match(r"^\d+\)", line):
            break
        if match := re.match(r"^[a-z]\)\s*(.*)$", line):
            found.append(match.group(1))
    return found


@pytest.fixture
def seeded(db: Database, seed_path: Path) -> dict[str, object]:
    report = import_text_file(db, seed_path, committee="SEND Sub-Committee", date=JULY)
    committee_id = find_committee(db, "SEND Sub-Committee")
    following = create_meeting(db, committee_id, SEPTEMBER, agenda=[
        "Apologies and Substitutes", "Minutes of the meeting held on 11 July 2023",
        "SEND Improvement Update"])
    return {"july": report.meeting_id, "committee": committee_id, "september": following,
            "texts": seed_requests(seed_path)}


def test_next_meeting_is_offered_the_four_outstanding_requests(db: Database, seeded) -> None:
    offered = outstanding_before(db, seeded["september"])
    assert len(seeded["texts"]) == 4
    assert [e.what for e in offered] == seeded["texts"]
    assert {(e.kind, e.asked_of, e.status, e.meeting_id, e.meeting_date, e.age_days)
            for e in offered} == {
        ("request", "CYPE Directorate", "outstanding", seeded["july"], JULY, 63)}
    assert [e.paragraph_label for e in offered] == ["21 a)", "21 b)", "21 c)", "21 d)"]
    assert outstanding_before(db, seeded["july"]) == []


def test_mark_two_provided_and_read_the_log(db: Database, seeded) -> None:
    first, second, third, fourth = outstanding_before(db, seeded["september"])
    for entry in (first, third):
        set_request_status(db, entry.flag_id, RequestStatus.PROVIDED,
                           answered_at_meeting_id=seeded["september"], on=SEPTEMBER)

    log = request_log(db, seeded["committee"], today=NOVEMBER)

    assert [(e.flag_id, e.status) for e in log] == [
        (first.flag_id, "provided"), (second.flag_id, "outstanding"),
        (third.flag_id, "provided"), (fourth.flag_id, "outstanding")]
    assert {e.age_days for e in log} == {140}
    assert [(e.provided_on, e.provided_at_meeting_id, e.provided_at_meeting_date)
            for e in log[:2]] == [(SEPTEMBER, seeded["september"], SEPTEMBER), (None, None, None)]
    outstanding = request_log(db, seeded["committee"], "outstanding", today=NOVEMBER)
    assert [e.flag_id for e in outstanding] == [second.flag_id, fourth.flag_id]
    assert [e.flag_id for e in request_log(db, seeded["committee"], RequestStatus.PROVIDED)] == [
        first.flag_id, third.flag_id]
    assert request_log(db, seeded["committee"], "withdrawn") == []
    assert len(request_log(db, seeded["committee"], "all")) == 4
    assert [e.flag_id for e in outstanding_before(db, seeded["september"])] == [
        second.flag_id, fourth.flag_id]
    assert format_log_line(outstanding[0]) == (
        "2023-07-11  21 b)  CYPE Directorate  outstanding (140 days)  "
        + seeded["texts"][1])
    assert format_log_line(log[0]) == (
        "2023-07-11  21 a)  CYPE Directorate  provided 2023-09-12  " + seeded["texts"][0])


def test_matters_arising_item_follows_the_minutes_item(db: Database, seeded) -> None:
    before = render_minutes(load_minutes(db, seeded["july"]))
    offered = outstanding_before(db, seeded["september"])

    item_id = insert_matters_arising(db, seeded["september"], [e.flag_id for e in offered[1:3]])

    minutes = load_minutes(db, seeded["september"])
    assert [i.title for i in minutes.items] == [
        "Apologies and Substitutes", "Minutes of the meeting held on 11 July 2023",
        MATTERS_ARISING_TITLE, "SEND Improvement Update"]
    item = minutes.items[2]
    assert item.id == item_id
    assert [(p.label, p.text) for p in item.paragraphs] == [
        ("1)", "At its meeting on 11 July 2023 the Sub-Committee requested from the CYPE "
               f"Directorate: {seeded['texts'][1].rstrip('.')} – outstanding."),
        ("2)", "At its meeting on 11 July 2023 the Sub-Committee requested from the CYPE "
               f"Directorate: {seeded['texts'][2].rstrip('.')} – outstanding."),
    ]
    assert render_minutes(load_minutes(db, seeded["july"])) == before
    assert len(request_log(db, seeded["committee"])) == 4  # the new item holds no flags


def test_matters_arising_refuses_foreign_flags_and_changes_nothing(db: Database, seeded) -> None:
    other = create_committee(db, "Cabinet")
    meeting_id = create_meeting(db, other, JULY, agenda=["Budget"])
    paragraph = add_paragraph(db, load_minutes(db, meeting_id).items[0].id, "Asked for costs.")
    foreign = add_flag(db, paragraph, RequestFields(what="Costs.", asked_of_body="Finance"))
    with pytest.raises(ClerkDeskError, match=f"Flag {foreign} "):
        insert_matters_arising(db, seeded["september"], [foreign])
    assert len(load_minutes(db, seeded["september"]).items) == 3
    assert [e.flag_id for e in request_log(db, other)] == [foreign]


def test_actions_later_meetings_and_several_items(db: Database) -> None:
    committee_id = create_committee(db, "Audit Committee")
    officer = add_person(db, given_name="Ann", family_name="Lee", kind=PersonKind.OFFICER)
    july = create_meeting(db, committee_id, JULY, agenda=["Risk", "Accounts"])
    march = create_meeting(db, committee_id, dt.date(2024, 3, 5), agenda=["Risk"])
    september = create_meeting(db, committee_id, SEPTEMBER)
    risk, accounts = (i.id for i in load_minutes(db, july).items)
    add_paragraph(db, risk, "Ann Lee presented the register.")
    asked = add_paragraph(db, accounts, "Ann Lee agreed to circulate the audit letter.")
    action = add_flag(db, asked, ActionFields(who_person_id=officer,
                                              what="Circulate the audit letter."))
    later = add_paragraph(db, load_minutes(db, march).items[0].id, "A Member asked for more.")
    add_flag(db, later, RequestFields(what="More.", asked_of_body="Internal Audit"))

    [entry] = outstanding_before(db, september)
    assert (entry.flag_id, entry.kind, entry.asked_of, entry.status, entry.age_days) == (
        action, "action", "Ann Lee", "open", 63)
    assert entry.reference == "item 2, 1"
    assert format_log_line(entry) == (
        "2023-07-11  item 2, 1  Ann Lee  open (63 days)  [action] Circulate the audit letter.")

    item_id = insert_matters_arising(db, september, [action])
    [item] = load_minutes(db, september).items
    assert item.id == item_id and item.title == MATTERS_ARISING_TITLE
    assert [p.text for p in item.paragraphs] == [
        "At its meeting on 11 July 2023 the Committee asked Ann Lee to: Circulate the audit "
        "letter – outstanding."]
    set_request_status(db, action, RequestStatus.PROVIDED, answered_at_meeting_id=september,
                       on=SEPTEMBER)
    assert outstanding_before(db, september) == []
    assert [e.status for e in request_log(db, committee_id)] == ["done", "outstanding"]


def test_empty_log_and_first_position_without_a_minutes_item(db: Database) -> None:
    committee_id = create_committee(db, "Licensing Committee")
    meeting_id = create_meeting(db, committee_id, JULY, agenda=["Applications"])
    assert request_log(db, committee_id) == []
    insert_matters_arising(db, meeting_id, [])
    assert [i.title for i in load_minutes(db, meeting_id).items] == [
        MATTERS_ARISING_TITLE, "Applications"]
