"""Review checks on a paragraph's own text: empty, full stop, spaces, characters, length, level,
tense. Each takes the located paragraphs and returns findings; no database."""

import re
import unicodedata
from collections.abc import Sequence

from clerkdesk.domain.enums import ParagraphStyle
from clerkdesk.domain.mentions import TOKEN
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
from clerkdesk.domain.text import xml_invalid_characters, xml_safe

_SENTENCE_STOPS = ".?!…"
_CLOSERS = "\"'”’)]»"
# A sub-point in a list may end like a list entry: "…;", "…; and", "…, or".
_LIST_ENDING = re.compile(r"(?:;|[;,]\s+(?:and|or))$")
_TRAILING_PUNCTUATION = re.compile(r"[\s,;:–—-]+$")
_SPACE_RUN = re.compile(r"(?<=\S)[ \t\u00a0]{2,}(?=\S)")
_LINE_EDGE_SPACES = re.compile(r"^[ \t\u00a0]+|[ \t\u00a0]+$", re.MULTILINE)


def _numbered(place: Located) -> bool:
    return place.paragraph.style is not ParagraphStyle.UNNUMBERED


def introduces_sub_points(places: Sequence[Located], index: int) -> bool:
    """True when the next paragraph is a sub-point of this one ("RESOLVED:" then a), b))."""
    if index + 1 >= len(places):
        return False
    here, following = places[index], places[index + 1]
    return (following.item.id == here.item.id
            and following.paragraph.level > here.paragraph.level)


def check_empty(places: Sequence[Located]) -> list[Finding]:
    """Paragraphs with no text (a RESOLVED line introducing sub-points is not empty: it prints
    "RESOLVED:"). Fix: delete it, unless flags hang on the paragraph."""
    findings = []
    for index, place in enumerate(places):
        if place.paragraph.stored_text.strip():
            continue
        if (place.paragraph.style is ParagraphStyle.RESOLUTION
                and introduces_sub_points(places, index)):
            continue
        fix = None
        if not place.paragraph.flags and place.editable:
            fix = Fix(FixKind.DELETE_PARAGRAPH, "Delete the empty paragraph",
                      old_text=place.paragraph.stored_text)
        findings.append(finding_at(place, CheckId.EMPTY, Severity.WARNING,
                                   "empty paragraph", fix=fix))
    return findings


def _ends_well(text: str, introduces_sub_points: bool, is_sub_point: bool) -> bool:
    last_line = text.rstrip().splitlines()[-1].rstrip().rstrip(_CLOSERS)
    if not last_line or last_line[-1] in _SENTENCE_STOPS:
        return True
    if last_line.endswith(":") and introduces_sub_points:
        return True
    return is_sub_point and bool(_LIST_ENDING.search(last_line))


def with_full_stop(stored: str) -> str:
    """`stored` ending in a full stop, trailing commas, colons or dashes dropped."""
    return _TRAILING_PUNCTUATION.sub("", stored) + "."


def check_full_stop(places: Sequence[Located]) -> list[Finding]:
    """Numbered paragraphs and RESOLVED lines must end like a sentence: '.', '?', '!' or '…'
    (a closing quote or bracket may follow). A paragraph ending ':' may introduce sub-points;
    a sub-point may end like a list entry ('…;', '…; and'). Unnumbered text (headings, notes)
    is not checked."""
    findings = []
    for index, place in enumerate(places):
        text = place.paragraph.text
        if not _numbered(place) or not text.strip():
            continue
        if _ends_well(text, introduces_sub_points(places, index), place.paragraph.level > 0):
            continue
        ending = text.rstrip()[-20:]
        stored = place.paragraph.stored_text
        fix = (text_fix("Add a full stop at the end", stored, with_full_stop(stored))
               if place.editable else None)
        findings.append(finding_at(place, CheckId.NO_FULL_STOP, Severity.WARNING,
                                   f'no full stop at the end ("…{ending.lstrip()}")',
                                   subject=ending, fix=fix))
    return findings


def tidy_spaces(stored: str) -> str:
    """Runs of spaces inside a line made one space; spaces at line ends removed."""
    return _LINE_EDGE_SPACES.sub("", _SPACE_RUN.sub(" ", stored))


def check_spaces(places: Sequence[Located]) -> list[Finding]:
    """Doubled spaces (and stray spaces at the start or end of a line)."""
    findings = []
    for place in places:
        stored = place.paragraph.stored_text
        tidied = tidy_spaces(stored)
        if tidied == stored or not stored.strip():
            continue
        runs = len(_SPACE_RUN.findall(stored))
        what = f"doubled spaces ({runs} place{'' if runs == 1 else 's'})" if runs else (
            "spaces at the start or end of the text")
        fix = text_fix("Make each run of spaces one space", stored, tidied) if place.editable \
            else None
        findings.append(finding_at(place, CheckId.DOUBLE_SPACE, Severity.WARNING, what,
                                   subject=f"{runs}", fix=fix))
    return findings


def _character_name(char: str) -> str:
    return f"U+{ord(char):04X}" + (f" {unicodedata.name(char)}" if unicodedata.name(char, "")
                                   else "")


def check_xml_characters(places: Sequence[Located]) -> list[Finding]:
    """Characters a Word document cannot hold (control characters, lone surrogates)."""
    findings = []
    for place in places:
        stored = place.paragraph.stored_text
        found = list(dict.fromkeys(xml_invalid_characters(stored)))
        if not found:
            continue
        names = ", ".join(_character_name(c) for c in found)
        fix = text_fix("Replace them (a vertical tab by a line break, others by a space)",
                       stored, xml_safe(stored)) if place.editable \
            else None
        findings.append(finding_at(place, CheckId.XML_INVALID, Severity.ERROR,
                                   f"characters Word cannot hold: {names}",
                                   subject="".join(found), fix=fix))
    return findings


def word_count(text: str) -> int:
    return len(TOKEN.sub("name", text).split())


def check_long(places: Sequence[Located], limit: int) -> list[Finding]:
    """Paragraphs longer than the committee's limit (in words); no automatic fix."""
    findings = []
    for place in places:
        words = word_count(place.paragraph.text)
        if words > limit:
            findings.append(finding_at(
                place, CheckId.LONG_PARAGRAPH, Severity.SUGGESTION,
                f"very long paragraph: {words} words (limit {limit}); consider splitting it"))
    return findings


# Openings that ask a new question rather than answer the one above. "In response to a further
# (supplementary, follow-up) question" is the same questioner going on: a sub-point is right.
_NEW_QUESTION = re.compile(
    r"^(?:in (?:answer|reply|response) to (?:(?:a|an|another|the) )?"
    r"(?:question|questions|query|queries)\b"
    r"|(?:a|another|one) member (?:asked|queried|enquired|inquired|questioned|sought"
    r"|raised|referred)"
    r"|members (?:asked|queried|enquired|inquired|questioned|sought|raised)"
    r"|(?:a|another) (?:question|query) was (?:asked|raised))\b",
    re.IGNORECASE,
)


def new_question_opening(text: str) -> str:
    """The opening words when `text` starts like a new question, else ""."""
    match = _NEW_QUESTION.match(text.lstrip())
    return match.group(0) if match else ""


def check_levels(places: Sequence[Located]) -> list[Finding]:
    """Sub-points that start like a new question ("In answer to a question…", "A Member
    asked…"): probably a main paragraph filed under the previous one. Fix: level 0."""
    findings = []
    for place in places:
        paragraph = place.paragraph
        if paragraph.level == 0 or paragraph.style is not ParagraphStyle.NUMBERED:
            continue
        opening = new_question_opening(paragraph.text)
        if not opening:
            continue
        fix = Fix(FixKind.SET_LEVEL, "Make it a main paragraph", level=0)
        findings.append(finding_at(
            place, CheckId.MISLEVELLED, Severity.WARNING,
            f'mis-levelled: a sub-point that starts like a new question ("{opening}…")',
            subject=opening.casefold(), fix=fix))
    return findings
