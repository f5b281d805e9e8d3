"""The roster as a table model: Name, Role, Status and Notes, one row per person."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from clerkdesk.domain.attendance import KIND_TEXT, notes_text, role_text, status_text
from clerkdesk.domain.enums import AttendanceStatus, PersonKind, Role
from clerkdesk.ui.colours import Tone, text_colour

if TYPE_CHECKING:
    from clerkdesk.services.roster import RosterRow

Index = QModelIndex | QPersistentModelIndex
PERSON_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SECOND_LINE_ROLE = Qt.ItemDataRole.UserRole + 2  # role and notes, under the name when narrow
COLUMNS = ("Name", "Role", "Status", "Notes")
NAME, ROLE, STATUS, NOTES = range(len(COLUMNS))
AWAY = (AttendanceStatus.APOLOGIES, AttendanceStatus.ABSENT)
NOTABLE_ROLES = (Role.CHAIR, Role.VICE_CHAIR, Role.COOPTED, Role.SUBSTITUTE)
OTHER_MEMBER = "Other member"  # a member of the council but not of this committee


def row_notes(row: RosterRow) -> str:
    return notes_text(row.substitute_for_name, row.remote, row.arrived_at_label, row.left_at_label)


def row_role(row: RosterRow) -> str:
    """The committee role, or for others their kind ("Officer")."""
    person = row.person
    if person.role is None and person.kind is PersonKind.MEMBER:
        return OTHER_MEMBER
    return role_text(person.role) or KIND_TEXT[person.kind]


def row_second_line(row: RosterRow) -> str:
    """What a narrow roster writes under the name: a notable role, then the notes."""
    notable = role_text(row.person.role) if row.person.role in NOTABLE_ROLES else ""
    return " · ".join(part for part in (notable, row_notes(row)) if part)


def row_description(row: RosterRow) -> str:
    """Everything about the row in one sentence, for tooltips and screen readers."""
    job = ", ".join(part for part in (row.person.job_title, row.person.organisation) if part)
    parts = [row.name, job, row_role(row), status_text(row.status)
             if row.status else "attendance not recorded", row_notes(row)]
    return ", ".join(part for part in parts if part)


class RosterModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.rows: list[RosterRow] = []

    def set_rows(self, rows: list[RosterRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_of(self, person_id: int) -> int:
        return next((n for n, row in enumerate(self.rows) if row.person_id == person_id), -1)

    def row_at(self, index: Index) -> RosterRow | None:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        return self.rows[index.row()]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        row = self.row_at(index)
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, index.column())
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return row_description(row)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._colour(row, index.column())
        if role == Qt.ItemDataRole.FontRole and index.column() == NAME and row.is_member:
            font = QFont()
            font.setBold(row.status not in AWAY)
            return font
        if role == PERSON_ID_ROLE:
            return row.person_id
        if role == SECOND_LINE_ROLE:
            return row_second_line(row)
        return None

    @staticmethod
    def _text(row: RosterRow, column: int) -> str:
        if column == NAME:
            return row.name
        if column == ROLE:
            return row_role(row)
        if column == STATUS:
            return status_text(row.status)
        return row_notes(row)

    @staticmethod
    def _colour(row: RosterRow, column: int) -> QColor | None:
        if row.status in AWAY:
            return text_colour(Tone.MUTED)  # apologies, absent: listed, visibly not there
        if row.status is None and column == STATUS:
            return text_colour(Tone.DANGER)
        return None
