"""Edit › Cut, Copy, Paste and Select all, done by whichever field has the keyboard focus."""

from collections.abc import Callable

from PySide6.QtWidgets import QApplication

from clerkdesk.ui.actions import ActionId

METHODS = {ActionId.CUT: "cut", ActionId.COPY: "copy", ActionId.PASTE: "paste",
           ActionId.SELECT_ALL: "selectAll"}


def on_focused(method: str) -> Callable[[], None]:
    """Call `method` on the focused widget when it has one (text fields, the minutes, lists).

    The keys themselves reach the focused field first (it claims them as shortcut overrides),
    so these run when the clerk chooses the menu entry.
    """
    def run() -> None:
        handler = getattr(QApplication.focusWidget(), method, None)
        if callable(handler):
            handler()
    return run


def edit_handlers() -> dict[ActionId, Callable[[], None]]:
    return {action_id: on_focused(method) for action_id, method in METHODS.items()}
