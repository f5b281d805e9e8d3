"""Review checks on people: names typed by hand that nearly match a roster person, and people
mentioned in the minutes but not recorded as attending.

Typed names are looked for only in the plain text between person tokens: runs of capitalised
words, read as "Given Family", "Title Family" or "Title Given Family" (a possessive "’s" is
left out). A name is reported when `people_match` calls it a near miss (edit distance, short
forms, initials) of a roster person — never when it is the same name.
"""

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace

from clerkdesk.domain.attendance import (
    ATTENDING,
    STATUS_TEXT,
    TITLES,
    default_attending_status,
)
from clerkdesk.domain.enums import AttendanceStatus
from clerkdesk.domain.mentions import PRINTED_PART, TOKEN, mentioned_ids, person_token
from clerkdesk.domain.people_match import NameMatch, NameParts, best_match, title_key
from clerkdesk.domain.person import PersonFields
from clerkdesk.domain.review import (
    CheckId,
    Finding,
    Fix,
    FixKind,
    Located,
    Severity,
    finding_at,
    text_fix,
)

_CAPITALISED = re.compile(r"(?<![\w’'-])[A-Z](?:[\w’'-]*\w|\.)?")
_POSSESSIVE = re.compile(r"[’'](?:s)?$")
# A person token followed by a past-tense verb: "{@9} explained", "{@9} also said".
_SPEAKS = re.compile(r"\{@(\d+)" + PRINTED_PART + r"\}\s+(?:(?:also|further|then)\s+)?"
                     r"(?:said|told|thought|felt|undertook|[a-z]+ed)\b")
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_TITLE_KEYS = {title_key(t) for t in (*TITLES, "Councillor", "Miss", "Prof", "Revd")}


@dataclass(frozen=True)
class RosterPerson:
    """A person the meeting knows: committee members, attendees and people mentioned."""

    id: int
    name: str  # as written in these minutes: "Sarah Hammond", "Mr Love", "the Vice-Chair"
    person: PersonFields
    status: AttendanceStatus | None = None  # at this meeting; None when not recorded
    remote: bool = False
    substitute_for: int | None = None  # the member this person is recorded as substituting

    @property
    def attending_status(self) -> AttendanceStatus:
        """What "record as attending" would set."""
        return default_attending_status(self.person.kind, self.person.role)


@dataclass(frozen=True)
class TypedName:
    """A span of stored text that reads like a name, and the name parts it was read as."""

    start: int
    end: int
    text: str
    parts: NameParts


def _plain_segments(stored: str) -> Iterator[tuple[int, str]]:
    """(offset, text) of the stored text between person tokens."""
    last = 0
    for token in TOKEN.finditer(stored):
        yield last, stored[last:token.start()]
        last = token.end()
    yield last, stored[last:]


def _runs(text: str) -> Iterator[list[re.Match[str]]]:
    """Runs of capitalised words separated only by spaces ("Sara Hammond", "Mr John Love")."""
    run: list[re.Match[str]] = []
    for word in _CAPITALISED.finditer(text):
        if run and not _only_spaces(text[run[-1].end():word.start()]):
            yield run
            run = []
        run.append(word)
    if run:
        yield run


def _only_spaces(gap: str) -> bool:
    return bool(gap) and not gap.strip(" \u00a0")


def _is_title(word: str) -> bool:
    return title_key(word.rstrip(".")) in _TITLE_KEYS


def _typed(offset: int, title: str, words: list[re.Match[str]],
           start: int) -> TypedName:
    """A candidate name ending at the last of `words` (its possessive left out)."""
    family = _POSSESSIVE.sub("", words[-1].group(0))
    given = words[0].group(0) if len(words) == 2 else ""
    end = words[-1].start() + len(family)
    return TypedName(offset + start, offset + end, "", NameParts(given, family, title))


def _candidates(offset: int, run: list[re.Match[str]]) -> Iterator[TypedName]:
    """Title + family, title + given + family, and given + family, at each word of a run."""
    for index, first in enumerate(run):
        rest = run[index + 1: index + 3]
        if _is_title(first.group(0)):
            for words in (rest[:1], rest[:2]):
                if words and not _is_title(words[0].group(0)):
                    yield _typed(offset, first.group(0), words, first.start())
        elif rest:
            yield _typed(offset, "", [first, rest[0]], first.start())


def typed_names(stored: str) -> list[TypedName]:
    """Every span of the plain text that could be a person's name, with its parts."""
    names = []
    for offset, text in _plain_segments(stored):
        for run in _runs(text):
            for name in _candidates(offset, run):
                names.append(replace(name, text=stored[name.start:name.end]))
    return names


def near_misses(
    stored: str, people: Sequence[RosterPerson]
) -> list[tuple[TypedName, RosterPerson]]:
    """Typed names that nearly match a roster person, first one per place, in text order."""
    keyed = [(known.id, known.person.name_parts) for known in people if known.person.family_name]
    by_id = {person.id: person for person in people}
    found: list[tuple[TypedName, RosterPerson]] = []
    for name in typed_names(stored):
        if found and name.start < found[-1][0].end:
            continue
        try:
            person_id, match = best_match(name.parts, keyed)
        except LookupError:
            continue
        if match is NameMatch.NEAR:
            found.append((name, by_id[person_id]))
    return found


def _linked(stored: str, spans: Sequence[TypedName], person_id: int) -> str:
    out, last = [], 0
    for span in spans:
        out += [stored[last:span.start], person_token(person_id)]
        last = span.end
    out.append(stored[last:])
    return "".join(out)


def check_near_miss_names(places: Sequence[Located],
                          people: Sequence[RosterPerson]) -> list[Finding]:
    """One finding per paragraph and typed name; the fix links every such spelling in the
    paragraph to the person (a token, so the name is always spelled from the roster)."""
    findings = []
    for place in places:
        stored = place.paragraph.stored_text
        groups: dict[tuple[str, int], list[TypedName]] = {}
        for name, person in near_misses(stored, people):
            groups.setdefault((name.text, person.id), []).append(name)
        for (text, person_id), spans in groups.items():
            person = next(p for p in people if p.id == person_id)
            fix = (text_fix(f"Replace with {person.name} (linked to the roster)", stored,
                            _linked(stored, spans, person_id)) if place.editable else None)
            findings.append(finding_at(
                place, CheckId.NEAR_MISS_NAME, Severity.WARNING,
                f'near-miss name: "{text}" typed as plain text; did you mean {person.name}?',
                subject=text, fix=fix))
    return findings


def check_not_present(places: Sequence[Located],
                      people: Mapping[int, RosterPerson]) -> list[Finding]:
    """People mentioned (or set as a paragraph's speaker) but not recorded as attending, at
    their first mention: a warning with a fix recording them as attending. Someone recorded
    as sent apologies or absent is reported only where the text has them speak ("Ms Chaudhry
    explained…"; minutes often name people who were away: "Apologies were received from Ms
    Chaudhry"), as a suggestion without a fix."""
    mentioned: dict[int, Located] = {}
    speaking: dict[int, Located] = {}
    in_apologies: set[int] = set()
    for place in places:
        stored = place.paragraph.stored_text
        for person_id in mentioned_ids(stored):
            mentioned.setdefault(person_id, place)
        in_apologies.update(apologies_mentions(stored))
        if place.paragraph.speaker_id is not None:
            mentioned.setdefault(place.paragraph.speaker_id, place)
        for match in _SPEAKS.finditer(stored):
            speaking.setdefault(int(match.group(1)), place)
    findings = []
    for person_id, place in mentioned.items():
        person = people.get(person_id)
        if person is None or person.status in ATTENDING:
            continue
        if person.status is None:
            findings.append(_not_recorded(place, person, person_id in in_apologies))
        elif person_id in speaking:
            findings.append(_speaks_while_away(speaking[person_id], person))
    return findings


def speaker_unless_apologising(stored: str, person_id: int | None) -> int | None:
    """`person_id` as the paragraph's speaker, or None when the paragraph names them only in a
    sentence about apologies ("Apologies were received from {@5}.": they are not speaking)."""
    return None if person_id in apologies_mentions(stored) else person_id


def apologies_mentions(stored: str) -> set[int]:
    """People named in a sentence about apologies ("Apologies were received from {@5}.")."""
    found: set[int] = set()
    for sentence in _SENTENCE.split(stored):
        if "apolog" in sentence.casefold():
            found.update(mentioned_ids(sentence))
    return found


def _not_recorded(place: Located, person: RosterPerson, sent_apologies: bool) -> Finding:
    """Not recorded: the fix records them as attending, or as apologies when the minutes
    name them in an apologies sentence."""
    status = AttendanceStatus.APOLOGIES if sent_apologies else person.attending_status
    fix = Fix(FixKind.RECORD_ATTENDANCE,
              f"Record {person.name} as {STATUS_TEXT[status].lower()}",
              person_id=person.id, status=status)
    message = (f"named in apologies but no attendance recorded: {person.name}" if sent_apologies
               else f"mentioned but not recorded as present: {person.name}")
    return finding_at(place, CheckId.NOT_PRESENT, Severity.WARNING, message,
                      subject=str(person.id), fix=fix)


def _speaks_while_away(place: Located, person: RosterPerson) -> Finding:
    assert person.status is not None
    recorded = STATUS_TEXT[person.status].lower()
    return finding_at(place, CheckId.NOT_PRESENT, Severity.SUGGESTION,
                      f"speaks but is recorded as {recorded}: {person.name}",
                      subject=f"{person.id}:{person.status.value}")
