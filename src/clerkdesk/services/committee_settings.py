"""Reading and saving a committee's settings (name, council, numbering, headings, quorum)."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerkdesk.domain.committee_settings import CommitteeSettings, settings_problem
from clerkdesk.domain.naming import ChairStyle, MemberStyle, OfficerStyle
from clerkdesk.domain.numbering import ParagraphScheme
from clerkdesk.domain.phrases import phrases_from_text, phrases_to_text
from clerkdesk.errors import ClerkDeskError
from clerkdesk.services._lookup import get_or_fail
from clerkdesk.storage.database import Database
from clerkdesk.storage.models import Committee


def settings_of(committee: Committee) -> CommitteeSettings:
    return CommitteeSettings(
        name=committee.name,
        council=committee.council or "",
        paragraph_scheme=ParagraphScheme(committee.paragraph_scheme),
        item_number_template=committee.item_number_template,
        item_number_start=committee.item_number_start,
        uses_minutes_heading=committee.uses_minutes_heading,
        resolution_prefix=committee.resolution_prefix,
        quorum=committee.quorum,
        member_style=MemberStyle(committee.member_style),
        officer_style=OfficerStyle(committee.officer_style),
        chair_style=ChairStyle(committee.chair_style),
        speech_phrases=phrases_from_text(committee.speech_phrases),
    )


def committee_settings(db: Database, committee_id: int) -> CommitteeSettings:
    with db.transaction() as session:
        return settings_of(get_or_fail(session, Committee, committee_id, "committee"))


def update_committee_settings(
    db: Database, committee_id: int, settings: CommitteeSettings
) -> None:
    """Save every setting at once, or nothing (ClerkDeskError says which rule was broken)."""
    settings = settings.cleaned()
    problem = settings_problem(settings)
    if problem:
        raise ClerkDeskError(problem)
    with db.transaction() as session:
        committee = get_or_fail(session, Committee, committee_id, "committee")
        _check_name_free(session, committee_id, settings.name)
        committee.name = settings.name
        committee.council = settings.council
        committee.paragraph_scheme = settings.paragraph_scheme
        committee.item_number_template = settings.item_number_template
        committee.item_number_start = settings.item_number_start
        committee.uses_minutes_heading = settings.uses_minutes_heading
        committee.resolution_prefix = settings.resolution_prefix
        committee.quorum = settings.quorum
        committee.member_style = settings.member_style
        committee.officer_style = settings.officer_style
        committee.chair_style = settings.chair_style
        committee.speech_phrases = phrases_to_text(settings.speech_phrases)


def _check_name_free(session: Session, committee_id: int, name: str) -> None:
    """Names differing only in case would look like one committee in every list."""
    others = session.scalars(select(Committee.name).where(Committee.id != committee_id)).all()
    clash = next((other for other in others if other.casefold() == name.casefold()), None)
    if clash is not None:
        raise ClerkDeskError(f"There is already a committee called “{clash}”.")
