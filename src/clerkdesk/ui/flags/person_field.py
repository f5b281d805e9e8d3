"""A person field in the flag form: completions from the picker's matcher as you type, any
written form of a roster person accepted, and a visible note when the text is nobody on it.

Signals: none of its own; `note` is the label the form shows under the field.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLabel, QLineEdit, QVBoxLayout, QWidget

from clerkdesk.domain.enums import PersonKind
from clerkdesk.domain.people_search import Candidate, resolve, search
from clerkdesk.ui.colours import Tone, text_style


class PersonField(QLineEdit):
    """Who moved, seconded, declared, is asked or will act; `person_ids()` says whom it means."""

    def __init__(self, text: str, parent: QWidget, candidates: Sequence[Candidate],
                 written: dict[int, str], present: frozenset[int], new_kind: PersonKind | None,
                 bodies: Sequence[str] = ()) -> None:
        super().__init__(text, parent)
        self.candidates, self.written, self.present = candidates, written, present
        self.new_kind, self.bodies = new_kind, tuple(bodies)
        self.note = QLabel(parent)
        self.note.setStyleSheet(text_style(Tone.WARNING))
        self.note.setWordWrap(True)
        self.rows = QStringListModel(self)
        completer = QCompleter(self.rows, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(completer)
        self.textEdited.connect(self._offer)
        self.textChanged.connect(self._explain)
        self._explain(text)

    def row(self) -> QVBoxLayout:
        """The field with its note under it, for a form row."""
        layout = QVBoxLayout()
        layout.setSpacing(1)
        layout.addWidget(self)
        layout.addWidget(self.note)
        return layout

    def person_ids(self) -> list[int]:
        """[id] for one roster person, [] for nobody (or empty), several when ambiguous."""
        return resolve(self.candidates, self.text(), self.written)

    def is_body(self) -> bool:
        """The text names an organisation already asked (kept as written), not a person."""
        return bool(self.bodies) and self.text().strip().casefold() in {
            body.casefold() for body in self.bodies}

    def problem(self) -> str:
        """Why the field cannot be saved as it stands: an ambiguous name."""
        ids = [] if self.is_body() else self.person_ids()
        if len(ids) > 1:
            names = " or ".join(self.written.get(i, str(i)) for i in ids[:3])
            return f"“{self.text().strip()}” could be {names}: type more of the name."
        return ""

    def unknown(self) -> bool:
        """Text that names nobody on the roster (and no organisation already asked)."""
        return bool(self.text().strip()) and not self.is_body() and not self.person_ids()

    def take_completion(self) -> None:
        """Put the highlighted (or first) completion into the field, as Enter in the list does."""
        popup = self.completer().popup()
        if popup is None:
            return
        index = popup.currentIndex()
        row = index.row() if index.isValid() else 0
        if popup.isVisible() and 0 <= row < self.rows.rowCount():
            self.setText(self.rows.index(row).data())
        popup.hide()

    def _offer(self, text: str) -> None:
        matches = search(self.candidates, text, self.present) if text.strip() else []
        self.rows.setStringList([c.display for c in matches])
        if matches:
            self.completer().complete()
        elif (popup := self.completer().popup()) is not None:
            popup.hide()

    def _explain(self, text: str) -> None:
        problem = self.problem()
        if problem:
            self.note.setText(problem)
        elif self.unknown() and self.new_kind is not None:
            kind = "an officer" if self.new_kind is PersonKind.OFFICER else "a member"
            self.note.setText(f"Not on the roster: saving adds “{text.strip()}” as {kind}.")
        elif self.unknown():
            self.note.setText("Not a person on the roster: kept as written.")
        else:
            self.note.setText("")
        self.note.setVisible(bool(self.note.text()))
