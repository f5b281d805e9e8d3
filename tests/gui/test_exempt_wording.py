"""The committee's line for a withheld exempt item, typed in Committee settings by keyboard,
is stored and printed by every public output in place of the exempt minute."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from support.modal import drive_modal, focused, focused_name
from support.raw_sql import raw_rows

from clerkdesk.domain.enums import Audience
from clerkdesk.export.minutes_html import minutes_html
from clerkdesk.export.plaintext import render_minutes
from clerkdesk.services.agenda import set_item_exempt
from clerkdesk.services.committees import create_committee
from clerkdesk.services.meetings import create_meeting
from clerkdesk.services.minutes import load_minutes, published_minutes
from clerkdesk.services.paragraphs import add_paragraph
from clerkdesk.ui.committee_settings_dialog import edit_committee_settings

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
WORDING = "Considered in private (exempt under paragraph {n} of Schedule 12A)."


def test_exempt_item_line_typed_in_settings_replaces_the_minute_in_public(qtbot, db):
    committee = create_committee(db, "Licensing Panel", "Westmere County Council")
    meeting = create_meeting(db, committee, dt.date(2026, 11, 3), agenda=["Premises review"])
    item = load_minutes(db, meeting).items[0].id
    set_item_exempt(db, item, 7)
    add_paragraph(db, item, "The Panel heard from the licence holder's solicitor.")

    def edit(dialog) -> None:
        qtbot.keyClick(focused(), Qt.Key.Key_X, Qt.KeyboardModifier.AltModifier)
        assert focused_name() == "exemptWordingEdit"
        qtbot.keyClicks(focused(), WORDING)
        qtbot.keyClick(focused(), Qt.Key.Key_Return)

    outcome = drive_modal("committeeSettingsDialog", edit)
    assert edit_committee_settings(None, db, committee) is True
    assert outcome == ["done"]

    assert raw_rows(db, "SELECT exempt_wording FROM committee WHERE id = ?",
                    committee) == [(WORDING,)]
    public = published_minutes(db, meeting, Audience.PUBLIC)
    expected = "Considered in private (exempt under paragraph 7 of Schedule 12A)."
    for output in (render_minutes(public), minutes_html(public)):
        assert expected in output and "solicitor" not in output
    assert "solicitor" in render_minutes(published_minutes(db, meeting, Audience.FULL))
