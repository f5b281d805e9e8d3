"""Whose text to keep when a colleague saved a paragraph while this clerk was typing in it.

Shows their text (with the clerk who saved it), mine and the text both started from;
Alt+K keeps mine, Alt+T takes theirs, Alt+E edits a word-by-word merge (Alt+S saves it).
Escape decides later: the paragraph stays unsaved, and typing in it asks again.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from clerkdesk.domain.mentions import render
from clerkdesk.services.conflicts import Conflict


class Choice(Enum):
    MINE = "mine"
    THEIRS = "theirs"
    MERGED = "merged"


def _pane(title: str, text: str, name: str, parent: QWidget) -> QWidget:
    box = QWidget(parent)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    label = QLabel(title, box)
    view = QPlainTextEdit(text, box, objectName=name, readOnly=True)
    view.setAccessibleName(title)
    label.setBuddy(view)
    layout.addWidget(label)
    layout.addWidget(view)
    return box


class ConflictDialog(QDialog):
    def __init__(self, conflict: Conflict, name_of: Callable[[int], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle("Another clerk changed this paragraph")
        self.conflict = conflict
        self.choice: Choice | None = None
        who = conflict.their_clerk or "Another clerk"
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._choose_page(who, name_of))
        self.pages.addWidget(self._merge_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.resize(760, 380)
        self.keep_mine.setFocus()

    def _choose_page(self, who: str, name_of: Callable[[int], str]) -> QWidget:
        page = QWidget(self)
        intro = QLabel(f"{who} saved this paragraph while you were typing in it. Your text is "
                       "not saved yet; nothing is lost until you choose.", page, wordWrap=True)
        panes = QHBoxLayout()
        shown = self.conflict
        panes.addWidget(_pane(f"Theirs (saved by {who})", render(shown.theirs, name_of),
                              "theirsText", page))
        panes.addWidget(_pane("Mine (not saved)", render(shown.mine, name_of), "mineText", page))
        panes.addWidget(_pane("Before either change", render(shown.base, name_of), "baseText",
                              page))
        self.keep_mine = QPushButton("&Keep mine", page, objectName="keepMine")
        self.take_theirs = QPushButton("&Take theirs", page, objectName="takeTheirs")
        self.edit_merged = QPushButton("&Edit merged…", page, objectName="editMerged")
        self.keep_mine.clicked.connect(lambda: self._choose(Choice.MINE))
        self.take_theirs.clicked.connect(lambda: self._choose(Choice.THEIRS))
        self.edit_merged.clicked.connect(self._show_merge)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.keep_mine, self.take_theirs, self.edit_merged):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addLayout(panes, 1)
        layout.addLayout(buttons)
        return page

    def _merge_page(self) -> QWidget:
        page = QWidget(self)
        label = QLabel("&Merged text (where you both changed the same words, both are kept "
                       "as [mine: … | theirs: …]):", page, wordWrap=True)
        self.merged = QPlainTextEdit(self.conflict.merged(), page, objectName="mergedText")
        self.merged.setTabChangesFocus(True)
        self.merged.setAccessibleName("Merged text")
        label.setBuddy(self.merged)
        save = QPushButton("&Save merged", page, objectName="saveMerged")
        save.setAutoDefault(False)
        save.clicked.connect(lambda: self._choose(Choice.MERGED))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(save)
        layout = QVBoxLayout(page)
        layout.addWidget(label)
        layout.addWidget(self.merged, 1)
        layout.addLayout(row)
        return page

    def _show_merge(self) -> None:
        self.pages.setCurrentIndex(1)
        self.merged.moveCursor(self.merged.textCursor().MoveOperation.End)
        self.merged.setFocus()

    def _choose(self, choice: Choice) -> None:
        self.choice = choice
        self.accept()

    def chosen_text(self) -> str:
        """The stored text the clerk chose."""
        if self.choice is Choice.MERGED:
            return self.merged.toPlainText()
        return self.conflict.theirs if self.choice is Choice.THEIRS else self.conflict.mine
