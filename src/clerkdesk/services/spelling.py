"""Spelling and house style for a meeting: the words it knows, the committee dictionary,
words ignored in a meeting, and the committee's house-style settings."""

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from clerkdesk.domain.acronyms import DEFAULT_GLOSSARY
from clerkdesk.domain.house_style import HouseStyle
from clerkdesk.domain.spelling import SpellChecker, normalised
from clerkdesk.errors import ClerkDeskError
from clerkdesk.services._lookup import get_or_fail
from clerkdesk.services.dictionaries import SECOND_LANGUAGES, spell_checker
from clerkdesk.storage.database import Database
from clerkdesk.storage.models import AgendaItem, Committee, Meeting, Person
from clerkdesk.storage.models_review import GlossaryEntry
from clerkdesk.storage.models_spelling import (
    MAX_WORD,
    CommitteeWord,
    HouseStyleSetting,
    IgnoredWord,
)


@dataclass(frozen=True)
class MeetingWords:
    """What spelling needs about a meeting: its committee's style and the words it knows."""

    committee_id: int
    house_style: HouseStyle
    known: tuple[str, ...]


def house_style_in(session: Session, committee_id: int) -> HouseStyle:
    row = session.get(HouseStyleSetting, committee_id)
    return HouseStyle.from_json(row.settings if row else None)


def house_style(db: Database, committee_id: int) -> HouseStyle:
    """The committee's house style (the defaults until it is saved)."""
    with db.transaction() as session:
        get_or_fail(session, Committee, committee_id, "committee")
        return house_style_in(session, committee_id)


def write_house_style_in(session: Session, committee_id: int, style: HouseStyle) -> None:
    if style.second_language and style.second_language not in SECOND_LANGUAGES:
        raise ClerkDeskError(f"There is no {style.second_language} spelling dictionary.")
    session.merge(HouseStyleSetting(committee_id=committee_id, settings=style.to_json()))


def replace_committee_words_in(session: Session, committee_id: int, words: Iterable[str]
                               ) -> None:
    """The committee dictionary becomes exactly `words` (cleaned, duplicates dropped)."""
    cleaned = list(dict.fromkeys(_clean(word) for word in words if word.strip()))
    session.execute(delete(CommitteeWord).where(CommitteeWord.committee_id == committee_id))
    session.flush()
    session.add_all(CommitteeWord(committee_id=committee_id, word=word) for word in cleaned)


def known_words_in(session: Session, meeting: Meeting) -> list[str]:
    """Roster names, glossary acronyms and expansions, agenda titles, the committee's and
    council's names, the venue, the committee dictionary and the meeting's ignored words."""
    committee = meeting.committee
    known = [committee.name, committee.council or "", meeting.venue or ""]
    for person in session.scalars(select(Person)):
        known += [person.title, person.given_name, person.family_name, person.organisation]
    glossary = session.execute(select(GlossaryEntry.acronym, GlossaryEntry.expansion)
                               .where(GlossaryEntry.committee_id == committee.id)).all()
    for acronym, expansion in glossary or DEFAULT_GLOSSARY.items():
        known += [acronym, expansion]
    known += session.scalars(select(AgendaItem.title).where(AgendaItem.meeting_id == meeting.id))
    known += committee_words_in(session, committee.id)
    known += session.scalars(select(IgnoredWord.word).where(IgnoredWord.meeting_id == meeting.id))
    return [text for text in known if text]


def meeting_words(db: Database, meeting_id: int) -> MeetingWords:
    with db.transaction() as session:
        meeting = get_or_fail(session, Meeting, meeting_id, "meeting")
        return MeetingWords(meeting.committee_id, house_style_in(session, meeting.committee_id),
                            tuple(known_words_in(session, meeting)))


def checker_for(words: MeetingWords) -> SpellChecker:
    """A spell checker for the meeting (loads the dictionaries on first use)."""
    return spell_checker(words.house_style.second_language).with_known(words.known)


def committee_words_in(session: Session, committee_id: int) -> list[str]:
    return list(session.scalars(select(CommitteeWord.word).where(
        CommitteeWord.committee_id == committee_id).order_by(CommitteeWord.word)))


def committee_words(db: Database, committee_id: int) -> list[str]:
    """The committee dictionary, alphabetically."""
    with db.transaction() as session:
        get_or_fail(session, Committee, committee_id, "committee")
        return committee_words_in(session, committee_id)


def _clean(word: str) -> str:
    cleaned = normalised(" ".join(word.split()))
    if not cleaned:
        raise ClerkDeskError("There is no word to add.")
    if len(cleaned) > MAX_WORD:
        raise ClerkDeskError(f"A dictionary word can be at most {MAX_WORD} characters long.")
    return cleaned


def add_committee_word(db: Database, committee_id: int, word: str) -> None:
    """Add `word` to the committee dictionary (every meeting of the committee accepts it)."""
    word = _clean(word)
    with db.transaction() as session:
        get_or_fail(session, Committee, committee_id, "committee")
        if word not in committee_words_in(session, committee_id):
            session.add(CommitteeWord(committee_id=committee_id, word=word))


def ignore_in_meeting(db: Database, meeting_id: int, word: str) -> None:
    """Accept `word` everywhere in this meeting's minutes."""
    word = _clean(word)
    with db.transaction() as session:
        get_or_fail(session, Meeting, meeting_id, "meeting")
        exists = session.scalars(select(IgnoredWord).where(
            IgnoredWord.meeting_id == meeting_id, IgnoredWord.word == word)).first()
        if exists is None:
            session.add(IgnoredWord(meeting_id=meeting_id, word=word))
