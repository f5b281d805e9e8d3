"""Run work from the event loop once a widget has first been painted (start-up ordering)."""

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

PAINT_FALLBACK_MS = 400  # in case a platform never paints the widget (hidden, or no screen)


class AfterFirstPaint(QObject):
    """Runs a callback once, from the event loop, after `widget` has first been painted (or
    after `fallback_ms` if it never is; None waits for a real paint, as a benchmark must)."""

    def __init__(self, widget: QWidget, callback: Callable[[], None],
                 fallback_ms: int | None = PAINT_FALLBACK_MS) -> None:
        super().__init__(widget)
        self._callback: Callable[[], None] | None = callback
        widget.installEventFilter(self)
        if fallback_ms is not None:
            QTimer.singleShot(fallback_ms, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Paint and self._callback is not None:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._run)
        return False

    def _run(self) -> None:
        callback, self._callback = self._callback, None
        if callback is not None:
            callback()
