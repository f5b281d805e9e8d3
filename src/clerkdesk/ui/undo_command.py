"""The one base for undoable edits that call services (the editor's, the flags', the agenda's).

A command's first execution happens before it is pushed, so a refused write never enters the
undo stack; `redo()` therefore skips its first call. A refused undo or redo is reported and the
command dropped from the stack.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from clerkdesk.errors import ClerkDeskError


class ServiceCommand(QUndoCommand):
    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._done = True  # the first redo already happened before the push

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._guarded(self.apply)

    def undo(self) -> None:
        self._guarded(self.revert)

    def _guarded(self, step) -> None:  # noqa: ANN001 - apply or revert
        try:
            self.before()
            self.after(step())
        except ClerkDeskError as error:
            self.report(str(error))
            self.setObsolete(True)

    def before(self) -> None:
        """Bring the place the step changes into view (the item, the agenda)."""

    def after(self, result: object) -> None:
        """Refresh what shows the change; `result` is what apply or revert returned."""

    def report(self, message: str) -> None:
        raise NotImplementedError

    def apply(self) -> object:
        raise NotImplementedError

    def revert(self) -> object:
        raise NotImplementedError
