"""What a clerk types in the search box, read into parts both search engines understand.

Words must all appear (any order, any ending: "contracts" finds "contract"); `"an exact
phrase"`; `transp*` for words starting so; `OR` and `NOT` between parts, and brackets. A word
with punctuation (`24/01234/FUL`) is searched as the exact sequence. Anything else (SQL,
emoji, `NEAR`, stray `*`) is just text to look for.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from clerkdesk.errors import ClerkDeskError

MAX_QUERY_CHARS = 1000
OPERATORS = ("OR", "NOT", "AND")
_PART = re.compile(r'"[^"]*"?|[()]|[^\s()"]+')
_WORD_CHARS = re.compile(r"\w")


class QueryError(ClerkDeskError):
    """A search the clerk typed that cannot be read; the message is one line for them."""


@dataclass(frozen=True)
class Term:
    """Text to look for: a word, a phrase (`exact`), or a word prefix."""

    text: str
    exact: bool = False
    prefix: bool = False


Part = Term | str  # a Term, an operator ("OR", "NOT") or a bracket


def parse(query: str) -> list[Part]:
    """The query's parts, with implicit AND; raises QueryError on what cannot be read."""
    if len(query) > MAX_QUERY_CHARS:
        raise QueryError(f"The search is too long ({len(query):,} characters; at most "
                         f"{MAX_QUERY_CHARS:,}).")
    parts: list[Part] = []
    for raw in _PART.findall(query):
        part = _read(raw)
        if part is not None:
            parts.append(part)
    _check(parts)
    return [p for p in parts if p != "AND"]


def _read(raw: str) -> Part | None:
    if raw.startswith('"'):
        if len(raw) == 1 or not raw.endswith('"'):
            raise QueryError('The search has a " with no closing ". Put a phrase between two ".')
        inner = raw[1:-1].strip()
        return Term(inner, exact=True) if _WORD_CHARS.search(inner) else None
    if raw in OPERATORS or raw in "()":
        return raw
    prefix = raw.endswith("*")
    word = raw.rstrip("*").strip("*")
    if not _WORD_CHARS.search(word):
        return None  # punctuation or emoji alone: nothing a search can match
    has_punctuation = bool(re.search(r"[^\w]", word))
    return Term(word, exact=has_punctuation, prefix=prefix and not has_punctuation)


def _check(parts: Sequence[Part]) -> None:
    depth, expecting_term = 0, True
    for part in parts:
        if part == "(":
            depth, expecting_term = depth + 1, True
        elif part == ")":
            if expecting_term or depth == 0:
                raise QueryError("The search has a ) with no word and ( before it.")
            depth -= 1
        elif part in OPERATORS:
            if expecting_term:
                raise QueryError(f"{part} must come between two words or phrases.")
            expecting_term = True
        else:
            expecting_term = False
    if depth:
        raise QueryError("The search has a ( with no ) after it.")
    if parts and parts[-1] in OPERATORS:
        raise QueryError(f"{parts[-1]} must come between two words or phrases.")
    if not any(isinstance(p, Term) for p in parts):
        raise QueryError("Type a word or phrase to search for.")


Expander = Callable[[Term], Sequence[str]]


def _fts_string(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def to_fts(parts: Sequence[Part], also: Expander) -> str:
    """An FTS5 MATCH expression; `also(term)` gives extra tokens (people's references) to OR in."""
    out: list[str] = []
    for index, part in enumerate(parts):
        if index and _needs_and(parts[index - 1], part):
            out.append("AND")
        if isinstance(part, Term):
            out.append(_fts_term(part, also(part)))
        else:
            out.append(part)
    return " ".join(out)


def _needs_and(before: Part, after: Part) -> bool:
    return (isinstance(before, Term) or before == ")") and (isinstance(after, Term) or after == "(")


def _fts_term(term: Term, extra: Sequence[str]) -> str:
    own = _fts_string(term.text) + ("*" if term.prefix else "")
    if not extra:
        return own
    return "(" + " OR ".join([own, *(_fts_string(token) for token in extra)]) + ")"


def to_sql_condition(parts: Sequence[Part], also: Expander) -> tuple[str, list[str]]:
    """The same search as an SQL condition on column `body` with LIKE (when FTS5 is missing)."""
    out: list[str] = []
    params: list[str] = []
    for index, part in enumerate(parts):
        if index and _needs_and(parts[index - 1], part):
            out.append("AND")
        if isinstance(part, Term):
            likes = [part.text, *also(part)]
            out.append("(" + " OR ".join(["body LIKE ? ESCAPE '\\'"] * len(likes)) + ")")
            params.extend(f"%{_escape_like(text)}%" for text in likes)
        else:
            out.append({"NOT": "AND NOT"}.get(part, part))
    return " ".join(out), params


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def words_to_highlight(parts: Sequence[Part]) -> list[Term]:
    """The terms whose matches are highlighted (not those after NOT)."""
    return [p for i, p in enumerate(parts)
            if isinstance(p, Term) and (i == 0 or parts[i - 1] != "NOT")]
