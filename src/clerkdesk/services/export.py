"""Export a meeting's minutes to Word (.docx), PDF or a web page, public or full, written all
or nothing."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from clerkdesk.domain.enums import Audience
from clerkdesk.domain.minutes import MinutesView
from clerkdesk.domain.numbering import ParagraphScheme
from clerkdesk.domain.publication import published
from clerkdesk.errors import ExportFailed
from clerkdesk.services.minutes import committee_of, load_minutes_in
from clerkdesk.storage.database import Database

if TYPE_CHECKING:
    from clerkdesk.export.accessibility import AccessibilityFinding

DOCX_SUFFIX = ".docx"
PDF_SUFFIX = ".pdf"
HTML_SUFFIXES = (".html", ".htm")
# suffix -> (what it is, the file dialog's filter), in the order the dialog offers them
EXPORT_FORMATS: dict[str, tuple[str, str]] = {
    DOCX_SUFFIX: ("Word document", "Word document (*.docx)"),
    PDF_SUFFIX: ("Tagged PDF", "Tagged PDF (*.pdf)"),
    ".html": ("Web page", "Web page (*.html *.htm)"),
    ".htm": ("Web page", "Web page (*.html *.htm)"),
}
_UNSAFE_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


@dataclass(frozen=True)
class ExportSource:
    """What the export reads in one transaction: the minutes and the committee's Word settings."""

    minutes: MinutesView
    scheme: ParagraphScheme
    template: Path | None


def export_source(db: Database, meeting_id: int) -> ExportSource:
    with db.reading() as session:
        committee = committee_of(session, meeting_id)
        template = committee.template_path.strip() if committee.template_path else ""
        return ExportSource(
            minutes=load_minutes_in(session, meeting_id),
            scheme=ParagraphScheme(committee.paragraph_scheme),
            template=Path(template).expanduser() if template else None,
        )


def export_target(target: Path) -> Path:
    """`target` with .docx added when it has no suffix; a suffix ClerkDesk cannot write is
    refused."""
    target = Path(target).expanduser()
    if not target.suffix:
        return target.with_name(target.name + DOCX_SUFFIX)
    if target.suffix.lower() not in EXPORT_FORMATS:
        raise ExportFailed(f"{target.name} does not end in .docx, .pdf, .html or .htm: "
                           "ClerkDesk writes Word documents, tagged PDFs and web pages.")
    return target


def docx_target(target: Path) -> Path:
    """`target` with .docx added when it has no suffix; any other suffix is refused (the
    Export to Word dialog writes Word only)."""
    target = export_target(target)
    if target.suffix.lower() != DOCX_SUFFIX:
        raise ExportFailed(f"{target.name} does not end in .docx: Word files are written as .docx.")
    return target


def export_meeting(
    db: Database, meeting_id: int, target: Path, *, full: bool = False,
    literal_numbers: bool = False, ignore_lock: bool = False,
) -> Path:
    """Write the meeting's minutes to `target` and return the path written: Word (.docx, or no
    suffix), a tagged PDF (.pdf, through LibreOffice) or a web page (.html, .htm).

    The public version (default) shows each exempt item's heading and the committee's
    withheld line, and no correction note about it; `full` includes
    them and marks every page NOT FOR PUBLICATION. `literal_numbers` writes the paragraph labels
    as text instead of Word numbering (for pasting into web publishing systems).
    `ignore_lock` writes over a lock file whose program is not known to be running.
    """
    from clerkdesk.export.safe_write import write_atomically

    target = export_target(target)
    source = export_source(db, meeting_id)
    minutes = published(source.minutes, Audience.FULL if full else Audience.PUBLIC)
    suffix = target.suffix.lower()
    if suffix in HTML_SUFFIXES:
        from clerkdesk.export.html_writer import render_html

        page = render_html(minutes, source.scheme).encode("utf-8")
        return write_atomically(target, _writing(page), ignore_lock=ignore_lock)
    from clerkdesk.export.docx_writer import ExportOptions, build_document, save_document

    options = ExportOptions(literal_numbers=literal_numbers, scheme=source.scheme,
                            template=source.template)
    document = build_document(minutes, options)
    if suffix == PDF_SUFFIX:
        from clerkdesk.export.pdf import docx_to_pdf

        buffer = io.BytesIO()
        save_document(document, buffer)
        pdf = docx_to_pdf(buffer.getvalue())  # before the target is touched: all or nothing
        return write_atomically(target, _writing(pdf), ignore_lock=ignore_lock)
    return write_atomically(target, lambda stream: save_document(document, stream),
                            ignore_lock=ignore_lock)


def _writing(data: bytes) -> Callable[[BinaryIO], None]:
    def write(stream: BinaryIO) -> None:
        stream.write(data)
    return write


def accessibility_findings(db: Database, meeting_id: int, *,
                           full: bool = False) -> list[AccessibilityFinding]:
    """What an accessibility checker finds in the meeting's Word export (the PDF is made from
    it), public unless `full`; nothing is written."""
    from clerkdesk.export.accessibility import check_docx
    from clerkdesk.export.docx_writer import ExportOptions, build_document, save_document

    source = export_source(db, meeting_id)
    minutes = published(source.minutes, Audience.FULL if full else Audience.PUBLIC)
    options = ExportOptions(scheme=source.scheme, template=source.template)
    buffer = io.BytesIO()
    save_document(build_document(minutes, options), buffer)
    return check_docx(buffer.getvalue())


def suggested_file_name(minutes: MinutesView, *, full: bool = False) -> str:
    """'Planning Committee 2026-10-14 minutes.docx' (or '… (not for publication).docx')."""
    name = f"{minutes.committee} {minutes.date.isoformat()} minutes"
    if full:
        name += " (not for publication)"
    name = _UNSAFE_IN_FILE_NAMES.sub("-", name).strip(" .") or "minutes"
    return name + DOCX_SUFFIX


def suggested_file_names(db: Database, meeting_id: int) -> tuple[str, str]:
    """(public, full) file names for the meeting."""
    with db.transaction() as session:
        minutes = load_minutes_in(session, meeting_id)
    return suggested_file_name(minutes), suggested_file_name(minutes, full=True)
