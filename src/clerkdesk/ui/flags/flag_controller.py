"""Flagging while typing: shortcuts open the inline form for the caret's paragraph.

Signals: errorReported(str), flagsChanged(), personAdded() when a typed name joined the roster.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from clerkdesk.domain.enums import FlagKind, ParagraphStyle, PersonKind
from clerkdesk.domain.flag_fields import (
    ActionFields,
    DeclarationFields,
    FlagFields,
    RequestFields,
    ResolutionFields,
)
from clerkdesk.errors import ClerkDeskError
from clerkdesk.services import flag_records, generated_paragraphs, speakers
from clerkdesk.ui.editor.controller import EditorController
from clerkdesk.ui.flags.flag_commands import AddFlagCommand, FlagCommand, UpdateFlagCommand
from clerkdesk.ui.flags.flag_form import TITLES, FlagForm

SHORT = 200


class FlagController(QObject):
    errorReported = Signal(str)
    flagsChanged = Signal()
    personAdded = Signal()

    def __init__(self, db, meeting_id: int, editing_controller: EditorController,  # noqa: ANN001
                 stack: QUndoStack) -> None:
        super().__init__(editing_controller)
        self.db, self.meeting_id, self.stack = db, meeting_id, stack
        self.editing = editing_controller
        self.editor = editing_controller.editor
        # A sibling of the editor, not its child: keys the form does not use (Tab) must not
        # travel up into the editor and change the minutes.
        self.form = FlagForm(self.editor.parentWidget())
        self.form.saved.connect(self._saved)
        self.form.cancelled.connect(self.editor.setFocus)
        self.form.add_person = self._add_person
        self._target: tuple[int, int, int | None, FlagFields | None] | None = None

    # --- opening the form --------------------------------------------------------------------
    def flag(self, kind: FlagKind) -> None:
        """Open the form for a new flag of `kind` on the caret's paragraph."""
        pid = self.editor.caret()[0]
        if not pid or self.editing.item_id is None:
            return
        self._target = (self.editing.item_id, pid, None, None)
        self._open(self._defaults(kind, pid))

    def edit(self, flag_id: int) -> None:
        """Open the form on an existing flag (the editor already shows its paragraph)."""
        try:
            fields = flag_records.flag_fields(self.db, flag_id)
            [record] = [r for r in flag_records.meeting_flags(self.db, self.meeting_id)
                        if r.id == flag_id]
        except (ClerkDeskError, ValueError) as error:
            self.errorReported.emit(str(error))
            return
        self._target = (record.item_id, record.paragraph_id, flag_id, fields)
        self._open(fields)

    def _open(self, fields: FlagFields) -> None:
        people = {name: person_id for person_id, name in self.editing.outline().names.items()}
        at = self.editor.viewport().mapTo(self.form.parentWidget(),
                                          self.editor.cursorRect().bottomLeft())
        try:
            context = speakers.speaker_context(self.db, self.meeting_id)
            candidates, present = context.candidates, context.present
        except ClerkDeskError:
            candidates, present = (), frozenset()
        self.form.open_for(at, fields, people, self._bodies(), candidates, present)

    def _add_person(self, name: str, kind: PersonKind) -> int | None:
        """A name typed into a person field that is nobody on the roster joins it."""
        try:
            person_id = speakers.add_speaker(self.db, self.meeting_id, name, kind)
        except ClerkDeskError as error:
            self.errorReported.emit(str(error))
            return None
        self.personAdded.emit()
        return person_id

    def _bodies(self) -> list[str]:
        """Directorates and organisations already asked at this meeting, most recent first."""
        try:
            records = flag_records.meeting_flags(self.db, self.meeting_id)
        except ClerkDeskError:
            return []
        bodies = [r.fields.asked_of_body for r in reversed(records)
                  if isinstance(r.fields, RequestFields) and r.fields.asked_of_body]
        return list(dict.fromkeys(bodies))

    def _defaults(self, kind: FlagKind, pid: int) -> FlagFields:
        cursor = self.editor.textCursor()
        text = cursor.selectedText() or cursor.block().text()
        text = text.replace("\u2028", " ").strip()[:SHORT * 5]
        speaker = self.editor.paragraphs.data(cursor.block()).speaker_id
        if kind is FlagKind.REQUEST:
            bodies = self._bodies()
            return RequestFields(what=text, asked_of_body=bodies[0] if bodies else "")
        if kind is FlagKind.RESOLUTION:
            from clerkdesk.domain.resolution_forms import resolution_form

            return ResolutionFields(form=resolution_form(text))
        if kind is FlagKind.ACTION:
            return ActionFields(who_person_id=speaker, what=text)
        return DeclarationFields(person_id=speaker)

    # --- saving -------------------------------------------------------------------------------
    def _saved(self, fields: FlagFields) -> None:
        self.editor.setFocus()
        if self._target is None:
            return
        item_id, pid, flag_id, old = self._target
        self._target = None
        if flag_id is None:
            label = TITLES[_kind_of(fields)].lower()
            command: FlagCommand = AddFlagCommand(self, item_id, pid, fields, label)
        else:
            command = UpdateFlagCommand(self, item_id, pid, flag_id, old, fields)
        try:
            self.stack.beginMacro(command.text())
            command.first_run()
            self.stack.push(command)
            if isinstance(fields, ResolutionFields) and flag_id is None:
                self._make_resolution_paragraph(pid)
        except ClerkDeskError as error:
            self.errorReported.emit(str(error))
        finally:
            self.stack.endMacro()

    def _make_resolution_paragraph(self, pid: int) -> None:
        """A flagged resolution is laid out as the committee's RESOLVED paragraph."""
        block = self.editor.paragraphs.block(pid)
        if self.editor.paragraphs.data(block).style is ParagraphStyle.NUMBERED:
            self.editing.change_style(pid, ParagraphStyle.RESOLUTION)

    def after_change(self, pid: int) -> None:
        """Refresh what shows flags: the margin marker, linked paragraphs and the panel."""
        try:
            flagged = bool(flag_records.paragraph_flags(self.db, pid))
            changed = generated_paragraphs.refresh_generated(self.db, self.meeting_id)
        except ClerkDeskError as error:
            self.errorReported.emit(str(error))
            if not self.editing.edits.waiting:
                return
            # Offline only a new flag is journalled (undoing one needs the server): flagged.
            flagged, changed = True, False
        if changed and self.editing.item_id is not None:
            self.editing.show_item(self.editing.item_id, force=True)
        try:
            with self.editor.applying():
                self.editor.paragraphs.set_flagged(pid, flagged)
            self.editor.viewport().update()
        except KeyError:
            pass  # the paragraph is in another item
        self.flagsChanged.emit()

    def write_requests_paragraph(self) -> None:
        """Write (or refresh) the closing 'requested the following information' paragraph."""
        item_id = self.editing.item_id
        if item_id is None:
            return
        if not self.editing.autosaver.flush():
            return
        try:
            ids = generated_paragraphs.write_requests_paragraph(self.db, item_id)
        except ClerkDeskError as error:
            self.errorReported.emit(str(error))
            return
        self.editing.adopt_new_paragraphs(item_id, ids, "Write requests paragraph")
        self.flagsChanged.emit()


def _kind_of(fields: FlagFields) -> FlagKind:
    return {
        RequestFields: FlagKind.REQUEST, ResolutionFields: FlagKind.RESOLUTION,
        ActionFields: FlagKind.ACTION, DeclarationFields: FlagKind.DECLARATION,
    }[type(fields)]

