"""Search all meetings (Ctrl+Shift+F): results grouped by meeting, Enter opens the paragraph.

Keys: type to search; Return or Down goes to the results; arrows move; Enter opens the
meeting at the hit; Esc closes.

Signals: openRequested(meeting_id, item_id, paragraph_id) - paragraph_id 0 for an item title.
"""

from __future__ import annotations

import datetime as dt
import html
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QDate,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QPainter, QStandardItem, QStandardItemModel, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from clerkdesk.domain.enums import FlagKind, MeetingStatus
from clerkdesk.ui.action_runner import ActionRunner
from clerkdesk.ui.colours import Tone, highlight_style, text_colour, text_style

if TYPE_CHECKING:
    from clerkdesk.services.search import SearchHit, SearchResults
    from clerkdesk.storage.database import Database

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
HTML_ROLE = Qt.ItemDataRole.UserRole + 2
TYPING_PAUSE_MS = 250
RESULT_LIMIT = 200
CONTEXT_BEFORE, CONTEXT_AFTER = 50, 150
NO_DATE = QDate(2000, 1, 1)
def _mark() -> str:
    return f'<span style="{highlight_style()}">{{}}</span>'


def _exempt_tag() -> str:
    return (f' <span style="color:{text_colour(Tone.EXEMPT).name()};font-weight:bold;">'
            "EXEMPT</span>")


def snippet_html(hit: SearchHit) -> str:
    """The hit's text around its first match, matches highlighted, as HTML."""
    text, spans = hit.text, hit.spans
    start = max(0, hit.focus - CONTEXT_BEFORE)
    end = min(len(text), hit.focus + CONTEXT_AFTER)
    out, last = ["…" if start else ""], start
    for span_start, span_end in spans:
        if span_start < start or span_end > end:
            continue  # outside the snippet, or cut by its edge
        match = _mark().format(html.escape(text[span_start:span_end]))
        out += [html.escape(text[last:span_start]), match]
        last = span_end
    out += [html.escape(text[last:end]), "…" if end < len(text) else ""]
    return " ".join("".join(out).split())


def hit_html(hit: SearchHit) -> str:
    kind = "" if hit.kind == "paragraph" else f" <i>({hit.kind})</i>"
    where = f"<b>Item {html.escape(hit.item_label)}</b> {html.escape(hit.item_title)}"
    exempt = _exempt_tag() if hit.item_exempt else ""
    return f"{where}{exempt}{kind}<br>{snippet_html(hit)}"


def meeting_heading(hit: SearchHit) -> str:
    return (f"<b>{hit.meeting_date:%a %-d %B %Y}</b> · {html.escape(hit.committee)}"
            f" · {hit.meeting_status}")


def _enum(kind: type, box: QComboBox):  # noqa: ANN202 - a member of `kind`, or None
    """The combo box's choice (Qt hands enum data back as plain strings)."""
    value = box.currentData()
    return None if value is None else kind(value)


class HtmlDelegate(QStyledItemDelegate):
    """Draws an item's HTML_ROLE text (highlighted matches), unwrapped, over the selection."""

    @staticmethod
    def _document(option: QStyleOptionViewItem,
                  index: QModelIndex | QPersistentModelIndex) -> QTextDocument:
        document = QTextDocument()
        document.setDocumentMargin(2)
        document.setDefaultFont(option.font)
        document.setHtml(index.data(HTML_ROLE) or "")
        return document

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        painter.save()
        painter.setClipRect(option.rect)
        painter.translate(option.rect.topLeft())
        self._document(option, index).drawContents(painter)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem,  # noqa: N802
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        self.initStyleOption(option, index)
        size = self._document(option, index).size()
        return QSize(int(size.width()), int(size.height()) + 2)


class SearchDialog(QDialog):
    openRequested = Signal(int, int, int)

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchDialog")
        self.setWindowTitle("Search all meetings")
        self.database = database
        self.results: SearchResults | None = None
        self._timer = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._timer.timeout.connect(self.run_search)
        self.query = QLineEdit(self, objectName="searchQuery", clearButtonEnabled=True)
        self.query.setPlaceholderText('Words, "a phrase", transp*, OR – e.g. school transport')
        self.query.setAccessibleName("Search for")
        self.query.textEdited.connect(lambda _text: self._timer.start())
        self.query.returnPressed.connect(self._search_and_go_to_results)
        self.query.installEventFilter(self)
        self._build_filters()
        self.notice = QLabel(self, objectName="searchNotice", wordWrap=True)
        self.runner = ActionRunner(self)
        self.tree = self._make_tree()
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addLayout(self.filters)
        layout.addWidget(self.notice)
        layout.addWidget(self.tree, 1)
        hint = QLabel("Return: results · ↑↓: move · Enter: open at the paragraph · Esc: close",
                      self)
        hint.setStyleSheet(f"{text_style(Tone.MUTED)} font-size: 9pt;")
        layout.addWidget(hint)
        self.resize(860, 560)
        # The index's integrity check (~0.5 s on 50,000 paragraphs) runs once the dialog shows.
        QTimer.singleShot(0, self._check_index)

    def _check_index(self) -> None:
        from clerkdesk.services.search import index_state

        found = self.runner.run(lambda: index_state(self.database), refused=self.notice.setText)
        if found is None:
            return
        if found.value == "rebuilt":
            self.notice.setText("The search index did not match the minutes, so it was rebuilt.")

    # --- construction -------------------------------------------------------------------------

    def _build_filters(self) -> None:
        from clerkdesk.services.committees import list_committees

        self.committee = QComboBox(self, objectName="searchCommittee")
        self.committee.addItem("All committees", None)
        for committee_id, name in list_committees(self.database):
            self.committee.addItem(name, committee_id)
        self.date_from, self.date_to = self._date_edit("searchFrom"), self._date_edit("searchTo")
        self.status = self._choice("searchStatus", "Any status", list(MeetingStatus))
        self.flag_kind = self._choice("searchFlagKind", "Any paragraph", list(FlagKind))
        self.exempt = QCheckBox("Include e&xempt (Part 2) items", self, objectName="searchExempt")
        for widget in (self.committee, self.status, self.flag_kind):
            widget.currentIndexChanged.connect(self.run_search)
        for date_edit in (self.date_from, self.date_to):
            date_edit.dateChanged.connect(self.run_search)
        self.exempt.toggled.connect(self.run_search)
        self.filters = QHBoxLayout()
        form = QFormLayout()
        form.addRow("&Committee:", self.committee)
        form.addRow("&Flagged:", self.flag_kind)
        dates = QFormLayout()
        dates.addRow("F&rom:", self.date_from)
        dates.addRow("&To:", self.date_to)
        other = QFormLayout()
        other.addRow("St&atus:", self.status)
        other.addRow(self.exempt)
        self.filters.addLayout(form, 3)
        self.filters.addLayout(dates, 2)
        self.filters.addLayout(other, 2)

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(self, objectName=name, calendarPopup=True, displayFormat="d MMM yyyy")
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText("Any date")
        edit.setDate(NO_DATE)
        return edit

    def _choice(self, name: str, any_text: str, values: list) -> QComboBox:
        box = QComboBox(self, objectName=name)
        box.addItem(any_text, None)
        for value in values:
            box.addItem(value.value.capitalize(), value)
        return box

    def _make_tree(self) -> QTreeView:
        tree = QTreeView(self, objectName="searchResults")
        tree.setAccessibleName("Search results")
        tree.setHeaderHidden(True)
        tree.setUniformRowHeights(False)
        tree.setWordWrap(True)
        tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        tree.setItemDelegate(HtmlDelegate(tree))
        self.model = QStandardItemModel(self)
        tree.setModel(self.model)
        tree.activated.connect(self._open)
        return tree

    # --- searching ----------------------------------------------------------------------------

    def filters_chosen(self):  # noqa: ANN201 - SearchFilters
        from clerkdesk.services.search import SearchFilters

        return SearchFilters(
            committee_id=self.committee.currentData(), date_from=self._date(self.date_from),
            date_to=self._date(self.date_to), status=_enum(MeetingStatus, self.status),
            flag_kind=_enum(FlagKind, self.flag_kind), include_exempt=self.exempt.isChecked(),
        )

    @staticmethod
    def _date(edit: QDateEdit) -> dt.date | None:
        day = edit.date()
        return None if day == NO_DATE else dt.date(day.year(), day.month(), day.day())

    def run_search(self) -> None:
        from clerkdesk.services.search import search

        self._timer.stop()
        if not self.query.text().strip():
            self._show(None, "")
            return
        found = self.runner.run(
            lambda: search(self.database, self.query.text(), self.filters_chosen(),
                           limit=RESULT_LIMIT),
            refused=lambda message: self._show(None, message))
        if found is not None:
            results = found.value
            self._show(results, results.notice or self._count_text(results))

    @staticmethod
    def _count_text(results: SearchResults) -> str:
        meetings = len({hit.meeting_id for hit in results.hits})
        total = len(results.hits) if results.total is None else results.total
        found = f"{total} result{'s' * (total != 1)}"
        if total > len(results.hits):
            return f"{found}; the first {len(results.hits)} are shown (newest first)."
        return f"{found} in {meetings} meeting{'s' * (meetings != 1)}."

    def _show(self, results: SearchResults | None, message: str) -> None:
        self.results = results
        self.notice.setText(message or ("" if results else ""))
        self.model.clear()
        groups: dict[int, QStandardItem] = {}
        for hit in results.hits if results else []:
            if hit.meeting_id not in groups:
                groups[hit.meeting_id] = self._row(meeting_heading(hit), None)
                self.model.appendRow(groups[hit.meeting_id])
            groups[hit.meeting_id].appendRow(self._row(hit_html(hit), hit))
        self.tree.expandAll()

    @staticmethod
    def _row(text: str, hit: SearchHit | None) -> QStandardItem:
        row = QStandardItem()
        row.setData(text, HTML_ROLE)
        row.setData(QTextDocument(text).toPlainText() if "<" in text else text,
                    Qt.ItemDataRole.AccessibleTextRole)
        row.setData(hit, HIT_ROLE)
        return row

    # --- keyboard -----------------------------------------------------------------------------

    def _search_and_go_to_results(self) -> None:
        self.run_search()
        self.focus_first_hit()

    def focus_first_hit(self) -> None:
        first_group = self.model.index(0, 0)
        if first_group.isValid():
            self.tree.setFocus()
            self.tree.setCurrentIndex(self.model.index(0, 0, first_group))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.query and event.type() == QEvent.Type.KeyPress:
            if isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Down:
                if self._timer.isActive():
                    self.run_search()
                self.focus_first_hit()
                return True
        return super().eventFilter(watched, event)

    def _open(self, index: QModelIndex) -> None:
        hit = index.data(HIT_ROLE)
        if hit is None:  # a meeting heading: open at its first hit
            child = self.model.index(0, 0, index)
            hit = child.data(HIT_ROLE) if child.isValid() else None
        if hit is not None:
            self.hide()
            self.openRequested.emit(hit.meeting_id, hit.item_id, hit.paragraph_id or 0)

    def show_for_search(self) -> None:
        """Show (again) with the query selected, so typing starts a new search."""
        self.show()
        self.raise_()
        self.activateWindow()
        self.query.setFocus()
        self.query.selectAll()
