"""Offered when a meeting is created: outstanding requests and actions from earlier meetings."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clerkdesk.ui.action_runner import boxed

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class OutstandingDialog(QDialog):
    """Space toggles an entry; Enter inserts the ticked ones as a Matters arising item."""

    def __init__(self, entries: Sequence, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outstandingDialog")
        self.setWindowTitle("Outstanding from earlier meetings")
        self.list = QListWidget(self)
        self.list.setObjectName("outstandingList")
        self.list.setAccessibleName("Outstanding requests and actions")
        self.list.setWordWrap(True)
        from clerkdesk.services.request_log import offered_text

        for entry in entries:
            # Shown as it will be inserted: an exempt request only as the neutral line, since
            # this dialog opens while setting up a public meeting (often on a shared screen).
            text = (f"{entry.meeting_date:%-d %b %Y}  {entry.item_label}. {entry.paragraph_label}"
                    f"  {'(exempt item)' if entry.exempt else entry.asked_of}\n"
                    f"{offered_text(entry)}")
            row = QListWidgetItem(text, self.list)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Checked)
            row.setData(ID_ROLE, entry.flag_id)
        self.list.setCurrentRow(0)
        buttons = QDialogButtonBox(self)
        insert = buttons.addButton("&Insert as “Matters arising” item",
                                   QDialogButtonBox.ButtonRole.AcceptRole)
        insert.setObjectName("insertMattersArising")
        buttons.addButton("&Not now", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        insert.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"{len(entries)} request(s) or action(s) from earlier meetings "
                                "of this committee are still outstanding:", self))
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(640, 380)
        self.list.setFocus()

    def chosen_ids(self) -> list[int]:
        rows = (self.list.item(i) for i in range(self.list.count()))
        return [row.data(ID_ROLE) for row in rows if row.checkState() == Qt.CheckState.Checked]


def offer_outstanding(parent: QWidget | None, db, meeting_id: int) -> int | None:  # noqa: ANN001
    """Show outstanding items for a new meeting; returns the Matters arising item's id."""
    from clerkdesk.services.request_log import insert_matters_arising, outstanding_before

    runner = boxed(parent, "Outstanding requests")
    entries = runner.run(lambda: outstanding_before(db, meeting_id))
    if entries is None or not entries.value:
        return None
    dialog = OutstandingDialog(entries.value, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.chosen_ids():
        return None
    inserted = runner.run(lambda: insert_matters_arising(db, meeting_id, dialog.chosen_ids()))
    return inserted.value if inserted is not None else None
