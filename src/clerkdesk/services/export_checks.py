"""The checks the export dialog shows: blocking findings, and the clerk's Export anyway."""

from __future__ import annotations

from dataclasses import dataclass

from clerkdesk.domain.export_checks import already_accepted, blocking, keys_text
from clerkdesk.domain.review import CheckId, Finding, Severity
from clerkdesk.export.accessibility import AccessibilityFinding
from clerkdesk.services._lookup import get_or_fail
from clerkdesk.services.export import accessibility_findings
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


# The review's own check names the paragraph (and goes to it): not listed twice.
_IN_THE_REVIEW = frozenset({"empty paragraph"})


def accessibility_as_findings(meeting_id: int,
                              found: list[AccessibilityFinding]) -> list[Finding]:
    """The accessibility checker's errors and warnings about the Word export, as findings
    about the whole meeting."""
    return [
        Finding(check=CheckId.ACCESSIBILITY, severity=a.severity, meeting_id=meeting_id,
                item_id=None, item_label="", paragraph_id=None, paragraph_label="",
                message=f"accessibility of the Word export: {a.message} ({a.where})",
                subject=f"{a.check} {a.where}")
        for a in found
        if a.check not in _IN_THE_REVIEW and a.severity is not Severity.SUGGESTION
    ]


def export_check(db: Database, meeting_id: int) -> ExportCheck:
    """Run the review's checks and the accessibility check of the Word export, and keep the
    blocking findings (dismissed ones left out)."""
    accessibility = accessibility_as_findings(meeting_id, accessibility_findings(db, meeting_id))
    with db.transaction() as session:
        found = blocking([*check_meeting_in(session, meeting_id), *accessibility])
        meeting = get_or_fail(session, Meeting, meeting_id, "meeting")
        return ExportCheck(meeting_id, meeting.committee_id, tuple(found),
                           already_accepted(found, meeting.export_accepted or ""),
                           len(meeting.items) > 1)


def accept_findings(db: Database, meeting_id: int, findings: tuple[Finding, ...]) -> None:
    """Remember that the clerk exported anyway over these findings (replacing earlier ones)."""
    with db.transaction() as session:
        get_or_fail(session, Meeting, meeting_id, "meeting").export_accepted = keys_text(findings)
