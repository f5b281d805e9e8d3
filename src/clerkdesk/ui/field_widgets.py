"""Form field helpers shared by dialogs: naming widgets, and date/time edits that Tab out of."""

from typing import TypeVar

from PySide6.QtWidgets import QDateEdit, QSizePolicy, QTimeEdit, QWidget

W = TypeVar("W", bound=QWidget)


def named(widget: W, object_name: str, accessible_name: str) -> W:
    """`widget` with its object name (for tests and styles) and screen-reader name set."""
    widget.setObjectName(object_name)
    widget.setAccessibleName(accessible_name)
    return widget


def natural_width(widget: W) -> W:
    """`widget` kept at its natural width in a form, e.g. a spin box that would look empty wide."""
    widget.setSizePolicy(QSizePolicy.Policy.Fixed, widget.sizePolicy().verticalPolicy())
    return widget


class FieldDateEdit(QDateEdit):
    """A date edit where Tab leaves the field, like every other field (arrows move sections)."""

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 - Qt API
        return QWidget.focusNextPrevChild(self, next)


class FieldTimeEdit(QTimeEdit):
    """A time edit where Tab leaves the field (arrows move between hours and minutes)."""

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 - Qt API
        return QWidget.focusNextPrevChild(self, next)
