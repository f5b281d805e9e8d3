"""Start the desktop application: paint the window first, then open the database."""

import gc
import os
import sys
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from clerkdesk.ui import resources_path
from clerkdesk.ui.main_window import MainWindow
from clerkdesk.ui.settings import APPLICATION, ORGANISATION

ICON_FILE = "clerkdesk.svg"
PAINT_FALLBACK_MS = 400  # in case a platform never sends the window a paint event
FREEZE_DELAY_MS = 200  # the start-up garbage collection waits until the window is usable


def application_icon() -> QIcon:
    """The ClerkDesk icon, or an empty icon when resources/ is not shipped."""
    path = resources_path(ICON_FILE)
    return QIcon(str(path)) if path is not None and path.is_file() else QIcon()


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    app.setApplicationName(APPLICATION)
    app.setOrganizationName(ORGANISATION)
    app.setWindowIcon(application_icon())
    return app


class AfterFirstPaint(QObject):
    """Runs a callback once, from the event loop, after `widget` has first been painted."""

    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._callback: Callable[[], None] | None = callback
        widget.installEventFilter(self)
        QTimer.singleShot(PAINT_FALLBACK_MS, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Paint and self._callback is not None:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._run)
        return False

    def _run(self) -> None:
        callback, self._callback = self._callback, None
        if callback is not None:
            callback()


def _start(window: MainWindow, target: str, is_default: bool) -> None:
    window.start(target, is_default)
    # Not at once: a zero timer would run before the reopened meeting's first paint.
    QTimer.singleShot(FREEZE_DELAY_MS, _freeze_startup_objects)


def _freeze_startup_objects() -> None:
    # Everything loaded so far lives as long as the app: keep it out of the garbage
    # collector's full passes, which otherwise cost 30-40 ms in the middle of typing.
    gc.collect()
    gc.freeze()


def run_gui(target: str, is_default: bool) -> int:
    """Show the main window on `target` (a path or URL) and run until it closes."""
    app = create_application()
    window = MainWindow()
    # Opening imports SQLAlchemy (~0.4 s); the empty window paints first.
    AfterFirstPaint(window, lambda: _start(window, target, is_default))
    if os.environ.get("CLERKDESK_BENCH_PAINT") == "1":  # bench/bench_startup.py
        from clerkdesk.ui import startup_probe

        startup_probe.watch(window)
    window.show()
    return app.exec()
