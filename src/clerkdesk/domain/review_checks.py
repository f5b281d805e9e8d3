"""Every review check run over one meeting's minutes, findings in minute order (pure)."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from clerkdesk.domain.acronyms import DEFAULT_GLOSSARY, check_acronyms
from clerkdesk.domain.attendance_checks import check_speakers_away, check_substitutes
from clerkdesk.domain.export_checks import check_exempt_paragraphs
from clerkdesk.domain.flag_checks import (
    EarlierRequest,
    FlagsByParagraph,
    check_flag_fields,
    check_old_requests,
    check_resolutions,
)
from clerkdesk.domain.house_style import HouseStyle
from clerkdesk.domain.minutes import MinutesView
from clerkdesk.domain.name_checks import RosterPerson, check_near_miss_names, check_not_present
from clerkdesk.domain.numbering import ParagraphScheme
from clerkdesk.domain.printed_names import check_printed_names
from clerkdesk.domain.review import Finding, Located, ReviewSettings, in_minute_order, locate
from clerkdesk.domain.spelling import SpellChecker
from clerkdesk.domain.style_checks import check_house_style, check_spelling
from clerkdesk.domain.tense_check import check_present_tense
from clerkdesk.domain.text_checks import (
    check_empty,
    check_full_stop,
    check_levels,
    check_long,
    check_spaces,
    check_xml_characters,
)


@dataclass(frozen=True)
class ReviewInput:
    """What the checks read: the minutes as published and the committee's context."""

    minutes: MinutesView
    scheme: ParagraphScheme = ParagraphScheme.PAREN
    settings: ReviewSettings = ReviewSettings()
    glossary: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_GLOSSARY))
    people: Mapping[int, RosterPerson] = field(default_factory=dict)  # roster and mentioned
    flags: FlagsByParagraph = field(default_factory=dict)
    earlier_requests: Sequence[EarlierRequest] = ()
    house_style: HouseStyle = HouseStyle()
    spelling: SpellChecker | None = None  # None: dictionaries not loaded, spelling not checked


def review(data: ReviewInput) -> list[Finding]:
    """All findings, meeting-wide ones first, then in minute order."""
    places = locate(data.minutes, data.scheme)
    people = list(data.people.values())
    findings = [
        *check_xml_characters(places),
        *check_empty(places),
        *check_exempt_paragraphs(data.minutes),
        *check_levels(places),
        *check_printed_names(places, data.people),
        *check_near_miss_names(places, people),
        *check_not_present(places, data.people),
        *check_substitutes(data.minutes.meeting_id, data.people),
        *check_speakers_away(places, data.people),
        *check_acronyms(places, data.glossary),
        *check_flag_fields(places, data.flags),
        *check_old_requests(data.minutes.meeting_id, data.earlier_requests,
                            data.settings.outstanding_meetings),
        *check_full_stop(places),
        *check_spaces(places),
        *check_long(places, data.settings.long_paragraph_words),
        *check_present_tense(places),
        *_spelling_and_style(places, data),
    ]
    if data.settings.expects_resolution:
        items = [(item.id, item.label) for item in data.minutes.items]
        findings += check_resolutions(data.minutes.meeting_id, places, data.flags, items)
    return in_minute_order(findings)


def _spelling_and_style(places: list[Located], data: ReviewInput) -> list[Finding]:
    checker = data.spelling
    found = check_house_style(places, data.house_style,
                              checker.is_correct if checker is not None else None)
    if checker is not None and data.house_style.spelling:
        found += check_spelling(places, checker)
    return found
