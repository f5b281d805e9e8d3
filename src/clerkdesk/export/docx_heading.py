"""The heading block of the Word minutes: council, committee, when and where, attendance."""

from __future__ import annotations

from collections.abc import Callable

from docx.document import Document

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


def write_heading(document: Document, minutes: MinutesView, clean: Clean) -> None:
    *names, held = meeting_heading(minutes)
    if len(names) > 1:
        document.add_paragraph(clean(names[0]), styles.COUNCIL)
    document.add_paragraph(clean(names[-1]), styles.TITLE)
    document.add_paragraph(clean(held), styles.MEETING_DETAILS)
    if is_draft(minutes):
        document.add_paragraph(DRAFT_TEXT, styles.DRAFT_NOTICE)
    for label, names_text in attendance_sections(minutes.attendance):
        paragraph = document.add_paragraph(style=styles.ATTENDANCE)
        paragraph.add_run(f"{label}:", styles.ATTENDANCE_LABEL)
        paragraph.add_run("\t" + clean(names_text))
