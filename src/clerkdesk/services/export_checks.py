"""The checks the export dialog shows: blocking findings, and the clerk's Export anyway."""

from __future__ import annotations

from dataclasses import dataclass

from clerkdesk.domain.export_checks import already_accepted, blocking, keys_text
from clerkdesk.domain.review import Finding
from clerkdesk.services._lookup import get_or_fail
from clerkdesk.services.review import check_meeting_in
from clerkdesk.storage.database import Database
from clerkdesk.storage.models import Meeting


@dataclass(frozen=True)
class ExportCheck:
    """What holds back a plain Export of one meeting, and whether the clerk already chose
    Export anyway over exactly these findings (or some of them)."""

    meeting_id: int
    committee_id: int
    findings: tuple[Finding, ...]
    accepted: bool
    several_items: bool

    @property
    def blocked(self) -> bool:
        return bool(self.findings) and not self.accepted


def export_check(db: Database, meeting_id: int) -> ExportCheck:
    """Run the review's checks and keep the blocking findings (dismissed ones left out)."""
    with db.transaction() as session:
        found = blocking(check_meeting_in(session, meeting_id))
        meeting = get_or_fail(session, Meeting, meeting_id, "meeting")
        return ExportCheck(meeting_id, meeting.committee_id, tuple(found),
                           already_accepted(found, meeting.export_accepted or ""),
                           len(meeting.items) > 1)


def accept_findings(db: Database, meeting_id: int, findings: tuple[Finding, ...]) -> None:
    """Remember that the clerk exported anyway over these findings (replacing earlier ones)."""
    with db.transaction() as session:
        get_or_fail(session, Meeting, meeting_id, "meeting").export_accepted = keys_text(findings)
