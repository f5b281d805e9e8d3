"""Find the people named in reported-speech minutes, and where each mention stands in the text.

Officers are found by full name directly before a reporting verb ("Sarah Hammond explained") or
after "In reply to a question ..., "; members by title ("Mr Love", "Cllr Smith"); the Chair and
Vice-Chair by role; "A Member" is the anonymous member. Every occurrence of a found name is then
a mention, wherever it stands.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass

from clerkdesk.domain.enums import PersonKind, Role
from clerkdesk.domain.mentions import starts_sentence
from clerkdesk.domain.people_match import NameParts
from clerkdesk.importers.stop_words import (
    ADVERBS,
    NOT_NAME_SUFFIXES,
    STOP_WORDS,
    SURNAMES_WITH_NOUN_ENDINGS,
    TITLES,
    VERBS,
)

_UPPER = "A-ZÀ-ÖØ-Þ\u0100-\u017f"
_LOWER = "a-zß-öø-ÿ\u0100-\u017f"
_PREFIX = r"(?:Mc|Mac|O['’]|D['’])?"
WORD = rf"{_PREFIX}[{_UPPER}][{_LOWER}]+(?:-{_PREFIX}[{_UPPER}][{_LOWER}]+)?"
_END = r"(?![\w'’-])"
_START = r"(?<![\w'’-])"
_RUN = rf"((?:{WORD} ){{1,3}}{WORD})"
_APPOSITION = r"(?:,(?P<job>[^,()\n]{2,80}),| \((?P<job2>[^()\n]{2,80})\))?"
_REPORTING = rf" (?:(?:{'|'.join(ADVERBS)}) )?(?:{'|'.join(VERBS)})\b"
_SPEECH = re.compile(rf"{_START}{_RUN}{_APPOSITION}{_REPORTING}")
_IN_REPLY = re.compile(rf"\bIn (?:reply|response|answer) to\b[^.;\n]{{0,300}}?, {_RUN}{_END}")
_SPEAKS_AFTER = re.compile(rf"{_APPOSITION}{_REPORTING}")
_TITLED = re.compile(
    rf"{_START}(?P<title>{'|'.join(TITLES)})\.? "
    rf"(?:(?P<given>{WORD}) (?={WORD}{_END}))?"
    rf"(?:(?P<initials>[A-Z](?:\.? ?[A-Z]){{0,2}})\.? )?"
    rf"(?P<family>{WORD}){_END}"
)
_ROLE = re.compile(r"(?P<phrase>[Tt]he (?P<role>Vice-Chair|Chair))(?![\w-])")
_ANONYMOUS = re.compile(r"[Aa] Member(?![\w-])")
_ROLES = {"Chair": Role.CHAIR, "Vice-Chair": Role.VICE_CHAIR}


@dataclass(frozen=True)
class Spelling:
    """A name as written in the text, with what it tells about the person."""

    text: str
    kind: PersonKind
    parts: NameParts
    initials: str = ""
    job_title: str = ""


@dataclass(frozen=True)
class Mention:
    """A mention in one paragraph: a found name (`spelling`), a role, or the anonymous member."""

    start: int
    end: int
    spelling: str = ""
    role: Role | None = None
    speaks: bool = False  # directly followed by a reporting verb: this person is speaking


def find_spellings(texts: Sequence[str]) -> dict[str, Spelling]:
    """Every distinct name spelling found in the paragraphs, in order of first appearance."""
    found: dict[str, Spelling] = {}
    for text in texts:
        for spelling in _titled_names(text):
            found.setdefault(spelling.text, spelling)
        for spelling in _officer_names(text):
            found.setdefault(spelling.text, spelling)
    return _prefer_shorter_runs(found)


def _titled_names(text: str) -> list[Spelling]:
    spellings = []
    for match in _TITLED.finditer(text):
        title, given, family = match.group("title"), match.group("given"), match.group("family")
        if _is_stop(family):
            if not given or _is_stop(given):
                continue
            family, given = given, None
            written = text[match.start() : match.start("given") + len(family)]
        else:
            written = match.group(0)
        initials = (match.group("initials") or "").replace(".", "").replace(" ", "")
        spellings.append(Spelling(written, PersonKind.MEMBER,
                                  NameParts(given or "", family, title), initials))
    return spellings


def _officer_names(text: str) -> list[Spelling]:
    spellings = []
    for match in _SPEECH.finditer(text):
        job = (match.group("job") or match.group("job2") or "").strip()
        words = _name_words(match.group(1), _word_before(text, match.start(1)))
        if words:
            spellings.append(_officer(words, job if _looks_like_job(job) else ""))
    for match in _IN_REPLY.finditer(text):
        words = _name_words(match.group(1), _word_before(text, match.start(1)))
        if words:
            spellings.append(_officer(words, ""))
    return spellings


def _officer(words: Sequence[str], job_title: str) -> Spelling:
    parts = NameParts(" ".join(words[:-1]), words[-1])
    return Spelling(" ".join(words), PersonKind.OFFICER, parts, job_title=job_title)


def _word_before(text: str, start: int) -> str:
    """The word before `start`, without a trailing full stop ("Mr." -> "Mr")."""
    window = text[max(0, start - 40) : start].rstrip().rstrip(".")
    return window.rsplit(" ", 1)[-1] if window else ""


def _name_words(run: str, word_before: str) -> list[str]:
    """The trailing two or three words of a capitalised run that can be a name, else []."""
    words = run.split()
    kept: list[str] = []
    for word in reversed(words):
        if _is_stop(word) or len(kept) == 3:
            break
        kept.insert(0, word)
    if len(kept) < 2:
        return []
    before = words[len(words) - len(kept) - 1] if len(kept) < len(words) else word_before
    if before in TITLES:
        return []  # a titled member ("Cllr Jane Smith"), found by title instead
    return kept


def is_name_word(word: str) -> bool:
    """A capitalised word that can be part of a person's name (not a title or a common noun)."""
    return bool(re.fullmatch(WORD, word)) and not _is_stop(word)


def _is_stop(word: str) -> bool:
    if word in STOP_WORDS or word in TITLES:
        return True
    lower = word.lower()
    noun_ending = any(lower.endswith(end) and len(lower) > len(end) + 2
                      for end in NOT_NAME_SUFFIXES)
    return noun_ending and word not in SURNAMES_WITH_NOUN_ENDINGS


def _looks_like_job(text: str) -> bool:
    return bool(text) and (text[0].isupper() or text.startswith("the ")) and len(text.split()) <= 10


def _prefer_shorter_runs(found: dict[str, Spelling]) -> dict[str, Spelling]:
    """Drop a leading word ("Yesterday Sarah Hammond") when its last two words are a name too."""
    result: dict[str, Spelling] = {}
    for text, spelling in found.items():
        words = text.split()
        if spelling.kind is PersonKind.OFFICER and len(words) == 3:
            shorter = " ".join(words[1:])
            if shorter in found:
                continue
        result[text] = spelling
    return result


def name_pattern(spellings: Sequence[str]) -> re.Pattern[str] | None:
    """One pattern matching any of the spellings as whole words, longest first."""
    if not spellings:
        return None
    alternatives = "|".join(re.escape(s) for s in sorted(spellings, key=len, reverse=True))
    return re.compile(rf"{_START}(?:{alternatives})(?![\w-])")  # a possessive ’s may follow


def find_mentions(text: str, names: re.Pattern[str] | None) -> list[Mention]:
    """Mentions in one paragraph, left to right, not overlapping (a longer name wins)."""
    mentions = _role_mentions(text) + _anonymous_mentions(text)
    if names is not None:
        mentions += [Mention(m.start(), m.end(), spelling=m.group(0), speaks=_speaks(text, m.end()))
                     for m in names.finditer(text)]
    mentions.sort(key=lambda m: (m.start, -m.end))
    kept: list[Mention] = []
    for mention in mentions:
        if not kept or mention.start >= kept[-1].end:
            kept.append(mention)
    return kept


def _speaks(text: str, end: int) -> bool:
    return bool(_SPEAKS_AFTER.match(text, end))


def _capitalised_as_written(text: str, start: int) -> bool:
    """Rendering capitalises a role or "a Member" only at a sentence start; keep only matches
    whose capital letter agrees, so the rendered text equals the original."""
    before = start - 1
    while before >= 0 and text[before].isspace():
        before -= 1
    at_sentence_start = starts_sentence(text[before] if before >= 0 else "")
    return text[start].isupper() == at_sentence_start


def _role_mentions(text: str) -> list[Mention]:
    mentions = []
    for match in _ROLE.finditer(text):
        start, end = match.span("phrase")
        if start and (text[start - 1].isalnum() or text[start - 1] == "-"):
            continue
        if text[max(0, start - 3) : start].lower() == "in " or text.startswith(" of ", end):
            continue  # "in the Chair"; "the Chair of another body"
        if _capitalised_as_written(text, start):
            role = _ROLES[match.group("role")]
            mentions.append(Mention(start, end, role=role, speaks=_speaks(text, end)))
    return mentions


def _anonymous_mentions(text: str) -> list[Mention]:
    return [
        Mention(m.start(), m.end(), speaks=_speaks(text, m.end()))
        for m in _ANONYMOUS.finditer(text)
        if (m.start() == 0 or not (text[m.start() - 1].isalnum() or text[m.start() - 1] == "-"))
        and _capitalised_as_written(text, m.start())
    ]
