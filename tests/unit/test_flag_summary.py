"""What the flags panel says about each flag: where it sits and what it is, at a glance."""

import datetime as dt

from hypothesis import example, given
from hypothesis import strategies as st

from clerkdesk.domain.enums import ActionStatus, FlagKind, ResolutionForm
from clerkdesk.domain.flag_fields import (
    ActionFields,
    DeclarationFields,
    RequestFields,
    ResolutionFields,
)
from clerkdesk.domain.flag_summary import flag_headline, place_label


def test_places_read_item_and_paragraph():
    assert place_label("3", "2") == "Item 3, para 2"
    assert place_label("21", "21 a)") == "Item 21, para 21 a)"
    assert place_label("3", "3 RESOLVED") == "Item 3, resolution"
    assert place_label("4", "after 2") == "Item 4, after para 2"
    assert place_label("4", "4") == "Item 4, para 4"
    assert place_label("4", "") == "Item 4"
    assert place_label("35/20", "35/20 RESOLVED") == "Item 35/20, resolution"


@given(st.from_regex(r"[0-9A-Z/]{1,8}", fullmatch=True), st.integers(1, 60))
@example("3", 3)
def test_a_place_never_reads_like_the_old_dotted_label(item, number):
    label = place_label(item, f"{item} RESOLVED")
    assert label.startswith(f"Item {item}, ") and "RESOLVED" not in label
    assert place_label(item, str(number)) == f"Item {item}, para {number}"


def test_request_says_what_was_asked_and_of_whom():
    fields = RequestFields(what="Cost of the new bins", asked_of_body="Waste Services")
    assert flag_headline(FlagKind.REQUEST, fields, "Waste Services", "Members asked…") == \
        "Asked of Waste Services: Cost of the new bins"
    assert flag_headline(FlagKind.REQUEST, RequestFields(), "", "Members asked about bins") == \
        "Asked of nobody yet: Members asked about bins"


def test_resolution_says_its_form_and_first_words():
    fields = ResolutionFields(form=ResolutionForm.AGREED)
    text = "That the report be agreed and the officers thanked for their careful work on it"
    headline = flag_headline(FlagKind.RESOLUTION, fields, "", text)
    assert headline.startswith("Agreed: That the report be agreed")
    assert len(headline) <= 100


def test_action_says_owner_and_due_date():
    fields = ActionFields(what="Write to the bus company", due_date=dt.date(2027, 1, 14),
                          status=ActionStatus.OPEN)
    assert flag_headline(FlagKind.ACTION, fields, "Ms Priya Lane", "x") == \
        "Ms Priya Lane, due 14 Jan 2027: Write to the bus company"
    assert flag_headline(FlagKind.ACTION, ActionFields(), "", "Officers to report") == \
        "No owner yet, no due date: Officers to report"


def test_declaration_says_who_and_what_interest():
    fields = DeclarationFields(interest_kind="other registrable", left_room=True)
    assert flag_headline(FlagKind.DECLARATION, fields, "Cllr Amos Dray", "x") == \
        "Cllr Amos Dray: other registrable interest, left the room"
