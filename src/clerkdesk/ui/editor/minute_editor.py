"""The minute editor widget: a QTextEdit whose blocks are numbered paragraphs.

Typing is native. Keys that would change the paragraph structure (Enter, Backspace at a start,
Delete at an end, Tab, Alt+Up/Down, multi-line paste) are turned into intent signals that the
editor controller carries out as undoable commands.

Signals: textEdited(pid, old, new, caret_before, caret_after), splitRequested(pid, offset),
mergeRequested(pid, with_next), deleteRequested(pid), levelRequested(pid, delta),
moveRequested(pid, delta), pasteRequested(pid, offset, lines), undoRequested, redoRequested,
caretMoved(pid, offset),
orphanTyped(text) for the first text typed into an empty item.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QTextCursor, QTextOption
from PySide6.QtWidgets import QTextEdit, QWidget

from clerkdesk.domain.numbering import ParagraphScheme
from clerkdesk.ui.actions import EditorKey, editor_key
from clerkdesk.ui.editor.blocks import (
    PROP_MENTION_SERIAL,
    ParagraphData,
    mention_format,
    mention_person,
    paragraph_id,
    plain_format,
    stored_text,
    written,
)
from clerkdesk.ui.editor.document_ops import ParagraphDocument
from clerkdesk.ui.editor.numbers import NumberPainter

Caret = tuple[int, int]  # (paragraph id, offset in block)
_TYPING_MODIFIERS = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
_STYLE_CHANGES = frozenset({QEvent.Type.FontChange, QEvent.Type.PaletteChange,
                            QEvent.Type.StyleChange})


class MinuteEditor(QTextEdit):
    """See the module docstring for the signals."""

    textEdited = Signal(int, str, str, object, object)
    splitRequested = Signal(int, int)
    mergeRequested = Signal(int, bool)
    deleteRequested = Signal(int)
    levelRequested = Signal(int, int)
    moveRequested = Signal(int, int)
    pasteRequested = Signal(int, int, list)
    undoRequested = Signal()
    redoRequested = Signal()
    caretMoved = Signal(int, int)
    orphanTyped = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("minuteEditor")
        self.setAccessibleName("Minute editor")
        self.setAcceptRichText(False)
        self.setAcceptDrops(False)
        self.setTabChangesFocus(False)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.document().setUndoRedoEnabled(False)
        self.document().setDocumentMargin(18)
        self.paragraphs = ParagraphDocument(self.document())
        self.numbers = NumberPainter(self)
        self._applying = 0
        self._stored: dict[int, str] = {}
        self._caret: Caret = (0, 0)
        self.document().contentsChange.connect(self._on_contents_change)
        self.cursorPositionChanged.connect(self._on_cursor_moved)
        # Select All with the caret already at the end moves no cursor, so clamp here too.
        self.selectionChanged.connect(self._on_selection_changed)

    # --- loading and programmatic edits ---------------------------------------------------
    def load(self, paragraphs: list[ParagraphData], names: dict[int, str],
             scheme: ParagraphScheme, item_label: str) -> None:
        self.paragraphs.names = names
        self.numbers.configure(scheme, item_label)
        with self.applying():
            self.paragraphs.load(paragraphs)
        self._stored = {p.id: p.text for p in paragraphs}
        self.numbers.relabel()
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def applying(self) -> _Applying:
        """Context in which document changes are the program's, not the clerk's typing."""
        return _Applying(self)

    def stored(self, pid: int) -> str:
        return self._stored[pid]

    def remember(self, pid: int, text: str) -> None:
        self._stored[pid] = text

    def forget(self, pid: int) -> None:
        self._stored.pop(pid, None)

    def caret(self) -> Caret:
        cursor = self.textCursor()
        block = cursor.block()
        return paragraph_id(block) or 0, cursor.position() - block.position()

    def set_caret(self, pid: int, offset: int) -> None:
        try:
            block = self.paragraphs.block(pid)
        except KeyError:
            return
        cursor = QTextCursor(block)
        cursor.setPosition(block.position() + max(0, min(offset, block.length() - 1)))
        self.setTextCursor(cursor)
        self._caret = self.caret()  # Qt sends no move signal when the position number is unchanged
        self.ensureCursorVisible()

    # --- typing ---------------------------------------------------------------------------
    def _on_contents_change(self, position: int, removed: int, added: int) -> None:
        if self._applying:
            return
        block = self.document().findBlock(position)
        pid = paragraph_id(block)
        new = stored_text(block)
        if pid is None:
            if new and self.document().blockCount() == 1:
                self.orphanTyped.emit(new)
            return
        old = self._stored.get(pid, "")
        if new != old:
            self._stored[pid] = new
            self.textEdited.emit(pid, old, new, self._caret, self.caret())

    def _on_cursor_moved(self) -> None:
        if self._applying:
            return
        cursor = self.textCursor()
        if not cursor.hasSelection():
            self._snap_out_of_mention(cursor)
            if mention_person(self.textCursor().charFormat()) is not None:
                self.setCurrentCharFormat(plain_format())  # typing after a name is not the name
        self._clamp_selection(cursor)
        self._caret = self.caret()
        self.caretMoved.emit(*self._caret)

    def _on_selection_changed(self) -> None:
        if not self._applying:
            self._clamp_selection(self.textCursor())

    def _snap_out_of_mention(self, cursor: QTextCursor) -> None:
        """A caret never rests inside a name: it jumps to the name's start or end."""
        serial = cursor.charFormat().property(PROP_MENTION_SERIAL)
        if serial is None:  # checked first: this runs on every keystroke
            return
        after = QTextCursor(cursor)
        after.movePosition(QTextCursor.MoveOperation.NextCharacter)
        if after.position() == cursor.position():
            return
        if after.charFormat().property(PROP_MENTION_SERIAL) != serial:
            return
        block = cursor.block()
        _, old_offset = self._caret
        moving_left = self._caret[0] == paragraph_id(block) and (
            cursor.position() - block.position() < old_offset
        )
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.contains(cursor.position()):
                edge = fragment.position() + (0 if moving_left else fragment.length())
                snapped = QTextCursor(cursor)
                snapped.setPosition(edge)
                self.setTextCursor(snapped)
                return
            iterator += 1

    def _clamp_selection(self, cursor: QTextCursor) -> None:
        """Keep a selection inside one paragraph, so an edit never spans paragraphs."""
        if not cursor.hasSelection():
            return
        anchor_block = self.document().findBlock(cursor.anchor())
        if anchor_block.contains(cursor.position()):
            return
        forward = cursor.position() > cursor.anchor()
        edge = anchor_block.position() + (anchor_block.length() - 1 if forward else 0)
        clamped = QTextCursor(self.document())
        clamped.setPosition(cursor.anchor())
        clamped.setPosition(edge, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(clamped)

    # --- keys -----------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if _is_plain_typing(event):  # most keys: skip the editor-key lookup, no such key prints
            super().keyPressEvent(event)
            return
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undoRequested.emit()
            return
        if event.matches(QKeySequence.StandardKey.Redo):
            self.redoRequested.emit()
            return
        if self._structural_key(event):
            return
        super().keyPressEvent(event)

    def _structural_key(self, event: QKeyEvent) -> bool:
        key = editor_key(event.keyCombination())
        cursor = self.textCursor()
        pid, offset = self.caret()
        if key is None:
            return False
        if self.isReadOnly():
            return True  # approved minutes: no structural change either
        if not pid:  # an empty item: Enter or Tab would leave a block no paragraph owns
            return key in (EditorKey.NEW_PARAGRAPH, EditorKey.DEMOTE, EditorKey.PROMOTE)
        at_start, at_end = offset == 0, offset == cursor.block().length() - 1
        selecting = cursor.hasSelection()
        if key is EditorKey.NEW_PARAGRAPH:
            if selecting:
                cursor.removeSelectedText()
            self.splitRequested.emit(*self.caret())
        elif key in (EditorKey.DEMOTE, EditorKey.DEMOTE_ANYWHERE):
            self.levelRequested.emit(pid, 1)
        elif key in (EditorKey.PROMOTE, EditorKey.PROMOTE_ANYWHERE):
            self.levelRequested.emit(pid, -1)
        elif key in (EditorKey.MOVE_UP, EditorKey.MOVE_DOWN):
            self.moveRequested.emit(pid, -1 if key is EditorKey.MOVE_UP else 1)
        elif key is EditorKey.DELETE_EMPTY and at_start and not selecting:
            if cursor.block().length() == 1:
                self.deleteRequested.emit(pid)
            else:
                self.mergeRequested.emit(pid, False)
        elif key is EditorKey.MERGE_NEXT and at_end and not selecting:
            self.mergeRequested.emit(pid, True)
        elif key in (EditorKey.DELETE_EMPTY, EditorKey.MERGE_NEXT) and not selecting:
            return self._delete_mention(cursor, backwards=key is EditorKey.DELETE_EMPTY)
        else:
            return False
        return True

    def _delete_mention(self, cursor: QTextCursor, backwards: bool) -> bool:
        """Backspace/Delete next to a name removes the whole name as one unit."""
        probe = QTextCursor(self.document())  # a fresh cursor: its format is the text's own
        probe.setPosition(cursor.position())
        if not backwards:
            probe.movePosition(QTextCursor.MoveOperation.NextCharacter)
        if mention_person(probe.charFormat()) is None:
            return False
        block = cursor.block()
        inside = probe.position() - block.position() - 1
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            start = fragment.position() - block.position()
            if start <= inside < start + fragment.length():
                cursor.setPosition(fragment.position())
                cursor.setPosition(fragment.position() + fragment.length(),
                                   QTextCursor.MoveMode.KeepAnchor)
                cursor.removeSelectedText()
                return True
            iterator += 1
        return False

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 - Qt override
        text = source.text().replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
        text = text.replace("\u2029", "\n")  # inserted as-is it would split the block
        lines = text.split("\n")
        if len(lines) == 1:
            self.textCursor().insertText(text, plain_format())
            return
        cursor = self.textCursor()
        if cursor.hasSelection():
            cursor.removeSelectedText()
        self.pasteRequested.emit(*self.caret(), lines)

    # --- names ------------------------------------------------------------------------------
    def insert_mention(self, person_id: int, then: str = " ") -> None:
        """Insert a person's written name (a reference) at the caret, followed by `then`."""
        cursor = self.textCursor()
        if cursor.hasSelection():
            cursor.removeSelectedText()
        block = cursor.block()
        before = block.text()[: cursor.position() - block.position()]
        if before and not before.endswith((" ", "(", "\u2028", "“", '"')):
            cursor.insertText(" ", plain_format())
            before += " "
        name = written(person_id, self.paragraphs.names, before)
        cursor.beginEditBlock()
        cursor.insertText(name, mention_format(person_id))
        cursor.insertText(then, plain_format())
        cursor.endEditBlock()
        self.setTextCursor(cursor)

    def text_before_caret(self) -> str:
        cursor = self.textCursor()
        return cursor.block().text()[: cursor.positionInBlock()]

    def insert_plain(self, text: str) -> None:
        self.textCursor().insertText(text, plain_format())

    # --- painting -------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() in _STYLE_CHANGES:
            self.numbers.style_changed()
        super().changeEvent(event)

    def paintEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        super().paintEvent(event)
        self.numbers.paint(event.rect())


def _is_plain_typing(event: QKeyEvent) -> bool:
    text = event.text()
    return bool(text) and text.isprintable() and not event.modifiers() & ~_TYPING_MODIFIERS


class _Applying:
    def __init__(self, editor: MinuteEditor) -> None:
        self.editor = editor

    def __enter__(self) -> None:
        self.editor._applying += 1

    def __exit__(self, *exc: object) -> None:
        self.editor._applying -= 1
        if not self.editor._applying:  # the program moved text: the next undo step starts here
            self.editor._caret = self.editor.caret()
