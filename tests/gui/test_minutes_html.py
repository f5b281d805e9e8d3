"""The minutes HTML builder and the meeting list model (no database needed)."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from clerkdesk.domain.enums import Audience, FlagKind, MeetingStatus, ParagraphStyle
from clerkdesk.domain.minutes import (
    FlagView,
    ItemView,
    MeetingSummary,
    MinutesView,
    ParagraphView,
)
from clerkdesk.domain.publication import published
from clerkdesk.export.minutes_html import minutes_html
from clerkdesk.ui.meeting_list import MEETING_ID_ROLE, MeetingListModel


def paragraph(pid: int, label: str, text: str, level: int = 0,
              style: ParagraphStyle = ParagraphStyle.NUMBERED, flags=()) -> ParagraphView:
    return ParagraphView(id=pid, level=level, style=style, label=label, text=text,
                         stored_text=text, flags=tuple(flags))


def minutes(*items: ItemView, prefix: str = "RESOLVED –",
            audience: Audience = Audience.FULL) -> MinutesView:
    return published(MinutesView(
        meeting_id=1, committee="Planning <North>", council="Borough & Co",
        date=dt.date(2020, 3, 5), time=dt.time(19, 30), venue="Town Hall",
        status=MeetingStatus.DRAFT, resolution_prefix=prefix, items=items), audience)


def test_text_is_escaped_and_heading_follows_published_layout():
    html = minutes_html(minutes(ItemView(1, "35/20", "Fees & <charges>", paragraphs=(
        paragraph(1, "1)", "Costs < 5% & rising\nsecond line"),))))
    assert "Planning &lt;North&gt;" in html and "Borough &amp; Co" in html
    assert "Minutes of a meeting held on 5 March 2020 at 19:30, Town Hall" in html
    assert "35/20 Fees &amp; &lt;charges&gt;" in html
    assert "Costs &lt; 5% &amp; rising<br>second line" in html
    assert "<b>Minutes:</b>" in html


def test_numbers_sit_in_their_own_column_and_sub_points_one_further():
    html = minutes_html(minutes(ItemView(1, "3", "Item", paragraphs=(
        paragraph(1, "1)", "Question."), paragraph(2, "a)", "Answer.", level=1)))))
    assert '<tr><td width="36">1)</td><td colspan="3">Question.' in html
    assert '<tr><td width="36"></td><td width="36">a)</td><td colspan="2">Answer.' in html
    assert "3. Item" in html


def test_resolution_prefix_is_bold_and_committee_specific():
    html = minutes_html(minutes(ItemView(1, "1", "Item", paragraphs=(
        paragraph(1, "", "to approve the plan.", style=ParagraphStyle.RESOLUTION),)),
        prefix="AGREED"))
    assert "<b>AGREED</b> to approve the plan." in html


def test_request_flag_and_exempt_item_are_marked():
    request = FlagView(7, FlagKind.REQUEST, "Figures by ward", "outstanding")
    asked = paragraph(1, "1)", "Asked.", flags=[request])
    land_sale = ItemView(1, "9", "Land sale", exempt=True, exempt_paragraph=3,
                         paragraphs=(asked,))
    html = minutes_html(minutes(land_sale))
    assert "Information requested: Figures by ward (outstanding)" in html
    assert "Exempt under paragraph 3 of Schedule 12A – not for publication." in html
    assert "NOT FOR PUBLICATION" in html
    public = minutes_html(minutes(land_sale, audience=Audience.PUBLIC))
    assert "Figures by ward" not in public and "Asked." not in public
    assert ("This item was considered in private. The minute is not for publication (exempt "
            "under paragraph 3 of Schedule 12A).") in public
    assert "NOT FOR PUBLICATION" not in public


def test_raw_minutes_are_refused():
    raw = MinutesView(meeting_id=1, committee="C", council="", date=dt.date(2020, 3, 5),
                      time=None, venue="", status=MeetingStatus.DRAFT)
    with pytest.raises(ValueError, match="publication"):
        minutes_html(raw)


def test_meeting_list_model(qtmodeltester):
    model = MeetingListModel()
    model.set_meetings([
        MeetingSummary(4, dt.date(2024, 1, 9), "Cabinet", MeetingStatus.APPROVED),
        MeetingSummary(2, dt.date(2023, 12, 1), "Planning", MeetingStatus.DRAFT),
    ])
    qtmodeltester.check(model)
    assert model.index(0).data() == "9 Jan 2024 — Cabinet"
    assert model.index(0).data(Qt.ItemDataRole.AccessibleTextRole) == \
        "9 Jan 2024 — Cabinet, Approved"
    assert model.index(0).data(Qt.ItemDataRole.ToolTipRole) == \
        "9 Jan 2024 — Cabinet, Approved. Enter opens it for live minutes."
    assert model.index(1).data(MEETING_ID_ROLE) == 2
    assert model.row_of(2) == 1 and model.row_of(99) is None
