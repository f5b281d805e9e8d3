"""Carries out the minute editor's intents as undoable commands backed by services.

Signals: errorReported(str), structureChanged(item_id), itemShown(item_id),
positionChanged(item_id, paragraph_id, offset).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from clerkdesk.domain.enums import ParagraphStyle
from clerkdesk.domain.numbering import MAX_LEVEL
from clerkdesk.errors import ParagraphConflict, StorageError
from clerkdesk.services import workspace
from clerkdesk.services.conflicts import TextBase
from clerkdesk.services.editing import ChangeResult, NewParagraph, ParagraphChange
from clerkdesk.services.snapshots import ParagraphSnapshot
from clerkdesk.ui.action_runner import ActionRunner
from clerkdesk.ui.editor import moves
from clerkdesk.ui.editor.autosave import Autosaver
from clerkdesk.ui.editor.blocks import (
    ParagraphData,
    paragraph_generated,
    paragraph_id,
    split_block,
)
from clerkdesk.ui.editor.commands import (
    ChangeCommand,
    EditorCommand,
    LevelCommand,
    MoveCommand,
    ReplaceCommand,
    SpeakerCommand,
    StyleCommand,
    TypingCommand,
)
from clerkdesk.ui.editor.minute_editor import Caret, MinuteEditor


def _data_from_snapshot(snapshot: ParagraphSnapshot) -> ParagraphData:
    row = snapshot.row
    return ParagraphData(
        id=row["id"], level=row["level"], style=ParagraphStyle(row["style"]), text=row["text"],
        elapsed_seconds=row["elapsed_seconds"], flagged=bool(snapshot.flags),
    )


class EditorController(QObject):
    errorReported = Signal(str)
    structureChanged = Signal(int)
    itemShown = Signal(int)
    positionChanged = Signal(int, int, int)

    def __init__(self, db, editor: MinuteEditor, stack: QUndoStack, autosaver: Autosaver,  # noqa: ANN001
                 outline: Callable[[], workspace.MeetingOutline],
                 elapsed_now: Callable[[], int | None]) -> None:
        super().__init__(editor)
        self.db, self.editor, self.stack, self.autosaver = db, editor, stack, autosaver
        self.edits = autosaver.edits  # the editing services, journalled while offline
        self.outline = outline
        self.elapsed_now = elapsed_now
        self.item_id: int | None = None
        self._caret_pid = 0
        self.runner = ActionRunner(editor)  # refusals leave through errorReported
        self.runner.messageReported.connect(self.errorReported)
        editor.textEdited.connect(self._typed)
        editor.orphanTyped.connect(self._first_paragraph)
        editor.splitRequested.connect(self.split)
        editor.mergeRequested.connect(self.merge)
        editor.deleteRequested.connect(self.delete)
        editor.levelRequested.connect(self.change_level)
        editor.moveRequested.connect(self.move)
        editor.pasteRequested.connect(self.paste)
        editor.undoRequested.connect(stack.undo)
        editor.redoRequested.connect(stack.redo)
        editor.caretMoved.connect(self._caret_moved)
        autosaver.offline.sent.connect(self._offline_ids_settled)

    # --- showing items --------------------------------------------------------------------
    def show_item(self, item_id: int, force: bool = False) -> None:
        if item_id == self.item_id and not force:
            return
        self.autosaver.flush()
        outline = self.outline()
        item = next((i for i in outline.items if i.id == item_id), None)
        if item is None:
            return
        pending = self.autosaver.pending
        loaded = workspace.item_paragraphs(self.db, item_id)
        self.autosaver.bases.update(
            (p.id, TextBase(p.version, p.text)) for p in loaded if p.id not in pending)
        paragraphs = [
            ParagraphData(p.id, p.level, p.style, pending.get(p.id, p.text), p.elapsed_seconds,
                          p.flagged, p.speaker_id, p.generated)
            for p in loaded
        ]
        self.edits.learn_item(item_id)  # the versions an offline save will be checked against
        self.item_id = item_id
        self.editor.load(paragraphs, outline.names, outline.scheme, item.label)
        self._caret_pid = paragraphs[0].id if paragraphs else 0
        self.itemShown.emit(item_id)

    def report_error(self, message: str) -> None:
        self.errorReported.emit(message)

    # --- typing ---------------------------------------------------------------------------
    def _typed(self, pid: int, old: str, new: str, before: Caret, after: Caret) -> None:
        block = self.editor.textCursor().block()  # the typed block; no scan on the hot path
        if paragraph_generated(block) and paragraph_id(block) == pid:
            self.detach(pid)  # a hand edit must never be overwritten by the linked text
        self.autosaver.mark(pid, new)
        self.stack.push(TypingCommand(self, self.item_id or 0, pid, old, new, before, after))

    def _first_paragraph(self, text: str) -> None:
        """Text typed into an empty item becomes its first paragraph."""
        new = NewParagraph(text, elapsed_seconds=self.elapsed_now())
        inserted = self.runner.run(
            lambda: self.edits.insert_paragraphs(self.item_id or 0, 0, [new]))
        if inserted is None:
            return
        [pid] = inserted.value
        with self.editor.applying():
            self.editor.paragraphs.tag_first_block(ParagraphData(pid, text=text,
                                                                 elapsed_seconds=self.elapsed_now()))
        self.editor.remember(pid, text)
        self.autosaver.bases[pid] = TextBase(1, text)  # a new row's first version
        self.editor.numbers.relabel()
        item_id = self.item_id or 0
        command = ChangeCommand(self, item_id, "New paragraph", ParagraphChange(item_id), {},
                                (0, 0), (pid, len(text)))
        command.new_ids = [pid]
        self.stack.push(command)
        self.structureChanged.emit(self.item_id or 0)

    def _caret_moved(self, pid: int, offset: int) -> None:
        if pid != self._caret_pid:
            self._caret_pid = pid
            self.autosaver.flush()
        if self.item_id is not None:
            self.positionChanged.emit(self.item_id, pid, offset)

    # --- structure ------------------------------------------------------------------------
    def _run(self, command: EditorCommand, first: Callable[[], None]) -> None:
        if self.runner.run(first) is not None:
            self.stack.push(command)
        elif isinstance(self.runner.last_refusal, ParagraphConflict):
            self._show_stored()  # a colleague's text: show it, change nothing

    def _show_stored(self) -> None:
        if self.item_id is not None:
            caret = self.editor.caret()
            self.show_item(self.item_id, force=True)
            self.editor.set_caret(*caret)

    def _info(self, pid: int) -> tuple[int, ParagraphData]:
        block = self.editor.paragraphs.block(pid)
        return block.blockNumber(), self.editor.paragraphs.data(block)

    def split(self, pid: int, offset: int) -> None:
        index, data = self._info(pid)
        if not data.text and data.level > 0:
            self.change_level(pid, -1)  # Enter on an empty sub-point returns to the main level
            return
        head, tail = split_block(self.editor.paragraphs.block(pid), offset)
        style = data.style if tail else ParagraphStyle.NUMBERED
        new = NewParagraph(tail, data.level, style, self.elapsed_now())
        forward = ParagraphChange(self.item_id or 0, texts={pid: head}, insert=[(index + 1, new)])
        command = ChangeCommand(self, self.item_id or 0, "New paragraph", forward,
                                {pid: data.text}, (pid, offset), (-1, 0))
        self._run(command, command.first_run)

    def paste(self, pid: int, offset: int, lines: list[str]) -> None:
        if not pid:
            self._paste_into_empty_item(lines)
            return
        index, data = self._info(pid)
        head, tail = split_block(self.editor.paragraphs.block(pid), offset)
        rest = [*lines[1:-1], lines[-1] + tail]
        inserts = [
            (index + 1 + n, NewParagraph(text, data.level, ParagraphStyle.NUMBERED,
                                         self.elapsed_now()))
            for n, text in enumerate(rest)
        ]
        forward = ParagraphChange(self.item_id or 0, texts={pid: head + lines[0]}, insert=inserts)
        command = ChangeCommand(self, self.item_id or 0, "Paste", forward, {pid: data.text},
                                (pid, offset), (-len(rest), len(lines[-1])))
        self._run(command, command.first_run)

    def _paste_into_empty_item(self, lines: list[str]) -> None:
        inserts = [(n, NewParagraph(text, elapsed_seconds=self.elapsed_now()))
                   for n, text in enumerate(lines)]
        forward = ParagraphChange(self.item_id or 0, insert=inserts)
        command = ChangeCommand(self, self.item_id or 0, "Paste", forward, {}, (0, 0),
                                (-len(lines), len(lines[-1])))
        self._run(command, command.first_run)

    def merge(self, pid: int, with_next: bool) -> None:
        ids = self.editor.paragraphs.ids()
        index = ids.index(pid)
        if with_next and index + 1 < len(ids):
            first, second = pid, ids[index + 1]
        elif not with_next and index > 0:
            first, second = ids[index - 1], pid
        else:
            return
        first_block = self.editor.paragraphs.block(first)
        first_text = self.editor.stored(first)
        joined = first_text + self.editor.stored(second)
        forward = ParagraphChange(self.item_id or 0, texts={first: joined}, delete=[second])
        caret = (first, first_block.length() - 1)
        command = ChangeCommand(self, self.item_id or 0, "Merge paragraphs", forward,
                                {first: first_text}, self.editor.caret(), caret)
        self._run(command, command.first_run)

    def delete(self, pid: int) -> None:
        ids = self.editor.paragraphs.ids()
        index = ids.index(pid)
        if index:
            neighbour = self.editor.paragraphs.block(ids[index - 1])
            caret = (ids[index - 1], neighbour.length() - 1)
        else:
            caret = (ids[1], 0) if len(ids) > 1 else (0, 0)
        forward = ParagraphChange(self.item_id or 0, delete=[pid])
        command = ChangeCommand(self, self.item_id or 0, "Delete paragraph", forward, {},
                                (pid, 0), caret)
        self._run(command, command.first_run)

    def change_level(self, pid: int, delta: int) -> None:
        blocks = self.editor.paragraphs.blocks()
        index, data = self._info(pid)
        ceiling = 0 if index == 0 else min(MAX_LEVEL, self._level_of(blocks[index - 1]) + 1)
        new = max(0, min(data.level + delta, ceiling))
        if new == data.level:
            return
        command = LevelCommand(self, self.item_id or 0, pid, data.level, new)
        self._run(command, lambda: self.set_level(pid, new))

    def set_level_undoably(self, pid: int, level: int) -> None:
        """Move a paragraph of the shown item to `level` (within the usual limits), undoably."""
        _index, data = self._info(pid)
        self.change_level(pid, level - data.level)

    def _level_of(self, block) -> int:  # noqa: ANN001
        return self.editor.paragraphs.data(block).level

    def move(self, pid: int, delta: int) -> None:
        rows = [(d.id, d.level) for d in map(self.editor.paragraphs.data,
                                             self.editor.paragraphs.blocks())]
        new = moves.move_group([r[0] for r in rows], [r[1] for r in rows], pid, delta)
        if new is None:
            return
        old = [r[0] for r in rows]
        caret = self.editor.caret()
        command = MoveCommand(self, self.item_id or 0, old, new, caret)
        self._run(command, lambda: self.reorder(new, caret))

    # --- primitives used by commands -------------------------------------------------------
    def apply_change(self, change: ParagraphChange) -> ChangeResult:
        if not self.autosaver.flush():
            raise StorageError(self.autosaver.last_error or "The database could not be written.")
        change = self._real_ids(change)
        result = self.edits.change_paragraphs(change, self.autosaver.bases)
        paragraphs = self.editor.paragraphs
        with self.editor.applying():
            for pid, text in change.texts.items():
                paragraphs.set_text(pid, text)
                self.editor.remember(pid, text)
            for pid in change.delete:
                paragraphs.remove(pid)
                self.editor.forget(pid)
                self.autosaver.discard(pid)
            for snapshot in sorted(change.restore, key=lambda s: s.row["position"]):
                data = _data_from_snapshot(snapshot)
                paragraphs.insert(snapshot.row["position"], data)
                self.editor.remember(data.id, data.text)
            for new_id, (position, new) in zip(result.new_ids, change.insert, strict=True):
                data = ParagraphData(new_id, new.level, new.style, new.text, new.elapsed_seconds)
                paragraphs.insert(position, data)
                self.editor.remember(new_id, new.text)
        self.autosaver.bases.update(result.bases)
        self.editor.numbers.relabel()
        self.structureChanged.emit(change.item_id)
        return result

    def set_text(self, pid: int, text: str, caret: Caret) -> None:
        pid, caret = self.edits.real(pid), (self.edits.real(caret[0]), caret[1])
        with self.editor.applying():
            self.editor.paragraphs.set_text(pid, text)
        self.editor.remember(pid, text)
        self.autosaver.mark(pid, text)
        self.place_caret(caret)

    def show_stored_text(self, pid: int, text: str) -> None:
        """Show a text stored for a paragraph of the shown item (a colleague's, or a conflict's
        outcome) without making it an edit of this clerk's; the caret stays where it was."""
        caret = self.editor.caret()
        try:
            with self.editor.applying():
                self.editor.paragraphs.set_text(pid, text)
        except KeyError:  # not in the shown item
            return
        self.editor.remember(pid, text)
        self.editor.set_caret(*caret)

    def set_level(self, pid: int, level: int) -> None:
        pid = self.edits.real(pid)
        self.edits.set_levels({pid: level})
        with self.editor.applying():
            self.editor.paragraphs.set_level(pid, level)
        self.editor.numbers.relabel()
        self.place_caret((pid, self.editor.caret()[1] if self.editor.caret()[0] == pid else 0))

    def change_speaker(self, pid: int, speaker_id: int | None) -> None:
        """Make `speaker_id` the paragraph's main speaker (undoable)."""
        old = self.editor.paragraphs.data(self.editor.paragraphs.block(pid)).speaker_id
        if old != speaker_id:
            command = SpeakerCommand(self, self.item_id or 0, pid, old, speaker_id)
            self._run(command, lambda: self.set_speaker(pid, speaker_id))

    def restore_texts(self, texts: dict[int, str]) -> None:
        """Write several paragraphs' texts (undo/redo of a replace) and show the result."""
        from clerkdesk.services.find_replace import restore_texts

        if not self.autosaver.flush():
            raise StorageError(self.autosaver.last_error or "The database could not be written.")
        restore_texts(self.db, texts)
        if self.item_id is not None:
            caret = self.editor.caret()
            self.show_item(self.item_id, force=True)
            self.place_caret(caret)

    def adopt_replace(self, changes: dict[int, tuple[str, str]], text: str) -> None:
        """A replace already written by the dialog joins the undo history and is shown."""
        if not changes:
            return
        command = ReplaceCommand(self, self.item_id or 0, changes, text)
        self.stack.push(command)
        if self.item_id is not None:
            caret = self.editor.caret()
            self.show_item(self.item_id, force=True)
            self.place_caret(caret)

    def detach(self, pid: int) -> None:
        """Unlink a written-for-you block from its flags so it can be edited freely."""
        from clerkdesk.services.generated_paragraphs import detach_generated

        ids = self.runner.run(lambda: detach_generated(self.db, pid))
        if ids is None:
            return
        with self.editor.applying():
            for unlinked in ids.value:
                try:
                    self.editor.paragraphs.set_generated(unlinked, False)
                except KeyError:
                    continue

    def change_style(self, pid: int, style: ParagraphStyle) -> None:
        """Numbered paragraph, RESOLVED paragraph or unnumbered text (undoable)."""
        old = self.editor.paragraphs.data(self.editor.paragraphs.block(pid)).style
        if old != style:
            command = StyleCommand(self, self.item_id or 0, pid, old, style)
            self._run(command, lambda: self.set_style(pid, style))

    def set_style(self, pid: int, style: ParagraphStyle) -> None:
        pid = self.edits.real(pid)
        self.edits.set_style(pid, style)
        with self.editor.applying():
            self.editor.paragraphs.set_style(pid, style)
        self.editor.numbers.relabel()

    def adopt_new_paragraphs(self, item_id: int, ids: list[int], text: str) -> None:
        """Make paragraphs a service just wrote part of the undo history (undo deletes them)."""
        self.show_item(item_id, force=True)
        command = ChangeCommand(self, item_id, text, ParagraphChange(item_id), {},
                                self.editor.caret(), (ids[0], 0) if ids else (0, 0))
        command.new_ids = list(ids)
        self.stack.push(command)
        if ids:
            self.place_caret((ids[0], 0))

    def set_speaker(self, pid: int, speaker_id: int | None) -> None:
        pid = self.edits.real(pid)
        self.edits.set_speaker(pid, speaker_id)
        with self.editor.applying():
            self.editor.paragraphs.set_speaker(pid, speaker_id)
        self.editor.viewport().update()

    def reorder(self, order: list[int], caret: Caret) -> None:
        if not self.autosaver.flush():
            raise StorageError(self.autosaver.last_error or "The database could not be written.")
        order = [self.edits.real(pid) for pid in order]
        self.edits.reorder_paragraphs(self.item_id or 0, order)
        with self.editor.applying():
            self.editor.paragraphs.reorder(order)
        self.editor.numbers.relabel()
        self.place_caret(caret)

    def _real_ids(self, change: ParagraphChange) -> ParagraphChange:
        """Undo/redo may name paragraphs made offline by the temporary ids they had then."""
        real = self.edits.real
        return ParagraphChange(change.item_id, {real(k): v for k, v in change.texts.items()},
                               [real(pid) for pid in change.delete], change.restore,
                               change.insert)

    def _offline_ids_settled(self) -> None:
        """Paragraphs made offline now have server ids: show them so (the caret stays put)."""
        if self.item_id is None or all(pid >= 0 for pid in self.editor.paragraphs.ids()):
            return
        pid, offset = self.editor.caret()
        self.show_item(self.item_id, force=True)
        self.place_caret((self.edits.real(pid), offset))

    def place_caret(self, caret: Caret) -> None:
        pid, offset = caret
        pid = self.edits.real(pid)
        if pid:
            self.editor.set_caret(pid, offset)
            self._caret_pid = pid
        self.editor.setFocus()
