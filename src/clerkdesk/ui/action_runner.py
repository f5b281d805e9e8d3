"""The one way the UI runs a service call (like Anki's CollectionOp).

A problem the clerk can fix (ClerkDeskError) goes to `messageReported` — the status bar or a
dialog's own message line, never the save badge; anything else is a bug: logged with its
traceback (bug_log) and shown once in the bug dialog. On success the call's value is handed back
and `changed` tells the panels what to refresh.

Signals: messageReported(str), changed(Changes).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from clerkdesk.bug_log import record_bug
from clerkdesk.errors import ClerkDeskError
from clerkdesk.services.changes import NOTHING, Changes

T = TypeVar("T")


@dataclass(frozen=True)
class Done(Generic[T]):
    """A call that succeeded, with what it returned (which may be None)."""

    value: T


class ActionRunner(QObject):
    messageReported = Signal(str)
    changed = Signal(object)

    def __init__(self, window: QWidget | None) -> None:
        super().__init__(window)
        self.window = window
        self.last_refusal: ClerkDeskError | None = None  # the last run's refusal, if any

    def run(self, call: Callable[[], T], changes: Changes = NOTHING, *, quiet: bool = False,
            refused: Callable[[str], None] | None = None) -> Done[T] | None:
        """Run `call`; None when it failed (already reported). A problem the clerk can fix goes
        to `refused` when given, else to messageReported unless `quiet`. `changes`, with any
        Changes the call returns, is announced; `last_refusal` keeps the problem for callers
        that act on its kind."""
        self.last_refusal = None
        try:
            value = call()
        except ClerkDeskError as error:
            self.last_refusal = error
            if refused is not None:
                refused(str(error))
            elif not quiet:
                self.messageReported.emit(str(error))
            return None
        except Exception as error:  # noqa: BLE001 - any other failure is a bug to report
            self.report_bug(error)
            return None
        announced = changes | value if isinstance(value, Changes) else changes
        if announced:
            self.changed.emit(announced)
        return Done(value)

    def announce(self, changes: Changes) -> None:
        """Tell the panels about a change made outside `run` (a dialog that wrote itself)."""
        if changes:
            self.changed.emit(changes)

    def report_bug(self, error: BaseException) -> None:
        """Log `error` with its traceback and show the bug dialog."""
        from clerkdesk.ui.bug_dialog import show_bug

        report, path = record_bug(error)
        show_bug(self.window, report, path)


def boxed(parent: QWidget | None, title: str) -> ActionRunner:
    """A runner for a dialog flow: a refusal is shown in a message box titled `title`."""
    from clerkdesk.ui.dialogs import show_error

    runner = ActionRunner(parent)
    runner.messageReported.connect(lambda message: show_error(parent, title, message))
    return runner
