"""Committee settings › Source: the council's Modern.gov site and this committee's id there."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from clerkdesk.ui.field_widgets import named

SITE_HELP = ("The address of the council's committee pages, e.g. democracy.example.gov.uk. "
             "ClerkDesk only reads from it: nothing is ever sent to the site.")
ID_ROLE = Qt.ItemDataRole.UserRole


class SourceTab(QWidget):
    """The site address, checked by fetching its committee list once, and the committee
    chosen from that list by keyboard."""

    changed = Signal()

    def __init__(self, site: str, committee_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "sourceTab", "Source")
        self.site_edit = named(QLineEdit(site, self), "moderngovSiteEdit", "Modern.gov site")
        self.site_edit.setMaxLength(300)
        self.site_edit.setPlaceholderText("democracy.example.gov.uk")
        self.list_button = named(QPushButton("&List committees", self), "listCommitteesButton",
                                 "List the site's committees")
        self.list_button.setAutoDefault(False)
        self.committee_list = named(QListWidget(self), "siteCommitteeList",
                                    "Committee on the site")
        self.status_label = named(QLabel(SITE_HELP, self), "sourceStatus", "Source status")
        self.status_label.setWordWrap(True)
        self._saved_id = committee_id
        if committee_id is not None:
            self._show_saved(committee_id)
        form = QFormLayout(self)
        form.addRow("Site &address:", self.site_edit)
        form.addRow("", self.list_button)
        form.addRow("Committee on &the site:", self.committee_list)
        form.addRow("", self.status_label)
        self.list_button.clicked.connect(self.list_committees)
        self.site_edit.textChanged.connect(self.changed)
        self.committee_list.currentItemChanged.connect(lambda *_: self.changed.emit())

    def site(self) -> str:
        return self.site_edit.text().strip()

    def committee_id(self) -> int | None:
        item = self.committee_list.currentItem()
        if not self.site():
            return None
        return item.data(ID_ROLE) if item is not None else self._saved_id

    def list_committees(self) -> bool:
        """Fetch the site's committees once (this is the check that the address is a
        Modern.gov site); True when the list arrived."""
        from clerkdesk.ui.moderngov.fetch import run_fetch

        found = run_fetch(self, self.site(), "Listing the site's committees…",
                          lambda client, _progress: client.committees())
        if found is None:
            self.status_label.setText("No committees listed: check the address and try again.")
            return False
        current = self.committee_id()
        self.committee_list.clear()
        for committee in found:
            item = QListWidgetItem(f"{committee.title}  (id {committee.id})")
            item.setData(ID_ROLE, committee.id)
            self.committee_list.addItem(item)
            if committee.id == current:
                self.committee_list.setCurrentItem(item)
        if self.committee_list.currentItem() is None and self.committee_list.count():
            self.committee_list.setCurrentRow(0)
        self.status_label.setText(f"The site lists {len(found)} committees: choose this "
                                  f"committee with the arrow keys.")
        self.committee_list.setFocus()
        return True

    def _show_saved(self, committee_id: int) -> None:
        item = QListWidgetItem(f"Committee id {committee_id} (List committees shows its name)")
        item.setData(ID_ROLE, committee_id)
        self.committee_list.addItem(item)
        self.committee_list.setCurrentItem(item)
