"""Undo commands for the minute editor; each calls a service, then mirrors it in the editor.

The controller performs a command's first execution before pushing it, so a failed write
never enters the undo stack; `redo()` therefore skips its first call.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from clerkdesk.services.editing import ParagraphChange
from clerkdesk.ui.undo_command import ServiceCommand

if TYPE_CHECKING:
    from clerkdesk.domain.enums import ParagraphStyle
    from clerkdesk.services.snapshots import ParagraphSnapshot
    from clerkdesk.ui.editor.controller import EditorController

Caret = tuple[int, int]
TYPING_ID = 1001
MERGE_PAUSE_S = 1.5


class EditorCommand(ServiceCommand):
    """Base: remembers the item it belongs to and reports failures instead of raising."""

    def __init__(self, controller: EditorController, item_id: int, text: str) -> None:
        super().__init__(text)
        self.controller = controller
        self.item_id = item_id

    def before(self) -> None:
        self.controller.show_item(self.item_id)

    def report(self, message: str) -> None:
        self.controller.report_error(message)


class TypingCommand(EditorCommand):
    """Typing in one paragraph; consecutive keystrokes merge until a pause or sentence end."""

    def __init__(self, controller: EditorController, item_id: int, pid: int, old: str, new: str,
                 caret_before: Caret, caret_after: Caret) -> None:
        super().__init__(controller, item_id, "Typing")
        self.pid, self.old, self.new = pid, old, new
        self.caret_before, self.caret_after = caret_before, caret_after
        self.last_time = time.monotonic()

    def id(self) -> int:
        return TYPING_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt override
        if not isinstance(other, TypingCommand) or other.pid != self.pid:
            return False
        if other.last_time - self.last_time > MERGE_PAUSE_S or self.new.rstrip().endswith(
            (".", "?", "!")
        ) and other.new.endswith(" "):
            return False
        self.new, self.caret_after, self.last_time = other.new, other.caret_after, other.last_time
        return True

    def apply(self) -> None:
        self.controller.set_text(self.pid, self.new, self.caret_after)

    def revert(self) -> None:
        self.controller.set_text(self.pid, self.old, self.caret_before)


class ChangeCommand(EditorCommand):
    """A compound paragraph change (split, merge, paste, delete) and its exact inverse."""

    def __init__(self, controller: EditorController, item_id: int, text: str,
                 forward: ParagraphChange, texts_before: dict[int, str],
                 caret_before: Caret, caret_after: Caret) -> None:
        super().__init__(controller, item_id, text)
        self.forward = forward
        self.texts_before = texts_before
        self.caret_before, self.caret_after = caret_before, caret_after
        self.new_ids: list[int] = []
        self.deleted: list[ParagraphSnapshot] = []
        self.inserted_snapshots: list[ParagraphSnapshot] = []

    def first_run(self) -> None:
        """Execute the change the first time (called by the controller before pushing)."""
        result = self.controller.apply_change(self.forward)
        self.new_ids, self.deleted = result.new_ids, result.deleted
        self.controller.place_caret(self._resolve(self.caret_after))

    def _resolve(self, caret: Caret) -> Caret:
        """Carets may name a new paragraph by -(index+1) before its id is known."""
        pid, offset = caret
        return (self.new_ids[-pid - 1], offset) if pid < 0 else caret

    def apply(self) -> None:
        change = ParagraphChange(
            self.forward.item_id, texts=self.forward.texts, delete=self.forward.delete,
            restore=self.inserted_snapshots,
        )
        self.deleted = self.controller.apply_change(change).deleted
        self.controller.place_caret(self._resolve(self.caret_after))

    def revert(self) -> None:
        change = ParagraphChange(
            self.forward.item_id, texts=self.texts_before, delete=self.new_ids,
            restore=self.deleted,
        )
        self.inserted_snapshots = self.controller.apply_change(change).deleted
        self.controller.place_caret(self.caret_before)


class LevelCommand(EditorCommand):
    def __init__(self, controller: EditorController, item_id: int, pid: int, old: int,
                 new: int) -> None:
        super().__init__(controller, item_id, "Make sub-point" if new > old else "Promote")
        self.pid, self.old, self.new = pid, old, new

    def apply(self) -> None:
        self.controller.set_level(self.pid, self.new)

    def revert(self) -> None:
        self.controller.set_level(self.pid, self.old)


class MoveCommand(EditorCommand):
    def __init__(self, controller: EditorController, item_id: int, old: list[int],
                 new: list[int], caret: Caret) -> None:
        super().__init__(controller, item_id, "Move paragraph")
        self.old, self.new, self.caret = old, new, caret

    def apply(self) -> None:
        self.controller.reorder(self.new, self.caret)

    def revert(self) -> None:
        self.controller.reorder(self.old, self.caret)


class SpeakerCommand(EditorCommand):
    def __init__(self, controller: EditorController, item_id: int, pid: int, old: int | None,
                 new: int | None) -> None:
        super().__init__(controller, item_id, "Set speaker")
        self.pid, self.old, self.new = pid, old, new

    def apply(self) -> None:
        self.controller.set_speaker(self.pid, self.new)

    def revert(self) -> None:
        self.controller.set_speaker(self.pid, self.old)


class StyleCommand(EditorCommand):
    def __init__(self, controller: EditorController, item_id: int, pid: int,
                 old: ParagraphStyle, new: ParagraphStyle) -> None:
        super().__init__(controller, item_id, "Paragraph layout")
        self.pid, self.old, self.new = pid, old, new

    def apply(self) -> None:
        self.controller.set_style(self.pid, self.new)

    def revert(self) -> None:
        self.controller.set_style(self.pid, self.old)


class ReplaceCommand(EditorCommand):
    """A find-and-replace across paragraphs (possibly other meetings), undone as one step."""

    def __init__(self, controller: EditorController, item_id: int,
                 changes: dict[int, tuple[str, str]], text: str) -> None:
        super().__init__(controller, item_id, text)
        self.changes = changes

    def apply(self) -> None:
        self.controller.restore_texts({pid: after for pid, (_b, after) in self.changes.items()})

    def revert(self) -> None:
        self.controller.restore_texts({pid: before for pid, (before, _a) in self.changes.items()})
