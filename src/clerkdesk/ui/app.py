"""Start the desktop application: paint the window first, then open the database."""

import gc
import os
import sys
from types import TracebackType

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from clerkdesk.ui import resources_path
from clerkdesk.ui.after_paint import AfterFirstPaint
from clerkdesk.ui.main_window import MainWindow
from clerkdesk.ui.settings import APPLICATION, ORGANISATION

ICON_FILE = "clerkdesk.svg"
FREEZE_DELAY_MS = 200  # the start-up garbage collection waits until the window is usable


def application_icon() -> QIcon:
    """The ClerkDesk icon, or an empty icon when the package data is missing."""
    path = resources_path(ICON_FILE)
    return QIcon(str(path)) if path is not None and path.is_file() else QIcon()


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    app.setApplicationName(APPLICATION)
    app.setOrganizationName(ORGANISATION)
    app.setWindowIcon(application_icon())
    return app


def _start(window: MainWindow, target: str, is_default: bool) -> None:
    window.build()
    window.repaint()  # menus and list show before the database opens (SQLAlchemy ~0.4 s)
    window.start(target, is_default)
    # Not at once: a zero timer would run before the reopened meeting's first paint.
    QTimer.singleShot(FREEZE_DELAY_MS, _freeze_startup_objects)


def _freeze_startup_objects() -> None:
    # Everything loaded so far lives as long as the app: keep it out of the garbage
    # collector's full passes, which otherwise cost 30-40 ms in the middle of typing.
    gc.collect()
    gc.freeze()
    gc.enable()


def run_gui(target: str, is_default: bool) -> int:
    """Show the main window on `target` (a path or URL) and run until it closes."""
    # Start-up makes many long-lived objects (SQLAlchemy alone ~0.1 s of collections): the
    # collector waits until the window is usable, then runs once (_freeze_startup_objects).
    gc.disable()
    app = create_application()
    # The bare frame paints first; menus, list and database follow (see MainWindow.build).
    window = MainWindow(build=False)
    AfterFirstPaint(window, lambda: _start(window, target, is_default))
    if os.environ.get("CLERKDESK_BENCH_PAINT") == "1":  # bench/bench_startup.py
        from clerkdesk.ui import startup_probe

        startup_probe.watch(window)
    sys.excepthook = bug_hook(window)
    window.show()
    return app.exec()


def bug_hook(window: QWidget):  # noqa: ANN201 - a sys.excepthook
    """An exception no action caught (a slot Qt called) is a bug: logged and shown like the
    runner's, instead of only printed where no clerk sees it."""
    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        from clerkdesk.bug_log import record_bug
        from clerkdesk.ui.bug_dialog import show_bug

        report, path = record_bug(error.with_traceback(trace))
        show_bug(window, report, path)

    return hook
