"""The Spelling tab of the Committee settings dialog: dictionaries, house style and the
committee dictionary (place names and local words, one per line)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QPlainTextEdit, QWidget

from clerkdesk.domain.house_style import CouncillorForm, HouseStyle, IseIze, TimeStyle
from clerkdesk.ui.field_widgets import named

SECOND_DICTIONARIES = (("", "None"), ("cy_GB", "Welsh (Cymraeg)"))
ISE_IZE = ((IseIze.ISE, "-ise (organise)"), (IseIze.IZE, "-ize (organize)"),
           (IseIze.EITHER, "Either"))
COUNCILLOR = ((CouncillorForm.CONSISTENT, "Whichever the minutes use more"),
              (CouncillorForm.COUNCILLOR, "Councillor"), (CouncillorForm.CLLR, "Cllr"),
              ("off", "Not checked"))
TIMES = ((TimeStyle.EITHER, "Not checked"), (TimeStyle.SHORT, "10am, 10.30am"),
         (TimeStyle.FULL, "10.00am, 10.30am"))
DICTIONARY_HELP = ("Words every meeting of this committee may use, one per line: place names, "
                   "local terms. Names on the roster, agenda titles and glossary acronyms are "
                   "never flagged.")


class SpellingTab(QWidget):
    """Edits a HouseStyle and the committee dictionary."""

    changed = Signal()

    def __init__(self, style: HouseStyle, words: tuple[str, ...],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "spellingTab", "Spelling")
        self.spelling_check = self._check("Check spelling (&British English)", "spellingCheck",
                                          style.spelling)
        self.second_combo = _combo(self, "secondDictionaryCombo", "Second dictionary",
                                   SECOND_DICTIONARIES, style.second_language)
        self.ise_combo = _combo(self, "iseIzeCombo", "-ise or -ize", ISE_IZE, style.ise_ize)
        self.dates_check = self._check("Dates as &31 January 2024", "datesCheck", style.dates)
        self.numbers_check = self._check("&One to nine in words", "numbersCheck",
                                         style.numbers_in_words)
        self.councillor_combo = _combo(
            self, "councillorCombo", "Councillor or Cllr", COUNCILLOR,
            style.councillor if style.councillor_check else "off")
        self.times_combo = _combo(self, "timesCombo", "Times", TIMES, style.times)
        self.doubled_check = self._check("Doubl&ed words (“the the”)", "doubledCheck",
                                         style.doubled_words)
        self.digit_check = self._check("A sentence does not start with a &figure",
                                       "digitStartCheck", style.digit_start)
        self.words_edit = named(QPlainTextEdit("\n".join(words), self), "committeeWordsEdit",
                                "Committee dictionary, one word per line")
        self.words_edit.setTabChangesFocus(True)
        self.words_edit.textChanged.connect(self.changed)
        self._lay_out()

    def _check(self, text: str, object_name: str, checked: bool) -> QCheckBox:
        box = named(QCheckBox(text, self), object_name, text.replace("&", ""))
        box.setChecked(checked)
        box.toggled.connect(self.changed)
        return box

    def _lay_out(self) -> None:
        help_label = named(QLabel(DICTIONARY_HELP, self), "committeeWordsHelp",
                           "About the committee dictionary")
        help_label.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow("", self.spelling_check)
        form.addRow("Second dictionar&y:", self.second_combo)
        form.addRow("-&ise or -ize:", self.ise_combo)
        form.addRow("Councillor / Cll&r:", self.councillor_combo)
        form.addRow("&Times:", self.times_combo)
        for box in (self.dates_check, self.numbers_check, self.doubled_check, self.digit_check):
            form.addRow("", box)
        form.addRow("Committee dictio&nary:", self.words_edit)
        form.addRow("", help_label)

    def values(self) -> HouseStyle:
        councillor = self.councillor_combo.currentData()
        return HouseStyle(
            spelling=self.spelling_check.isChecked(),
            second_language=self.second_combo.currentData(),
            ise_ize=IseIze(self.ise_combo.currentData()),
            dates=self.dates_check.isChecked(),
            numbers_in_words=self.numbers_check.isChecked(),
            councillor=CouncillorForm(councillor if councillor != "off" else ""),
            councillor_check=councillor != "off",
            times=TimeStyle(self.times_combo.currentData()),
            doubled_words=self.doubled_check.isChecked(),
            digit_start=self.digit_check.isChecked(),
        )

    def words(self) -> tuple[str, ...]:
        lines = (line.strip() for line in self.words_edit.toPlainText().splitlines())
        return tuple(dict.fromkeys(line for line in lines if line))


def _combo(parent: QWidget, object_name: str, accessible_name: str,
           options: tuple[tuple[str, str], ...], current: str) -> QComboBox:
    combo = named(QComboBox(parent), object_name, accessible_name)
    for value, text in options:
        combo.addItem(text, str(value))
    combo.setCurrentIndex(max(0, combo.findData(str(current))))
    return combo
