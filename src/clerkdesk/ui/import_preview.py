"""The import preview: what a file will become, before anything is written. The clerk can
change the paragraph numbering guess and mark source lines as item, paragraph or skip."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from clerkdesk.domain.numbering import ParagraphScheme
from clerkdesk.importers.draft import Mark, MinutesDraft, Source, draft_from_source
from clerkdesk.importers.lines import Kind, Line
from clerkdesk.importers.preview import preview_lines
from clerkdesk.ui.actions import ImportPreviewKey
from clerkdesk.ui.field_widgets import named

if TYPE_CHECKING:
    from clerkdesk.importers.report import ImportReport



def _key(key: ImportPreviewKey) -> Qt.Key:
    return QKeySequence(key.value)[0].key()  # type: ignore[index]  # no __getitem__ in stubs


_MARK_KEYS = {_key(ImportPreviewKey.ITEM): Mark.ITEM,
              _key(ImportPreviewKey.PARAGRAPH): Mark.PARAGRAPH,
              _key(ImportPreviewKey.SKIP): Mark.SKIP}
_CLEAR_KEYS = {_key(ImportPreviewKey.CLEAR), Qt.Key.Key_Delete}


class SourceLines(QListWidget):
    """The source lines, one a row; I, P, S mark the current line, Backspace clears."""

    def __init__(self, parent: QWidget, changed) -> None:  # noqa: ANN001 - a callback
        super().__init__(parent)
        self._changed = changed

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key = Qt.Key(event.key())
        if event.modifiers() in (Qt.KeyboardModifier.NoModifier,
                                 Qt.KeyboardModifier.ShiftModifier) and (
                key in _MARK_KEYS or key in _CLEAR_KEYS):
            self._changed(self.currentRow(), _MARK_KEYS.get(key))
            return
        super().keyPressEvent(event)


class ImportPreviewDialog(QDialog):
    """Enter imports what the summary shows; Esc imports nothing."""

    def __init__(self, parent: QWidget | None, source: Source,
                 report: ImportReport | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importPreviewDialog")
        self.setWindowTitle("Import minutes: preview")
        self.source, self.report = source, report
        self.marks: dict[int, Mark] = {}
        self.lines = named(SourceLines(self, self._mark), "importLines",
                           "Source lines: I item, P paragraph, S skip, Backspace clears")
        self.summary = named(QPlainTextEdit(self), "importSummary", "What will be imported")
        self.summary.setReadOnly(True)
        self.lines.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.scheme = named(QComboBox(self), "importScheme", "Paragraph numbering")
        self._build()
        self.refresh()
        self.lines.setCurrentRow(0)
        self.lines.setFocus()

    def _build(self) -> None:
        guess = draft_from_source(self.source).parsed.scheme
        self.scheme.addItem(f"As found: {guess.description}", None)
        for scheme in ParagraphScheme:
            self.scheme.addItem(scheme.description, scheme)
        self.scheme.currentIndexChanged.connect(self.refresh)
        hint = QLabel("Mark the current line with I (item heading), P (paragraph) or S (skip); "
                      "Backspace clears the mark. Enter imports, Esc cancels.", self)
        hint.setWordWrap(True)
        panes = QHBoxLayout()
        panes.addWidget(self.lines, 3)
        panes.addWidget(self.summary, 2)
        form = QFormLayout()
        form.addRow("Paragraph &numbering:", self.scheme)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = buttons.addButton("&Import", QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(panes, 1)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(1100, 640)

    def _mark(self, row: int, mark: Mark | None) -> None:
        if row < 0:
            return
        if mark is None:
            self.marks.pop(row, None)
        else:
            self.marks[row] = mark
        self.refresh()
        self.lines.setCurrentRow(min(row + 1, self.lines.count() - 1))

    def draft(self) -> MinutesDraft:
        """The minutes as they will be imported, with the clerk's choices."""
        chosen = self.scheme.currentData()
        return draft_from_source(self.source, self.marks,
                                 ParagraphScheme(chosen) if chosen else None)

    def refresh(self) -> None:
        row = self.lines.currentRow()
        self.lines.clear()
        for index, line in enumerate(self.source.lines):
            mark = self.marks.get(index)
            self.lines.addItem(line_row(line, index, mark))
        self.lines.setCurrentRow(max(row, 0))
        self.summary.setPlainText("\n".join(preview_lines(self.draft(), self.report)[:-1]))


_READ_AS = {Kind.ITEM: "item", Kind.NUMBER: "number", Kind.MAIN: "paragraph", Kind.SUB: "sub-point",
            Kind.RESOLVED: "resolved", Kind.MINUTES: "marker", Kind.DECISION: "marker",
            Kind.DOCS: "documents", Kind.CLUTTER: "page text", Kind.VOTE: "vote",
            Kind.TEXT: "text", Kind.PLAIN: "text"}


def line_row(line: Line, index: int, mark: Mark | None) -> str:
    """ "  12  paragraph  [skip]  3) The Chair said ...": number, how it was read, the mark."""
    label = ""
    if line.kind in (Kind.MAIN, Kind.SUB, Kind.ITEM) and line.label:
        label = {"(": f"({line.label}) ", "decimal": f"{line.label} "}.get(
            line.delimiter, f"{line.label}{line.delimiter} ")
    shown = f"[{mark.value}]" if mark else ""
    words = line.text or line.prefix or "—"
    return f"{line.number or index + 1:>4}  {_READ_AS[line.kind]:<10} {shown:<11} {label}{words}"


def preview_import(parent: QWidget | None, source: Source,
                   report: ImportReport | None) -> MinutesDraft | None:
    """The draft to import, as the clerk left it; None when cancelled."""
    dialog = ImportPreviewDialog(parent, source, report)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    return dialog.draft() if accepted else None
