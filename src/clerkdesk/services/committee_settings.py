"""Reading and saving a committee's settings (name, council, numbering, headings, quorum,
naming styles, phrases, resolution style, Word template) and, with them, the review settings
and acronym glossary the Committee settings dialog edits."""

from collections.abc import Iterable
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerkdesk.domain.committee_settings import (
    CommitteeSettings,
    CommitteeSetup,
    missing_template_message,
    setup_problem,
)
from clerkdesk.domain.house_style import HouseStyle
from clerkdesk.domain.meeting_times import time_form_of
from clerkdesk.domain.naming import ChairStyle, MemberStyle, OfficerStyle
from clerkdesk.domain.numbering import ParagraphScheme
from clerkdesk.domain.phrases import phrases_from_text, phrases_to_text
from clerkdesk.domain.resolutions import ResolutionStyle
from clerkdesk.domain.review import ReviewSettings
from clerkdesk.errors import ClerkDeskError
from clerkdesk.services import review, spelling
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
        remote_counts_for_quorum=bool(committee.remote_counts_for_quorum),
        member_style=MemberStyle(committee.member_style),
        officer_style=OfficerStyle(committee.officer_style),
        chair_style=ChairStyle(committee.chair_style),
        speech_phrases=phrases_from_text(committee.speech_phrases),
        resolution_style=ResolutionStyle(committee.resolution_style or ResolutionStyle.DASH),
        template_path=committee.template_path or "",
        moderngov_site=committee.moderngov_site or "",
        moderngov_committee_id=committee.moderngov_committee_id,
        agenda_template=committee.agenda_template or "",
        exempt_wording=committee.exempt_wording or "",
        time_form=time_form_of(committee.time_form),
        signature_block=bool(committee.signature_block),
    )


def committee_settings(db: Database, committee_id: int) -> CommitteeSettings:
    with db.transaction() as session:
        return settings_of(get_or_fail(session, Committee, committee_id, "committee"))


def committee_setup(db: Database, committee_id: int) -> CommitteeSetup:
    """What the Committee settings dialog shows: settings, review settings and glossary."""
    with db.transaction() as session:
        committee = get_or_fail(session, Committee, committee_id, "committee")
        return CommitteeSetup(
            settings=settings_of(committee),
            review=review.settings_of(committee),
            glossary=tuple(review.glossary_in(session, committee_id).items()),
            house_style=spelling.house_style_in(session, committee_id),
            dictionary=tuple(spelling.committee_words_in(session, committee_id)),
        )


def save_committee_setup(
    db: Database, committee_id: int, settings: CommitteeSettings, review_settings: ReviewSettings,
    glossary_pairs: Iterable[tuple[str, str]], house_style: HouseStyle | None = None,
    dictionary: Iterable[str] | None = None,
) -> None:
    """Save the whole Committee settings dialog in one transaction, or nothing at all
    (ClerkDeskError says which rule was broken). An empty glossary means the default one;
    house style and dictionary are left as they are when not given."""
    setup = CommitteeSetup(settings.cleaned(), review_settings, tuple(glossary_pairs),
                           house_style or HouseStyle(), tuple(dictionary or ()))
    problem = setup_problem(setup)
    if problem:
        raise ClerkDeskError(problem)
    with db.transaction() as session:
        committee = get_or_fail(session, Committee, committee_id, "committee")
        _write_settings(session, committee, setup.settings)
        review.write_settings(committee, setup.review)
        review.replace_glossary_in(session, committee_id, setup.glossary)
        if house_style is not None:
            spelling.write_house_style_in(session, committee_id, house_style)
        if dictionary is not None:
            spelling.replace_committee_words_in(session, committee_id, setup.dictionary)


def _write_settings(session: Session, committee: Committee, settings: CommitteeSettings) -> None:
    """Copy cleaned, checked settings onto the row, after the checks that need the database."""
    _check_name_free(session, committee.id, settings.name)
    _check_template_exists(settings.template_path, committee.template_path or "")
    committee.name = settings.name
    committee.council = settings.council
    committee.paragraph_scheme = settings.paragraph_scheme
    committee.item_number_template = settings.item_number_template
    committee.item_number_start = settings.item_number_start
    committee.uses_minutes_heading = settings.uses_minutes_heading
    committee.resolution_prefix = settings.resolution_prefix
    committee.quorum = settings.quorum
    committee.remote_counts_for_quorum = settings.remote_counts_for_quorum
    committee.member_style = settings.member_style
    committee.officer_style = settings.officer_style
    committee.chair_style = settings.chair_style
    committee.speech_phrases = phrases_to_text(settings.speech_phrases)
    committee.resolution_style = settings.resolution_style.value
    committee.template_path = settings.template_path or None
    committee.moderngov_site = settings.moderngov_site or None
    committee.moderngov_committee_id = settings.moderngov_committee_id
    committee.agenda_template = settings.agenda_template
    committee.exempt_wording = settings.exempt_wording
    committee.time_form = settings.time_form.value
    committee.signature_block = settings.signature_block


def _check_name_free(session: Session, committee_id: int, name: str) -> None:
    """Names differing only in case would look like one committee in every list."""
    others = session.scalars(select(Committee.name).where(Committee.id != committee_id)).all()
    clash = next((other for other in others if other.casefold() == name.casefold()), None)
    if clash is not None:
        raise ClerkDeskError(f"There is already a committee called “{clash}”.")


def template_missing(path: str, saved: str = "") -> str | None:
    """The message for a newly chosen Word template that is not a file, else None. The saved
    one is not checked again, so a share that is offline today does not block other edits."""
    if not path or path == saved or Path(path).expanduser().is_file():
        return None
    return missing_template_message(path)


def _check_template_exists(path: str, saved: str) -> None:
    problem = template_missing(path, saved)
    if problem:
        raise ClerkDeskError(problem)
