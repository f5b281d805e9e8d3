"""How a RESOLVED paragraph is written by the committee's convention, and its vote line.

Styles, for the text "note the report; approve the budget" and prefix "RESOLVED –":

- DASH (default): the prefix as the committee writes it, then the text, unchanged:
  "RESOLVED – note the report; approve the budget".
- THAT: the prefix without its trailing dash or colon, then "that", then the text; a leading
  "that" in the text is not doubled and a leading "The"/"A"/"An" is lower-cased:
  "RESOLVED that the minutes be approved".
- TO_LIST: the text is read as clauses separated by semicolons or line breaks (a leading "to"
  or "and" and trailing punctuation are dropped); the first word of each clause is written in
  capitals when typed in lower case (the verb). One clause stays on one line
  ("RESOLVED to NOTE the report."); several become "RESOLVED to:" and lettered lines
  "a) NOTE the report;" "b) APPROVE the budget.".
"""

import re
from collections.abc import Callable
from enum import StrEnum

from clerkdesk.domain.flag_fields import ResolutionFields, has_vote
from clerkdesk.domain.mentions import render
from clerkdesk.domain.numbering import alpha

Line = tuple[int, str]
NameOf = Callable[[int], str]
_PREFIX_END = " \t–—-:,"
_ARTICLES = ("The ", "A ", "An ")
_CLAUSE_BREAK = re.compile(r"[;\n]")
_LEADING_LABEL = re.compile(r"^\(?(?:[a-z]|[ivx]+)\)\s*")  # "a) " or "(ii) " typed by hand
_LEADING_JOINER = re.compile(r"^(?:and|or|to)\s+", re.IGNORECASE)
_JOINERS = ("and", "or", "to")
_TRAILING_JOINER = re.compile(r"(?:[\s,;.]+(?:and|or))?[\s,;.]*$", re.IGNORECASE)


class ResolutionStyle(StrEnum):
    DASH = "dash"  # RESOLVED – The Sub-Committee noted the report.
    THAT = "that"  # RESOLVED that the minutes be approved.
    TO_LIST = "to_list"  # RESOLVED to: a) NOTE the report; b) APPROVE the budget.

    @property
    def description(self) -> str:
        return {
            ResolutionStyle.DASH: "RESOLVED – …",
            ResolutionStyle.THAT: "RESOLVED that …",
            ResolutionStyle.TO_LIST: "RESOLVED to: a) NOTE … b) APPROVE …",
        }[self]


def _unknown(person_id: int) -> str:
    return "[unknown person]"


def resolution_lines(
    style: ResolutionStyle, prefix: str, text: str,
    fields: ResolutionFields | None = None, name_of: NameOf | None = None,
) -> list[Line]:
    """(level, line) pairs of a resolution as published, ending with the vote line if any."""
    style = ResolutionStyle(style)
    if style is ResolutionStyle.THAT:
        lines = [(0, _that_line(prefix, text))]
    elif style is ResolutionStyle.TO_LIST:
        lines = _to_lines(prefix, text)
    else:
        lines = [(0, f"{prefix} {text}".strip())]
    if fields is not None and has_vote(fields):
        lines.append((0, vote_line(fields, name_of or _unknown)))
    return lines


def bold_lead(line: str, prefix: str) -> str:
    """The part of a resolution's first line to set in bold: 'RESOLVED –' or 'RESOLVED' (or
    '' when the line starts with neither)."""
    bare = prefix.rstrip(" –-:").strip()
    return next((lead for lead in (prefix, bare) if lead and line.startswith(lead)), "")


def _bare(prefix: str) -> str:
    """'RESOLVED –' -> 'RESOLVED' (the word(s) before a dash or colon)."""
    return prefix.strip().rstrip(_PREFIX_END)


def _that_line(prefix: str, text: str) -> str:
    body = text.strip()
    if body.lower().startswith("that "):
        body = body[5:].lstrip()
    if body.startswith(_ARTICLES):
        body = body[0].lower() + body[1:]
    return f"{_bare(prefix)} that {body}".strip()


def clauses(text: str) -> list[str]:
    """The clauses of a TO_LIST resolution, verbs in capitals, without joining punctuation."""
    found = []
    for part in _CLAUSE_BREAK.split(text):
        clause = _LEADING_JOINER.sub("", _LEADING_LABEL.sub("", part.strip()))
        clause = _TRAILING_JOINER.sub("", clause)
        if clause and clause.lower() not in _JOINERS:
            verb, _, rest = clause.partition(" ")
            if verb.isalpha() and verb.islower():
                verb = verb.upper()
            found.append(f"{verb} {rest}".strip())
    return found


def _to_lines(prefix: str, text: str) -> list[Line]:
    parts = clauses(text)
    if len(parts) == 1 and text.strip().startswith((*_ARTICLES, "That ", "that ")):
        return [(0, _that_line(prefix, text))]  # a whole sentence, not "to NOTE …"
    if len(parts) <= 1:
        return [(0, f"{_bare(prefix)} to {''.join(parts)}.".strip())] if parts else [
            (0, _bare(prefix))]
    lines: list[Line] = [(0, f"{_bare(prefix)} to:")]
    for index, clause in enumerate(parts, start=1):
        end = "." if index == len(parts) else ";"
        lines.append((1, f"{alpha(index)}) {clause}{end}"))
    return lines


def vote_line(fields: ResolutionFields, name_of: NameOf) -> str:
    """'(Carried: 7 for, 2 against, 1 abstention; moved by Mr Love, seconded by Ms Hannon;
    the Chair used a casting vote; For: …)', or '' when no vote was recorded."""
    counts = [f"{n} {word}" for n, word in (
        (fields.votes_for, "for"), (fields.votes_against, "against"),
        (fields.abstentions, "abstention" if fields.abstentions == 1 else "abstentions"),
    ) if n is not None]
    outcome = {True: "Carried", False: "Lost", None: ""}[fields.carried]
    tally = ", ".join(counts)
    if outcome:
        tally = f"{outcome}: {tally}" if tally else outcome
    proposers = ", ".join(
        f"{verb} by {name_of(person)}"
        for verb, person in (("moved", fields.mover_id), ("seconded", fields.seconder_id))
        if person is not None
    )
    casting = "the Chair used a casting vote" if fields.casting_vote else ""
    recorded = render(fields.recorded_votes, name_of).strip().rstrip(".;")
    parts = [part for part in (tally, proposers, casting, recorded) if part]
    return f"({'; '.join(parts)})" if parts else ""
