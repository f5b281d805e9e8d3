"""The two choices the clerk makes: which coming meeting to bring, and which changes to apply."""

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

from clerkdesk.domain.moderngov import SiteMeeting
from clerkdesk.ui.field_widgets import named


def meeting_line(meeting: SiteMeeting) -> str:
    when = f"{meeting.date:%a} {meeting.date.day} {meeting.date:%B %Y}"
    time = f", {meeting.time:%H:%M}" if meeting.time else ""
    venue = f" — {meeting.venue}" if meeting.venue else ""
    return f"{when}{time}{venue}"


class _ListDialog(QDialog):
    def __init__(self, parent: QWidget | None, object_name: str, title: str, intro: str,
                 ok_text: str) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setWindowTitle(title)
        self.intro = named(QLabel(intro, self), f"{object_name}Intro", title)
        self.intro.setWordWrap(True)
        self.list = named(QListWidget(self), f"{object_name}List", title)
        self.intro.setBuddy(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(620, 360)


class SiteMeetingDialog(_ListDialog):
    """The committee's coming meetings (date, time, venue); Enter brings the chosen one."""

    def __init__(self, committee: str, meetings: Sequence[SiteMeeting],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, "siteMeetingDialog", "New meeting from Modern.gov",
                         f"Coming meetings of {committee} on the council's site:",
                         "&Create meeting")
        self.meetings = list(meetings)
        for meeting in self.meetings:
            self.list.addItem(meeting_line(meeting))
        self.list.setCurrentRow(0)
        self.list.setFocus()

    def chosen(self) -> SiteMeeting | None:
        row = self.list.currentRow()
        return self.meetings[row] if 0 <= row < len(self.meetings) else None


class ChangesDialog(_ListDialog):
    """A preview of changes, each ticked; Space unticks one, Enter applies the ticked ones."""

    def __init__(self, object_name: str, title: str, intro: str, lines: Sequence[str],
                 parent: QWidget | None = None, ok_text: str = "&Apply") -> None:
        super().__init__(parent, object_name, title, intro, ok_text)
        for line in lines:
            item = QListWidgetItem(line)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.setFocus()

    def ticked(self) -> list[int]:
        return [row for row in range(self.list.count())
                if self.list.item(row).checkState() == Qt.CheckState.Checked]
