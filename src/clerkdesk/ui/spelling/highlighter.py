"""Underlines misspelt words in the minute editor, one block (paragraph) at a time.

Qt re-runs `highlightBlock` only for the block being typed in, so a keystroke costs one
paragraph's check (cached per word). Names inserted from the roster are never underlined.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from clerkdesk.domain.spelling import SpellChecker, Word
from clerkdesk.ui.editor.blocks import mention_person

# A paragraph longer than this (a 1 MB paste) is not underlined as you type; the review
# (F7) still checks it.
MAX_HIGHLIGHTED_CHARACTERS = 20_000


def misspelt_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
    fmt.setUnderlineColor(QColor(Qt.GlobalColor.red))
    return fmt


class SpellingHighlighter(QSyntaxHighlighter):
    """Red wavy underline under each word the checker rejects (nothing until it has one)."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.checker: SpellChecker | None = None
        self._format = misspelt_format()

    def set_checker(self, checker: SpellChecker | None) -> None:
        self.checker = checker
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt override
        if self.checker is None or not text or len(text) > MAX_HIGHLIGHTED_CHARACTERS:
            return
        for word in misspelt_words(self.checker, self.currentBlock(), text):
            self.setFormat(word.start, word.end - word.start, self._format)


def misspelt_words(checker: SpellChecker, block, text: str) -> list[Word]:  # noqa: ANN001
    """The block's misspelt words, leaving out names inserted from the roster."""
    found = checker.misspellings(text)
    if not found:
        return found
    return [word for word in found if not _in_mention(block, word.start)]


def _in_mention(block, offset: int) -> bool:  # noqa: ANN001
    iterator = block.begin()
    while not iterator.atEnd():
        fragment = iterator.fragment()
        start = fragment.position() - block.position()
        if start <= offset < start + fragment.length():
            return mention_person(fragment.charFormat()) is not None
        iterator += 1
    return False
