"""Form field helpers shared by dialogs: naming widgets, a lenient date field, a time edit."""

import datetime as dt
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QSizePolicy, QTimeEdit, QWidget

from clerkdesk.domain.dates import DateNotUnderstood, parse_date, written_date
from clerkdesk.ui.colours import Tone, text_style

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


class DateField(QLineEdit):
    """A date typed as clerks write it (see `domain.dates`); `understood` shows the date read,
    or in red why the text is not one. Tab leaves it like any line edit.

    Signals: dateChanged(date or None).
    """

    dateChanged = Signal(object)
    TYPED_FORMAT = "%d/%m/%Y"

    def __init__(self, value: dt.date | None, parent: QWidget, required: bool = False,
                 today: Callable[[], dt.date] = dt.date.today) -> None:
        super().__init__(parent)
        self.required, self.today = required, today
        self._value: dt.date | None = None
        self._problem = ""
        self.understood = QLabel(parent)
        self.understood.setAccessibleName("Date understood")
        self.setPlaceholderText("e.g. 26/09/2023, 26 Sept, tomorrow, +14")
        self.textChanged.connect(self._reread)
        self.editingFinished.connect(self._tidy)
        self.set_date(value)
        self._reread(self.text())

    def date(self) -> dt.date | None:
        """The date understood; None when the field is empty or holds no date."""
        return self._value

    def problem(self) -> str:
        """Why the text is not accepted, in one line; empty when it is."""
        return self._problem

    def set_date(self, value: dt.date | None) -> None:
        self.setText(value.strftime(self.TYPED_FORMAT) if value else "")

    def row(self) -> QHBoxLayout:
        """The field with the understood date beside it, for a form row."""
        layout = QHBoxLayout()
        layout.addWidget(self)
        layout.addWidget(self.understood, 1)
        return layout

    def _reread(self, text: str) -> None:
        try:
            value = parse_date(text, self.today())
            problem = "Enter a date." if value is None and self.required else ""
        except DateNotUnderstood as refusal:
            value, problem = None, str(refusal)
        self._value, self._problem = value, problem
        self.understood.setStyleSheet(text_style(Tone.DANGER if problem else Tone.MUTED))
        self.understood.setText(problem or (written_date(value) if value else "not set"))
        self.dateChanged.emit(value)

    def _tidy(self) -> None:
        if self._value and not self._problem:  # "tomorrow" becomes the date it meant
            self.set_date(self._value)


class FieldTimeEdit(QTimeEdit):
    """A time edit where Tab leaves the field (arrows move between hours and minutes)."""

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 - Qt API
        return QWidget.focusNextPrevChild(self, next)
