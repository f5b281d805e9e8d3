"""Import minutes as a new meeting: one service for the CLI and the window. Reading is pure
(`importers.draft`); writing a draft is one transaction that creates a meeting (and the
committee and people it needs) or, on any error, leaves the database exactly as it was."""

import datetime as dt
from contextlib import suppress
from dataclasses import replace
from pathlib import Path

from clerkdesk.errors import ImportCancelled, ImportFailed
from clerkdesk.importers.decode import read_text_file
from clerkdesk.importers.draft import MinutesDraft, draft_from_text, read_draft
from clerkdesk.importers.progress import WHOLE, Progress, ProgressCallback, as_progress
from clerkdesk.importers.report import ImportReport
from clerkdesk.services.import_writer import MeetingFacts, find_people, write_meeting
from clerkdesk.storage.database import Database


def import_file(
    db: Database, path: Path, *, committee: str | None = None, date: dt.date | None = None,
    keep_separate: frozenset[str] = frozenset(), dry_run: bool = False,
    progress: ProgressCallback | None = None,
) -> ImportReport:
    """Import the minutes in `path` (.docx or text) as a new meeting. Raises ImportFailed,
    with the database unchanged, for a file that cannot be read as minutes (ImportCancelled,
    with nothing written, when `progress` returned False)."""
    steps = Progress(progress)
    return import_draft(db, read_draft(Path(path), steps), committee=committee, date=date,
                        keep_separate=keep_separate, dry_run=dry_run, progress=steps)


def import_text_file(
    db: Database, path: Path, *, committee: str | None = None, date: dt.date | None = None,
    keep_separate: frozenset[str] = frozenset(), dry_run: bool = False,
    progress: ProgressCallback | None = None,
) -> ImportReport:
    """Import the minutes in a UTF-8, UTF-16 (or Windows-1252) text file as a new meeting."""
    steps = Progress(progress)
    draft = draft_from_text(read_text_file(Path(path)), source=str(path), progress=steps)
    return import_draft(db, draft, committee=committee, date=date, keep_separate=keep_separate,
                        dry_run=dry_run, progress=steps)


def import_text(
    db: Database, text: str, *, committee: str | None = None, date: dt.date | None = None,
    source: str = "", keep_separate: frozenset[str] = frozenset(), dry_run: bool = False,
    progress: ProgressCallback | None = None,
) -> ImportReport:
    """Import minutes given as text; `source` names where they came from (a file path).

    Near-miss names ("Sara Hammond" beside Sarah Hammond) are linked to the existing person
    unless listed in `keep_separate`. `dry_run` reports what an import would do and writes
    nothing, so the GUI can ask about near misses first. `progress(done, total)` is called as
    the import goes on; when it returns False the import stops (ImportCancelled), and nothing
    is written.
    """
    steps = Progress(progress)
    return import_draft(db, draft_from_text(text, source, steps), committee=committee,
                        date=date, keep_separate=keep_separate, dry_run=dry_run, progress=steps)


def import_draft(
    db: Database, draft: MinutesDraft, *, committee: str | None = None,
    date: dt.date | None = None, keep_separate: frozenset[str] = frozenset(),
    dry_run: bool = False, progress: Progress | ProgressCallback | None = None,
) -> ImportReport:
    """Write a draft as a new meeting in one transaction; `committee` and `date` override
    what the heading says. `progress` hears of it as the 600-1000 thousandths of an import
    and may stop it (ImportCancelled) before the commit: then nothing is written."""
    parsed = draft.parsed
    if parsed.is_empty():
        raise ImportFailed(f"{draft.label} contains no minutes: no agenda item and no numbered "
                           "paragraphs were found.")
    warnings: list[str] = []
    if committee and committee.strip():
        draft = replace(draft, committee=committee.strip())
    elif draft.committee_from in GUESSED_COMMITTEE:
        warnings.append(f"No committee name was found in the text: the meeting was filed under "
                        f"“{draft.committee}” ({draft.committee_from}). Give the committee "
                        "(--committee NAME) or rename it in Committee settings.")
    when = date or draft.date
    if when is None:
        when = dt.date.today()
        warnings.append(f"No meeting date was found in the text; the meeting is dated today "
                        f"({when.day} {when:%B %Y}). Correct it in the meeting details.")
    facts = MeetingFacts(draft.committee, when, draft.time, draft.venue, draft.council)
    steps = as_progress(progress)
    steps.report(600)
    found = find_people(parsed)
    steps.report(650)
    try:
        with db.transaction() as session:
            report = write_meeting(session, parsed, facts, found, warnings, keep_separate,
                                   steps.phase(650, 990))
            report.undated = date is None and draft.date is None
            if dry_run:
                raise _DryRun(report)
            steps.report(990)  # the last chance to cancel: the commit follows
        with suppress(ImportCancelled):  # written: too late to cancel
            steps.report(WHOLE)
        return report
    except _DryRun as rolled_back:
        return rolled_back.report


GUESSED_COMMITTEE = ("the file's name", "nowhere: the default")  # MinutesDraft.committee_from


class _DryRun(Exception):
    """Raised inside the transaction so that a dry run is rolled back."""

    def __init__(self, report: ImportReport) -> None:
        super().__init__("dry run")
        self.report = report
