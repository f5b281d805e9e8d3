"""The person dialog: title, names, initials, job, organisation, kind and committee role.

Fully keyboard driven: Tab moves through the fields in reading order, Alt+letter jumps to a
field, typing a letter in a combo picks the matching entry, Enter saves, Escape cancels.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from clerkdesk.domain.attendance import (
    KIND_TEXT,
    ROLE_TEXT,
    TITLES,
    person_problem,
)
from clerkdesk.domain.enums import PersonKind, Role
from clerkdesk.domain.person import MAX_LENGTHS, PersonFields
from clerkdesk.ui.colours import Tone, text_style
from clerkdesk.ui.field_widgets import named

NO_ROLE = "Not on the committee"


class PersonDialog(QDialog):
    def __init__(self, initial: PersonFields | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("personDialog")
        self.setWindowTitle("Edit person" if initial else "Add person")
        self.setAccessibleName(self.windowTitle())
        initial = initial or PersonFields()
        self._build_fields(initial)
        self.problem_label = named(QLabel(self), "personProblem", "Problem with the person")
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet(text_style(Tone.DANGER))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self._form())
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)
        self._touched = False  # a blank new person is not scolded before anything is typed
        for edit in self._line_edits():
            edit.textChanged.connect(self._changed)
        self.title_combo.editTextChanged.connect(self._changed)
        self.role_combo.currentIndexChanged.connect(self._changed)
        self._refresh()
        first = self.family_edit if initial.family_name else self.title_combo
        first.setFocus()
        if first is self.family_edit:
            self.family_edit.selectAll()
        self.resize(420, self.sizeHint().height())

    def _build_fields(self, initial: PersonFields) -> None:
        self.title_combo = named(QComboBox(self), "titleCombo", "Title")
        self.title_combo.setEditable(True)
        self.title_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.title_combo.addItems(["", *TITLES])
        self.title_combo.setEditText(initial.title)
        title_line = self.title_combo.lineEdit()  # there is one: the combo is editable
        if title_line is not None:
            title_line.setMaxLength(MAX_LENGTHS["title"])
        self.given_edit = _edit(self, initial, "given_name", "givenNameEdit", "Given name")
        self.family_edit = _edit(self, initial, "family_name", "familyNameEdit", "Family name")
        self.initials_edit = _edit(self, initial, "initials", "initialsEdit", "Initials")
        self.initials_edit.setPlaceholderText("Optional, e.g. RL")
        self.job_edit = _edit(self, initial, "job_title", "jobTitleEdit", "Job title")
        self.organisation_edit = _edit(self, initial, "organisation", "organisationEdit",
                                       "Organisation or directorate")
        self.organisation_edit.setPlaceholderText("e.g. CYPE")
        self.kind_combo = named(QComboBox(self), "kindCombo", "Kind of person")
        for kind in PersonKind:
            self.kind_combo.addItem(KIND_TEXT[kind], kind.value)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(initial.kind.value))
        self.role_combo = named(QComboBox(self), "roleCombo", "Role on this committee")
        self.role_combo.addItem(NO_ROLE, None)
        for role in Role:
            self.role_combo.addItem(ROLE_TEXT[role], role.value)
        self.role_combo.setCurrentIndex(
            self.role_combo.findData(initial.role.value) if initial.role else 0
        )

    def _form(self) -> QFormLayout:
        form = QFormLayout()
        form.addRow("&Title:", self.title_combo)
        form.addRow("&Given name:", self.given_edit)
        form.addRow("&Family name:", self.family_edit)
        form.addRow("&Initials:", self.initials_edit)
        form.addRow("&Job title:", self.job_edit)
        form.addRow("&Organisation:", self.organisation_edit)
        form.addRow("&Kind:", self.kind_combo)
        form.addRow("&Role:", self.role_combo)
        return form

    def _line_edits(self) -> tuple[QLineEdit, ...]:
        return (self.given_edit, self.family_edit, self.initials_edit, self.job_edit,
                self.organisation_edit)

    def _changed(self) -> None:
        self._touched = True
        self._refresh()

    def _refresh(self) -> None:
        problem = person_problem(self.result_values())
        self.problem_label.setText(problem or "")
        self.problem_label.setVisible(problem is not None and self._touched)
        self.save_button.setEnabled(problem is None)

    def accept(self) -> None:
        if person_problem(self.result_values()) is None:
            super().accept()
            return
        self._touched = True
        self._refresh()

    def result_values(self) -> PersonFields:
        role = self.role_combo.currentData()
        return PersonFields(
            title=self.title_combo.currentText(),
            given_name=self.given_edit.text(),
            family_name=self.family_edit.text(),
            initials=self.initials_edit.text(),
            job_title=self.job_edit.text(),
            organisation=self.organisation_edit.text(),
            kind=PersonKind(self.kind_combo.currentData()),
            role=Role(role) if role else None,
        ).cleaned()


def _edit(
    parent: QWidget, initial: PersonFields, field: str, object_name: str, accessible_name: str
) -> QLineEdit:
    edit = named(QLineEdit(getattr(initial, field), parent), object_name, accessible_name)
    edit.setMaxLength(MAX_LENGTHS[field])
    return edit


def ask_person(parent: QWidget | None, initial: PersonFields | None = None) -> PersonFields | None:
    """Run the dialog; the typed fields (cleaned), or None when cancelled."""
    dialog = PersonDialog(initial, parent)
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.result_values()
        return None
    finally:
        dialog.deleteLater()
