"""Connects the speaker picker to the editor: names go in as references, phrases after them.

Failures go through the workspace's ActionRunner. Signals: rosterChanged() after a person was
added from the picker.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, Signal
from PySide6.QtGui import QKeyEvent, QUndoStack
from PySide6.QtWidgets import QApplication, QWidget

from clerkdesk.domain.enums import PersonKind
from clerkdesk.domain.name_checks import apologies_mentions
from clerkdesk.services import speakers
from clerkdesk.ui.action_runner import ActionRunner
from clerkdesk.ui.caret_popup import caret_point, popup_parent
from clerkdesk.ui.editor.blocks import ANONYMOUS_ID
from clerkdesk.ui.editor.controller import EditorController
from clerkdesk.ui.speakers.picker import SpeakerPicker


class SpeakerController(QObject):
    rosterChanged = Signal()

    def __init__(self, db, meeting_id: int, editing: EditorController, stack: QUndoStack,  # noqa: ANN001
                 reload_names: Callable[[], None], runner: ActionRunner) -> None:
        super().__init__(editing)
        self.db, self.meeting_id, self.editing, self.stack = db, meeting_id, editing, stack
        self.runner = runner
        self.editor = editing.editor
        self.reload_names = reload_names
        # A sibling of the editor: keys the picker ignores must not reach the minutes.
        self.picker = SpeakerPicker(popup_parent(self.editor))
        self.purpose = "insert"
        self.context: speakers.SpeakerContext | None = None
        self.picker.personChosen.connect(self._person_chosen)
        self.picker.anonymousChosen.connect(self.insert_anonymous)
        self.picker.addRequested.connect(self._add_person)
        self.picker.phraseChosen.connect(self._phrase_chosen)
        self.picker.typedThrough.connect(self._typed_through)
        self.picker.keyThrough.connect(self._key_through)
        self.picker.closed.connect(self.editor.setFocus)

    def _caret_point(self) -> QPoint:
        return caret_point(self.editor, self.picker)

    def open_picker(self, purpose: str = "insert") -> None:
        """Open the picker at the caret: 'insert' a name, or choose the paragraph's 'speaker'."""
        if purpose == "speaker" and not self.editor.caret()[0]:
            return
        context = self.runner.run(lambda: speakers.speaker_context(self.db, self.meeting_id))
        if context is None:
            return
        self.context = context.value
        self.purpose = purpose
        title = "Insert a name" if purpose == "insert" else "Speaker of this paragraph"
        self.picker.open_people(self._caret_point(), self.context.candidates,
                                self.context.present, self.context.recent, title)

    def insert_anonymous(self) -> None:
        """'A Member' (or 'a Member' mid-sentence), then the phrase list."""
        self.editor.setFocus()
        self.editor.insert_mention(ANONYMOUS_ID)
        self._offer_phrases()

    def _person_chosen(self, person_id: int) -> None:
        self.editor.setFocus()
        if self.purpose == "speaker":
            self.editing.change_speaker(self.editor.caret()[0], person_id)
            return
        self.stack.beginMacro("Insert name")
        self.editor.insert_mention(person_id)  # in an empty item this creates the paragraph
        pid = self.editor.caret()[0]
        paragraphs = self.editor.paragraphs
        speaks = pid and person_id not in apologies_mentions(self.editor.stored(pid))
        if speaks and paragraphs.data(paragraphs.block(pid)).speaker_id is None:
            self.editing.change_speaker(pid, person_id)  # not someone who sent apologies
        self.stack.endMacro()
        self._offer_phrases()

    def _add_person(self, name: str, kind: PersonKind) -> None:
        added = self.runner.run(lambda: speakers.add_speaker(self.db, self.meeting_id, name, kind))
        if added is None:
            self.editor.setFocus()
            return
        self.reload_names()
        self.rosterChanged.emit()
        self._person_chosen(added.value)

    def _offer_phrases(self) -> None:
        if self.context is None:
            context = self.runner.run(lambda: speakers.speaker_context(self.db, self.meeting_id))
            if context is None:
                return
            self.context = context.value
        phrases = self.context.phrases
        if phrases:
            self.picker.open_phrases(self._caret_point(), phrases)

    def _phrase_chosen(self, phrase: str) -> None:
        self.editor.setFocus()
        self.editor.insert_plain(phrase + " ")

    def _typed_through(self, text: str) -> None:
        """Words typed after a name that no phrase continues go into the paragraph as typed."""
        self.editor.setFocus()
        if text.startswith(" ") and self.editor.text_before_caret().endswith(" "):
            text = text[1:]  # the space typed after the name is the one inserted with it
        self.editor.insert_plain(text)

    def _key_through(self, event: QKeyEvent) -> None:
        """Backspace, Delete or an arrow pressed instead of a phrase acts in the paragraph."""
        self.editor.setFocus()
        QApplication.sendEvent(self.editor, event)


def _parent_of(widget: QWidget) -> QWidget:
    """The widget's parent (the editor and its popups always sit inside the workspace)."""
    parent = widget.parentWidget()
    assert parent is not None
    return parent
