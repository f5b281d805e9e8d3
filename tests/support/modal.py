"""Drive modal dialogs by keyboard in GUI tests without ever hanging in exec()."""

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has keyboard focus"
    return widget


def focused_name() -> str:
    """The object name of the focused field (a combo's line edit counts as the combo)."""
    widget = focused()
    return widget.objectName() or widget.parentWidget().objectName()


def drive_modal(object_name: str, steps: Callable[[QDialog], None]) -> list[str]:
    """Run `steps` on the modal dialog `object_name` once it is shown with focus inside;
    a dialog left open is rejected so the test cannot hang in exec()."""
    outcome: list[str] = []

    def attempt(tries: int = 0) -> None:
        dialog = QApplication.activeModalWidget()
        focus = QApplication.focusWidget()
        ready = dialog is not None and dialog.objectName() == object_name and \
            dialog.isVisible() and focus is not None and dialog.isAncestorOf(focus)
        if not ready:
            if tries < 300:
                QTimer.singleShot(10, lambda: attempt(tries + 1))
            else:
                outcome.append(f"{object_name} never appeared")
            return
        try:
            steps(dialog)
            outcome.append("left open" if dialog.isVisible() else "done")
        except BaseException as error:  # noqa: BLE001 - reported by the test body
            outcome.append(f"failed: {error!r}")
        if dialog.isVisible():
            dialog.reject()

    QTimer.singleShot(0, attempt)
    return outcome
