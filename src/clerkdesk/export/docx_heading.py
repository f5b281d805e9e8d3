"""The heading block of the Word minutes: council, committee, when and where, attendance."""

from __future__ import annotations

from collections.abc import Callable

from docx.document import Document
from docx.text.paragraph import Paragraph

from clerkdesk.domain.minutes import MinutesView
from clerkdesk.export import docx_styles as styles
from clerkdesk.export.plaintext import (
    DRAFT_TEXT,
    attendance_sections,
    is_draft,
    meeting_heading,
)

__all__ = ["DRAFT_TEXT", "is_draft", "write_heading"]

Clean = Callable[[str], str]


def _style_id(document: Document, name: str) -> str:
    style_id: str = document.styles[name].style_id
    return style_id


def _add(document: Document, text: str, style: str) -> Paragraph:
    """A paragraph in a ClerkDesk style, set by id (python-docx's setter scans every style)."""
    paragraph = document.add_paragraph(text)
    paragraph._p.style = _style_id(document, style)
    return paragraph


def write_heading(document: Document, minutes: MinutesView, clean: Clean) -> None:
    *names, held = meeting_heading(minutes)
    if len(names) > 1:
        _add(document, clean(names[0]), styles.COUNCIL)
    _add(document, clean(names[-1]), styles.TITLE)
    _add(document, clean(held), styles.MEETING_DETAILS)
    if is_draft(minutes):
        _add(document, DRAFT_TEXT, styles.DRAFT_NOTICE)
    for label, names_text in attendance_sections(minutes.attendance):
        paragraph = _add(document, "", styles.ATTENDANCE)
        run = paragraph.add_run(f"{label}:")
        run._r.style = _style_id(document, styles.ATTENDANCE_LABEL)
        paragraph.add_run("\t" + clean(names_text))
