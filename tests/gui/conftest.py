"""GUI fixtures: settings kept in tmp_path, a database with two meetings, an open main window."""

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from support.sample_meeting import SampleDatabase, build_sample


@pytest.fixture(autouse=True)
def settings_in_tmp(tmp_path: Path):
    """QSettings as an ini file under tmp_path, so tests never touch the user's settings."""
    folder = tmp_path / "qt-settings"
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder
    QSettings.setDefaultFormat(QSettings.Format.NativeFormat)


@pytest.fixture
def sample_db(tmp_path: Path) -> SampleDatabase:
    return build_sample(tmp_path / "sample.sqlite")


@pytest.fixture
def open_window(qtbot):
    """A function that shows a new MainWindow on a database target (closed at teardown)."""
    from clerkdesk.ui.main_window import MainWindow

    def make(target: Path | str | None = None, is_default: bool = False) -> MainWindow:
        window = MainWindow()
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=2000)
        if target is not None:
            window.start(str(target), is_default)
        return window

    return make


@pytest.fixture
def captured_errors(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Message boxes recorded as (title, text) instead of blocking the test."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[tuple[str, str]] = []

    def record(_parent, title, text, *_args, **_kwargs):
        shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", record)
    monkeypatch.setattr(QMessageBox, "critical", record)
    return shown
