"""The Standard items tab of Committee settings: the committee's agenda template as text."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from clerkdesk.domain.agenda_template import BUSINESS_MARK, dialog_text, editable_text
from clerkdesk.ui.colours import Tone, text_style
from clerkdesk.ui.field_widgets import named

AGENDA_HELP = (
    "New meeting puts these items around the agenda you paste, one a line, in this order. "
    f"After “|” comes the item's standard wording. Items after “{BUSINESS_MARK}” follow the "
    "business and come before the first exempt item (an exclusion item only when there is one).")


class AgendaTab(QWidget):
    """Signals: changed()."""

    changed = Signal()

    def __init__(self, stored: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "agendaTab", "Standard agenda items")
        help_label = QLabel(AGENDA_HELP, self)
        help_label.setWordWrap(True)
        help_label.setStyleSheet(text_style(Tone.MUTED))
        self.edit = named(QPlainTextEdit(self), "agendaTemplateEdit",
                          "Standard agenda items, one a line")
        self.edit.setPlainText(editable_text(stored))
        self.edit.setTabChangesFocus(True)
        self.edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.edit.textChanged.connect(self.changed)
        label = QLabel("Items, one a line:", self)
        label.setBuddy(self.edit)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.edit, 1)
        layout.addWidget(help_label)

    def text(self) -> str:
        return dialog_text(self.edit.toPlainText())
