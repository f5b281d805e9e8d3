"""Flagging while typing: shortcuts open the inline form for the caret's paragraph.

Failures go through the workspace's ActionRunner. Signals: flagsChanged(), personAdded() when a
typed name joined the roster.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from clerkdesk.domain.enums import FlagKind, ParagraphStyle, PersonKind
from clerkdesk.domain.flag_fields import (
    ActionFields,
    DeclarationFields,
    FlagFields,
    RequestFields,
    ResolutionFields,
)
from clerkdesk.services import flags, generated_paragraphs, speakers
from clerkdesk.services.changes import FLAGS, PARAGRAPHS
from clerkdesk.ui.action_runner import ActionRunner
from clerkdesk.ui.caret_popup import caret_point, popup_parent
from clerkdesk.ui.editor.controller import EditorController
from clerkdesk.ui.flags.flag_commands import AddFlagCommand, FlagCommand, UpdateFlagCommand
from clerkdesk.ui.flags.flag_form import TITLES, FlagForm

SHORT = 200


class FlagController(QObject):
    flagsChanged = Signal()
    personAdded = Signal()

    def __init__(self, db, meeting_id: int, editing_controller: EditorController,  # noqa: ANN001
                 stack: QUndoStack, runner: ActionRunner) -> None:
        super().__init__(editing_controller)
        self.db, self.meeting_id, self.stack, self.runner = db, meeting_id, stack, runner
        self.editing = editing_controller
        self.editor = editing_controller.editor
        self.form = FlagForm(popup_parent(self.editor))
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
        fields = self.runner.run(lambda: flags.flag_fields(self.db, flag_id))
        records = self.runner.run(lambda: flags.meeting_flags(self.db, self.meeting_id))
        if fields is None or records is None:
            return
        record = next((r for r in records.value if r.id == flag_id), None)
        if record is None:
            self.runner.messageReported.emit("That flag is no longer in these minutes.")
            return
        self._target = (record.item_id, record.paragraph_id, flag_id, fields.value)
        self._open(fields.value)

    def _open(self, fields: FlagFields) -> None:
        people = {name: person_id for person_id, name in self.editing.outline().names.items()}
        at = caret_point(self.editor, self.form)
        context = self.runner.run(lambda: speakers.speaker_context(self.db, self.meeting_id),
                                  quiet=True)
        candidates, present = (context.value.candidates, context.value.present) if context \
            else ((), frozenset())
        self.form.open_for(at, fields, people, self._bodies(), candidates, present)

    def _add_person(self, name: str, kind: PersonKind) -> int | None:
        """A name typed into a person field that is nobody on the roster joins it."""
        added = self.runner.run(lambda: speakers.add_speaker(self.db, self.meeting_id, name, kind))
        if added is None:
            return None
        self.personAdded.emit()
        return added.value

    def _bodies(self) -> list[str]:
        """Directorates and organisations already asked at this meeting, most recent first."""
        records = self.runner.run(lambda: flags.meeting_flags(self.db, self.meeting_id),
                                  quiet=True)
        if records is None:
            return []
        bodies = [r.fields.asked_of_body for r in reversed(records.value)
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
        if flag_id is None or old is None:  # a flag is edited with its old fields
            label = TITLES[_kind_of(fields)].lower()
            command: FlagCommand = AddFlagCommand(self, item_id, pid, fields, label)
        else:
            command = UpdateFlagCommand(self, item_id, pid, flag_id, old, fields)
        self.stack.beginMacro(command.text())
        if self.runner.run(command.first_run) is not None:
            self.stack.push(command)
            if isinstance(fields, ResolutionFields) and flag_id is None:
                self.runner.run(lambda: self._make_resolution_paragraph(pid))
        self.stack.endMacro()

    def _make_resolution_paragraph(self, pid: int) -> None:
        """A flagged resolution is laid out as the committee's RESOLVED paragraph."""
        block = self.editor.paragraphs.block(pid)
        if self.editor.paragraphs.data(block).style is ParagraphStyle.NUMBERED:
            self.editing.change_style(pid, ParagraphStyle.RESOLUTION)

    def after_change(self, pid: int) -> None:
        """Refresh what shows flags: the margin marker, linked paragraphs and the panel."""
        found = self.runner.run(lambda: (
            bool(flags.paragraph_flags(self.db, pid)),
            generated_paragraphs.refresh_generated(self.db, self.meeting_id)))
        flagged, changed = True, False  # offline only a new flag is journalled: flagged
        if found is not None:
            flagged, changed = found.value[0], bool(found.value[1])
        elif not self.editing.edits.waiting:
            return
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
        written = self.runner.run(
            lambda: generated_paragraphs.write_requests_paragraph(self.db, item_id),
            PARAGRAPHS | FLAGS)
        if written is None:
            return
        self.editing.adopt_new_paragraphs(item_id, written.value, "Write requests paragraph")
        self.flagsChanged.emit()


def _kind_of(fields: FlagFields) -> FlagKind:
    return {
        RequestFields: FlagKind.REQUEST, ResolutionFields: FlagKind.RESOLUTION,
        ActionFields: FlagKind.ACTION, DeclarationFields: FlagKind.DECLARATION,
    }[type(fields)]


def _parent_of(widget: QWidget) -> QWidget:
    """The widget's parent (the editor and its popups always sit inside the workspace)."""
    parent = widget.parentWidget()
    assert parent is not None
    return parent
