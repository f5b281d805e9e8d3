"""A committee's resolution style (how RESOLVED paragraphs are written)."""

from clerkdesk.domain.resolutions import ResolutionStyle
from clerkdesk.services._lookup import get_or_fail
from clerkdesk.storage.database import Database
from clerkdesk.storage.models import Committee


def resolution_style(db: Database, committee_id: int) -> ResolutionStyle:
    with db.transaction() as session:
        committee = get_or_fail(session, Committee, committee_id, "committee")
        return ResolutionStyle(committee.resolution_style or ResolutionStyle.DASH)


def set_resolution_style(db: Database, committee_id: int, style: ResolutionStyle) -> None:
    """Write the committee's RESOLVED paragraphs as "RESOLVED – …", "RESOLVED that …" or
    "RESOLVED to: a) NOTE …" (the prefix setting still gives the opening word)."""
    with db.transaction() as session:
        get_or_fail(session, Committee, committee_id, "committee").resolution_style = (
            ResolutionStyle(style).value)
