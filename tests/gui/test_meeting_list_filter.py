"""The meeting list by keyboard: type to filter, committee and year, order; Enter opens."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def three_meetings(sample_db):
    from clerkdesk.services.committees import create_committee
    from clerkdesk.services.meetings import create_meeting
    from clerkdesk.storage.database import open_database

    db = open_database(sample_db.path)
    cabinet = create_meeting(db, create_committee(db, "Cabinet"), dt.date(2024, 7, 2),
                             agenda=["Budget"])
    db.close()
    return sample_db, cabinet


def titles(window) -> list[str]:
    model = window.browser.meeting_list.model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_typing_in_the_list_filters_it_and_enter_opens_the_meeting(
        open_window, three_meetings, qtbot):
    sample_db, cabinet = three_meetings
    window = open_window(sample_db.path)
    listing = window.browser.meeting_list
    assert len(titles(window)) == 3 and listing.hasFocus()

    qtbot.keyClicks(listing, "cab")
    assert window.browser.filter_text.text() == "cab"
    assert titles(window) == ["2 Jul 2024 — Cabinet"]
    assert window.count_label.text() == "1 meeting"
    # The minutes beside the list follow once typing pauses.
    qtbot.waitUntil(lambda: "Budget" in window.browser.minutes_view.toPlainText(), timeout=3000)
    qtbot.keyClick(window.browser.filter_text, Qt.Key.Key_Down)
    assert listing.hasFocus()
    qtbot.keyClick(listing, Qt.Key.Key_Return)
    assert window.meetings.workspace.meeting_id == cabinet


def test_committee_year_and_order_by_keyboard(open_window, three_meetings, qtbot):
    sample_db, _cabinet = three_meetings
    window = open_window(sample_db.path)
    browser = window.browser
    qtbot.keyClick(browser.meeting_list, Qt.Key.Key_Y, Qt.KeyboardModifier.AltModifier)
    assert browser.filter_year.hasFocus()
    qtbot.keyClick(browser.filter_year, Qt.Key.Key_Down)  # All years -> 2024
    qtbot.keyClick(browser.filter_year, Qt.Key.Key_Down)  # -> 2023
    assert titles(window) == ["11 Jul 2023 — SEND Sub-Committee", "6 Jun 2023 — SEND Sub-Committee"]
    qtbot.keyClick(browser.filter_year, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(browser.sort_order, Qt.Key.Key_Down)  # Newest -> Oldest first
    assert titles(window) == ["6 Jun 2023 — SEND Sub-Committee", "11 Jul 2023 — SEND Sub-Committee"]
    qtbot.keyClick(browser.sort_order, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(browser.filter_committee, Qt.Key.Key_Down)  # All -> Cabinet
    assert titles(window) == [] and "No meeting matches" in browser.minutes_view.toPlainText()


def test_a_filter_matching_nothing_then_cleared_with_escape(open_window, three_meetings, qtbot):
    sample_db, _cabinet = three_meetings
    window = open_window(sample_db.path)
    qtbot.keyClicks(window.browser.meeting_list, "allotments")
    assert titles(window) == []
    qtbot.keyClick(window.browser.filter_text, Qt.Key.Key_Escape)
    assert len(titles(window)) == 3
