"""Start-up timing for bench/bench_startup.py: with CLERKDESK_BENCH_PAINT=1 the app prints
`BENCH first-paint <epoch s>` after the main window's first paint and
`BENCH interactive <epoch s>` once the reopened meeting's editor has painted with the caret in
it, or (no meeting to reopen) `BENCH list-shown <epoch s>` once the meeting list has painted
its meetings, then quits. Nothing happens without the variable.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from clerkdesk.ui.after_paint import AfterFirstPaint

ENV = "CLERKDESK_BENCH_PAINT"
GIVE_UP_MS = 30_000


def mark(name: str, detail: str = "") -> None:
    print(f"BENCH {name} {time.time():.6f} {detail}".rstrip(), flush=True)


def watch(window) -> None:  # noqa: ANN001 - the MainWindow
    """Report the first paint of `window`, then the first paint of the reopened meeting."""
    AfterFirstPaint(window, lambda: mark("first-paint"), fallback_ms=None)
    window.ready.connect(lambda: _watch_built(window))
    QTimer.singleShot(GIVE_UP_MS, lambda: _finish("gave-up", "no meeting was reopened"))


def _watch_built(window) -> None:  # noqa: ANN001
    window.meetings.meetingOpened.connect(lambda _meeting_id: _watch_editor(window))
    window.browser.meetings_loaded.connect(lambda count: _watch_list(window, count))


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

    AfterFirstPaint(editor.viewport(), interactive, fallback_ms=None)


def _watch_list(window, count: int) -> None:  # noqa: ANN001
    """The list, when it is what the clerk sees first (no meeting was reopened over it)."""
    if count and window.meetings.workspace is None:
        view = window.browser.meeting_list
        AfterFirstPaint(view.viewport(), lambda: _finish("list-shown", f"meetings={count}"),
                        fallback_ms=None)


def _finish(name: str, detail: str) -> None:
    mark(name, detail)
    QApplication.quit()
