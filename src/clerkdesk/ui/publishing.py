"""File › Export…, Export as PDF… and Print… for the main window's open or selected meeting."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from clerkdesk.domain.review import Finding
    from clerkdesk.ui.main_window import MainWindow


class Publishing:
    """The window's publishing actions; the meeting is the open one, else the selected one."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def export(self, suffix: str) -> Path | None:
        """Check and export the meeting as `suffix` (.docx, .pdf, .html); the file written."""
        from clerkdesk.ui.export_flow import ask_export

        meeting_id = self._meeting("Not exported")
        database = self.window.database.current
        if meeting_id is None or database is None:
            return None
        return ask_export(self.window, database, meeting_id, self.window.settings,
                          suffix=suffix, go_to=lambda found: self.go_to(meeting_id, found))

    def print(self) -> None:
        from clerkdesk.ui.print_minutes import ask_print

        meeting_id = self._meeting("Not printed")
        database = self.window.database.current
        if meeting_id is not None and database is not None:
            ask_print(self.window, database, meeting_id)

    def _meeting(self, refused: str) -> int | None:
        """The open (or selected) meeting with its latest text saved, or None."""
        from clerkdesk.ui import dialogs

        workspace = self.window.meetings.workspace
        meeting_id = (workspace.meeting_id if workspace
                      else self.window.browser.current_meeting_id())
        if self.window.database.current is None or meeting_id is None:
            return None
        if workspace is not None and not workspace.close_session():
            dialogs.show_error(self.window, refused, "The latest text is not saved yet.")
            return None
        return meeting_id

    def go_to(self, meeting_id: int, finding: Finding) -> None:
        """Open the meeting at the finding's paragraph (or its item), caret there."""
        if finding.item_id is None:
            return
        if finding.paragraph_id is not None:
            self.window.open_meeting_at(meeting_id, finding.item_id, finding.paragraph_id)
            return
        workspace = self.window.meetings.workspace
        if workspace is None or workspace.meeting_id != meeting_id:
            if not self.window.open_meeting(meeting_id):
                return
            workspace = self.window.meetings.workspace
        if workspace is not None:
            workspace.open_item_at_end(finding.item_id)
