"""Structural edits on the editor's QTextDocument: one block per paragraph, found by id."""

from __future__ import annotations

from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument, QTextFormat

from clerkdesk.ui.editor.blocks import (
    ParagraphData,
    apply_indent,
    block_format,
    insert_stored,
    paragraph_elapsed,
    paragraph_flagged,
    paragraph_generated,
    paragraph_id,
    paragraph_level,
    paragraph_speaker,
    paragraph_style,
    stored_text,
)


class ParagraphDocument:
    """Wraps a QTextDocument whose blocks are paragraphs; all edits keep block formats intact."""

    def __init__(self, document: QTextDocument) -> None:
        self.document = document
        self.names: dict[int, str] = {}

    # --- reading -------------------------------------------------------------------------
    def blocks(self) -> list[QTextBlock]:
        block, out = self.document.begin(), []
        while block.isValid():
            out.append(block)
            block = block.next()
        return out

    def ids(self) -> list[int]:
        return [pid for pid in (paragraph_id(b) for b in self.blocks()) if pid is not None]

    def block(self, pid: int) -> QTextBlock:
        for block in self.blocks():
            if paragraph_id(block) == pid:
                return block
        raise KeyError(f"paragraph {pid} is not in the editor")

    def index(self, pid: int) -> int:
        return self.block(pid).blockNumber()

    def data(self, block: QTextBlock) -> ParagraphData:
        return ParagraphData(
            id=paragraph_id(block) or 0, level=paragraph_level(block), style=paragraph_style(block),
            text=stored_text(block), elapsed_seconds=paragraph_elapsed(block),
            flagged=paragraph_flagged(block), speaker_id=paragraph_speaker(block),
            generated=paragraph_generated(block),
        )

    def is_empty(self) -> bool:
        return self.document.blockCount() == 1 and paragraph_id(self.document.begin()) is None

    # --- writing -------------------------------------------------------------------------
    def load(self, paragraphs: list[ParagraphData]) -> None:
        self.document.clear()
        cursor = QTextCursor(self.document)
        cursor.beginEditBlock()
        for index, data in enumerate(paragraphs):
            if index:
                cursor.insertBlock(block_format(data))
            else:
                cursor.setBlockFormat(block_format(data))
            insert_stored(cursor, data.text, self.names)
        cursor.endEditBlock()

    def insert(self, index: int, data: ParagraphData) -> QTextBlock:
        """Insert a paragraph so that it becomes block number `index`."""
        if self.is_empty():
            self.load([data])
            return self.document.begin()
        count = self.document.blockCount()
        cursor = QTextCursor(self.document)
        if index >= count:
            cursor.movePosition(QTextCursor.MoveOperation.End)
            cursor.insertBlock(block_format(data))
        else:
            target = self.document.findBlockByNumber(index)
            cursor.setPosition(target.position())
            cursor.insertBlock(target.blockFormat())
            cursor.movePosition(QTextCursor.MoveOperation.PreviousBlock)
            cursor.setBlockFormat(block_format(data))
            cursor.setCharFormat(cursor.blockCharFormat())
        insert_stored(cursor, data.text, self.names, self._text_before(cursor))
        return self.document.findBlockByNumber(min(index, self.document.blockCount() - 1))

    def remove(self, pid: int) -> None:
        block = self.block(pid)
        cursor = QTextCursor(block)
        if self.document.blockCount() == 1:
            self.document.clear()
            return
        end = block.position() + block.length() - 1
        if block.next().isValid():
            cursor.setPosition(block.position())
            cursor.setPosition(block.next().position(), QTextCursor.MoveMode.KeepAnchor)
        else:
            cursor.setPosition(block.position() - 1)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()

    def tag_first_block(self, data: ParagraphData) -> None:
        """Give the lone untagged block of an empty item its new paragraph's identity."""
        QTextCursor(self.document.begin()).setBlockFormat(block_format(data))

    def set_text(self, pid: int, stored: str) -> None:
        block = self.block(pid)
        cursor = QTextCursor(block)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        insert_stored(cursor, stored, self.names)

    def set_level(self, pid: int, level: int) -> None:
        self._update_format(pid, level=level)

    def set_flagged(self, pid: int, flagged: bool) -> None:
        self._update_format(pid, flagged=flagged)

    def set_generated(self, pid: int, generated: bool) -> None:
        self._update_format(pid, generated=generated)

    def set_style(self, pid: int, style: object) -> None:
        self._update_format(pid, style=style)

    def set_speaker(self, pid: int, speaker_id: int | None) -> None:
        self._update_format(pid, speaker_id=speaker_id)

    def _update_format(self, pid: int, **changes: object) -> None:
        block = self.block(pid)
        data = self.data(block)
        for name, value in changes.items():
            setattr(data, name, value)
        fmt = block.blockFormat()
        updated = block_format(data)
        apply_indent(updated, data.level, data.style)
        fmt.merge(updated)
        if not updated.hasProperty(QTextFormat.Property.BackgroundBrush):
            fmt.clearBackground()
        QTextCursor(block).setBlockFormat(fmt)

    def reorder(self, ordered: list[int]) -> None:
        """Rebuild the document in a new paragraph order (ids must match the current set)."""
        by_id = {paragraph_id(b): self.data(b) for b in self.blocks()}
        self.load([by_id[pid] for pid in ordered])

    def _text_before(self, cursor: QTextCursor) -> str:
        block = cursor.block()
        return block.text()[: cursor.position() - block.position()]
