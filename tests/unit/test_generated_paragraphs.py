"""The closing paragraph of requests: the seed's paragraph 21, grouping, and staying linked."""

import datetime as dt
import re
from pathlib import Path

import pytest
from support.published import shown as render_minutes

from clerkdesk.domain.enums import ParagraphStyle, PersonKind, RequestStatus
from clerkdesk.domain.flag_fields import RequestFields
from clerkdesk.domain.generated import requests_paragraphs, with_the
from clerkdesk.errors import ClerkDeskError
from clerkdesk.services import editing
from clerkdesk.services.flags import add_flag, delete_flag, restore_flag, update_flag
from clerkdesk.services.generated_paragraphs import (
    detach_generated,
    refresh_generated,
    write_requests_paragraph,
)
from clerkdesk.services.meetings import add_item, create_meeting
from clerkdesk.services.minutes import load_minutes
from clerkdesk.services.paragraphs import add_paragraph
from clerkdesk.services.people import add_person
from clerkdesk.storage.database import Database
from clerkdesk.storage.models import Paragraph

CYPE = "CYPE Directorate"
ICB = "Integrated Care Board"


def seed_paragraph_21(seed: Path) -> tuple[str, list[tuple[str, str]]]:
    """The seed's paragraph 21 read independently: its intro and its (letter, text) sub-points."""
    lines = [" ".join(raw.replace("\u00a0", " ").split())
             for raw in seed.read_text(encoding="utf-8").splitlines()]
    start = next(i for i, line in enumerate(lines) if line.startswith("21)"))
    intro = lines[start].removeprefix("21)").strip()
    subs = []
    for line in lines[start + 1:]:
        if re.match(r"^\d+\)", line):
            break
        if match := re.match(r"^([a-z])\)\s*(.*)$", line):
            subs.append((match.group(1), match.group(2)))
    return intro, subs


def meeting_with_item(db: Database, committee: str = "SEND Sub-Committee") -> tuple[int, int]:
    from clerkdesk.services.committees import create_committee

    committee_id = create_committee(db, committee, "Kent County Council")
    meeting_id = create_meeting(db, committee_id, dt.date(2023, 7, 11))
    return meeting_id, add_item(db, meeting_id, "Improvement Notice Update")


def rendered_lines(db: Database, meeting_id: int) -> list[str]:
    text = render_minutes(load_minutes(db, meeting_id))
    return [line.strip() for line in text.splitlines() if line.strip()]


def paragraph_row(db: Database, paragraph_id: int) -> tuple[int, str, str | None]:
    with db.transaction() as session:
        row = session.get(Paragraph, paragraph_id)
        return row.level, row.text, row.generated


# --- the domain rule ------------------------------------------------------------------------


def test_requests_grouped_by_who_was_asked_in_order_of_first_appearance() -> None:
    lines = requests_paragraphs("Planning Committee", [
        ("Head of Planning", "Figures on appeals."),
        ("the Housing Team", "A list of void homes."),
        ("head of planning", "The enforcement backlog."),
        ("", "A site visit."),
        ("{@7}", "Her notes."),
    ])
    assert lines == [
        (0, "Members of the Planning Committee requested the following information from the "
            "Head of Planning:"),
        (1, "Figures on appeals."),
        (1, "The enforcement backlog."),
        (0, "Members of the Planning Committee requested the following information from the "
            "Housing Team:"),
        (1, "A list of void homes."),
        (0, "Members of the Planning Committee requested the following information:"),
        (1, "A site visit."),
        (0, "Members of the Planning Committee requested the following information from {@7}:"),
        (1, "Her notes."),
    ]


def test_the_is_never_doubled() -> None:
    assert with_the("The Cabinet") == "the Cabinet"
    assert with_the("the  Executive") == "the Executive"
    assert with_the("Audit Committee") == "the Audit Committee"
    [(_, intro), _] = requests_paragraphs("The Licensing Board", [("The Chief Officer", "x")])
    assert intro == ("Members of the Licensing Board requested the following information from "
                     "the Chief Officer:")


# --- the seed's paragraph 21 ----------------------------------------------------------------


def test_generated_paragraph_equals_the_seeds_paragraph_21(db: Database, seed_path: Path):
    intro, subs = seed_paragraph_21(seed_path)
    assert [letter for letter, _ in subs] == ["a", "b", "c", "d"]  # the reading found them all
    meeting_id, item_id = meeting_with_item(db)
    flagged_at = {2: CYPE, 9: CYPE, 15: "the CYPE Directorate", 20: "cype directorate"}
    texts = iter(text for _, text in subs)
    for number in range(1, 21):
        paragraph_id = add_paragraph(db, item_id, f"Paragraph {number} of the discussion.")
        if number in flagged_at:
            add_flag(db, paragraph_id, RequestFields(what=next(texts),
                                                     asked_of_body=flagged_at[number]))
    add_paragraph(db, item_id, "The Vice-Chair thanked all those present.")
    add_paragraph(db, item_id, "The SEND Sub-Committee noted the contents of the report.",
                  style=ParagraphStyle.RESOLUTION)

    ids = write_requests_paragraph(db, item_id, position=20)

    assert len(ids) == 5
    lines = rendered_lines(db, meeting_id)
    start = lines.index(f"21) {intro}")
    assert lines[start + 1 : start + 5] == [f"{letter}) {text}" for letter, text in subs]
    assert lines[start + 5 :] == ["22) The Vice-Chair thanked all those present.",
                                  "RESOLVED – The SEND Sub-Committee noted the contents of the "
                                  "report."]
    assert intro == ("Members of the SEND Sub-Committee requested the following information "
                     "from the CYPE Directorate:")


# --- where it goes, what it leaves out ------------------------------------------------------


def test_default_position_is_before_the_closing_resolution(db: Database) -> None:
    meeting_id, item_id = meeting_with_item(db, "Audit Committee")
    asked = add_paragraph(db, item_id, "A Member asked for the risk register.")
    add_flag(db, asked, RequestFields(what="The risk register.", asked_of_body="Head of Audit"))
    add_paragraph(db, item_id, "The Committee noted the report.", style=ParagraphStyle.RESOLUTION)

    write_requests_paragraph(db, item_id)

    lines = rendered_lines(db, meeting_id)
    assert lines[-3:] == [
        "2) Members of the Audit Committee requested the following information from the Head "
        "of Audit:",
        "a) The risk register.",
        "RESOLVED – The Committee noted the report.",
    ]


def test_no_requests_writes_nothing(db: Database) -> None:
    meeting_id, item_id = meeting_with_item(db)
    add_paragraph(db, item_id, "Nothing was asked.")
    assert write_requests_paragraph(db, item_id) == []
    assert rendered_lines(db, meeting_id)[-1] == "1) Nothing was asked."


def test_requests_on_other_items_person_asked_and_withdrawn(db: Database) -> None:
    meeting_id, first = meeting_with_item(db, "Cabinet")
    second = add_item(db, meeting_id, "Any other business")
    hammond = add_person(db, given_name="Sarah", family_name="Hammond", kind=PersonKind.OFFICER)
    asked_early = add_paragraph(db, first, "Sarah Hammond would circulate the figures.")
    asked_late = add_paragraph(db, second, "A Member asked for the budget.")
    dropped = add_paragraph(db, second, "A Member asked for a tour, then withdrew it.")
    add_flag(db, asked_late, RequestFields(what="The budget.", asked_of_body="Finance Team"))
    add_flag(db, asked_early, RequestFields(what="The figures.", asked_of_person_id=hammond))
    add_flag(db, dropped, RequestFields(what="A tour.", asked_of_body="Finance Team",
                                        status=RequestStatus.WITHDRAWN))

    write_requests_paragraph(db, second)

    assert rendered_lines(db, meeting_id)[-4:] == [
        "3) Members of the Cabinet requested the following information from Sarah Hammond:",
        "a) The figures.",
        "4) Members of the Cabinet requested the following information from the Finance Team:",
        "a) The budget.",
    ]


# --- linked: editing a request updates it; detached: left alone ------------------------------


@pytest.fixture
def linked(db: Database) -> dict[str, object]:
    meeting_id, item_id = meeting_with_item(db, "Scrutiny Committee")
    first = add_paragraph(db, item_id, "A Member asked about waiting lists.")
    second = add_paragraph(db, item_id, "A Member asked about staffing.")
    flags = [
        add_flag(db, first, RequestFields(what="Waiting list figures.", asked_of_body=ICB)),
        add_flag(db, second, RequestFields(what="Staffing levels.", asked_of_body=ICB)),
    ]
    closing = add_paragraph(db, item_id, "The Chair closed the meeting.")
    ids = write_requests_paragraph(db, item_id, position=2)
    return {"meeting": meeting_id, "item": item_id, "flags": flags, "ids": ids,
            "closing": closing, "first": first}


def test_block_is_marked_linked_and_shown_so(db: Database, linked) -> None:
    assert [paragraph_row(db, pid)[2] for pid in linked["ids"]] == ["requests"] * 3
    views = {p.id: p for item in load_minutes(db, linked["meeting"]).items for p in item.paragraphs}
    assert views[linked["ids"][0]].generated == "requests"
    assert views[linked["closing"]].generated == ""


def test_editing_a_request_rewrites_the_linked_paragraph(db: Database, linked) -> None:
    intro, first_sub, second_sub = linked["ids"]
    update_flag(db, linked["flags"][1], RequestFields(what="Staffing levels by team.",
                                                      asked_of_body=ICB))
    assert refresh_generated(db, linked["meeting"]) == [second_sub]
    assert paragraph_row(db, second_sub) == (1, "Staffing levels by team.", "requests")
    assert refresh_generated(db, linked["meeting"]) == []  # nothing left to change


def test_new_removed_and_regrouped_requests_reshape_the_block(db: Database, linked) -> None:
    meeting_id, item_id = linked["meeting"], linked["item"]
    late = add_paragraph(db, item_id, "A Member asked about transport.")
    add_flag(db, late, RequestFields(what="Transport costs.", asked_of_body="Highways Team"))
    changed = refresh_generated(db, meeting_id)
    assert len(changed) == 2  # a new intro and its sub-point
    assert rendered_lines(db, meeting_id)[-7:] == [
        "3) Members of the Scrutiny Committee requested the following information from the "
        "Integrated Care Board:",
        "a) Waiting list figures.",
        "b) Staffing levels.",
        "4) Members of the Scrutiny Committee requested the following information from the "
        "Highways Team:",
        "a) Transport costs.",
        "5) The Chair closed the meeting.",
        "6) A Member asked about transport.",
    ]

    snapshot = delete_flag(db, linked["flags"][0])
    refresh_generated(db, meeting_id)
    assert "a) Waiting list figures." not in rendered_lines(db, meeting_id)
    restore_flag(db, snapshot)
    refresh_generated(db, meeting_id)
    assert "a) Waiting list figures." in rendered_lines(db, meeting_id)


def test_deleting_the_flagged_paragraph_then_refreshing_drops_the_point(db, linked) -> None:
    editing.delete_paragraphs(db, [linked["first"]])
    refresh_generated(db, linked["meeting"])
    lines = rendered_lines(db, linked["meeting"])
    assert lines[-3:] == [
        "2) Members of the Scrutiny Committee requested the following information from the "
        "Integrated Care Board:",
        "a) Staffing levels.",
        "3) The Chair closed the meeting.",
    ]


def test_all_requests_gone_removes_the_block(db: Database, linked) -> None:
    for flag_id in linked["flags"]:
        delete_flag(db, flag_id)
    removed = refresh_generated(db, linked["meeting"])
    assert sorted(removed) == sorted(linked["ids"])
    assert rendered_lines(db, linked["meeting"])[-1] == "3) The Chair closed the meeting."


def test_requests_flagged_inside_the_block_are_not_repeated(db: Database, linked) -> None:
    add_flag(db, linked["ids"][1], RequestFields(what="Waiting list figures.",
                                                 asked_of_body=ICB))
    assert refresh_generated(db, linked["meeting"]) == []


def test_one_linked_block_per_meeting(db: Database, linked) -> None:
    with pytest.raises(ClerkDeskError, match="already"):
        write_requests_paragraph(db, linked["item"])
    detach_generated(db, linked["ids"][0])
    assert len(write_requests_paragraph(db, linked["item"])) == 3


def test_detached_block_is_left_alone(db: Database, linked) -> None:
    detached = detach_generated(db, linked["ids"][2])
    assert detached == linked["ids"]
    editing.save_texts(db, {linked["ids"][1]: "Waiting list figures, by district."})
    update_flag(db, linked["flags"][1], RequestFields(what="Changed.", asked_of_body=ICB))
    assert refresh_generated(db, linked["meeting"]) == []
    assert paragraph_row(db, linked["ids"][1]) == (1, "Waiting list figures, by district.", None)
    assert detach_generated(db, linked["closing"]) == []
