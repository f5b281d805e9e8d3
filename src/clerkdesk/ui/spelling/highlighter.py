"""Underlines misspelt words in the minute editor, one block (paragraph) at a time.

Qt re-runs `highlightBlock` only for the block being typed in, so a keystroke costs one
paragraph's check (cached per word). Names inserted from the roster are never underlined.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QSyntaxHighlighter, QTextBlock, QTextCharFormat, QTextDocument
from PySide6.QtWidgets import QTextEdit

from clerkdesk.domain.spelling import SpellChecker, Word, misspellings_after_edit
from clerkdesk.ui.colours import Tone, text_colour
from clerkdesk.ui.editor.blocks import mention_person

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")  # two UTF-16 units each in Qt's positions
# A paragraph longer than this (a 1 MB paste) is not underlined as you type; the review
# (F7) still checks it.
MAX_HIGHLIGHTED_CHARACTERS = 20_000


def misspelt_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
    fmt.setUnderlineColor(text_colour(Tone.DANGER))
    return fmt


class SpellingHighlighter(QSyntaxHighlighter):
    """Red wavy underline under each word the checker rejects (nothing until it has one).

    The word being typed (ending at the caret) is not underlined until the caret leaves it,
    as in Word: no flicker while typing, and no relayout on each key.
    """

    def __init__(self, document: QTextDocument, editor: QTextEdit | None = None) -> None:
        super().__init__(document)
        self.checker: SpellChecker | None = None
        self._format = misspelt_format()
        self._editor = editor
        self._deferred: tuple[QTextBlock, int] | None = None  # (block, end) of the word typed
        self._last: tuple[str, list[Word]] | None = None  # the last text checked, its words
        if editor is not None:
            editor.cursorPositionChanged.connect(self._caret_moved)

    def set_checker(self, checker: SpellChecker | None) -> None:
        self.checker = checker
        self._last = None
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt override
        if self.checker is None or not text or len(text) > MAX_HIGHLIGHTED_CHARACTERS:
            return
        block = self.currentBlock()
        if self._deferred is not None and self._deferred[0] == block:
            self._deferred = None
        typing_at = self._caret_offset(block)
        if typing_at:
            at = from_utf16(text, typing_at)
            start = _word_start(text, at)
            if start < at:  # the caret ends a word: not checked while it is typed
                text = text[:start] + " " * (at - start) + text[at:]
                self._deferred = (block, typing_at)
        found = in_utf16(text, self._misspellings(text))
        for word in self._mentions_left_out(block, found):
            self.setFormat(word.start, word.end - word.start, self._format)

    def _misspellings(self, text: str) -> list[Word]:
        """Typing changes a few characters of one block: only that stretch is checked again."""
        if self.checker is None:
            return []
        if self._last is None:
            found = self.checker.misspellings(text)
        else:
            found = misspellings_after_edit(self.checker, *self._last, text)
        self._last = (text, found)
        return found

    @staticmethod
    def _mentions_left_out(block: QTextBlock, found: list[Word]) -> list[Word]:
        return [word for word in found if not _in_mention(block, word.start)]

    def _caret_offset(self, block: QTextBlock) -> int | None:
        if self._editor is None:
            return None
        cursor = self._editor.textCursor()
        if cursor.hasSelection() or cursor.block() != block:
            return None
        return cursor.position() - block.position()

    def _caret_moved(self) -> None:
        """Underline the word left unchecked while typing once the caret leaves it without
        typing (an edit has already re-highlighted its block)."""
        if self._deferred is None:
            return
        block, end = self._deferred
        if block.isValid() and self._editor is not None and \
                self._editor.textCursor().position() == block.position() + end:
            return  # still at the end of that word
        self._deferred = None
        if block.isValid():
            self.rehighlightBlock(block)


def _word_start(text: str, end: int) -> int:
    """Where the word ending at `end` starts (`end` itself when no letter comes before it)."""
    start = end
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] in "'’-‐"):
        start -= 1
    return start


def in_utf16(text: str, found: list[Word]) -> list[Word]:
    """`found` with Qt's positions (UTF-16 units: an emoji counts two) instead of Python's."""
    if not found or not _ASTRAL.search(text):
        return found

    def unit(index: int) -> int:
        return index + len(_ASTRAL.findall(text, 0, index))

    return [Word(unit(word.start), unit(word.end), word.text) for word in found]


def from_utf16(text: str, offset: int) -> int:
    """The Python index of Qt's position `offset` (UTF-16 units) in `text`."""
    if not _ASTRAL.search(text, 0, offset):
        return offset
    units = 0
    for index, char in enumerate(text):
        if units >= offset:
            return index
        units += 2 if ord(char) > 0xFFFF else 1
    return len(text)


def misspelt_words(checker: SpellChecker, block: QTextBlock, text: str) -> list[Word]:
    """The block's misspelt words (at Qt positions), leaving out names from the roster."""
    found = in_utf16(text, checker.misspellings(text))
    if not found:
        return found
    return [word for word in found if not _in_mention(block, word.start)]


def _in_mention(block: QTextBlock, offset: int) -> bool:
    iterator = block.begin()
    while not iterator.atEnd():
        fragment = iterator.fragment()
        start = fragment.position() - block.position()
        if start <= offset < start + fragment.length():
            return mention_person(fragment.charFormat()) is not None
        iterator += 1
    return False
