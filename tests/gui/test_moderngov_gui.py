"""Modern.gov in the window, by keyboard, against a fictional council on 127.0.0.1: Committee
settings › Source, File › New meeting from Modern.gov…, and the member refresh preview."""

import datetime as dt
import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QListWidget
from support import moderngov_site
from support.modal import drive_modal, focused, focused_name

from clerkdesk.domain.enums import PersonKind, Role

# The offscreen platform cannot raise windows or grab the keyboard for a menu; harmless here.
pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise",
    "This plugin does not support grabbing the keyboard")

site = moderngov_site.site
no_proxy_env = moderngov_site.no_proxy_env
httpserver_listen_address = moderngov_site.httpserver_listen_address
ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def query(db_path, sql: str, *args) -> list[tuple]:
    with sqlite3.connect(db_path) as raw:
        return raw.execute(sql, args).fetchall()


@pytest.fixture
def planning_db(tmp_path):
    """A Planning Committee with a past meeting and a roster the site partly disagrees with."""
    from clerkdesk.domain.mentions import person_token
    from clerkdesk.services.committees import find_or_create_committee
    from clerkdesk.services.meetings import add_item_in, create_meeting_in
    from clerkdesk.services.paragraphs import add_paragraph_in
    from clerkdesk.services.people import add_person_in, set_membership_in
    from clerkdesk.storage.database import open_database

    path = tmp_path / "planning.sqlite"
    db = open_database(path)
    with db.transaction() as session:
        committee = find_or_create_committee(session, "Planning Committee", "Fernleigh DC")
        people = {}
        for given, family, role in (("Imogen", "Castleford", Role.MEMBER),
                                    ("Sarah", "Hammond", None),  # on the roster, not this committee
                                    ("Percy", "Oldfield", Role.CHAIR)):
            person = add_person_in(session, title="Cllr", given_name=given, family_name=family,
                                   kind=PersonKind.MEMBER)
            if role is not None:
                set_membership_in(session, committee.id, person.id, role)
            people[family] = person.id
        past = create_meeting_in(session, committee.id, dt.date(2026, 10, 8))
        item = add_item_in(session, past.id, "Land at Brook Road")
        add_paragraph_in(session, item.id, f"{person_token(people['Oldfield'])} moved approval.")
    db.close()
    return path


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(focused(), key, modifier)


def choose_from_file_menu(qtbot, window, letter: Qt.Key) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=2000)
    press(qtbot, Qt.Key.Key_F, ALT)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None, timeout=2000)
    qtbot.keyClick(QApplication.activePopupWidget(), letter)


def test_from_source_tab_to_a_meeting_made_from_the_sites_agenda(
        qtbot, open_window, planning_db, site):
    window = open_window(planning_db)
    qtbot.waitUntil(lambda: window.browser.current_committee_id() is not None, timeout=5000)

    def set_source(dialog) -> None:
        press(qtbot, Qt.Key.Key_D, ALT)  # the Source (Mo&dern.gov) tab
        press(qtbot, Qt.Key.Key_A, ALT)
        assert focused_name() == "moderngovSiteEdit"
        qtbot.keyClicks(focused(), site.address)
        press(qtbot, Qt.Key.Key_L, ALT)  # List committees: fetched once, list gets the focus
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None and
                        focused_name() == "siteCommitteeList", timeout=5000)
        press(qtbot, Qt.Key.Key_Down)
        assert focused().currentItem().text() == "Planning Committee  (id 41)"
        press(qtbot, Qt.Key.Key_Return)

    outcome = drive_modal("committeeSettingsDialog", set_source)
    qtbot.keyClick(window, Qt.Key.Key_Comma, CTRL)
    assert outcome == ["done"]
    assert query(planning_db, "SELECT moderngov_site, moderngov_committee_id FROM committee") \
        == [(site.address, 41)]

    def choose_meeting(dialog) -> None:
        listed = dialog.findChild(QListWidget)
        assert [listed.item(i).text() for i in range(listed.count())] == [
            "Thu 10 December 2026, 10:00 — Committee Room 2, Fernleigh House",
            "Thu 14 January 2027, 19:00 — Council Chamber, Fernleigh House"]
        press(qtbot, Qt.Key.Key_Return)

    outcome = drive_modal("siteMeetingDialog", choose_meeting)
    choose_from_file_menu(qtbot, window, Qt.Key.Key_D)
    qtbot.waitUntil(lambda: outcome != [], timeout=5000)
    assert outcome == ["done"]
    qtbot.waitUntil(lambda: window.meetings.workspace is not None, timeout=5000)
    [(meeting_id, date, venue, site_id)] = query(
        planning_db, "SELECT id, date, venue, moderngov_meeting_id FROM meeting "
        "WHERE moderngov_meeting_id IS NOT NULL")
    assert (date, venue, site_id) == ("2026-12-10", "Committee Room 2, Fernleigh House", 3301)
    items = query(planning_db, "SELECT title, number_label, exempt, exempt_paragraph "
                  "FROM agenda_item WHERE meeting_id = ? ORDER BY position", meeting_id)
    assert items[:3] == [("Apologies for absence", None, 0, None),
                         ("Declarations of interest", None, 0, None),
                         ("Minutes of the previous meeting", None, 0, None)]
    assert items[3:] == [("Land at Orchard Lane, Brookfield", None, 0, None),
                         ("Tree preservation order, Mill Street", "3a", 0, None),
                         ("Enforcement case update", None, 1, 3)]
    assert query(planning_db, "SELECT d.title, d.location FROM supporting_document d JOIN "
                 "agenda_item i ON i.id = d.item_id WHERE i.meeting_id = ? ORDER BY i.position, "
                 "d.position", meeting_id)[0] == ("Officer report: Orchard Lane",
                                                  "http://127.0.0.1/documents/s901/Orchard.pdf")


def test_member_refresh_previews_the_changes_and_applies_what_the_clerk_agrees(
        qtbot, open_window, planning_db, site, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    query(planning_db, "UPDATE committee SET moderngov_site = ?, moderngov_committee_id = 41",
          site.address)
    asked = []

    def answer(_parent, title, text, *_args, **_kwargs):
        asked.append(text.split("\n")[0])
        return QMessageBox.StandardButton.Yes  # Sara Hammond on the site is our Sarah Hammond

    monkeypatch.setattr(QMessageBox, "question", answer)
    window = open_window(planning_db)
    qtbot.waitUntil(lambda: window.browser.current_committee_id() is not None, timeout=5000)
    seen = []

    def preview(dialog) -> None:
        listed = dialog.findChild(QListWidget)
        seen.extend(listed.item(i).text() for i in range(listed.count()))
        assert focused() is listed
        press(qtbot, Qt.Key.Key_Down)
        press(qtbot, Qt.Key.Key_Down)
        press(qtbot, Qt.Key.Key_Down)  # Owen Pryce as substitute: not now
        press(qtbot, Qt.Key.Key_Space)
        press(qtbot, Qt.Key.Key_Return)

    outcome = drive_modal("membershipPreview", preview)
    choose_from_file_menu(qtbot, window, Qt.Key.Key_B)
    qtbot.waitUntil(lambda: outcome != [], timeout=10000)
    assert outcome == ["done"]
    assert seen == [
        "Cllr Imogen Castleford: member → Chair",
        "Cllr Rupert Tennyson-Vale joins as Vice-Chair (new to the roster)",
        "Cllr Sara Hammond joins as member (looks like Cllr Sarah Hammond on the roster)",
        "Cllr Owen Pryce joins as substitute member (new to the roster)",
        "Cllr Percy Oldfield has left (Chair)",
    ], seen
    assert len(asked) == 1 and "“Cllr Sara Hammond”" in asked[0]
    roster = query(planning_db, "SELECT p.given_name || ' ' || p.family_name, m.role FROM "
                   "membership m JOIN person p ON p.id = m.person_id ORDER BY p.family_name")
    assert roster == [("Imogen Castleford", "chair"), ("Sarah Hammond", "member"),
                      ("Rupert Tennyson-Vale", "vice_chair")]  # Owen Pryce was unticked
    people = query(planning_db, "SELECT given_name || ' ' || family_name FROM person "
                   "ORDER BY family_name")
    assert people == [("Imogen Castleford",), ("Sarah Hammond",), ("Percy Oldfield",),
                      ("Rupert Tennyson-Vale",)]


def test_cancel_while_the_site_is_slow_leaves_nothing_behind(
        qtbot, open_window, planning_db, site):
    import threading

    from werkzeug import Response

    release = threading.Event()

    def slow(_request):
        release.wait(10)
        return Response(moderngov_site.fixture_bytes("meetings_41.xml"), content_type="text/xml")

    site.override("GetMeetings", slow)
    query(planning_db, "UPDATE committee SET moderngov_site = ?, moderngov_committee_id = 41",
          site.address)
    window = open_window(planning_db)
    qtbot.waitUntil(lambda: window.browser.current_committee_id() is not None, timeout=5000)
    labels = []

    def cancel(dialog) -> None:
        labels.append(dialog.labelText())
        press(qtbot, Qt.Key.Key_Escape)

    outcome = drive_modal("moderngovProgress", cancel)
    choose_from_file_menu(qtbot, window, Qt.Key.Key_D)
    qtbot.waitUntil(lambda: outcome != [], timeout=5000)
    release.set()
    assert outcome == ["done"] and labels == ["Listing the committee's coming meetings…"]
    assert query(planning_db, "SELECT count(*) FROM meeting") == [(1,)]
    assert window.meetings.workspace is None and window.isEnabled()


def test_checking_the_agenda_again_lists_added_and_withdrawn_items(
        qtbot, open_window, planning_db, site):
    from clerkdesk.importers import moderngov_xml
    from clerkdesk.services.moderngov import import_agenda
    from clerkdesk.storage.database import open_database

    original = moderngov_site.fixture_bytes("meeting_3301.xml")
    db = open_database(planning_db)
    meeting_id = import_agenda(db, moderngov_xml.agenda(original), site=site.address)
    db.close()
    site.replace_file("meeting_3301.xml", original.replace(
        b"Tree preservation order, Mill Street", b"Urgent business: Brook Road bridge"))
    window = open_window(planning_db)
    qtbot.waitUntil(lambda: window.browser.current_meeting_id() is not None, timeout=5000)
    seen = []

    def preview(dialog) -> None:
        listed = dialog.findChild(QListWidget)
        seen.extend(listed.item(i).text() for i in range(listed.count()))
        press(qtbot, Qt.Key.Key_Return)

    outcome = drive_modal("agendaChanges", preview)
    assert window.open_meeting(meeting_id)
    qtbot.waitUntil(lambda: window.meetings.workspace is not None, timeout=5000)
    choose_from_file_menu(qtbot, window, Qt.Key.Key_G)
    qtbot.waitUntil(lambda: outcome != [], timeout=5000)
    assert outcome == ["done"]
    assert seen == ["Added: Urgent business: Brook Road bridge",
                    "Withdrawn: Tree preservation order, Mill Street"]
    titles = [t for (t,) in query(planning_db, "SELECT title FROM agenda_item WHERE "
                                  "meeting_id = ? ORDER BY position", meeting_id)]
    assert titles[-1] == "Urgent business: Brook Road bridge"
    assert "Tree preservation order, Mill Street" in titles  # withdrawn: left for the clerk
    qtbot.waitUntil(lambda: window.meetings.workspace is not None, timeout=5000)
