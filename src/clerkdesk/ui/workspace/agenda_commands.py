"""Undoable agenda edits; like the editor's commands, the first execution happens before push."""

from __future__ import annotations

from typing import TYPE_CHECKING

from clerkdesk.services import agenda, meetings
from clerkdesk.ui.undo_command import ServiceCommand

if TYPE_CHECKING:
    from clerkdesk.services.snapshots import ItemSnapshot
    from clerkdesk.ui.workspace.agenda_controller import AgendaController


class AgendaCommand(ServiceCommand):
    def __init__(self, controller: AgendaController, text: str) -> None:
        super().__init__(text)
        self.controller = controller

    def before(self) -> None:
        self.controller.before_change()

    def after(self, result: object) -> None:
        self.controller.after_change(result if isinstance(result, int) else None)

    def report(self, message: str) -> None:
        self.controller.report_error(message)

    def first_run(self) -> None:
        self.after(self.apply())


class AddItemCommand(AgendaCommand):
    def __init__(self, controller: AgendaController, title: str, position: int) -> None:
        super().__init__(controller, f"Add item “{title}”")
        self.title, self.position = title, position
        self.item_id: int | None = None
        self.snapshot: ItemSnapshot | None = None

    def apply(self) -> int:
        db = self.controller.db
        if self.snapshot is None:
            self.item_id = meetings.add_item(db, self.controller.meeting_id, self.title,
                                             self.position)
        else:
            agenda.restore_deleted_item(db, self.snapshot)
        return self.item_id or 0

    def revert(self) -> None:
        self.snapshot = agenda.delete_item(self.controller.db, self.item_id or 0)


class RenameItemCommand(AgendaCommand):
    def __init__(self, controller: AgendaController, item_id: int, old: str, new: str) -> None:
        super().__init__(controller, "Rename item")
        self.item_id, self.old, self.new = item_id, old, new

    def apply(self) -> int:
        agenda.rename_item(self.controller.db, self.item_id, self.new)
        return self.item_id

    def revert(self) -> int:
        agenda.rename_item(self.controller.db, self.item_id, self.old)
        return self.item_id


class ExemptCommand(AgendaCommand):
    def __init__(self, controller: AgendaController, item_id: int, old: int | None,
                 new: int | None) -> None:
        super().__init__(controller, "Mark exempt" if new else "Mark not exempt")
        self.item_id, self.old, self.new = item_id, old, new

    def apply(self) -> int:
        agenda.set_item_exempt(self.controller.db, self.item_id, self.new)
        return self.item_id

    def revert(self) -> int:
        agenda.set_item_exempt(self.controller.db, self.item_id, self.old)
        return self.item_id


class DeleteItemCommand(AgendaCommand):
    def __init__(self, controller: AgendaController, item_id: int, title: str) -> None:
        super().__init__(controller, f"Delete item “{title}”")
        self.item_id = item_id
        self.snapshot: ItemSnapshot | None = None

    def apply(self) -> None:
        self.snapshot = agenda.delete_item(self.controller.db, self.item_id)

    def revert(self) -> int:
        if self.snapshot is not None:  # applied before it can be undone
            agenda.restore_deleted_item(self.controller.db, self.snapshot)
        return self.item_id


class MoveItemCommand(AgendaCommand):
    def __init__(self, controller: AgendaController, item_id: int, old: list[int],
                 new: list[int]) -> None:
        super().__init__(controller, "Move item")
        self.item_id, self.old, self.new = item_id, old, new

    def apply(self) -> int:
        agenda.reorder_items(self.controller.db, self.controller.meeting_id, self.new)
        return self.item_id

    def revert(self) -> int:
        agenda.reorder_items(self.controller.db, self.controller.meeting_id, self.old)
        return self.item_id
