"""Publishing from the window by keyboard: checks before export, Export anyway per meeting,
the format choice, "Saved …" with Open / Show in folder, the folder per committee."""

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from support.modal import drive_modal, focused
from support.raw_sql import raw_rows

from clerkdesk.errors import ExportFailed
from clerkdesk.services.committees import create_committee
from clerkdesk.services.meetings import create_meeting
from clerkdesk.services.minutes import load_minutes
from clerkdesk.services.paragraphs import add_paragraph
from clerkdesk.ui.export_dialog import ExportDialog
from clerkdesk.ui.export_flow import ask_export, start_folder
from clerkdesk.ui.saved_notice import SavedNotice
from clerkdesk.ui.settings import LAST_EXPORT_FOLDER, Settings, committee_export_folder

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def press(qtbot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focused(), key, modifier)


def export_anyway(qtbot, dialog: QDialog) -> None:
    """Alt+A: Export anyway (Qt animates the button's click, so wait for the dialog to close)."""
    press(qtbot, Qt.Key.Key_A, ALT)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def replace_path(qtbot, text: str) -> None:
    press(qtbot, Qt.Key.Key_I, ALT)  # F&ile:
    press(qtbot, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(focused(), text)


def meeting_with_empty_paragraph(db, committee_id: int, day: int) -> tuple[int, int]:
    meeting_id = create_meeting(db, committee_id, dt.date(2026, 10, day), agenda=["Budget"])
    [item] = load_minutes(db, meeting_id).items
    add_paragraph(db, item.id, "The report was noted.")
    return meeting_id, add_paragraph(db, item.id, "")


@pytest.fixture
def meetings(db):
    committee_id = create_committee(db, "Westmere Planning")
    first = meeting_with_empty_paragraph(db, committee_id, 14)
    second = meeting_with_empty_paragraph(db, committee_id, 21)
    return committee_id, first, second


@pytest.fixture
def opened(monkeypatch) -> list[QUrl]:
    urls: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url) or True)
    return urls


def findings_shown(dialog: QDialog) -> list[str]:
    rows = dialog.findings.list
    return [rows.item(row).text() for row in range(rows.count())] if dialog.findings.isVisible() \
        else []


def test_an_empty_paragraph_blocks_a_plain_export_and_export_anyway_is_kept_per_meeting(
        qtbot, db, meetings, tmp_path, opened):
    _committee, (meeting_id, empty_id), (other_id, _other_empty) = meetings
    target = tmp_path / "minutes.docx"
    seen: dict[str, object] = {}

    def blocked_then_anyway(dialog: QDialog) -> None:
        seen["listed"] = findings_shown(dialog)
        replace_path(qtbot, str(target))
        press(qtbot, Qt.Key.Key_Return)  # a plain Export is held back
        seen["after enter"] = (dialog.isVisible(), target.exists(),
                               focused() is dialog.findings.list)
        export_anyway(qtbot, dialog)

    outcome = drive_modal("exportDialog", blocked_then_anyway)
    written = ask_export(None, db, meeting_id, Settings())
    assert outcome == ["done"], (outcome, seen)
    assert written == target
    assert seen["listed"] == ["2  empty paragraph"]
    assert seen["after enter"] == (True, False, True)
    assert target.read_bytes()[:2] == b"PK"
    [(stored,)] = raw_rows(db, "SELECT export_accepted FROM meeting WHERE id = ?", meeting_id)
    assert f":p{empty_id}:" in stored

    def plain_export(dialog: QDialog) -> None:
        seen["again"] = (findings_shown(dialog), dialog.anyway_button.isVisible(),
                         dialog.findings.summary.text())
        replace_path(qtbot, str(tmp_path / "again.docx"))
        press(qtbot, Qt.Key.Key_Return)

    outcome = drive_modal("exportDialog", plain_export)
    assert ask_export(None, db, meeting_id, Settings()) == tmp_path / "again.docx"
    listed, anyway_offered, summary = seen["again"]
    assert listed == ["2  empty paragraph"] and not anyway_offered
    assert "exported anyway before" in summary

    def other_meeting(dialog: QDialog) -> None:
        replace_path(qtbot, str(tmp_path / "other.docx"))
        press(qtbot, Qt.Key.Key_Return)
        seen["other"] = (dialog.isVisible(), dialog.anyway_button.isVisible())

    outcome = drive_modal("exportDialog", other_meeting)
    assert ask_export(None, db, other_id, Settings()) is None
    assert outcome == ["left open"] and seen["other"] == (True, True)
    assert not (tmp_path / "other.docx").exists()


def test_enter_on_a_finding_closes_the_dialog_and_goes_to_it(qtbot, db, meetings, tmp_path):
    _committee, (meeting_id, empty_id), _second = meetings
    went: list[object] = []

    def go_to_finding(_dialog: QDialog) -> None:
        press(qtbot, Qt.Key.Key_Return)  # Export held back: focus moves to the list
        press(qtbot, Qt.Key.Key_Return)  # Enter on the finding

    outcome = drive_modal("exportDialog", go_to_finding)
    assert ask_export(None, db, meeting_id, Settings(), go_to=went.append) is None
    assert outcome == ["done"]
    assert [(f.paragraph_id, f.message) for f in went] == [(empty_id, "empty paragraph")]
    assert raw_rows(db, "SELECT export_accepted FROM meeting WHERE id = ?", meeting_id) == [("",)]


def test_saved_notice_opens_the_file_or_its_folder(qtbot, tmp_path, opened):
    written = tmp_path / "Westmere Planning 2026-10-14 minutes.docx"
    for key, expected in ((Qt.Key.Key_O, written), (Qt.Key.Key_F, tmp_path)):
        notice = SavedNotice(written)
        notice.show()
        notice.activateWindow()
        qtbot.waitUntil(lambda n=notice: n.isAncestorOf(QApplication.focusWidget()))
        assert notice.text() == f"Saved {written.name}"
        with qtbot.waitSignal(notice.finished):
            press(qtbot, key, ALT)
        assert opened[-1] == QUrl.fromLocalFile(str(expected))
    assert len(opened) == 2


def test_ask_export_says_saved_and_remembers_the_folder_per_committee(
        qtbot, db, meetings, tmp_path, monkeypatch):
    committee_id, (meeting_id, _empty), _second = meetings
    monkeypatch.setattr(Path, "home", lambda: tmp_path / "home")
    (tmp_path / "home" / "Documents").mkdir(parents=True)
    folder = tmp_path / "planning"
    folder.mkdir()
    settings = Settings()
    assert start_folder(settings, committee_id) == tmp_path / "home" / "Documents"

    def anyway(dialog: QDialog) -> None:
        replace_path(qtbot, str(folder / "minutes"))
        export_anyway(qtbot, dialog)

    window = QWidget()
    qtbot.addWidget(window)
    drive_modal("exportDialog", anyway)
    assert ask_export(window, db, meeting_id, settings) == folder / "minutes.docx"
    notices = window.findChildren(SavedNotice)
    assert [(n.text(), n.isVisible()) for n in notices] == [("Saved minutes.docx", True)]
    assert settings.get(committee_export_folder(committee_id)) == str(folder)
    assert start_folder(settings, committee_id) == folder
    other = tmp_path / "cabinet"
    other.mkdir()
    settings.set(committee_export_folder(committee_id + 1), str(other))
    assert start_folder(settings, committee_id + 1) == other
    assert start_folder(settings, committee_id + 2) == folder  # the last export folder
    settings.set(LAST_EXPORT_FOLDER, str(tmp_path / "gone"))
    assert start_folder(settings, committee_id + 2) == tmp_path / "home" / "Documents"


@pytest.fixture
def dialog(qtbot, tmp_path):
    calls: list[Path] = []

    def exporter(target: Path, _full: bool, _literal: bool, _ignore_lock: bool = False) -> Path:
        if target.suffix == ".pdf":
            raise ExportFailed("PDF needs LibreOffice, which is not installed: install "
                               "LibreOffice (libreoffice-writer) and export again.")
        calls.append(target)
        return target

    widget = ExportDialog(("Cttee minutes.docx", "Cttee minutes (full).docx"), tmp_path,
                          exporter)
    widget.calls = calls
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget.path_edit)
    return widget


def test_the_suffix_follows_the_format_and_a_typed_suffix_chooses_it(qtbot, dialog, tmp_path):
    press(qtbot, Qt.Key.Key_R, ALT)  # Fo&rmat:
    press(qtbot, Qt.Key.Key_Down)
    assert dialog.suffix == ".pdf"
    assert dialog.path_edit.text() == str(tmp_path / "Cttee minutes.pdf")
    assert not dialog.literal_check.isEnabled()
    press(qtbot, Qt.Key.Key_F, ALT)  # the full version keeps the format's suffix
    qtbot.waitUntil(dialog.full_radio.isChecked)
    assert dialog.path_edit.text() == str(tmp_path / "Cttee minutes (full).pdf")
    replace_path(qtbot, str(tmp_path / "web.html"))
    assert dialog.suffix == ".html" and dialog.format_combo.currentText().startswith("Web page")
    with qtbot.waitSignal(dialog.accepted):
        press(qtbot, Qt.Key.Key_Return)
    assert dialog.calls == [tmp_path / "web.html"]


def test_without_libreoffice_the_pdf_export_says_so_and_stays_open(qtbot, dialog, tmp_path,
                                                                   captured_errors):
    replace_path(qtbot, str(tmp_path / "minutes.pdf"))
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.written is None
    assert captured_errors == [("Export minutes", "PDF needs LibreOffice, which is not "
                                "installed: install LibreOffice (libreoffice-writer) and "
                                "export again.")]


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_from_ctrl_e_to_the_empty_paragraph_and_fill_it_in(open_window, sample_db, qtbot):
    from clerkdesk.storage.database import open_database

    db = open_database(sample_db.path)
    [item, _exempt] = load_minutes(db, sample_db.older_meeting_id).items
    empty_id = add_paragraph(db, item.id, "")
    db.close()
    window = open_window(sample_db.path)
    assert window.open_meeting(sample_db.older_meeting_id)

    def go_to_finding(dialog: QDialog) -> None:
        assert findings_shown(dialog) == ["item 1, 3  empty paragraph"]
        press(qtbot, Qt.Key.Key_Return)
        press(qtbot, Qt.Key.Key_Return)

    outcome = drive_modal("exportDialog", go_to_finding)
    qtbot.keyClick(focused(), Qt.Key.Key_E, CTRL)
    assert outcome == ["done"]
    workspace = window.meetings.workspace
    qtbot.waitUntil(workspace.editor.hasFocus, timeout=2000)
    assert workspace.editor.caret()[0] == empty_id
    qtbot.keyClicks(workspace.editor, "Members noted the update.")
    assert window.meetings.close_meeting()
    [(text,)] = raw_rows_at(sample_db.path, empty_id)
    assert text == "Members noted the update."


def raw_rows_at(path: Path, paragraph_id: int) -> list[tuple[str]]:
    import sqlite3

    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT text FROM paragraph WHERE id = ?",
                                  (paragraph_id,)).fetchall()


def test_export_as_pdf_opens_the_dialog_on_pdf(open_window, sample_db, qtbot):
    window = open_window(sample_db.path)
    assert window.open_meeting(sample_db.newer_meeting_id)
    seen: list[tuple[str, str]] = []

    def look(dialog: QDialog) -> None:
        seen.append((dialog.suffix, Path(dialog.path_edit.text()).suffix))

    outcome = drive_modal("exportDialog", look)
    qtbot.keyClick(focused(), Qt.Key.Key_P, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert outcome == ["left open"] and seen == [(".pdf", ".pdf")]


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_an_exempt_item_without_its_paragraph_is_listed_and_enter_opens_the_item(
        open_window, sample_db, qtbot):
    import sqlite3

    with sqlite3.connect(sample_db.path) as connection:
        [(item_id,)] = connection.execute(
            "SELECT id FROM agenda_item WHERE title = 'Transport contract'").fetchall()
        connection.execute("UPDATE agenda_item SET exempt_paragraph = NULL WHERE id = ?",
                           (item_id,))
    window = open_window(sample_db.path)
    window.browser.reload()
    shown: list[list[str]] = []

    def go_to_item(dialog: QDialog) -> None:
        shown.append(findings_shown(dialog))
        press(qtbot, Qt.Key.Key_Return)
        press(qtbot, Qt.Key.Key_Return)

    outcome = drive_modal("exportDialog", go_to_item)
    assert window.open_meeting(sample_db.older_meeting_id)
    qtbot.keyClick(focused(), Qt.Key.Key_E, CTRL)
    assert outcome == ["done"]
    assert [line.split("  ")[0] for line in shown[0]] == ["item 2"]
    assert "no Schedule 12A paragraph" in shown[0][0]
    assert window.meetings.workspace.editing.item_id == item_id


def test_a_web_page_chosen_in_the_dialog_is_written_by_the_real_exporter(
        qtbot, db, meetings, tmp_path):
    """Format › Web page, then Export anyway: the page is on disk, lang en-GB, with the
    meeting's paragraph in it (the dialog's formats are the services' EXPORT_FORMATS)."""
    committee_id, (meeting_id, _empty), _second = meetings

    def web_page(dialog: QDialog) -> None:
        press(qtbot, Qt.Key.Key_R, ALT)  # Fo&rmat:
        press(qtbot, Qt.Key.Key_Down)
        press(qtbot, Qt.Key.Key_Down)
        replace_path(qtbot, str(tmp_path / "minutes"))
        export_anyway(qtbot, dialog)

    window = QWidget()
    qtbot.addWidget(window)
    drive_modal("exportDialog", web_page)
    written = ask_export(window, db, meeting_id, Settings())
    assert written == tmp_path / "minutes.html"
    page = written.read_text(encoding="utf-8")
    assert '<html lang="en-GB"' in page and "The report was noted." in page
