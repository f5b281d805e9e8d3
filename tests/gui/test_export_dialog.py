"""Export dialog, driven by keyboard: file, format, public/full, literal numbers, errors."""

from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from support.modal import drive_modal, focused

from clerkdesk.services.demo import load_demo
from clerkdesk.ui.export_dialog import ExportDialog
from clerkdesk.ui.export_flow import ask_export
from clerkdesk.ui.settings import LAST_EXPORT_FOLDER, Settings

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
NAMES = ("Committee 2026-10-14 minutes.docx",
         "Committee 2026-10-14 minutes (not for publication).docx")


def press(qtbot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focused(), key, modifier)


def choose(qtbot, key: Qt.Key, button) -> None:
    """Alt+letter on a radio button or check box (Qt animates the click, so wait for it)."""
    before = button.isChecked()
    press(qtbot, key, ALT)
    if button.isCheckable() and not (before and button.autoExclusive()):
        qtbot.waitUntil(lambda: button.isChecked() != before)


def replace_path(qtbot, text: str) -> None:
    press(qtbot, Qt.Key.Key_I, ALT)  # F&ile:
    press(qtbot, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(focused(), text)


@pytest.fixture
def demo(db) -> int:
    return load_demo(db)


@pytest.fixture
def calls() -> list[tuple[Path, bool, bool]]:
    return []


@pytest.fixture
def dialog(qtbot, tmp_path, calls):
    def exporter(target: Path, full: bool, literal: bool, ignore_lock: bool = False) -> Path:
        calls.append((target, full, literal))
        return target

    widget = ExportDialog(NAMES, tmp_path, exporter)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget.path_edit)
    return widget


def test_opens_on_the_suggested_public_file_with_focus_in_the_path(dialog, tmp_path):
    assert dialog.path_edit.text() == str(tmp_path / NAMES[0])
    assert dialog.public_radio.isChecked() and not dialog.literal_check.isChecked()
    assert dialog.path_edit.selectedText() == dialog.path_edit.text()


def test_choosing_the_full_version_by_keyboard_swaps_the_suggested_name(qtbot, dialog, tmp_path):
    choose(qtbot, Qt.Key.Key_F, dialog.full_radio)
    assert dialog.full and dialog.path_edit.text() == str(tmp_path / NAMES[1])
    assert "NOT FOR PUBLICATION" in dialog.version_help.text()
    choose(qtbot, Qt.Key.Key_P, dialog.public_radio)
    assert not dialog.full and dialog.path_edit.text() == str(tmp_path / NAMES[0])


def test_a_typed_name_is_kept_when_the_version_changes(qtbot, dialog, tmp_path):
    replace_path(qtbot, str(tmp_path / "mine.docx"))
    choose(qtbot, Qt.Key.Key_F, dialog.full_radio)
    assert dialog.path_edit.text() == str(tmp_path / "mine.docx")


def test_enter_exports_with_the_chosen_options(qtbot, dialog, tmp_path, calls):
    replace_path(qtbot, str(tmp_path / "web"))
    choose(qtbot, Qt.Key.Key_F, dialog.full_radio)
    choose(qtbot, Qt.Key.Key_L, dialog.literal_check)
    with qtbot.waitSignal(dialog.accepted):
        press(qtbot, Qt.Key.Key_Return)
    assert calls == [(tmp_path / "web.docx", True, True)]
    assert dialog.written == tmp_path / "web.docx"


def test_an_empty_path_or_wrong_suffix_keeps_the_dialog_open(qtbot, dialog, calls,
                                                             captured_errors):
    replace_path(qtbot, "   ")
    press(qtbot, Qt.Key.Key_Return)
    replace_path(qtbot, "minutes.odt")
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.isVisible() and calls == []
    assert [text for _title, text in captured_errors] == [
        "Type the name of the file to write.",
        "minutes.odt does not end in .docx, .pdf, .html or .htm: ClerkDesk writes Word "
        "documents, tagged PDFs and web pages.",
    ]


@pytest.mark.parametrize("answer, exported", [(QMessageBox.StandardButton.No, False),
                                              (QMessageBox.StandardButton.Yes, True)])
def test_an_existing_file_is_replaced_only_when_the_user_agrees(qtbot, dialog, tmp_path, calls,
                                                                monkeypatch, answer, exported):
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda _parent, _title, text, *_args: asked.append(text) or answer)
    (tmp_path / NAMES[0]).write_bytes(b"old")
    press(qtbot, Qt.Key.Key_Return)
    assert asked == [f"{NAMES[0]} already exists. Replace it?"]
    assert bool(calls) is exported
    assert dialog.isVisible() is not exported


# --- ask_export with the real export service ------------------------------------------------

def test_ask_export_writes_the_file_and_remembers_the_folder(qtbot, db, demo, tmp_path):
    folder = tmp_path / "published"
    folder.mkdir()
    settings = Settings()

    def fill_in(dialog: QDialog) -> None:
        replace_path(qtbot, str(folder / "members.docx"))
        choose(qtbot, Qt.Key.Key_F, dialog.full_radio)
        press(qtbot, Qt.Key.Key_Return)

    outcome = drive_modal("exportDialog", fill_in)
    written = ask_export(None, db, demo, settings)
    assert outcome == ["done"]
    assert written == folder / "members.docx"
    header = docx.Document(str(written)).sections[0].header.paragraphs[0].text
    assert header == "NOT FOR PUBLICATION"
    assert Settings().get(LAST_EXPORT_FOLDER) == str(folder)

    seen: list[str] = []
    outcome = drive_modal("exportDialog", lambda dialog: seen.append(dialog.path_edit.text()))
    assert ask_export(None, db, demo, settings) is None  # closed without exporting
    assert seen == [str(folder / "Adult Social Care Scrutiny Sub-Committee 2026-10-14 "
                                  "minutes.docx")]


def test_ask_export_shows_a_failure_and_stays_open(qtbot, db, demo, tmp_path, captured_errors):
    target = tmp_path / "gone" / "minutes.docx"

    def fill_in(dialog: QDialog) -> None:
        replace_path(qtbot, str(target))
        press(qtbot, Qt.Key.Key_Return)
        assert dialog.isVisible(), "a failed export must leave the dialog open to fix the path"
        press(qtbot, Qt.Key.Key_Escape)

    outcome = drive_modal("exportDialog", fill_in)
    assert ask_export(None, db, demo, Settings()) is None
    assert outcome == ["done"]
    assert captured_errors == [("Export minutes", f"The folder {target.parent} does not exist: "
                                                  "choose another folder.")]
    assert Settings().get(LAST_EXPORT_FOLDER) == ""


def test_ask_export_for_an_unknown_meeting_says_so(db, captured_errors):
    assert ask_export(None, db, 999, Settings()) is None
    assert captured_errors == [("Export minutes", "There is no meeting with id 999.")]


def test_a_lock_left_by_a_crash_is_named_and_export_goes_on_when_the_clerk_says_yes(
    qtbot, db, demo, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QMessageBox

    from clerkdesk.export import lock_files
    from clerkdesk.services.export import export_meeting

    target = tmp_path / "minutes.docx"
    target.write_bytes(b"old")
    (tmp_path / ".~lock.minutes.docx#").write_text(
        f"Rory Love,rory,{lock_files.socket.gethostname()},05.12.2026 14:03,file:///x;")
    monkeypatch.setattr(lock_files, "any_process_named", lambda _names: False)
    asked: list[str] = []

    def answer(_parent, _title, text, *_args):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)

    def exporter(path: Path, full: bool, literal: bool, ignore_lock: bool = False) -> Path:
        return export_meeting(db, demo, path, full=full, literal_numbers=literal,
                              ignore_lock=ignore_lock)

    widget = ExportDialog(NAMES, tmp_path, exporter)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget.path_edit)
    replace_path(qtbot, str(target))
    with qtbot.waitSignal(widget.accepted):
        press(qtbot, Qt.Key.Key_Return)

    assert asked[0] == "minutes.docx already exists. Replace it?"
    assert len(asked) == 2 and "LibreOffice (Rory Love on " in asked[1]
    assert "left by a crash" in asked[1]
    assert target.read_bytes()[:2] == b"PK"
    assert (tmp_path / ".~lock.minutes.docx#").exists()
