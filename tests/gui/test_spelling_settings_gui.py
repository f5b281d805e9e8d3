"""The Spelling tab of Committee settings, by keyboard: house style and dictionary saved."""

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from support.modal import drive_modal, focused_name
from support.raw_sql import raw_rows

from clerkdesk.services.committees import create_committee
from clerkdesk.ui.committee_settings_dialog import edit_committee_settings

CTRL, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier


def press(qtbot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def type_text(qtbot, text: str) -> None:
    qtbot.keyClicks(QApplication.focusWidget(), text)


def test_spelling_tab_saves_house_style_and_committee_words(qtbot, db) -> None:
    committee_id = create_committee(db, "Planning", "Westmere")

    def edit(dialog) -> None:
        press(qtbot, Qt.Key.Key_C, ALT)  # Spell &check tab
        press(qtbot, Qt.Key.Key_T, ALT)  # &Times
        assert focused_name() == "timesCombo"
        press(qtbot, Qt.Key.Key_Down)  # 10am, 10.30am
        press(qtbot, Qt.Key.Key_Y, ALT)  # Second dictionar&y
        assert focused_name() == "secondDictionaryCombo"
        press(qtbot, Qt.Key.Key_Down)  # Welsh
        press(qtbot, Qt.Key.Key_O, ALT)  # &One to nine in words (a mnemonic clicks it)
        qtbot.waitUntil(lambda: not dialog.spelling_tab.numbers_check.isChecked())
        press(qtbot, Qt.Key.Key_N, ALT)  # Committee dictio&nary
        assert focused_name() == "committeeWordsEdit"
        type_text(qtbot, "Yarrowmede")
        press(qtbot, Qt.Key.Key_Return)
        type_text(qtbot, "Quennell")
        assert dialog.save_button.isEnabled(), dialog.problem_label.text()
        press(qtbot, Qt.Key.Key_T, ALT)
        press(qtbot, Qt.Key.Key_Return)

    outcome = drive_modal("committeeSettingsDialog", edit)
    saved_ok = edit_committee_settings(None, db, committee_id)
    assert outcome == ["done"]
    assert saved_ok is True
    [(settings,)] = raw_rows(db, "SELECT settings FROM house_style")
    words = raw_rows(db, "SELECT word FROM committee_word ORDER BY word")
    saved = json.loads(settings)
    assert (saved["times"], saved["second_language"], saved["numbers_in_words"]) == (
        "10am", "cy_GB", False)
    assert words == [("Quennell",), ("Yarrowmede",)]
