"""New meeting and Committee settings dialogs, driven by keyboard, checked in the SQLite file
(and, for the Word template, in the exported document): on SQLite and PostgreSQL."""

import datetime as dt
import re
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QFileDialog,
    QLabel,
    QWidget,
)
from support.committee import change_setup
from support.modal import drive_modal, focused, focused_name
from support.raw_sql import raw_rows

from clerkdesk.domain.acronyms import DEFAULT_GLOSSARY
from clerkdesk.domain.committee_settings import CommitteeSettings, CommitteeSetup
from clerkdesk.domain.numbering import ParagraphScheme
from clerkdesk.services.committee_settings import committee_settings
from clerkdesk.services.committees import create_committee
from clerkdesk.services.meeting_setup import committee_councils
from clerkdesk.ui.committee_settings_dialog import CommitteeSettingsDialog, edit_committee_settings
from clerkdesk.ui.new_meeting_dialog import NewMeetingDialog, ask_new_meeting

# The offscreen platform warns on every top-level show; nothing ClerkDesk can act on.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
PASTED_AGENDA = (
    "1. Apologies and Substitutes\n2) Declarations of interest\n\n"
    "Item 3: Minutes of the previous meeting\n"
)


# --- helpers ----------------------------------------------------------------------------------


def type_text(qtbot, text: str) -> None:
    qtbot.keyClicks(focused(), text)


def press(qtbot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focused(), key, modifier)


def tab(qtbot, times: int = 1) -> None:
    for _ in range(times):
        press(qtbot, Qt.Key.Key_Tab)


def query(db, sql: str, *args) -> list[tuple]:
    return raw_rows(db, sql, *args)


# --- New meeting ------------------------------------------------------------------------------

@pytest.fixture
def new_meeting(qtbot, db):
    create_committee(db, "SEND Sub-Committee", "Kent County Council")
    dialog = NewMeetingDialog(committee_councils(db))
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: focused_name() == "committeeCombo")
    return dialog


def test_ok_is_disabled_until_a_committee_name_is_typed(qtbot, new_meeting):
    assert not new_meeting.ok_button.isEnabled()
    press(qtbot, Qt.Key.Key_Return, CTRL)
    assert new_meeting.isVisible(), "Ctrl+Enter must not accept without a committee"
    type_text(qtbot, "   ")
    assert not new_meeting.ok_button.isEnabled()
    type_text(qtbot, "Cabinet")
    assert new_meeting.ok_button.isEnabled()
    assert "new committee" in new_meeting.committee_hint.text()


def test_fields_follow_in_tab_order_with_labels_for_each(qtbot, new_meeting):
    order = ["committeeCombo"]
    for _ in range(5):
        tab(qtbot)
        order.append(focused_name())
    assert order == ["committeeCombo", "councilEdit", "dateEdit", "timeEdit", "venueEdit",
                     "agendaEdit"]
    tab(qtbot)  # Tab leaves the agenda box rather than typing a tab character
    assert new_meeting.agenda_edit.toPlainText() == ""
    buddies = {label.buddy().objectName() for label in new_meeting.findChildren(QLabel)
               if label.buddy() is not None and "&" in label.text()}
    assert set(order) <= buddies
    for name in order:
        assert new_meeting.findChild(QWidget, name).accessibleName()


def test_existing_committee_prefills_its_council(qtbot, new_meeting):
    type_text(qtbot, "SEND Sub")
    tab(qtbot)
    assert new_meeting.committee_combo.currentText() == "SEND Sub-Committee"
    assert focused_name() == "councilEdit"
    assert new_meeting.council_edit.text() == "Kent County Council"
    assert new_meeting.council_edit.isReadOnly()
    assert "Existing committee" in new_meeting.committee_hint.text()


def test_keyboard_entry_gives_the_typed_values(qtbot, new_meeting):
    type_text(qtbot, "Planning Committee")
    tab(qtbot)
    assert not new_meeting.council_edit.isReadOnly()
    type_text(qtbot, "Anytown Borough Council")
    tab(qtbot)
    type_text(qtbot, "05032024")
    assert new_meeting.day_label.text() == "Tuesday 5 March 2024"
    tab(qtbot)
    type_text(qtbot, "1830")
    tab(qtbot)
    type_text(qtbot, "Council Chamber")
    tab(qtbot)
    for line in ("1. Apologies", "2) Minutes"):
        type_text(qtbot, line)
        press(qtbot, Qt.Key.Key_Return)  # Enter alone is a new agenda line
    assert new_meeting.isVisible()
    assert new_meeting.agenda_hint.text().startswith("2 agenda items")
    with qtbot.waitSignal(new_meeting.accepted):
        press(qtbot, Qt.Key.Key_Return, CTRL)
    values = new_meeting.result_values()
    assert (values.committee, values.council, values.date, values.time, values.venue) == (
        "Planning Committee", "Anytown Borough Council", dt.date(2024, 3, 5), dt.time(18, 30),
        "Council Chamber",
    )
    assert values.agenda_text == "1. Apologies\n2) Minutes\n"


def test_date_defaults_to_today_and_time_to_ten(new_meeting):
    assert new_meeting.date_edit.date() == dt.date.today()
    assert new_meeting.time_edit.time().toPython() == dt.time(10, 0)


@pytest.mark.parametrize("typed, message", [
    ("31/02/2024", "There is no 31 February 2024."), ("", "Enter a date."),
    ("next week", "Not a date"),
])
def test_a_meeting_date_that_is_not_a_date_is_refused(qtbot, new_meeting, typed, message):
    type_text(qtbot, "Cabinet")
    tab(qtbot, 2)
    assert focused_name() == "dateEdit"
    press(qtbot, Qt.Key.Key_A, CTRL)
    press(qtbot, Qt.Key.Key_Backspace)
    type_text(qtbot, typed)
    assert new_meeting.day_label.text().startswith(message)
    assert not new_meeting.ok_button.isEnabled()
    press(qtbot, Qt.Key.Key_Return, CTRL)
    assert new_meeting.isVisible() and focused_name() == "dateEdit"
    press(qtbot, Qt.Key.Key_A, CTRL)
    type_text(qtbot, "26 Sept 2024")
    assert new_meeting.day_label.text() == "Thursday 26 September 2024"
    with qtbot.waitSignal(new_meeting.accepted):
        press(qtbot, Qt.Key.Key_Return, CTRL)
    assert new_meeting.result_values().date == dt.date(2024, 9, 26)


def test_ask_new_meeting_stores_a_pasted_agenda(qtbot, db):
    create_committee(db, "SEND Sub-Committee", "Kent County Council")
    QGuiApplication.clipboard().setText(PASTED_AGENDA)

    def fill_in(dialog: QDialog) -> None:
        type_text(qtbot, "SEND Sub-Committee")
        tab(qtbot, 2)
        type_text(qtbot, "11072023")
        tab(qtbot, 2)
        type_text(qtbot, "Sessions House, Maidstone")
        tab(qtbot)
        press(qtbot, Qt.Key.Key_V, CTRL)
        press(qtbot, Qt.Key.Key_Return, CTRL)

    outcome = drive_modal("newMeetingDialog", fill_in)
    meeting_id = ask_new_meeting(None, db)
    assert outcome == ["done"]
    assert meeting_id is not None
    assert query(db, "SELECT name, council FROM committee") == [
        ("SEND Sub-Committee", "Kent County Council")
    ]
    row = query(db, "SELECT date, time, venue FROM meeting WHERE id = ?", meeting_id)[0]
    assert row[0] == "2023-07-11" and row[1].startswith("10:00") and row[2] == \
        "Sessions House, Maidstone"
    titles = query(db, "SELECT title FROM agenda_item WHERE meeting_id = ? "
                   "ORDER BY position", meeting_id)
    assert titles == [("Apologies and Substitutes",), ("Declarations of interest",),
                      ("Minutes of the previous meeting",), ("Matters arising",)]


def test_ask_new_meeting_cancelled_with_escape_stores_nothing(qtbot, db):
    outcome = drive_modal("newMeetingDialog", lambda _dialog: (
        type_text(qtbot, "Cabinet"), press(qtbot, Qt.Key.Key_Escape)
    ))
    assert ask_new_meeting(None, db) is None
    assert outcome == ["done"]
    assert query(db, "SELECT count(*) FROM meeting") == [(0,)]
    assert query(db, "SELECT count(*) FROM committee") == [(0,)]


# --- Committee settings -----------------------------------------------------------------------

@pytest.fixture
def settings_dialog(qtbot):
    dialog = CommitteeSettingsDialog(CommitteeSetup(CommitteeSettings(name="Cabinet")))
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: focused_name() == "committeeNameEdit")
    return dialog


def test_preview_follows_scheme_template_and_start(qtbot, settings_dialog):
    preview = settings_dialog.preview_label
    assert preview.text() == "Items: 1, 2 — Paragraphs: 1) a) b) 2)"
    press(qtbot, Qt.Key.Key_U, ALT)  # N&umbering tab
    press(qtbot, Qt.Key.Key_P, ALT)  # &Paragraphs
    assert focused_name() == "paragraphSchemeCombo"
    press(qtbot, Qt.Key.Key_Down)
    assert preview.text() == "Items: 1, 2 — Paragraphs: 1. (a) (b) 2."
    press(qtbot, Qt.Key.Key_Down)
    assert preview.text() == "Items: 1, 2 — Paragraphs: 1.1 1.1.1 1.1.2 1.2"
    tab(qtbot)
    type_text(qtbot, "PLA{n}/14")
    tab(qtbot)
    type_text(qtbot, "146")
    assert preview.text() == (
        "Items: PLA146/14, PLA147/14 — Paragraphs: PLA146/14.1 PLA146/14.1.1 PLA146/14.1.2 "
        "PLA146/14.2"
    )


def test_template_without_number_blocks_saving(qtbot, settings_dialog):
    settings_dialog.tabs.setCurrentIndex(1)
    settings_dialog.template_edit.setFocus()
    press(qtbot, Qt.Key.Key_A, CTRL)
    type_text(qtbot, "PLA/14")
    assert not settings_dialog.save_button.isEnabled()
    assert "must contain {n}" in settings_dialog.problem_label.text()
    assert "{n}" in settings_dialog.preview_label.text()
    press(qtbot, Qt.Key.Key_Return)
    assert settings_dialog.isVisible()


def test_edit_committee_settings_by_keyboard_saves_everything(qtbot, db):
    committee_id = create_committee(db, "Planning", "Kent")

    def edit(dialog: QDialog) -> None:
        assert focused_name() == "committeeNameEdit"
        press(qtbot, Qt.Key.Key_A, CTRL)
        type_text(qtbot, "Planning Applications Committee")
        tab(qtbot)
        type_text(qtbot, "Anytown Borough Council")
        tab(qtbot)
        type_text(qtbot, "4")
        tab(qtbot)
        assert focused_name() == "remoteQuorumCheck"
        press(qtbot, Qt.Key.Key_Space)  # this council counts remote attendance
        tab(qtbot)
        assert focused_name() == "minutesHeadingCheck"
        press(qtbot, Qt.Key.Key_Space)
        tab(qtbot)
        type_text(qtbot, "AGREED:")
        press(qtbot, Qt.Key.Key_U, ALT)
        press(qtbot, Qt.Key.Key_P, ALT)
        press(qtbot, Qt.Key.Key_Down)
        press(qtbot, Qt.Key.Key_Down)
        tab(qtbot)
        type_text(qtbot, "{n}/20")
        tab(qtbot)
        type_text(qtbot, "35")
        assert dialog.findChild(QLabel, "numberingPreview").text() == \
            "Items: 35/20, 36/20 — Paragraphs: 35/20.1 35/20.1.1 35/20.1.2 35/20.2"
        press(qtbot, Qt.Key.Key_Return)

    outcome = drive_modal("committeeSettingsDialog", edit)
    assert edit_committee_settings(None, db, committee_id) is True
    assert outcome == ["done"]
    assert query(
        db,
        "SELECT name, council, quorum, remote_counts_for_quorum, uses_minutes_heading, "
        "resolution_prefix, paragraph_scheme, item_number_template, item_number_start "
        "FROM committee WHERE id = ?",
        committee_id,
    ) == [("Planning Applications Committee", "Anytown Borough Council", 4, 1, 0, "AGREED:",
           "decimal", "{n}/20", 35)]


def test_duplicate_name_shows_message_and_keeps_the_edits(qtbot, db, captured_errors):
    create_committee(db, "Cabinet")
    committee_id = create_committee(db, "Planning")
    change_setup(db, committee_id, CommitteeSettings(name="Planning", quorum=3))
    second: list[list[str]] = []

    def second_round(dialog: QDialog) -> None:
        assert dialog.result_values().name == "cabinet"  # the typed name survived the error
        assert dialog.result_values().council == "Kent"
        press(qtbot, Qt.Key.Key_Escape)

    def first_round(dialog: QDialog) -> None:
        press(qtbot, Qt.Key.Key_A, CTRL)
        type_text(qtbot, "cabinet")
        tab(qtbot)
        type_text(qtbot, "Kent")
        second.append(drive_modal("committeeSettingsDialog", second_round))
        press(qtbot, Qt.Key.Key_Return)

    outcome = drive_modal("committeeSettingsDialog", first_round)
    assert edit_committee_settings(None, db, committee_id) is False
    assert outcome == ["done"]
    assert second == [["done"]], "the dialog should reopen after the error"
    assert captured_errors == [
        ("Committee settings not saved", "There is already a committee called “Cabinet”.")
    ]
    assert committee_settings(db, committee_id) == CommitteeSettings(name="Planning", quorum=3)
    assert committee_settings(db, committee_id).paragraph_scheme is ParagraphScheme.PAREN


# --- Committee settings: resolution style, Word template, review settings, glossary ----------

GLOSSARY_LINES = ("LGA = Local Government Association", "", "KCC=Kent County Council")


def word_template(path: Path, title_font: str = "Georgia") -> Path:
    """A council template whose CD Title style has its own font."""
    document = docx.Document()
    document.styles.add_style("CD Title", 1).font.name = title_font
    document.save(str(path))
    return path


def type_lines(qtbot, lines: tuple[str, ...]) -> None:
    for index, line in enumerate(lines):
        if index:
            press(qtbot, Qt.Key.Key_Return)
        type_text(qtbot, line)


def next_tab(qtbot, times: int = 1) -> None:
    for _ in range(times):
        press(qtbot, Qt.Key.Key_Tab, CTRL)


def test_every_tab_by_keyboard_is_saved_in_one_go(qtbot, db, tmp_path):
    committee_id = create_committee(db, "Planning", "Kent")
    template = word_template(tmp_path / "house.docx")

    def edit(dialog: QDialog) -> None:
        press(qtbot, Qt.Key.Key_Y, ALT)  # Resolution st&yle
        assert focused_name() == "resolutionStyleCombo"
        press(qtbot, Qt.Key.Key_Down)
        assert dialog.resolution_style_combo.currentText() == "RESOLVED that …"
        next_tab(qtbot, 3)
        assert focused_name() == "templatePathEdit"
        type_text(qtbot, str(template))
        next_tab(qtbot)
        assert focused_name() == "expectsResolutionCheck"
        press(qtbot, Qt.Key.Key_Space)
        tab(qtbot)
        assert focused_name() == "longParagraphSpin"
        press(qtbot, Qt.Key.Key_A, CTRL)
        type_text(qtbot, "180")
        tab(qtbot)
        press(qtbot, Qt.Key.Key_A, CTRL)
        type_text(qtbot, "3")
        tab(qtbot)
        assert focused_name() == "glossaryEdit"
        press(qtbot, Qt.Key.Key_A, CTRL)
        type_lines(qtbot, GLOSSARY_LINES)
        assert dialog.save_button.isEnabled(), dialog.problem_label.text()
        press(qtbot, Qt.Key.Key_O, ALT)  # &Outstanding requests after
        press(qtbot, Qt.Key.Key_Return)

    outcome = drive_modal("committeeSettingsDialog", edit)
    assert edit_committee_settings(None, db, committee_id) is True
    assert outcome == ["done"]
    assert query(
        db,
        "SELECT name, resolution_style, template_path, review_expects_resolution, "
        "review_long_paragraph_words, review_outstanding_meetings FROM committee WHERE id = ?",
        committee_id,
    ) == [("Planning", "that", str(template), 1, 180, 3)]
    assert query(db, "SELECT acronym, expansion FROM glossary_entry ORDER BY id") == [
        ("LGA", "Local Government Association"), ("KCC", "Kent County Council")]


def test_glossary_line_without_equals_blocks_saving(qtbot, settings_dialog):
    next_tab(qtbot, 4)
    assert focused_name() == "expectsResolutionCheck"
    press(qtbot, Qt.Key.Key_A, ALT)  # &Acronyms
    assert focused_name() == "glossaryEdit"
    assert "SEND = Special Educational Needs and Disabilities" in \
        settings_dialog.review_tab.glossary_edit.toPlainText()  # the default list is shown
    press(qtbot, Qt.Key.Key_End, CTRL)
    press(qtbot, Qt.Key.Key_Return)
    type_text(qtbot, "LGA Local Government Association")
    assert not settings_dialog.save_button.isEnabled()
    line = len(DEFAULT_GLOSSARY) + 1
    assert settings_dialog.problem_label.text().startswith(
        f"Line {line} of the glossary, “LGA Local Government Association”, needs “=”")
    press(qtbot, Qt.Key.Key_Home)
    for _ in range(3):
        press(qtbot, Qt.Key.Key_Right)
    type_text(qtbot, " =")
    assert settings_dialog.save_button.isEnabled()
    assert settings_dialog.result_setup().glossary[-1] == ("LGA", "Local Government Association")


def test_template_problems_browse_and_use_built_in(qtbot, settings_dialog, tmp_path, monkeypatch):
    template = word_template(tmp_path / "house.dotx")
    asked: list[str] = []

    def choose(_parent, _title, _start, file_filter):
        asked.append(file_filter)
        return str(template), file_filter

    monkeypatch.setattr(QFileDialog, "getOpenFileName", choose)
    next_tab(qtbot, 3)
    assert settings_dialog.word_tab.path_edit.placeholderText() == "Built-in ClerkDesk template"
    type_text(qtbot, str(tmp_path / "minutes.pdf"))
    assert "must be a .docx or .dotx file, not minutes.pdf" in settings_dialog.problem_label.text()
    press(qtbot, Qt.Key.Key_A, CTRL)
    type_text(qtbot, str(tmp_path / "gone.docx"))
    assert settings_dialog.problem_label.text() == (
        f"The Word template {tmp_path / 'gone.docx'} does not exist: choose another file, "
        "or use the built-in template.")
    assert not settings_dialog.save_button.isEnabled()
    press(qtbot, Qt.Key.Key_B, ALT)  # &Browse…
    qtbot.waitUntil(lambda: settings_dialog.word_tab.path() == str(template))
    assert asked == ["Word documents and templates (*.docx *.dotx)"]
    assert settings_dialog.save_button.isEnabled()
    press(qtbot, Qt.Key.Key_I, ALT)  # Use built-&in
    qtbot.waitUntil(lambda: settings_dialog.word_tab.path() == "")
    assert settings_dialog.result_values().template_path == ""
    assert settings_dialog.save_button.isEnabled()


def test_exported_minutes_use_the_template_chosen_in_the_dialog(qtbot, db, tmp_path):
    from clerkdesk.services.export import export_meeting
    from clerkdesk.services.meetings import create_meeting

    committee_id = create_committee(db, "Planning", "Kent")
    meeting_id = create_meeting(db, committee_id, dt.date(2024, 3, 5), agenda=["Apologies"])
    template = word_template(tmp_path / "house.docx", title_font="Georgia")

    def choose_template(_dialog: QDialog) -> None:
        next_tab(qtbot, 3)
        type_text(qtbot, str(template))
        press(qtbot, Qt.Key.Key_Return)

    outcome = drive_modal("committeeSettingsDialog", choose_template)
    assert edit_committee_settings(None, db, committee_id) is True
    assert outcome == ["done"]
    written = export_meeting(db, meeting_id, tmp_path / "minutes.docx")
    styles = docx.Document(str(written)).styles
    assert styles["CD Title"].font.name == "Georgia"
    assert styles["CD Minute"].font.name is None  # added by ClerkDesk, the template lacked it


def test_a_refused_save_keeps_the_edits_on_every_tab(qtbot, db, captured_errors):
    create_committee(db, "Cabinet")
    committee_id = create_committee(db, "Planning")
    second: list[list[str]] = []

    def second_round(dialog: QDialog) -> None:
        setup = dialog.result_setup()
        assert setup.settings.name == "cabinet"
        assert setup.settings.resolution_style.value == "to_list"
        assert setup.review.long_paragraph_words == 99
        assert setup.glossary == (("LGA", "Local Government Association"),)
        press(qtbot, Qt.Key.Key_Escape)

    def first_round(dialog: QDialog) -> None:
        press(qtbot, Qt.Key.Key_A, CTRL)
        type_text(qtbot, "cabinet")
        press(qtbot, Qt.Key.Key_Y, ALT)
        press(qtbot, Qt.Key.Key_End)
        next_tab(qtbot, 4)
        press(qtbot, Qt.Key.Key_L, ALT)
        press(qtbot, Qt.Key.Key_A, CTRL)
        type_text(qtbot, "99")
        press(qtbot, Qt.Key.Key_A, ALT)
        press(qtbot, Qt.Key.Key_A, CTRL)
        type_text(qtbot, GLOSSARY_LINES[0])
        second.append(drive_modal("committeeSettingsDialog", second_round))
        press(qtbot, Qt.Key.Key_L, ALT)
        press(qtbot, Qt.Key.Key_Return)

    outcome = drive_modal("committeeSettingsDialog", first_round)
    assert edit_committee_settings(None, db, committee_id) is False
    assert outcome == ["done"]
    assert second == [["done"]], "the dialog should reopen after the error"
    assert captured_errors == [
        ("Committee settings not saved", "There is already a committee called “Cabinet”.")
    ]
    assert query(db, "SELECT name, resolution_style, review_long_paragraph_words "
                 "FROM committee WHERE id = ?", committee_id) == [("Planning", "dash", 250)]
    assert query(db, "SELECT count(*) FROM glossary_entry") == [(0,)]


def mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def test_each_tab_has_unique_mnemonics(settings_dialog):
    tabs = settings_dialog.tabs
    titles = [mnemonic(tabs.tabText(index)) for index in range(tabs.count())]
    assert None not in titles and len(set(titles)) == len(titles)
    for index in range(tabs.count()):
        page = tabs.widget(index)
        texts = [label.text() for label in page.findChildren(QLabel) if label.buddy()]
        texts += [button.text() for button in page.findChildren(QAbstractButton)]
        keys = [key for key in map(mnemonic, texts) if key] + titles
        assert len(set(keys)) == len(keys), f"{tabs.tabText(index)}: {sorted(keys)}"


def test_template_help_names_real_word_styles():
    from clerkdesk.export.docx_styles import STYLES
    from clerkdesk.ui.committee_tabs import WORD_TEMPLATE_HELP

    named_styles = set(re.findall(r"CD(?: [A-Z][\w-]*)+", WORD_TEMPLATE_HELP))
    assert len(named_styles) >= 4
    assert named_styles <= {spec.name for spec in STYLES}


def test_standard_items_edited_in_committee_settings_are_used_by_new_meeting(qtbot, db):
    committee_id = create_committee(db, "Harbour Board", "Westmere County Council")

    def edit(dialog: QDialog) -> None:
        press(qtbot, Qt.Key.Key_S, ALT)  # the Standard items tab, its text in focus
        assert focused_name() == "agendaTemplateEdit"
        assert focused().toPlainText().splitlines()[0] == "Apologies and substitutes | " \
            "Apologies for absence and substitutes were as recorded above."
        press(qtbot, Qt.Key.Key_A, CTRL)
        type_lines(qtbot, ("Welcome | The Chair welcomed everyone to the meeting.",
                           "Apologies and substitutes", "[business]", "Any other business"))
        tab(qtbot)
        press(qtbot, Qt.Key.Key_Return, CTRL)

    outcome = drive_modal("committeeSettingsDialog", edit)
    saved = edit_committee_settings(None, db, committee_id)
    assert outcome == ["done"]
    assert saved is True

    def fill_in(dialog: QDialog) -> None:
        type_text(qtbot, "Harbour Board")
        tab(qtbot, 5)
        type_text(qtbot, "Harbour dredging")
        press(qtbot, Qt.Key.Key_Return, CTRL)

    outcome = drive_modal("newMeetingDialog", fill_in)
    meeting_id = ask_new_meeting(None, db)
    assert outcome == ["done"]
    rows = query(db, "SELECT i.title, p.text FROM agenda_item i LEFT JOIN paragraph p "
                 "ON p.item_id = i.id WHERE i.meeting_id = ? ORDER BY i.position", meeting_id)
    assert rows == [("Welcome", "The Chair welcomed everyone to the meeting."),
                    ("Apologies and substitutes", None), ("Harbour dredging", None),
                    ("Any other business", None)]
