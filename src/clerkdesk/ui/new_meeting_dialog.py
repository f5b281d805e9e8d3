"""The New meeting dialog: committee (chosen or typed), date, time, venue and a pasted agenda."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QTime
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from clerkdesk.domain.agenda_lines import agenda_titles
from clerkdesk.ui.action_runner import boxed
from clerkdesk.ui.field_widgets import DateField, FieldTimeEdit, named, natural_width

if TYPE_CHECKING:
    from clerkdesk.storage.database import Database

TIME_FORMAT = "HH:mm"
DEFAULT_TIME = QTime(10, 0)
ACCEPT_KEYS = ("Ctrl+Return", "Ctrl+Enter")  # Enter alone starts a new agenda line


@dataclass(frozen=True)
class NewMeetingValues:
    committee: str
    council: str
    date: dt.date
    time: dt.time
    venue: str
    agenda_text: str


class NewMeetingDialog(QDialog):
    """Collects a new meeting; `councils` maps each existing committee name to its council."""

    def __init__(self, councils: Mapping[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newMeetingDialog")
        self.setWindowTitle("New meeting")
        self._councils = {name.casefold(): council for name, council in councils.items()}
        self._build_fields(sorted(councils, key=str.casefold))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("C&reate meeting")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for keys in ACCEPT_KEYS:
            QShortcut(QKeySequence(keys), self).activated.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        self.committee_combo.editTextChanged.connect(self._committee_changed)
        self.agenda_edit.textChanged.connect(self._agenda_changed)
        self.date_edit.dateChanged.connect(self._date_changed)
        self._committee_changed("")
        self._agenda_changed()
        self.committee_combo.setFocus()
        self.resize(560, 460)

    # --- construction -------------------------------------------------------------------------

    def _build_fields(self, names: list[str]) -> None:
        self.committee_combo = named(QComboBox(self), "committeeCombo", "Committee")
        self.committee_combo.setEditable(True)
        self.committee_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.committee_combo.addItems(names)
        self.committee_combo.setCurrentIndex(-1)
        committee_line = self.committee_combo.lineEdit()  # there is one: the combo is editable
        if committee_line is not None:
            committee_line.setPlaceholderText("Choose a committee or type a new name")
        self.committee_hint = named(QLabel(self), "committeeHint", "Committee status")
        self.council_edit = named(QLineEdit(self), "councilEdit", "Council")
        self.council_edit.setPlaceholderText("Optional, e.g. Kent County Council")
        self.date_edit = named(DateField(dt.date.today(), self, required=True), "dateEdit",
                               "Date")
        self.day_label = named(self.date_edit.understood, "dateDayLabel", "Day of the meeting")
        self.time_edit = natural_width(
            named(FieldTimeEdit(DEFAULT_TIME, self), "timeEdit", "Start time")
        )
        self.time_edit.setDisplayFormat(TIME_FORMAT)
        self.venue_edit = named(QLineEdit(self), "venueEdit", "Venue")
        self.venue_edit.setPlaceholderText("e.g. Council Chamber, Sessions House, Maidstone")
        self.agenda_edit = named(QPlainTextEdit(self), "agendaEdit", "Agenda")
        self.agenda_edit.setTabChangesFocus(True)
        self.agenda_edit.setPlaceholderText(
            "One item title per line; paste an agenda list.\n"
            "Numbers such as “1.”, “2)” or “Item 3:” are removed."
        )
        self.agenda_hint = named(QLabel(self), "agendaHint", "Agenda items found")
        self.form = QFormLayout()
        self.form.addRow("Co&mmittee:", self.committee_combo)
        self.form.addRow("", self.committee_hint)
        self.form.addRow("Cou&ncil:", self.council_edit)
        date_label = QLabel("&Date:", self)
        date_label.setBuddy(self.date_edit)
        self.form.addRow(date_label, self.date_edit.row())
        self.form.addRow("&Time:", self.time_edit)
        self.form.addRow("&Venue:", self.venue_edit)
        self.form.addRow("&Agenda:", self.agenda_edit)
        self.form.addRow("", self.agenda_hint)

    # --- reactions ----------------------------------------------------------------------------

    def committee_name(self) -> str:
        return " ".join(self.committee_combo.currentText().split())

    def _committee_changed(self, _text: str) -> None:
        name = self.committee_name()
        council = self._councils.get(name.casefold())
        if not name:
            self.committee_hint.setText("Type a name to start a new committee.")
        elif council is None:
            self.committee_hint.setText("A new committee will be created.")
        else:
            self.committee_hint.setText(
                "Existing committee: its council, settings and members are used."
            )
        # An existing committee's council is changed in its settings, not by a new meeting.
        fixed = bool(council)
        self.council_edit.setReadOnly(fixed)
        self.council_edit.setToolTip("Change the council in Committee settings." if fixed else "")
        if fixed:
            self.council_edit.setText(council)
        self._enable_ok()

    def _date_changed(self, _date: dt.date | None) -> None:
        self._enable_ok()

    def _enable_ok(self) -> None:
        self.ok_button.setEnabled(bool(self.committee_name()) and not self.date_edit.problem())

    def _agenda_changed(self) -> None:
        count = len(agenda_titles(self.agenda_edit.toPlainText()))
        items = "No agenda items yet" if count == 0 else \
            "1 agenda item" if count == 1 else f"{count} agenda items"
        self.agenda_hint.setText(f"{items}. Ctrl+Enter creates the meeting.")

    def accept(self) -> None:
        if self.ok_button.isEnabled():  # Ctrl+Enter reaches here even while OK is disabled
            super().accept()
        elif self.date_edit.problem():
            self.date_edit.setFocus()

    def result_values(self) -> NewMeetingValues:
        return NewMeetingValues(
            committee=self.committee_name(),
            council=self.council_edit.text().strip(),
            date=self.date_edit.date() or dt.date.today(),
            time=_time_of(self.time_edit.time()),
            venue=self.venue_edit.text().strip(),
            agenda_text=self.agenda_edit.toPlainText(),
        )


def ask_new_meeting(parent: QWidget | None, db: Database) -> int | None:
    """Run the dialog and create the meeting; its id, or None when cancelled or it failed."""
    from clerkdesk.services.meeting_setup import (
        committee_councils,
        create_meeting_with_committee,
    )

    councils = boxed(parent, "Could not read the committees").run(
        lambda: committee_councils(db))
    if councils is None:
        return None
    dialog = NewMeetingDialog(councils.value, parent)
    creating = boxed(dialog, "Could not create the meeting")
    try:
        while dialog.exec() == QDialog.DialogCode.Accepted:
            v = dialog.result_values()
            created = creating.run(partial(
                create_meeting_with_committee, db, v.committee, v.council, v.date, v.time,
                v.venue, v.agenda_text, standard_items=True))
            if created is not None:
                return created.value
            # refused: the dialog reopens with everything still typed
        return None
    finally:
        dialog.deleteLater()


def _time_of(time: QTime) -> dt.time:
    return dt.time(time.hour(), time.minute(), time.second())
