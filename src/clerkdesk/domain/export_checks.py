"""Which review findings block publishing, and whether the clerk already exported over them."""

from collections.abc import Iterable, Sequence

from clerkdesk.domain.minutes import MinutesView
from clerkdesk.domain.review import CheckId, Finding, Severity

# Besides every error: what would show in public as a mistake or leave an item unexplained.
BLOCKING_CHECKS = frozenset({
    CheckId.EMPTY, CheckId.EXEMPT_PARAGRAPH, CheckId.FLAG_FIELDS, CheckId.SPELLING,
    CheckId.ACRONYM, CheckId.ACCESSIBILITY,
})


def blocks_publishing(finding: Finding) -> bool:
    """Whether the finding is shown in the export dialog and holds back a plain Export."""
    return finding.severity is Severity.ERROR or finding.check in BLOCKING_CHECKS


def blocking(findings: Iterable[Finding]) -> list[Finding]:
    """The findings that hold back a plain Export, in the order given."""
    return [finding for finding in findings if blocks_publishing(finding)]


def check_exempt_paragraphs(minutes: MinutesView) -> list[Finding]:
    """An exempt item must say which paragraph of Schedule 12A it was excluded under."""
    return [
        Finding(check=CheckId.EXEMPT_PARAGRAPH, severity=Severity.ERROR,
                meeting_id=minutes.meeting_id, item_id=item.id, item_label=item.label,
                paragraph_id=None, paragraph_label="",
                message="exempt item with no Schedule 12A paragraph: unmark it and mark it "
                        "exempt again to choose one",
                position=(index, -1))
        for index, item in enumerate(minutes.items)
        if item.exempt and not item.exempt_paragraph
    ]


def accepted_keys(stored: str) -> frozenset[str]:
    """The finding keys the clerk exported anyway over, from the meeting's stored text."""
    return frozenset(line for line in stored.splitlines() if line)


def keys_text(findings: Sequence[Finding]) -> str:
    """The findings' keys as stored on the meeting (one a line, sorted)."""
    return "\n".join(sorted({finding.key for finding in findings}))


def already_accepted(findings: Sequence[Finding], stored: str) -> bool:
    """True when every blocking finding was there when the clerk last chose Export anyway:
    a new one asks again."""
    return {finding.key for finding in findings} <= accepted_keys(stored)
