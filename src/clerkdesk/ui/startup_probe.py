"""Start-up timing for bench/bench_startup.py: with CLERKDESK_BENCH_PAINT=1 the app prints
`BENCH first-paint <epoch s>` after the main window's first paint and
`BENCH interactive <epoch s>` once the reopened meeting's editor has painted with the caret in
it, then quits. Nothing happens without the variable.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

ENV = "CLERKDESK_BENCH_PAINT"
GIVE_UP_MS = 30_000


def mark(name: str, detail: str = "") -> None:
    print(f"BENCH {name} {time.time():.6f} {detail}".rstrip(), flush=True)


class _OnPaint(QObject):
    """Calls `then` from the event loop right after `widget` has painted once."""

    def __init__(self, widget: QWidget, then) -> None:  # noqa: ANN001 - a callable
        super().__init__(widget)
        self._then = then
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Paint and self._then is not None:
            then, self._then = self._then, None
            watched.removeEventFilter(self)
            QTimer.singleShot(0, then)
        return False


def watch(window) -> None:  # noqa: ANN001 - the MainWindow
    """Report the first paint of `window`, then the first paint of the reopened meeting."""
    _OnPaint(window, lambda: mark("first-paint"))
    window.ready.connect(lambda: window.meetings.meetingOpened.connect(
        lambda _meeting_id: _watch_editor(window)))
    QTimer.singleShot(GIVE_UP_MS, lambda: _finish("gave-up", "no meeting was reopened"))


def _watch_editor(window) -> None:  # noqa: ANN001
    workspace = window.meetings.workspace
    if workspace is None:
        _finish("gave-up", "the meeting did not open")
        return
    editor = workspace.editor

    def interactive() -> None:
        caret = "caret-in-editor" if window.focusWidget() is editor else "caret-elsewhere"
        _finish("interactive", f"{caret} meeting={workspace.meeting_id} "
                               f"paragraphs={len(editor.paragraphs.ids())}")

    _OnPaint(editor.viewport(), interactive)


def _finish(name: str, detail: str) -> None:
    mark(name, detail)
    QApplication.quit()
