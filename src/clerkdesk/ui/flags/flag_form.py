"""A small keyboard-only form at the caret that takes a flag's fields.

Enter saves from any field, Escape cancels, Tab moves between fields. Every field may be left
empty and completed later in review.

Signals: saved(fields), cancelled().
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from clerkdesk.domain.enums import ActionStatus, FlagKind, PersonKind, RequestStatus, ResolutionForm
from clerkdesk.domain.flag_fields import (
    ActionFields,
    DeclarationFields,
    FlagFields,
    RequestFields,
    ResolutionFields,
)
from clerkdesk.domain.people_search import Candidate
from clerkdesk.domain.person import PersonFields
from clerkdesk.ui.colours import Tone, text_style
from clerkdesk.ui.field_widgets import DateField
from clerkdesk.ui.flags.person_field import PersonField

WIDTH = 480
TITLES = {
    FlagKind.REQUEST: "Request for information",
    FlagKind.RESOLUTION: "Resolution",
    FlagKind.ACTION: "Action",
    FlagKind.DECLARATION: "Declaration of interest",
}


class FlagForm(QFrame):
    saved = Signal(object)
    cancelled = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("flagForm")
        self.setAccessibleName("Flag details")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.kind = FlagKind.REQUEST
        self.people: dict[str, int] = {}  # written name -> person id
        self.candidates: Sequence[Candidate] = ()
        self.present: frozenset[int] = frozenset()
        # Adds a person typed into a person field to the roster; their id, or None on failure.
        self.add_person: Callable[[str, PersonKind], int | None] = lambda _name, _kind: None
        self._added: dict[str, int] = {}
        # The field widgets by key (line edits, combos, spin boxes, dates): each read its own way.
        self.fields: dict[str, Any] = {}
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.body = QWidget(self)
        self.message = QLabel(self)
        self.message.setObjectName("flagFormMessage")
        self.message.setStyleSheet(text_style(Tone.DANGER))
        self.message.setWordWrap(True)
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 8)
        layout.addWidget(self.title)
        layout.addWidget(self.body)
        layout.addWidget(self.message)
        self.hide()

    # --- opening ----------------------------------------------------------------------------
    def open_for(self, at: QPoint, fields: FlagFields, people: dict[str, int],
                 bodies: Sequence[str] = (), candidates: Sequence[Candidate] = (),
                 present: frozenset[int] = frozenset()) -> None:
        """Show the form for `fields` (a new flag's defaults, or an existing flag's values)."""
        self.kind = _kind(fields)
        self.people = people
        self.candidates, self.present, self._added = candidates, present, {}
        self.title.setText(f"<b>{TITLES[self.kind]}</b> · Enter saves · Esc cancels · "
                           "everything can be completed later")
        self._rebuild(fields, bodies)
        self.message.hide()
        self.resize(WIDTH, self.sizeHint().height())
        parent = self.parentWidget()
        assert parent is not None  # made with the editor's parent, and placed inside it
        x = max(0, min(at.x(), parent.width() - self.width()))
        y = at.y() if at.y() + self.height() < parent.height() else max(0, at.y() - self.height()
                                                                          - 24)
        self.move(x, y)
        self.show()
        self.raise_()
        first = next(iter(self.fields.values()))
        first.setFocus()

    def _rebuild(self, fields: FlagFields, bodies: Sequence[str]) -> None:
        old = self.body
        self.body = QWidget(self)
        layout = self.layout()
        assert layout is not None  # set in __init__
        layout.replaceWidget(old, self.body)
        old.hide()
        old.setParent(None)  # out of the focus chain at once, not at deleteLater
        old.deleteLater()
        self.fields = {}
        form = QFormLayout(self.body)
        form.setContentsMargins(0, 0, 0, 0)
        match fields:  # self.kind is the kind of these fields
            case RequestFields():
                self._request_fields(form, fields, bodies)
            case ResolutionFields():
                self._resolution_fields(form, fields, bodies)
            case ActionFields():
                self._action_fields(form, fields, bodies)
            case DeclarationFields():
                self._declaration_fields(form, fields, bodies)
        widgets = list(self.fields.values())
        for widget in widgets:
            widget.installEventFilter(self)
            if isinstance(widget, PersonField):  # after the completer's own filter: runs first
                if (popup := widget.completer().popup()) is not None:
                    popup.installEventFilter(self)
        for first, second in zip(widgets, widgets[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _add(self, form: QFormLayout, key: str, label: str, widget: QWidget) -> None:
        widget.setObjectName(f"flag_{key}")
        widget.setAccessibleName(label.replace("&", ""))
        self.fields[key] = widget
        if isinstance(widget, DateField | PersonField):  # a field with its note beside/under it
            title = QLabel(label, self.body)
            title.setBuddy(widget)  # the label's mnemonic (Alt+D) still reaches the field
            form.addRow(title, widget.row())
        else:
            form.addRow(label, widget)

    def _line(self, text: str, choices: Sequence[str] = ()) -> QLineEdit:
        edit = QLineEdit(text, self.body)
        if choices:
            completer = QCompleter(list(choices), edit)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            edit.setCompleter(completer)
        return edit

    def _person_field(self, person_id: int | None, new_kind: PersonKind | None,
                      text: str = "", bodies: Sequence[str] = ()) -> PersonField:
        written = {pid: name for name, pid in self.people.items()}
        candidates = self.candidates or [
            _bare_candidate(pid, name) for pid, name in written.items()]
        return PersonField(self._name_of(person_id) or text, self.body, candidates, written,
                           self.present, new_kind, bodies)

    def _name_of(self, person_id: int | None) -> str:
        return next((name for name, pid in self.people.items() if pid == person_id), "")

    def _date_edit(self, value: dt.date | None) -> DateField:
        return DateField(value, self.body)

    def _combo(self, options: Sequence[tuple[str, object]], current: object) -> QComboBox:
        combo = QComboBox(self.body)
        for text, value in options:
            combo.addItem(text, value)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        return combo

    def _request_fields(self, form: QFormLayout, fields: RequestFields,
                        bodies: Sequence[str]) -> None:
        asked = self._name_of(fields.asked_of_person_id) or fields.asked_of_body
        self._add(form, "what", "&What:", self._line(fields.what))
        self._add(form, "asked_of", "Asked &of:",
                  self._person_field(fields.asked_of_person_id, None, asked, bodies))
        self._add(form, "due", "&Due:", self._date_edit(fields.due_date))
        self._add(form, "status", "&Status:", self._combo(
            [(s.value.capitalize(), s) for s in RequestStatus], fields.status))

    def _resolution_fields(self, form: QFormLayout, fields: ResolutionFields,
                           _bodies: Sequence[str]) -> None:
        self._add(form, "form", "&Form:", self._combo(
            [(f.value.capitalize(), f) for f in ResolutionForm], fields.form))
        for key, label, value in (("votes_for", "Votes f&or:", fields.votes_for),
                                  ("votes_against", "A&gainst:", fields.votes_against),
                                  ("abstentions", "A&bstentions:", fields.abstentions)):
            spin = QSpinBox(self.body)
            spin.setRange(-1, 999)
            spin.setSpecialValueText("—")
            spin.setValue(-1 if value is None else value)
            self._add(form, key, label, spin)
        self._add(form, "carried", "Carr&ied:", self._combo(
            [("—", None), ("Carried", True), ("Lost", False)], fields.carried))
        self._add(form, "mover", "&Moved by:",
                  self._person_field(fields.mover_id, PersonKind.MEMBER))
        self._add(form, "seconder", "Seco&nded by:",
                  self._person_field(fields.seconder_id, PersonKind.MEMBER))
        self._add(form, "recorded", "&Recorded vote:", self._line(fields.recorded_votes))
        casting = QCheckBox("The Chair used a casting vote", self.body)
        casting.setChecked(fields.casting_vote)
        self._add(form, "casting", "", casting)

    def _action_fields(self, form: QFormLayout, fields: ActionFields,
                       _bodies: Sequence[str]) -> None:
        self._add(form, "who", "&Who:",
                  self._person_field(fields.who_person_id, PersonKind.OFFICER))
        self._add(form, "what", "W&hat:", self._line(fields.what))
        self._add(form, "due", "&By when:", self._date_edit(fields.due_date))
        self._add(form, "status", "&Status:", self._combo(
            [(s.value.capitalize(), s) for s in ActionStatus], fields.status))

    def _declaration_fields(self, form: QFormLayout, fields: DeclarationFields,
                            _bodies: Sequence[str]) -> None:
        self._add(form, "member", "&Member:",
                  self._person_field(fields.person_id, PersonKind.MEMBER))
        self._add(form, "interest", "&Interest:", self._line(fields.interest_kind, [
            "Disclosable pecuniary interest", "Other registrable interest",
            "Non-registrable interest", "Personal interest", "Prejudicial interest"]))
        left = QCheckBox("Left the room for the item", self.body)
        left.setChecked(fields.left_room)
        self._add(form, "left_room", "", left)
        abstained = QCheckBox("Did not vote", self.body)
        abstained.setChecked(fields.did_not_vote)
        self._add(form, "did_not_vote", "", abstained)

    # --- keys and values --------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            completer = watched.completer() if isinstance(watched, QLineEdit) else None
            shown = completer.popup() if completer is not None else None
            popup = shown is not None and shown.isVisible()
            field = self._field_of_popup(watched) or (
                watched if isinstance(watched, PersonField) else None)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and field is not None:
                field.take_completion()  # the first Enter takes the name and saves
                self._save()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not popup:
                self._save()
                return True
            if event.key() == Qt.Key.Key_Escape and not popup:
                self.hide()
                self.cancelled.emit()
                return True
        return super().eventFilter(watched, event)

    def _field_of_popup(self, watched: QObject) -> PersonField | None:
        return next((w for w in self.fields.values() if isinstance(w, PersonField)
                     and w.completer().popup() is watched), None)

    def _save(self) -> None:
        """Save, unless a field holds something that cannot be saved as typed: then say so."""
        for widget in self.fields.values():
            if isinstance(widget, DateField | PersonField) and widget.problem():
                self._refuse(widget, widget.problem())
                return
        for widget in self.fields.values():
            if isinstance(widget, PersonField) and widget.new_kind and widget.unknown():
                name = widget.text().strip()
                person_id = self._added.get(name) or self.add_person(name, widget.new_kind)
                if person_id is None:
                    self._refuse(widget, f"“{name}” could not be added to the roster.")
                    return
                self._added[name] = person_id
        self.hide()
        self.saved.emit(self.values())

    def _refuse(self, widget: QWidget, problem: str) -> None:
        self.message.setText(f"{widget.accessibleName().rstrip(':')}: {problem}")
        self.message.show()
        self.resize(WIDTH, self.sizeHint().height())
        widget.setFocus()

    def _text(self, key: str) -> str:
        return self.fields[key].text().strip()

    def _person(self, key: str) -> int | None:
        field = self.fields[key]
        if field.is_body():
            return None
        ids = field.person_ids()
        return ids[0] if len(ids) == 1 else self._added.get(self._text(key))

    def _spin(self, key: str) -> int | None:
        value = self.fields[key].value()
        return None if value < 0 else value

    def values(self) -> FlagFields:
        f = self.fields
        if self.kind is FlagKind.REQUEST:
            person = self._person("asked_of")
            return RequestFields(
                what=self._text("what"), asked_of_person_id=person,
                asked_of_body="" if person else self._text("asked_of"),
                due_date=f["due"].date(), status=f["status"].currentData())
        if self.kind is FlagKind.RESOLUTION:
            return ResolutionFields(
                form=f["form"].currentData(), votes_for=self._spin("votes_for"),
                votes_against=self._spin("votes_against"), abstentions=self._spin("abstentions"),
                recorded_votes=self._text("recorded"), casting_vote=f["casting"].isChecked(),
                mover_id=self._person("mover"), seconder_id=self._person("seconder"),
                carried=f["carried"].currentData())
        if self.kind is FlagKind.ACTION:
            return ActionFields(who_person_id=self._person("who"), what=self._text("what"),
                                due_date=f["due"].date(), status=f["status"].currentData())
        return DeclarationFields(person_id=self._person("member"),
                                 interest_kind=self._text("interest"),
                                 left_room=f["left_room"].isChecked(),
                                 did_not_vote=f["did_not_vote"].isChecked())


def _bare_candidate(person_id: int, written: str) -> Candidate:
    from clerkdesk.domain.people_search import prepare
    from clerkdesk.services.speakers import split_name

    title, given, family = split_name(written)
    return prepare(Candidate(person_id, written, PersonFields(title, given, family)))


def _kind(fields: FlagFields) -> FlagKind:
    return {
        RequestFields: FlagKind.REQUEST, ResolutionFields: FlagKind.RESOLUTION,
        ActionFields: FlagKind.ACTION, DeclarationFields: FlagKind.DECLARATION,
    }[type(fields)]
