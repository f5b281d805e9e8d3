"""Spelling for the open meeting: loads the dictionaries once the editor is on screen, keeps
the underlines current, and fixes the word at the caret from the suggestions dialog.

Signals: messageReported(str).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QTextBlock, QTextCursor

from clerkdesk.domain.spelling import SpellChecker, Word
from clerkdesk.ui.action_runner import ActionRunner
from clerkdesk.ui.after_paint import AfterFirstPaint
from clerkdesk.ui.editor.blocks import plain_format
from clerkdesk.ui.editor.minute_editor import MinuteEditor

if TYPE_CHECKING:
    from clerkdesk.services.spelling import MeetingWords
    from clerkdesk.ui.spelling.highlighter import SpellingHighlighter

# After the first paint, give the clerk the window before loading the dictionaries (~0.1 s).
LOAD_DELAY_MS = 300


class SpellingController(QObject):
    messageReported = Signal(str)

    def __init__(self, db, meeting_id: int, editor: MinuteEditor) -> None:  # noqa: ANN001
        super().__init__(editor)
        self.db, self.meeting_id, self.editor = db, meeting_id, editor
        self.runner = ActionRunner(editor)  # refusals reach the status bar via messageReported
        self.runner.messageReported.connect(self.messageReported)
        # Made on loading: nothing of spelling runs before the paint.
        self.highlighter: SpellingHighlighter | None = None
        self.words: MeetingWords | None = None
        AfterFirstPaint(editor.viewport(),
                        lambda: QTimer.singleShot(LOAD_DELAY_MS, self.load))

    @property
    def checker(self) -> SpellChecker | None:
        return self.highlighter.checker if self.highlighter is not None else None

    def load(self) -> None:
        """Load the dictionaries and the meeting's known words, then underline (once)."""
        if self.words is not None:
            return
        from clerkdesk.services.spelling import checker_for, meeting_words
        from clerkdesk.ui.spelling.highlighter import SpellingHighlighter

        if self.highlighter is None:
            self.highlighter = SpellingHighlighter(self.editor.document(), self.editor)
        highlighter = self.highlighter
        words = self.runner.run(lambda: meeting_words(self.db, self.meeting_id))
        if words is None:
            return
        self.words = words.value
        spelling = self.words.house_style.spelling
        checker = self.runner.run(lambda: checker_for(words.value) if spelling else None)
        if checker is not None:
            highlighter.set_checker(checker.value)

    def refresh(self) -> None:
        """Read the meeting's known words and house style again (once loaded at all)."""
        if self.words is not None:
            self._reload()

    def _reload(self) -> None:
        self.words = None
        self.load()

    # --- the word at the caret -----------------------------------------------------------
    def fix_at_caret(self) -> None:
        """Open the suggestions for the misspelt word at (or just before) the caret."""
        self.load()
        if self.checker is None:
            self.messageReported.emit("Spelling is not checked for this committee.")
            return
        cursor = self.editor.textCursor()
        block = cursor.block()
        word = self._misspelt_at(block, cursor.position() - block.position())
        if word is None:
            self.messageReported.emit("The word at the caret is spelt correctly.")
            return
        self._offer(block, word)

    def next_misspelling(self) -> None:
        """Move to the next misspelt word in this item (wrapping round) and offer its fixes."""
        self.load()
        if self.checker is None:
            self.messageReported.emit("Spelling is not checked for this committee.")
            return
        cursor = self.editor.textCursor()
        found = self._next_from(cursor.block(), cursor.position() - cursor.block().position())
        if found is None:
            self.messageReported.emit("No misspellings in this item.")
            return
        self._offer(*found)

    def _misspelt_at(self, block: QTextBlock, offset: int) -> Word | None:
        from clerkdesk.ui.spelling.highlighter import misspelt_words

        if self.checker is None:
            return None
        return next((word for word in misspelt_words(self.checker, block, block.text())
                     if word.start <= offset <= word.end), None)

    def _next_from(self, block: QTextBlock, offset: int) -> tuple[QTextBlock, Word] | None:
        from clerkdesk.ui.spelling.highlighter import misspelt_words

        assert self.checker is not None
        document = self.editor.document()
        for _ in range(document.blockCount() + 1):
            for word in misspelt_words(self.checker, block, block.text()):
                if word.start >= offset:
                    return block, word
            block = block.next() if block.next().isValid() else document.firstBlock()
            offset = 0
        return None

    def _offer(self, block: QTextBlock, word: Word) -> None:
        cursor = QTextCursor(block)
        cursor.setPosition(block.position() + word.start)
        cursor.setPosition(block.position() + word.end, QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        self.editor.ensureCursorVisible()
        from clerkdesk.ui.spelling.suggestions_dialog import SuggestionsDialog

        assert self.checker is not None
        dialog = SuggestionsDialog(word.text, self.checker.suggestions(word.text), self.editor)
        rect = self.editor.cursorRect(cursor)
        dialog.show_below(self.editor.viewport().mapToGlobal(rect.bottomLeft()))
        dialog.exec()
        self._act(dialog.choice, dialog.replacement, word.text)

    def _act(self, choice, replacement: str, word: str) -> None:  # noqa: ANN001 - a Choice
        from clerkdesk.services.spelling import add_committee_word, ignore_in_meeting
        from clerkdesk.ui.spelling.suggestions_dialog import Choice

        if choice is Choice.REPLACE:
            self.runner.run(lambda: self._replace_selection(replacement))
        elif choice is Choice.ADD and self.words is not None:
            committee_id = self.words.committee_id
            if self.runner.run(lambda: add_committee_word(self.db, committee_id, word)):
                self.runner.run(self._reload)
        elif choice is Choice.IGNORE:
            if self.runner.run(lambda: ignore_in_meeting(self.db, self.meeting_id, word)):
                self.runner.run(self._reload)
        self.editor.setFocus()

    def _replace_selection(self, replacement: str) -> None:
        """Typed into the editor as the clerk would: saved and undone like typing."""
        cursor = self.editor.textCursor()
        cursor.beginEditBlock()
        cursor.insertText(replacement, plain_format())
        cursor.endEditBlock()
        self.editor.setTextCursor(cursor)
