"""The close's time form and the Chair's signature block, chosen in Committee settings by
keyboard, are stored and printed at the end of the minutes."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from support.modal import drive_modal, focused, focused_name
from support.raw_sql import raw_rows

from clerkdesk.domain.enums import Audience
from clerkdesk.domain.meeting_times import SIGNATURE_LINE
from clerkdesk.export.plaintext import render_minutes
from clerkdesk.services import clock
from clerkdesk.services.committees import create_committee
from clerkdesk.services.meetings import create_meeting
from clerkdesk.services.minutes import published_minutes
from clerkdesk.ui.committee_settings_dialog import edit_committee_settings

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
DAY = dt.date(2026, 11, 3)


def test_time_form_and_signature_block_chosen_by_keyboard(qtbot, db):
    committee = create_committee(db, "Licensing Panel", "Westmere County Council")
    meeting = create_meeting(db, committee, DAY, agenda=["Premises review"])
    clock.start_or_resume(db, meeting, dt.datetime.combine(DAY, dt.time(18, 30)))
    clock.end(db, meeting, dt.datetime.combine(DAY, dt.time(20, 5)))
    before = render_minutes(published_minutes(db, meeting, Audience.PUBLIC))
    assert "The meeting started at 6.30pm and finished at 8.05pm." in before
    assert SIGNATURE_LINE not in before

    def edit(dialog) -> None:
        qtbot.keyClick(focused(), Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
        assert focused_name() == "timeFormCombo"
        for _ in range(3):  # 10.00am → 10am → 10.00 am → 10:00
            qtbot.keyClick(focused(), Qt.Key.Key_Down)
        qtbot.keyClick(focused(), Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
        assert focused_name() == "signatureBlockCheck"
        qtbot.waitUntil(dialog.signature_check.isChecked)  # a mnemonic clicks after a flash
        qtbot.keyClick(focused(), Qt.Key.Key_Return)

    outcome = drive_modal("committeeSettingsDialog", edit)
    assert edit_committee_settings(None, db, committee) is True
    assert outcome == ["done"]

    [(form, signature)] = raw_rows(
        db, "SELECT time_form, signature_block FROM committee WHERE id = ?", committee)
    assert (form, bool(signature)) == ("10:00", True)
    after = render_minutes(published_minutes(db, meeting, Audience.PUBLIC))
    assert after.endswith("The meeting started at 18:30 and finished at 20:05.\n\n"
                          f"{SIGNATURE_LINE}\n")
