"""Write parsed minutes as a new meeting inside one session: people, items, paragraphs, flags."""

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerkdesk.domain.enums import ParagraphStyle, RequestStatus, ResolutionForm
from clerkdesk.domain.mentions import ANONYMOUS_TOKEN, person_token, starts_sentence
from clerkdesk.domain.name_checks import speaker_unless_apologising
from clerkdesk.domain.naming import at_sentence_start
from clerkdesk.domain.numbering import ItemNumbering, ParagraphScheme
from clerkdesk.domain.resolution_forms import resolution_form
from clerkdesk.domain.vote_lines import VoteRecord
from clerkdesk.importers.attendance_lines import Attendee
from clerkdesk.importers.outcomes import request_lists
from clerkdesk.importers.parse import ParsedItem, ParsedMinutes, ParsedParagraph
from clerkdesk.importers.people_finder import (
    Mention,
    Spelling,
    find_mentions,
    find_spellings,
    name_pattern,
)
from clerkdesk.importers.placement import excerpt
from clerkdesk.importers.progress import Tick
from clerkdesk.importers.report import ImportReport
from clerkdesk.importers.scheme_detect import label_override
from clerkdesk.services.committees import find_or_create_committee
from clerkdesk.services.flags import insert_flags_in
from clerkdesk.services.import_attendance import (
    PLACE,
    record_comings_and_goings,
    spelling_texts,
    write_attendance,
)
from clerkdesk.services.import_people import PeopleLinker
from clerkdesk.services.meetings import ItemRow, append_items_in, create_meeting_in
from clerkdesk.services.minutes import conventions_of
from clerkdesk.services.paragraphs import ParagraphRow, append_paragraphs_in
from clerkdesk.storage.models import Committee, RequestFlag, ResolutionFlag

_LISTED_HEADING_LINES = 5


@dataclass
class FoundPeople:
    """Names found (most frequent spelling first) and the mentions in each paragraph."""

    spellings: list[Spelling]
    mentions: dict[int, list[Mention]]  # keyed by id() of the ParsedParagraph
    places: dict[str, list[str]] = field(default_factory=dict)  # spelling -> "paragraph 9", ...


def find_people(parsed: ParsedMinutes) -> FoundPeople:
    located = [(p, _place(parsed, i, item, p))
               for i, item in enumerate(parsed.items) for p in item.paragraphs]
    spellings = find_spellings([p.text for p, _ in located])
    pattern = name_pattern(list(spellings))
    mentions: dict[int, list[Mention]] = {}
    counts: Counter[str] = Counter()
    places: dict[str, dict[str, None]] = {}  # ordered sets: a list's `in` made this quadratic
    for paragraph, place in located:
        found = find_mentions(paragraph.text, pattern)
        mentions[id(paragraph)] = found
        for mention in found:
            if mention.spelling:
                counts[mention.spelling] += 1
                places.setdefault(mention.spelling, {})[place] = None
    first_seen = {text: order for order, text in enumerate(spellings)}
    ordered = sorted(spellings.values(), key=lambda s: (-counts[s.text], first_seen[s.text]))
    return FoundPeople(ordered, mentions, {name: list(spots) for name, spots in places.items()})


def _place(parsed: ParsedMinutes, index: int, item: ParsedItem, paragraph: ParsedParagraph) -> str:
    if paragraph.style is ParagraphStyle.RESOLUTION:
        place = "the resolution"
    elif paragraph.style is ParagraphStyle.UNNUMBERED:
        place = f"text after paragraph {paragraph.ref}" if paragraph.ref else "unnumbered text"
    else:
        place = f"paragraph {paragraph.ref}"
    if len(parsed.items) > 1:
        place = f"item {item.number_label or index + 1}, {place}"
    return place


@dataclass(frozen=True)
class MeetingFacts:
    committee: str
    date: dt.date
    time: dt.time | None = None
    venue: str = ""
    council: str = ""  # for a committee the import creates


def write_meeting(
    session: Session, parsed: ParsedMinutes, facts: MeetingFacts, found: FoundPeople,
    warnings: list[str], keep_separate: frozenset[str] = frozenset(), tick: Tick | None = None,
) -> ImportReport:
    """The new meeting; `tick(done, 4)` after each of its four bulk writes."""
    tick = tick or (lambda _done, _total: None)
    committee = _committee(session, facts, parsed, warnings)
    meeting = create_meeting_in(session, committee.id, facts.date, facts.time, facts.venue)
    linker = PeopleLinker(session, committee.id, conventions_of(committee), keep_separate)
    timed: dict[int, Attendee] = {}
    attendance = write_attendance(session, meeting.id, linker, parsed.attendance, warnings,
                                  timed)
    person_of = linker.link(found.spellings)
    report = ImportReport(meeting_id=meeting.id, committee=committee.name, warnings=warnings,
                          attendance=dict(attendance))
    places = {name: [PLACE] for name in spelling_texts(parsed.attendance)}

    def person_id(mention: Mention) -> int | None:
        if mention.spelling:
            return person_of[mention.spelling]
        return linker.role_holder(mention.role) if mention.role else None

    mentioned: dict[int, None] = {}
    numbering = ItemNumbering(committee.item_number_template, committee.item_number_start)
    labels = [label_override(numbering, index, item.number_label)
              for index, item in enumerate(parsed.items)]
    tick(1, 4)
    item_ids = append_items_in(session, meeting.id, [
        ItemRow(item.title, label, item.exempt, item.exempt_paragraph, tuple(item.documents))
        for item, label in zip(parsed.items, labels, strict=True)])
    tick(2, 4)
    written = append_paragraphs_in(session, {
        item_id: _paragraph_rows(item, found, person_id, mentioned, committee.resolution_prefix,
                                 linker.written)
        for item, item_id in zip(parsed.items, item_ids, strict=True)})
    tick(3, 4)
    resolutions: list[dict[str, object]] = []
    requests: list[dict[str, object]] = []
    for item, item_id in zip(parsed.items, item_ids, strict=True):
        _flags(item, written[item_id], report, resolutions, requests)
    insert_flags_in(session, ResolutionFlag, resolutions)
    insert_flags_in(session, RequestFlag, requests)
    items = [(item.number_label or label or numbering.label(index), item_id)
             for index, (item, label, item_id) in enumerate(zip(parsed.items, labels, item_ids,
                                                                strict=True))]
    record_comings_and_goings(session, meeting.id, timed, items, warnings)
    for miss in linker.near_misses:
        where = ", ".join(places.get(miss.spelling, []) + found.places.get(miss.spelling, []))
        target = linker.written(miss.person_id)
        report.warnings.append(f'"{miss.spelling}" ({where}) linked to {target}')
        report.near_misses.append((miss.spelling, target))
    report.items = len(parsed.items)
    report.people = [linker.written(pid) for pid in mentioned]
    created = set(linker.created)
    listed = [pid for pid in linker.created if pid not in mentioned]
    report.new_people = [linker.written(pid) for pid in [*mentioned, *listed] if pid in created]
    if unread := [line for index, line in enumerate(parsed.header)
                  if index not in parsed.attendance.lines_read]:
        report.warnings.append(heading_warning(unread))
    report.warnings.extend(parsed.warnings)
    return report


def heading_warning(unread: list[str]) -> str:
    """What became of the heading lines that are not attendance: details read, text not kept."""
    shown = ", ".join(f"“{excerpt(line)}”" for line in unread[:_LISTED_HEADING_LINES])
    more = " …" if len(unread) > _LISTED_HEADING_LINES else ""
    return (f"{len(unread)} line(s) before the first item were read only for the meeting's "
            f"details (committee, council, date, time, venue) and not kept as text: "
            f"{shown}{more}.")


def _paragraph_rows(
    item: ParsedItem, found: FoundPeople, person_id: Callable[[Mention], int | None],
    mentioned: dict[int, None], committee_prefix: str, convention: Callable[[int], str],
) -> list[ParagraphRow]:
    """The item's paragraphs as stored: person tokens, speaker, the committee's prefix."""
    rows = []
    for paragraph in item.paragraphs:
        stored, speaker = stored_text(paragraph.text, found.mentions[id(paragraph)], person_id,
                                      mentioned, convention)
        if paragraph.style is ParagraphStyle.RESOLUTION:
            stored = fitted_to_prefix(stored, paragraph.resolution_prefix, committee_prefix)
        rows.append(ParagraphRow(stored, paragraph.level, paragraph.style, speaker))
    return rows


def _flags(
    item: ParsedItem, paragraph_ids: list[int], report: ImportReport,
    resolutions: list[dict[str, object]], requests: list[dict[str, object]],
) -> None:
    """The resolutions (with votes) and requests of an item's stored paragraphs, as rows."""
    for index, paragraph in enumerate(item.paragraphs):
        _count(paragraph, report)
        if paragraph.resolution_prefix:
            form = resolution_form(_resolution_wording(item.paragraphs, index))
            if form is ResolutionForm.OTHER and "AGREED" in paragraph.resolution_prefix.upper():
                form = ResolutionForm.AGREED
            resolutions.append({"paragraph_id": paragraph_ids[index], "form": form,
                                **_vote_values(paragraph.vote or VoteRecord())})
            report.resolutions += 1
    asked = {index: body for found in request_lists(item.paragraphs)
             for index, body in ((i, found.asked_of_body) for i in found.requests)}
    for index, body in asked.items():
        requests.append({"paragraph_id": paragraph_ids[index], "what": item.paragraphs[index].text,
                         "asked_of_body": body, "status": RequestStatus.OUTSTANDING})
        report.requests += 1


def fitted_to_prefix(text: str, written_prefix: str, committee_prefix: str) -> str:
    """A resolution's text reworded so it reads on after the committee's prefix: the "that" of
    "It was RESOLVED that" moves into the text under "RESOLVED:", and a leading "That" is
    dropped under "RESOLVED that"."""
    written_that = _ends_with_that(written_prefix)
    committee_that = _ends_with_that(committee_prefix)
    if written_that and not committee_that and text:
        return f"That {text}"
    if committee_that and not written_that and text[:5].lower() == "that ":
        return text[5:].lstrip()
    return text


def _ends_with_that(prefix: str) -> bool:
    return prefix.lower().rstrip(" :–—-").endswith(" that")


def _resolution_wording(paragraphs: list[ParsedParagraph], index: int) -> str:
    """A resolution's text, or for a bare "RESOLVED:" the sub-points that follow it."""
    if paragraphs[index].text:
        return paragraphs[index].text
    following = []
    for paragraph in paragraphs[index + 1 :]:
        if paragraph.level == 0:
            break
        following.append(paragraph.text)
    return " ".join(following)


def _count(paragraph: ParsedParagraph, report: ImportReport) -> None:
    if paragraph.style is not ParagraphStyle.NUMBERED:
        return
    if paragraph.level == 0:
        report.paragraphs += 1
    else:
        report.sub_points += 1


def stored_text(
    text: str, mentions: list[Mention], person_id: Callable[[Mention], int | None],
    mentioned: dict[int, None], written: Callable[[int], str] | None = None,
) -> tuple[str, int | None]:
    """The text with person tokens, and its speaker: the first mention followed by a reporting
    verb (none when that is "A Member"), else the first person mentioned. A name printed
    otherwise than the committee's convention (`written`) writes it keeps its printed form."""
    out: list[str] = []
    last = 0
    speaker: int | None = None
    first: int | None = None
    speaker_found = False
    for mention in mentions:
        out.append(text[last : mention.start])
        pid = person_id(mention)
        printed = text[mention.start : mention.end]
        if pid is None:
            out.append(ANONYMOUS_TOKEN)
        elif written is not None and printed != _conventional(written(pid), text[:mention.start]):
            out.append(person_token(pid, printed))
        else:
            out.append(person_token(pid))
        last = mention.end
        if pid is not None:
            mentioned.setdefault(pid, None)
            first = first if first is not None else pid
        if mention.speaks and not speaker_found:
            speaker, speaker_found = pid, True
    out.append(text[last:])
    stored = "".join(out)
    return stored, speaker if speaker_found else speaker_unless_apologising(stored, first)


def _conventional(name: str, text_before: str) -> str:
    return at_sentence_start(name) if starts_sentence(text_before) else name


def _committee(
    session: Session, facts: MeetingFacts, parsed: ParsedMinutes, warnings: list[str]
) -> Committee:
    name = facts.committee
    existing = session.scalars(select(Committee).where(Committee.name == name)).first()
    committee = find_or_create_committee(session, name)
    prefixes = Counter(p.resolution_prefix for p in parsed.paragraphs()
                       if p.style is ParagraphStyle.RESOLUTION and p.resolution_prefix)
    if existing is None:
        committee.council = facts.council or committee.council
        committee.paragraph_scheme = parsed.scheme
        committee.uses_minutes_heading = parsed.uses_minutes_heading
        if parsed.numbering is not None:
            committee.item_number_template = parsed.numbering.template
            committee.item_number_start = parsed.numbering.start
        if prefixes:
            committee.resolution_prefix = prefixes.most_common(1)[0][0]
        session.flush()
    scheme = ParagraphScheme(committee.paragraph_scheme)
    if parsed.scheme_found and parsed.scheme is not scheme:
        warnings.append(f"Paragraphs numbered {parsed.scheme.description} will show as "
                        f"{scheme.description} (the committee's setting).")
    if prefixes and set(prefixes) != {committee.resolution_prefix}:
        written = ", ".join(f'"{p}"' for p in prefixes)
        warnings.append(f"Resolutions written {written} will show as "
                        f'"{committee.resolution_prefix}" (the committee\'s setting).')
    return committee


def _vote_values(vote: VoteRecord) -> dict[str, object]:
    return {"votes_for": vote.votes_for, "votes_against": vote.votes_against,
            "abstentions": vote.abstentions, "carried": vote.carried,
            "casting_vote": vote.casting_vote, "recorded_votes": vote.recorded}
