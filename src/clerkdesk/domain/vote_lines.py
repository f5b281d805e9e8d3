"""Read a recorded vote written under a resolution back into numbers, e.g. for an import.

Accepts ClerkDesk's own line ("(Carried: 7 for, 2 against, 1 abstention; moved by Mr Love)")
and the usual council forms: "For: 7, Against: 2, Abstentions: 1", "(7 For, 2 Against)",
"The motion was carried by 7 votes to 2", "CARRIED unanimously", "Lost". A line is taken only
when every part of it is understood, so prose that mentions votes stays a paragraph.
"""

import re
from dataclasses import dataclass

_MAX_LENGTH = 400
_OUTCOME = re.compile(
    r"^(?:the\s+)?(?:(?:motion|amendment|recommendation|proposal)\s+)?(?:was\s+)?"
    r"(?P<word>carried|lost|fell|defeated|agreed)"
    r"(?:\s+(?P<unanimous>unanimously|nem\.?\s*con\.?))?"
    r"(?:\s+by\s+(?P<won>\d+)\s+votes?\s+to\s+(?P<lost>\d+))?\s*[:.,–-]?\s*",
    re.IGNORECASE,
)
_UNANIMOUS = re.compile(r"^(?:unanimous(?:ly)?(?:\s+(?:carried|agreed))?|nem\.?\s*con\.?)\.?$",
                        re.IGNORECASE)
_COUNT = re.compile(
    r"^(?:(?P<n1>\d+)\s+(?:votes?\s+)?(?P<w1>for|against|abstentions?|abstained|abstain)"
    r"|(?:votes?\s+)?(?P<w2>for|against|abstentions?|abstained|abstain)\s*[:\-–]?\s*(?P<n2>\d+)"
    r"|with\s+(?P<n3>\d+)\s+abstentions?)\.?$",
    re.IGNORECASE,
)
_CASTING = re.compile(r"\bcasting\s+vote\b", re.IGNORECASE)
_NAMED = re.compile(r"^(?:moved|seconded|proposed)\s+by\s+\S|^(?:for|against|abstain\w*)\s*:\s*"
                    r"[^\d\s]", re.IGNORECASE)
_WORDS = {"for": "votes_for", "against": "votes_against"}


@dataclass(frozen=True)
class VoteRecord:
    """What a vote line says; `recorded` keeps named parts ("moved by Mr Love") as written."""

    votes_for: int | None = None
    votes_against: int | None = None
    abstentions: int | None = None
    carried: bool | None = None
    casting_vote: bool = False
    recorded: str = ""


def parse_vote_line(line: str) -> VoteRecord | None:
    """The vote a whole line records, or None when the line is anything else."""
    body = _unwrap(line)
    if not body or len(body) > _MAX_LENGTH:
        return None
    fields: dict[str, object] = {}
    match = _OUTCOME.match(body)
    if match and (match.end() == len(body) or match.group(0)[-1:] in ":.,–- " or
                  match.group("won")):
        fields["carried"] = match.group("word").lower() in ("carried", "agreed")
        if match.group("won"):
            fields["votes_for"], fields["votes_against"] = _outcome_counts(match)
        body = body[match.end():]
    elif _UNANIMOUS.match(body):
        return VoteRecord(carried=True)
    return _parts(body, fields)


def _unwrap(line: str) -> str:
    text = " ".join(line.split())
    while len(text) > 1 and text[0] + text[-1] in ("()", "[]"):
        text = text[1:-1].strip()
    return text.rstrip(".").strip()


def _outcome_counts(match: re.Match[str]) -> tuple[int, int]:
    won, lost = int(match.group("won")), int(match.group("lost"))
    return (won, lost) if match.group("word").lower() in ("carried", "agreed") else (lost, won)


def _parts(body: str, fields: dict[str, object]) -> VoteRecord | None:
    """Counts, a casting vote and named parts, separated by commas, semicolons or "and"."""
    named: list[str] = []
    for part in re.split(r"\s*;\s*", body.strip()) if body.strip() else []:
        if _CASTING.search(part) and len(part) < 80:
            fields["casting_vote"] = True
        elif _NAMED.match(part):
            named.append(part)
        elif not _counts(part, fields):
            return None
    if not fields:
        return None
    return VoteRecord(recorded="; ".join(named), **fields)  # type: ignore[arg-type]


def _counts(part: str, fields: dict[str, object]) -> bool:
    """Read "7 for, 2 against and 1 abstention" into `fields`; False if any piece is not a
    count."""
    for piece in re.split(r"\s*,\s*|\s+and\s+", part.strip()):
        if _UNANIMOUS.match(piece):
            fields["carried"] = True
            continue
        match = _COUNT.match(piece)
        if match is None:
            return False
        word = (match.group("w1") or match.group("w2") or "abstention").lower()
        number = int(match.group("n1") or match.group("n2") or match.group("n3"))
        fields[_WORDS.get(word, "abstentions")] = number
    return True
