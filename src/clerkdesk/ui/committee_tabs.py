"""The Word and Review tabs of the Committee settings dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from clerkdesk.domain.acronyms import glossary_from_text, glossary_to_text
from clerkdesk.domain.committee_settings import MAX_TEMPLATE_PATH
from clerkdesk.domain.review import (
    MAX_LONG_PARAGRAPH_WORDS,
    MAX_OUTSTANDING_MEETINGS,
    ReviewSettings,
)
from clerkdesk.ui.field_widgets import named, natural_width

BUILT_IN_TEMPLATE = "Built-in ClerkDesk template"
TEMPLATE_FILTER = "Word documents and templates (*.docx *.dotx)"
# The style names are those of clerkdesk.export.docx_styles (a test keeps them in step).
WORD_TEMPLATE_HELP = (
    "Exported minutes start from this Word file (.docx or .dotx): its page size, margins, "
    "headers, footers and fonts, and the ClerkDesk styles it defines — CD Title, "
    "CD Item Heading, CD Minute, CD Sub-point, CD Resolution and the other “CD …” styles. "
    "Styles missing from the template are added with ClerkDesk’s own look; the template’s "
    "sample text is not copied. Leave it empty to use the built-in template."
)
GLOSSARY_HELP = (
    "One acronym per line, e.g. SEND = Special Educational Needs and Disabilities. "
    "Review warns when one is used before it is written out in full. "
    "Leave empty for ClerkDesk’s built-in list."
)


class WordTemplateTab(QWidget):
    """The committee's Word template: a path, Browse… and Use built-in."""

    changed = Signal()

    def __init__(self, template_path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "wordTab", "Word")
        self.path_edit = named(QLineEdit(template_path, self), "templatePathEdit",
                               "Word template file")
        self.path_edit.setMaxLength(MAX_TEMPLATE_PATH)
        self.path_edit.setPlaceholderText(BUILT_IN_TEMPLATE)
        self.path_edit.setClearButtonEnabled(True)
        self.browse_button = named(QPushButton("&Browse…", self), "templateBrowseButton",
                                   "Choose the Word template")
        self.built_in_button = named(QPushButton("Use built-&in", self), "templateBuiltInButton",
                                     "Use the built-in template")
        help_label = named(QLabel(WORD_TEMPLATE_HELP, self), "templateHelp",
                           "About the Word template")
        help_label.setWordWrap(True)
        self.browse_button.clicked.connect(self.browse)
        self.built_in_button.clicked.connect(self.path_edit.clear)
        self.path_edit.textChanged.connect(self.changed)
        self._lay_out(help_label)

    def _lay_out(self, help_label: QLabel) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.browse_button)
        buttons.addWidget(self.built_in_button)
        buttons.addStretch()
        form = QFormLayout(self)
        form.addRow("&Template file:", self.path_edit)
        form.addRow("", buttons)
        form.addRow(help_label)

    def path(self) -> str:
        return self.path_edit.text().strip()

    def browse(self) -> None:
        """Choose a .docx or .dotx with the file dialog, starting beside the current one."""
        current = Path(self.path()).expanduser()
        start = str(current.parent) if self.path() else ""
        chosen, _ = QFileDialog.getOpenFileName(self, "Choose the Word template", start,
                                                TEMPLATE_FILTER)
        if chosen:
            self.path_edit.setText(str(Path(chosen)))
        self.path_edit.setFocus()


class ReviewTab(QWidget):
    """The committee's review choices and its acronym glossary."""

    changed = Signal()

    def __init__(self, settings: ReviewSettings, glossary: tuple[tuple[str, str], ...],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "reviewTab", "Review")
        self.expects_check = named(
            QCheckBox("Every item should end in a &resolution", self),
            "expectsResolutionCheck", "Every item should end in a resolution")
        self.expects_check.setChecked(settings.expects_resolution)
        self.long_spin = _spin(self, "longParagraphSpin", "Long paragraph word limit",
                               MAX_LONG_PARAGRAPH_WORDS, " words", settings.long_paragraph_words)
        self.outstanding_spin = _spin(
            self, "outstandingMeetingsSpin", "Report outstanding requests after this many "
            "meetings", MAX_OUTSTANDING_MEETINGS, " meetings", settings.outstanding_meetings)
        self.glossary_edit = named(QPlainTextEdit(glossary_to_text(glossary), self),
                                   "glossaryEdit", "Acronyms, one ACRONYM = Expansion per line")
        self.glossary_edit.setTabChangesFocus(True)
        help_label = named(QLabel(GLOSSARY_HELP, self), "glossaryHelp", "About the glossary")
        help_label.setWordWrap(True)
        for spin in (self.long_spin, self.outstanding_spin):
            spin.valueChanged.connect(self.changed)
        self.glossary_edit.textChanged.connect(self.changed)
        form = QFormLayout(self)
        form.addRow("", self.expects_check)
        form.addRow("&Long paragraph over:", self.long_spin)
        form.addRow("&Outstanding requests after:", self.outstanding_spin)
        form.addRow("&Acronyms:", self.glossary_edit)
        form.addRow("", help_label)

    def values(self) -> ReviewSettings:
        return ReviewSettings(
            expects_resolution=self.expects_check.isChecked(),
            long_paragraph_words=self.long_spin.value(),
            outstanding_meetings=self.outstanding_spin.value(),
        )

    def glossary(self) -> tuple[list[tuple[str, str]], str | None]:
        """The typed (acronym, expansion) pairs and the first line that is not one, if any."""
        return glossary_from_text(self.glossary_edit.toPlainText())


def _spin(parent: QWidget, object_name: str, accessible_name: str, maximum: int, suffix: str,
          value: int) -> QSpinBox:
    spin = natural_width(named(QSpinBox(parent), object_name, accessible_name))
    spin.setRange(1, maximum)
    spin.setSuffix(suffix)
    spin.setValue(value)
    return spin
