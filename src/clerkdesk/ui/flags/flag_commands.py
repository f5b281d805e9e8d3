"""Undoable flag edits: add, change and remove a flag on a paragraph."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from clerkdesk.domain.flag_fields import FlagFields
from clerkdesk.errors import ClerkDeskError
from clerkdesk.services import flag_records

if TYPE_CHECKING:
    from clerkdesk.ui.flags.flag_controller import FlagController


class FlagCommand(QUndoCommand):
    def __init__(self, controller: FlagController, text: str, item_id: int,
                 paragraph_id: int) -> None:
        super().__init__(text)
        self.controller, self.item_id, self.paragraph_id = controller, item_id, paragraph_id
        self._done = True

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._guarded(self.apply)

    def undo(self) -> None:
        self._guarded(self.revert)

    def _guarded(self, step) -> None:  # noqa: ANN001
        try:
            self.controller.editing.show_item(self.item_id)
            step()
            self.controller.after_change(self.paragraph_id)
        except ClerkDeskError as error:
            self.controller.errorReported.emit(str(error))
            self.setObsolete(True)

    def first_run(self) -> None:
        self.apply()
        self.controller.after_change(self.paragraph_id)

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError


class AddFlagCommand(FlagCommand):
    def __init__(self, controller: FlagController, item_id: int, paragraph_id: int,
                 fields: FlagFields, label: str) -> None:
        super().__init__(controller, f"Flag as {label}", item_id, paragraph_id)
        self.fields = fields
        self.flag_id: int | None = None
        self.snapshot = None

    def apply(self) -> None:
        db, edits = self.controller.db, self.controller.editing.edits
        if self.snapshot is None:  # journalled while the team server is away
            self.flag_id = edits.add_flag(self.paragraph_id, self.fields)
        else:
            flag_records.restore_flag(db, self.snapshot)

    def revert(self) -> None:
        flag_id = self.controller.editing.edits.real(self.flag_id or 0)  # made offline?
        self.snapshot = flag_records.delete_flag(self.controller.db, flag_id)


class UpdateFlagCommand(FlagCommand):
    def __init__(self, controller: FlagController, item_id: int, paragraph_id: int,
                 flag_id: int, old: FlagFields, new: FlagFields) -> None:
        super().__init__(controller, "Change flag", item_id, paragraph_id)
        self.flag_id, self.old, self.new = flag_id, old, new

    def apply(self) -> None:
        flag_records.update_flag(self.controller.db, self.flag_id, self.new)

    def revert(self) -> None:
        flag_records.update_flag(self.controller.db, self.flag_id, self.old)


class RemoveFlagCommand(FlagCommand):
    def __init__(self, controller: FlagController, item_id: int, paragraph_id: int,
                 flag_id: int) -> None:
        super().__init__(controller, "Remove flag", item_id, paragraph_id)
        self.flag_id = flag_id
        self.snapshot = None

    def apply(self) -> None:
        self.snapshot = flag_records.delete_flag(self.controller.db, self.flag_id)

    def revert(self) -> None:
        flag_records.restore_flag(self.controller.db, self.snapshot)
