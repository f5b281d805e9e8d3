"""Undoable flag edits: add, change and remove a flag on a paragraph."""

from __future__ import annotations

from typing import TYPE_CHECKING

from clerkdesk.domain.flag_fields import FlagFields
from clerkdesk.services import flags
from clerkdesk.ui.undo_command import ServiceCommand

if TYPE_CHECKING:
    from clerkdesk.ui.flags.flag_controller import FlagController


class FlagCommand(ServiceCommand):
    def __init__(self, controller: FlagController, text: str, item_id: int,
                 paragraph_id: int) -> None:
        super().__init__(text)
        self.controller, self.item_id, self.paragraph_id = controller, item_id, paragraph_id

    def before(self) -> None:
        self.controller.editing.show_item(self.item_id)

    def after(self, _result: object) -> None:
        self.controller.after_change(self.paragraph_id)

    def report(self, message: str) -> None:
        self.controller.runner.messageReported.emit(message)

    def first_run(self) -> None:
        self.after(self.apply())


class AddFlagCommand(FlagCommand):
    def __init__(self, controller: FlagController, item_id: int, paragraph_id: int,
                 fields: FlagFields, label: str) -> None:
        super().__init__(controller, f"Flag as {label}", item_id, paragraph_id)
        self.fields = fields
        self.flag_id: int | None = None
        self.snapshot: flags.FlagSnapshot | None = None

    def apply(self) -> None:
        db, edits = self.controller.db, self.controller.editing.edits
        if self.snapshot is None:  # journalled while the team server is away
            self.flag_id = edits.add_flag(self.paragraph_id, self.fields)
        else:
            flags.restore_flag(db, self.snapshot)

    def revert(self) -> None:
        flag_id = self.controller.editing.edits.real(self.flag_id or 0)  # made offline?
        self.snapshot = flags.delete_flag(self.controller.db, flag_id)


class UpdateFlagCommand(FlagCommand):
    def __init__(self, controller: FlagController, item_id: int, paragraph_id: int,
                 flag_id: int, old: FlagFields, new: FlagFields) -> None:
        super().__init__(controller, "Change flag", item_id, paragraph_id)
        self.flag_id, self.old, self.new = flag_id, old, new

    def apply(self) -> None:
        flags.update_flag(self.controller.db, self.flag_id, self.new)

    def revert(self) -> None:
        flags.update_flag(self.controller.db, self.flag_id, self.old)


class RemoveFlagCommand(FlagCommand):
    def __init__(self, controller: FlagController, item_id: int, paragraph_id: int,
                 flag_id: int) -> None:
        super().__init__(controller, "Remove flag", item_id, paragraph_id)
        self.flag_id = flag_id
        self.snapshot: flags.FlagSnapshot | None = None

    def apply(self) -> None:
        self.snapshot = flags.delete_flag(self.controller.db, self.flag_id)

    def revert(self) -> None:
        if self.snapshot is not None:  # applied before it can be undone
            flags.restore_flag(self.controller.db, self.snapshot)
