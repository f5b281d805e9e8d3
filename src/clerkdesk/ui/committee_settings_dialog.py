"""The Committee settings dialog: one tab per group of settings, saved together."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from clerkdesk.domain.committee_settings import (
    DEFAULT_RESOLUTION_PREFIX,
    MAX_COUNCIL,
    MAX_EXEMPT_WORDING,
    MAX_NAME,
    MAX_PREFIX,
    MAX_TEMPLATE,
    NUMBER_PLACEHOLDER,
    CommitteeSettings,
    CommitteeSetup,
    numbering_preview,
    setup_problem,
)
from clerkdesk.domain.meeting_times import TimeForm
from clerkdesk.domain.naming import ChairStyle, MemberStyle, OfficerStyle
from clerkdesk.domain.numbering import ParagraphScheme
from clerkdesk.domain.publication import STANDARD_EXEMPT_WORDING
from clerkdesk.domain.resolutions import ResolutionStyle
from clerkdesk.ui.action_runner import boxed
from clerkdesk.ui.agenda_tab import AgendaTab
from clerkdesk.ui.committee_tabs import ReviewTab, WordTemplateTab
from clerkdesk.ui.field_widgets import named, natural_width
from clerkdesk.ui.moderngov.source_tab import SourceTab
from clerkdesk.ui.spelling.spelling_tab import SpellingTab

if TYPE_CHECKING:
    from clerkdesk.storage.database import Database

MEMBER_STYLES = (
    (MemberStyle.TITLE_SURNAME, "Title and surname — Mr Love"),
    (MemberStyle.CLLR_FULL, "Cllr and full name — Cllr Rory Love"),
    (MemberStyle.FULL, "Full name — Rory Love"),
    (MemberStyle.ANONYMOUS, "Anonymous — A Member"),
)
OFFICER_STYLES = (
    (OfficerStyle.FULL, "Full name — Sarah Hammond"),
    (OfficerStyle.FULL_WITH_JOB, "Full name and job title — Sarah Hammond (Director of SEND)"),
    (OfficerStyle.TITLE_SURNAME, "Title and surname — Ms Hammond"),
)
CHAIR_STYLES = (
    (ChairStyle.ROLE, "By role — the Chair, the Vice-Chair"),
    (ChairStyle.NAME, "By name, like other members"),
)
MAX_QUORUM = 999
MAX_START = 99_999
TEMPLATE_HELP = (
    "Write {n} where the number goes, for example:\n"
    "{n} → 1, 2, 3        {n}/20 → 35/20        PLA{n}/14 → PLA146/14"
)


class CommitteeSettingsDialog(QDialog):
    """Edits a CommitteeSetup (settings, Word template, review settings and glossary)."""

    def __init__(self, setup: CommitteeSetup, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        settings = setup.settings
        self.saved_template = settings.template_path
        self.setObjectName("committeeSettingsDialog")
        self.setWindowTitle(f"Committee settings — {settings.name}")
        self.tabs = named(QTabWidget(self), "committeeSettingsTabs", "Committee settings")
        self.tabs.addTab(self._general_tab(settings), "&General")
        self.tabs.addTab(self._numbering_tab(settings), "N&umbering")
        self.tabs.addTab(self._naming_tab(settings), "Na&mes")
        self.word_tab = WordTemplateTab(settings.template_path, self)
        self.tabs.addTab(self.word_tab, "&Word")
        self.review_tab = ReviewTab(setup.review, setup.glossary, self)
        self.tabs.addTab(self.review_tab, "Re&view")
        self.source_tab = SourceTab(settings.moderngov_site, settings.moderngov_committee_id,
                                    self)
        self.tabs.addTab(self.source_tab, "Source (Mo&dern.gov)")
        self.spelling_tab = SpellingTab(setup.house_style, setup.dictionary, self)
        self.tabs.addTab(self.spelling_tab, "Spell &check")
        self.agenda_tab = AgendaTab(settings.agenda_template, self)
        self.tabs.addTab(self.agenda_tab, "&Standard items")
        self.problem_label = named(QLabel(self), "settingsProblem", "Problem with the settings")
        self.problem_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)
        self._connect_changes()
        self._refresh()
        self.name_edit.setFocus()
        self.resize(640, 440)

    # --- tabs ---------------------------------------------------------------------------------

    def _general_tab(self, settings: CommitteeSettings) -> QWidget:
        page = named(QWidget(self), "generalTab", "General")
        self.name_edit = _line_edit(page, "committeeNameEdit", "Committee name", settings.name,
                                    MAX_NAME)
        self.council_edit = _line_edit(page, "committeeCouncilEdit", "Council", settings.council,
                                       MAX_COUNCIL)
        self.council_edit.setPlaceholderText("Optional, e.g. Kent County Council")
        self.quorum_spin = natural_width(named(QSpinBox(page), "quorumSpin", "Quorum"))
        self.quorum_spin.setRange(0, MAX_QUORUM)
        self.quorum_spin.setSpecialValueText("Not set")
        self.quorum_spin.setValue(settings.quorum or 0)
        self.remote_quorum_check = named(
            QCheckBox("Coun&t members attending remotely towards the quorum", page),
            "remoteQuorumCheck", "Count members attending remotely towards the quorum",
        )
        self.remote_quorum_check.setToolTip(
            "Leave unticked for English principal councils: since 2021 a member attending "
            "remotely is not present in law. Tick it where remote attendance counts (e.g. Wales).")
        self.remote_quorum_check.setChecked(settings.remote_counts_for_quorum)
        self.minutes_heading_check = named(
            QCheckBox("Write “Minutes:” under each item &heading", page),
            "minutesHeadingCheck", "Write Minutes: under each item heading",
        )
        self.minutes_heading_check.setChecked(settings.uses_minutes_heading)
        self.prefix_edit = _line_edit(page, "resolutionPrefixEdit", "Resolution prefix",
                                      settings.resolution_prefix, MAX_PREFIX)
        self.prefix_edit.setPlaceholderText(DEFAULT_RESOLUTION_PREFIX)
        self.resolution_style_combo = _choice(
            page, "resolutionStyleCombo", "Resolution style",
            tuple((style.value, style.description) for style in ResolutionStyle),
            settings.resolution_style)
        self.exempt_edit = _line_edit(page, "exemptWordingEdit", "Exempt item line",
                                      settings.exempt_wording, MAX_EXEMPT_WORDING)
        self.exempt_edit.setPlaceholderText(STANDARD_EXEMPT_WORDING)
        self.exempt_edit.setToolTip(
            "Printed under an exempt item's heading in every public output instead of its "
            "minute; {n} is the Schedule 12A paragraph. Empty: the standard line.")
        self.time_form_combo = _choice(
            page, "timeFormCombo", "How the close prints the meeting's start and finish times",
            tuple((form.value, form.description) for form in TimeForm), settings.time_form)
        self.time_form_combo.setToolTip(
            "The close of the minutes says “The meeting started at 10.00am and finished at "
            "12.35pm”, from the meeting clock, with a line for each adjournment.")
        self.signature_check = named(
            QCheckBox("End the minutes with the Chair’s signature &block", page),
            "signatureBlockCheck", "End the minutes with the Chair's signature block")
        self.signature_check.setChecked(settings.signature_block)
        form = QFormLayout(page)
        form.addRow("&Name:", self.name_edit)
        form.addRow("Counc&il:", self.council_edit)
        form.addRow("&Quorum:", self.quorum_spin)
        form.addRow("", self.remote_quorum_check)
        form.addRow("", self.minutes_heading_check)
        form.addRow("&Resolution prefix:", self.prefix_edit)
        form.addRow("Resolution st&yle:", self.resolution_style_combo)
        form.addRow("E&xempt item (public):", self.exempt_edit)
        form.addRow("Times printed &as:", self.time_form_combo)
        form.addRow("", self.signature_check)
        return page

    def _numbering_tab(self, settings: CommitteeSettings) -> QWidget:
        page = named(QWidget(self), "numberingTab", "Numbering")
        self.scheme_combo = named(QComboBox(page), "paragraphSchemeCombo", "Paragraph numbering")
        for scheme in ParagraphScheme:
            self.scheme_combo.addItem(" ".join(scheme.description.split()), scheme.value)
        self.scheme_combo.setCurrentIndex(self.scheme_combo.findData(settings.paragraph_scheme))
        self.template_edit = _line_edit(page, "itemNumberTemplateEdit", "Item number format",
                                        settings.item_number_template, MAX_TEMPLATE)
        self.template_edit.setPlaceholderText(NUMBER_PLACEHOLDER)
        template_help = named(QLabel(TEMPLATE_HELP, page), "itemNumberHelp", "Item number help")
        self.start_spin = natural_width(
            named(QSpinBox(page), "itemNumberStartSpin", "First item number")
        )
        self.start_spin.setRange(0, MAX_START)
        self.start_spin.setValue(settings.item_number_start)
        self.preview_label = named(QLabel(page), "numberingPreview", "Numbering preview")
        self.preview_label.setWordWrap(True)
        self.preview_label.setFrameShape(QFrame.Shape.StyledPanel)
        self.preview_label.setMargin(6)
        form = QFormLayout(page)
        form.addRow("&Paragraphs:", self.scheme_combo)
        form.addRow("&Item numbers:", self.template_edit)
        form.addRow("", template_help)
        form.addRow("&First item number:", self.start_spin)
        form.addRow("Preview:", self.preview_label)
        return page

    def _naming_tab(self, settings: CommitteeSettings) -> QWidget:
        page = named(QWidget(self), "namingTab", "Names")
        self.member_combo = _choice(page, "memberStyleCombo", "How members are written",
                                    MEMBER_STYLES, settings.member_style)
        self.officer_combo = _choice(page, "officerStyleCombo", "How officers are written",
                                     OFFICER_STYLES, settings.officer_style)
        self.chair_combo = _choice(page, "chairStyleCombo", "How the Chair is written",
                                   CHAIR_STYLES, settings.chair_style)
        self.phrases_edit = named(QPlainTextEdit(page), "speechPhrasesEdit",
                                  "Reported-speech phrases, one per line")
        self.phrases_edit.setPlainText("\n".join(settings.speech_phrases))
        self.phrases_edit.setTabChangesFocus(True)
        form = QFormLayout(page)
        form.addRow("M&embers:", self.member_combo)
        form.addRow("&Officers:", self.officer_combo)
        form.addRow("C&hair, Vice-Chair:", self.chair_combo)
        form.addRow("&Phrases after a name:", self.phrases_edit)
        return page

    # --- reactions ----------------------------------------------------------------------------

    def _connect_changes(self) -> None:
        for edit in (self.name_edit, self.council_edit, self.prefix_edit, self.template_edit,
                     self.exempt_edit):
            edit.textChanged.connect(self._refresh)
        for spin in (self.quorum_spin, self.start_spin):
            spin.valueChanged.connect(self._refresh)
        self.scheme_combo.currentIndexChanged.connect(self._refresh)
        self.word_tab.changed.connect(self._refresh)
        self.review_tab.changed.connect(self._refresh)
        self.source_tab.changed.connect(self._refresh)
        self.spelling_tab.changed.connect(self._refresh)
        self.agenda_tab.changed.connect(self._refresh)

    def _refresh(self) -> None:
        values = self.result_values()
        if NUMBER_PLACEHOLDER in values.item_number_template:
            self.preview_label.setText(numbering_preview(
                values.paragraph_scheme, values.item_number_template, values.item_number_start
            ))
        else:
            self.preview_label.setText("Type {n} where the item number goes.")
        problem = self.problem()
        self.problem_label.setText(problem or "")
        self.problem_label.setVisible(problem is not None)
        self.save_button.setEnabled(problem is None)

    def problem(self) -> str | None:
        """The first problem on any tab, as the sentence shown above Save; None when none."""
        _pairs, line_problem = self.review_tab.glossary()
        return (setup_problem(self.result_setup()) or line_problem
                or _template_missing(self.word_tab.path(), self.saved_template))

    def accept(self) -> None:
        if self.problem() is None:
            super().accept()

    def result_values(self) -> CommitteeSettings:
        return CommitteeSettings(
            name=self.name_edit.text(),
            council=self.council_edit.text(),
            paragraph_scheme=ParagraphScheme(self.scheme_combo.currentData()),
            item_number_template=self.template_edit.text(),
            item_number_start=self.start_spin.value(),
            uses_minutes_heading=self.minutes_heading_check.isChecked(),
            resolution_prefix=self.prefix_edit.text(),
            quorum=self.quorum_spin.value() or None,
            remote_counts_for_quorum=self.remote_quorum_check.isChecked(),
            member_style=MemberStyle(self.member_combo.currentData()),
            officer_style=OfficerStyle(self.officer_combo.currentData()),
            chair_style=ChairStyle(self.chair_combo.currentData()),
            speech_phrases=tuple(self.phrases_edit.toPlainText().splitlines()),
            resolution_style=ResolutionStyle(self.resolution_style_combo.currentData()),
            template_path=self.word_tab.path(),
            moderngov_site=self.source_tab.site(),
            moderngov_committee_id=self.source_tab.committee_id(),
            agenda_template=self.agenda_tab.text(),
            exempt_wording=self.exempt_edit.text(),
            time_form=TimeForm(self.time_form_combo.currentData()),
            signature_block=self.signature_check.isChecked(),
        ).cleaned()

    def result_setup(self) -> CommitteeSetup:
        """Every tab's values: settings, review settings and the glossary pairs typed."""
        pairs, _problem = self.review_tab.glossary()
        return CommitteeSetup(self.result_values(), self.review_tab.values(), tuple(pairs),
                              self.spelling_tab.values(), self.spelling_tab.words())


def _template_missing(path: str, saved: str) -> str | None:
    """The service's own check, so the dialog and saving agree (imported late, like services)."""
    from clerkdesk.services.committee_settings import template_missing

    return template_missing(path, saved)


def _choice(parent: QWidget, object_name: str, accessible_name: str,
            options: tuple[tuple[str, str], ...], current: str) -> QComboBox:
    combo = named(QComboBox(parent), object_name, accessible_name)
    for value, text in options:
        combo.addItem(text, value)
    combo.setCurrentIndex(max(0, combo.findData(str(current))))
    return combo


def _line_edit(
    parent: QWidget, object_name: str, accessible_name: str, text: str, max_length: int
) -> QLineEdit:
    edit = named(QLineEdit(text, parent), object_name, accessible_name)
    edit.setMaxLength(max_length)
    return edit


def edit_committee_settings(parent: QWidget | None, db: Database, committee_id: int) -> bool:
    """Run the dialog for one committee and save every tab in one transaction; True when the
    settings were saved."""
    from clerkdesk.services.committee_settings import committee_setup, save_committee_setup

    current = boxed(parent, "Could not read the committee").run(
        lambda: committee_setup(db, committee_id))
    if current is None:
        return False
    dialog = CommitteeSettingsDialog(current.value, parent)
    saving = boxed(dialog, "Committee settings not saved")
    try:
        while dialog.exec() == QDialog.DialogCode.Accepted:
            setup = dialog.result_setup()
            if saving.run(partial(
                    save_committee_setup, db, committee_id, setup.settings, setup.review,
                    setup.glossary, setup.house_style, setup.dictionary)) is not None:
                return True
            # refused: the dialog reopens with the edits kept
        return False
    finally:
        dialog.deleteLater()
