"""The agenda as a list model: numbered items, exempt ones marked; rows can be dragged.

Signals: moveRequested(item_id, target_row) when a row is dropped somewhere else.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from clerkdesk.services.workspace import ItemOutline
from clerkdesk.ui.colours import Tone, text_colour

ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 1
MIME_TYPE = "application/x-clerkdesk-agenda-item"

Index = QModelIndex | QPersistentModelIndex


def item_text(item: ItemOutline) -> str:
    label = f"{item.label}." if item.label.isdigit() else item.label
    text = f"{label}  {item.title}"
    if item.exempt:
        paragraph = f" para {item.exempt_paragraph}" if item.exempt_paragraph else ""
        text += f"  [exempt{paragraph}]"
    return text


class AgendaModel(QAbstractListModel):
    moveRequested = Signal(int, int)

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.items: tuple[ItemOutline, ...] = ()
        self.editors: dict[int, str] = {}  # item id -> a colleague typing in it (team mode)

    def set_items(self, items: tuple[ItemOutline, ...]) -> None:
        self.beginResetModel()
        self.items = items
        self.endResetModel()

    def set_editors(self, editors: dict[int, str]) -> None:
        """Mark the items other clerks are typing in ("being edited by …")."""
        self.editors = dict(editors)
        if self.items:
            self.dataChanged.emit(self.index(0), self.index(len(self.items) - 1))

    def row_of(self, item_id: int) -> int:
        return next((row for row, item in enumerate(self.items) if item.id == item_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        item = self.items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            editor = self.editors.get(item.id)
            return item_text(item) + (f"\n  being edited by {editor}" if editor else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            count = item.paragraph_count
            return f"{item.title}\n{count} paragraph{'s' if count != 1 else ''}"
        if role == Qt.ItemDataRole.ForegroundRole and item.exempt:
            return text_colour(Tone.EXEMPT)
        if role == ITEM_ID_ROLE:
            return item.id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid():
            return base | Qt.ItemFlag.ItemIsDragEnabled
        return base | Qt.ItemFlag.ItemIsDropEnabled

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802
        mime = QMimeData()
        if indexes:
            mime.setData(MIME_TYPE, QByteArray(str(self.items[indexes[0].row()].id).encode()))
        return mime

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,  # noqa: N802
                     parent: Index) -> bool:
        if not data.hasFormat(MIME_TYPE):
            return False
        item_id = int(bytes(data.data(MIME_TYPE).data()).decode())
        target = row if row >= 0 else parent.row() if parent.isValid() else len(self.items)
        source = self.row_of(item_id)
        if target > source:
            target -= 1  # dropping below itself: the row is counted before removal
        if target != source:
            self.moveRequested.emit(item_id, target)
        return False  # the controller reloads the model from the database
