"""The speaker picker: a small keyboard-only panel at the caret.

Type to filter (any part of a name, initials, title and surname, role, job title); Up/Down to
move; Enter to insert; Escape to cancel; Ctrl+M for "A Member". Rows at the end offer to add a
name that is not in the roster. After a name, the same panel offers reported-speech phrases;
as soon as what is typed continues no phrase, the list closes and hands the text on
(typedThrough), so words typed straight after a name are never lost.

Signals: personChosen(person_id), anonymousChosen(), addRequested(name, kind),
phraseChosen(text), typedThrough(text), keyThrough(key event), closed().
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clerkdesk.domain.enums import PersonKind
from clerkdesk.domain.people_search import Candidate, search
from clerkdesk.ui.colours import Tone, text_style

CHOICE_ROLE = Qt.ItemDataRole.UserRole + 1
# Editing keys pressed before anything is typed into the phrase list belong to the paragraph.
PASSED_KEYS = frozenset({Qt.Key.Key_Backspace, Qt.Key.Key_Delete, Qt.Key.Key_Left,
                         Qt.Key.Key_Right, Qt.Key.Key_Home, Qt.Key.Key_End})
WIDTH = 460
MAX_ROWS = 10
PRESENT_MARK = "●"
PRESENT_TIP = "present at this meeting"


def continues(phrase: str, typed: str) -> bool:
    """Whether `typed` is the start of one of the phrase's words (and what follows it)."""
    lowered, needle = phrase.lower(), typed.lower()
    return any(lowered.startswith(needle, i) for i in range(len(lowered))
               if i == 0 or lowered[i - 1] == " ")


class Mode(Enum):
    PEOPLE = "people"
    PHRASES = "phrases"


class FilterEdit(QLineEdit):
    """Sends navigation keys to the picker; everything else edits the filter."""

    def __init__(self, picker: SpeakerPicker) -> None:
        super().__init__(picker)
        self.picker = picker

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if not self.picker.handle_key(event):
            super().keyPressEvent(event)


class SpeakerPicker(QFrame):
    personChosen = Signal(int)
    anonymousChosen = Signal()
    addRequested = Signal(str, object)
    phraseChosen = Signal(str)
    typedThrough = Signal(str)
    keyThrough = Signal(QKeyEvent)
    closed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("speakerPicker")
        self.setAccessibleName("Speaker picker")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.title = QLabel(self)
        self.title.setObjectName("speakerPickerTitle")
        self.title.setStyleSheet(f"{text_style(Tone.MUTED)} font-size: 9pt;")
        self.title.setWordWrap(True)
        self.filter = FilterEdit(self)
        self.filter.setObjectName("speakerFilter")
        self.filter.setAccessibleName("Type part of a name, initials or role")
        self.list = QListWidget(self)
        self.list.setObjectName("speakerList")
        self.list.setAccessibleName("Matching people")
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setUniformItemSizes(True)
        self.list.itemActivated.connect(self._activate)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        self.filter.textEdited.connect(self._refilter)
        self.mode = Mode.PEOPLE
        self.candidates: Sequence[Candidate] = ()
        self.present: frozenset[int] = frozenset()
        self.recent: Sequence[int] = ()
        self.phrases: Sequence[str] = ()
        self.hide()

    # --- opening ----------------------------------------------------------------------------
    def open_people(self, at: QPoint, candidates: Sequence[Candidate], present: frozenset[int],
                    recent: Sequence[int], title: str = "Insert a name") -> None:
        self.mode = Mode.PEOPLE
        self.candidates, self.present, self.recent = candidates, present, recent
        self.title.setText(f"<b>{title}</b> · Enter inserts · Ctrl+M “A Member” · Esc cancels"
                           f" · {PRESENT_MARK}\u00a0present")  # kept together
        self._open(at)

    def open_phrases(self, at: QPoint, phrases: Sequence[str]) -> None:
        self.mode = Mode.PHRASES
        self.phrases = phrases
        self.title.setText("<b>Then…</b> · Enter inserts the phrase · Esc carries on typing")
        self._open(at)

    def _open(self, at: QPoint) -> None:
        self.filter.clear()
        self._refilter("")
        parent = self.parentWidget()
        assert parent is not None  # made with the editor's parent, and placed inside it
        x = max(0, min(at.x(), parent.width() - self.width()))
        y = at.y() if at.y() + self.height() < parent.height() else max(0, at.y() - self.height()
                                                                          - 24)
        self.move(x, y)
        self.show()
        self.raise_()
        self.filter.setFocus()

    def close_picker(self) -> None:
        self.hide()
        self.closed.emit()

    # --- filtering --------------------------------------------------------------------------
    def _fit_height(self) -> None:
        """Whole rows only: as many as fit both MAX_ROWS and the window below the title."""
        row_height = max(1, self.list.sizeHintForRow(0) if self.list.count() else 20)
        chrome = 2 * self.list.frameWidth()  # no spare pixels: they would show part of a row
        others = self.sizeHint().height() - self.list.height()
        parent = self.parentWidget()
        room = (parent.height() if parent is not None else self.height()) - others - chrome
        rows = max(1, min(MAX_ROWS, self.list.count(), room // row_height))
        self.list.setFixedHeight(rows * row_height + chrome)
        self.resize(WIDTH, self.sizeHint().height())

    def _refilter(self, text: str) -> None:
        self.list.clear()
        if self.mode is Mode.PEOPLE:
            self._fill_people(text)
        else:
            matching = [p for p in self.phrases if continues(p, text)]
            if text and not matching:
                self.hide()
                self.typedThrough.emit(text)
                return
            for phrase in matching:
                self._add_row(phrase, ("phrase", phrase))
        if self.list.count():
            self.list.setCurrentRow(0)
        self._fit_height()

    def _fill_people(self, text: str) -> None:
        matches = search(self.candidates, text, self.present, self.recent)
        for candidate in matches:
            here = candidate.id in self.present
            row = self._add_row(f"{candidate.display}  {PRESENT_MARK}" if here else
                                candidate.display, ("person", candidate.id))
            if here:
                row.setToolTip(f"{PRESENT_MARK} {PRESENT_TIP}")
                row.setData(Qt.ItemDataRole.AccessibleTextRole,
                            f"{candidate.display}, {PRESENT_TIP}")
        typed = " ".join(text.split())
        exact = any(
            typed.lower() == c.person.full_name.lower() for c in matches
        )
        if len(typed) > 2 and not exact:
            for kind, label in ((PersonKind.OFFICER, "officer"), (PersonKind.MEMBER, "member"),
                                (PersonKind.OTHER, "someone else")):
                self._add_row(f"Add “{typed}” as {label}…", ("add", (typed, kind)))

    def _add_row(self, text: str, choice: tuple) -> QListWidgetItem:
        row = QListWidgetItem(text, self.list)
        row.setData(CHOICE_ROLE, choice)
        return row

    # --- keys and choosing -------------------------------------------------------------------
    def handle_key(self, event: QKeyEvent) -> bool:
        key, mods = event.key(), event.modifiers()
        if self.mode is Mode.PHRASES and key in PASSED_KEYS and not self.filter.text():
            self.hide()
            self.keyThrough.emit(QKeyEvent(event.type(), key, mods, event.text()))
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            step = -1 if key == Qt.Key.Key_Up else 1
            self.list.setCurrentRow(max(0, min(self.list.count() - 1,
                                               self.list.currentRow() + step)))
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._activate(self.list.currentItem())
        elif key == Qt.Key.Key_Escape:
            self.close_picker()
        elif key == Qt.Key.Key_M and mods == Qt.KeyboardModifier.ControlModifier:
            if self.mode is Mode.PEOPLE:
                self.hide()
                self.anonymousChosen.emit()
        else:
            return False
        return True

    def _activate(self, row: QListWidgetItem | None) -> None:
        if row is None:
            return
        kind, value = row.data(CHOICE_ROLE)
        self.hide()
        if kind == "person":
            self.personChosen.emit(value)
        elif kind == "add":
            self.addRequested.emit(*value)
        else:
            self.phraseChosen.emit(value)
