"""Import plain-text minutes (as copied from a council website) as a new meeting.

One import is one transaction: it creates a meeting (and the committee and people it needs) or,
on any error, leaves the database exactly as it was. An existing meeting is never changed.
"""

import datetime as dt
from pathlib import Path

from clerkdesk.errors import ImportFailed
from clerkdesk.importers.decode import read_text_file
from clerkdesk.importers.meeting_facts import (
    committee_from_text,
    council_from_header,
    meeting_date,
    meeting_time,
    meeting_venue,
)
from clerkdesk.importers.parse import ParsedMinutes, parse_minutes
from clerkdesk.importers.report import ImportReport
from clerkdesk.importers.writer import MeetingFacts, find_people, write_meeting
from clerkdesk.storage.database import Database

DEFAULT_COMMITTEE = "Imported minutes"


def import_text_file(
    db: Database, path: Path, *, committee: str | None = None, date: dt.date | None = None,
    keep_separate: frozenset[str] = frozenset(), dry_run: bool = False,
) -> ImportReport:
    """Import the minutes in a UTF-8 (or Windows-1252) text file as a new meeting."""
    path = Path(path)
    text = read_text_file(path)
    return import_text(db, text, committee=committee, date=date, source=str(path),
                       keep_separate=keep_separate, dry_run=dry_run)


def import_text(
    db: Database, text: str, *, committee: str | None = None, date: dt.date | None = None,
    source: str = "", keep_separate: frozenset[str] = frozenset(), dry_run: bool = False,
) -> ImportReport:
    """Import minutes given as text; `source` names where they came from (a file path).

    Near-miss names ("Sara Hammond" beside Sarah Hammond) are linked to the existing person
    unless listed in `keep_separate`. `dry_run` reports what an import would do and writes
    nothing, so the GUI can ask about near misses first.
    """
    label = Path(source).name if source else "The text"
    if "\x00" in text:
        raise ImportFailed(f"{label} holds binary data, not plain-text minutes.")
    return import_parsed(db, parse_minutes(text), text, committee=committee, date=date,
                         source=source, keep_separate=keep_separate, dry_run=dry_run)


def import_parsed(
    db: Database, parsed: ParsedMinutes, text: str, *, committee: str | None = None,
    date: dt.date | None = None, source: str = "", council: str = "",
    keep_separate: frozenset[str] = frozenset(), dry_run: bool = False,
) -> ImportReport:
    """Write parsed minutes (of a text file or a Word document) as a new meeting; `text` is
    their words, where the committee's name is looked for when none is given."""
    label = Path(source).name if source else "The text"
    if parsed.is_empty():
        raise ImportFailed(
            f"{label} contains no minutes: no agenda item and no numbered paragraphs were found.")
    warnings: list[str] = []
    name = (
        (committee or "").strip()
        or committee_from_text(parsed.header, text)
        or (Path(source).stem if source else "")
        or DEFAULT_COMMITTEE
    )
    when = date or meeting_date(parsed.header)
    if when is None:
        when = dt.date.today()
        warnings.append(f"No meeting date was found in the text; the meeting is dated today "
                        f"({when.day} {when:%B %Y}). Correct it in the meeting details.")
    facts = MeetingFacts(name, when, meeting_time(parsed.header), meeting_venue(parsed.header),
                         council or council_from_header(parsed.header))
    found = find_people(parsed)
    try:
        with db.transaction() as session:
            report = write_meeting(session, parsed, facts, found, warnings, keep_separate)
            report.undated = date is None and meeting_date(parsed.header) is None
            if dry_run:
                raise _DryRun(report)
            return report
    except _DryRun as rolled_back:
        return rolled_back.report


class _DryRun(Exception):
    """Raised inside the transaction so that a dry run is rolled back."""

    def __init__(self, report: ImportReport) -> None:
        super().__init__("dry run")
        self.report = report
