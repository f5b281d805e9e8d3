"""Person references stored inside paragraph text as tokens, rendered by naming conventions.

A paragraph's stored text holds `{@12}` where person 12 is mentioned and `{@member}` for the
anonymous member form, so correcting a name in the roster corrects every paragraph. Imported
minutes keep the name as the source printed it, `{@12|Mr J Scholes}`, until the clerk applies the
committee's convention (`without_printed_forms`).
"""

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from clerkdesk.domain.naming import ANONYMOUS_MEMBER, at_sentence_start

PRINTED_PART = r"(?:\|(?:[^\\{}]|\\.)*)?"  # "|Mr J Scholes" after the id, or nothing
TOKEN = re.compile(r"\{@(\d+|member)(?:\|((?:[^\\{}]|\\.)*))?\}", re.DOTALL)
ANONYMOUS_TOKEN = "{@member}"
_SENTENCE_END = ".!?"
_ESCAPED = re.compile(r"([\\{}|])")
_UNESCAPED = re.compile(r"\\(.)", re.DOTALL)


def person_token(person_id: int, printed: str = "") -> str:
    """The token for a person; `printed` is the name as a source printed it, shown instead of
    the convention's form."""
    printed = printed.strip()
    if not printed:
        return f"{{@{person_id}}}"
    escaped = _ESCAPED.sub(r"\\\1", printed)
    return f"{{@{person_id}|{escaped}}}"


@dataclass(frozen=True)
class Mention:
    """One token found in stored text; `person_id` is None for the anonymous member."""

    start: int
    end: int
    person_id: int | None
    printed: str = ""  # the name as the imported source printed it; "" follows the convention


def iter_mentions(stored: str) -> Iterator[Mention]:
    for match in TOKEN.finditer(stored):
        key = match.group(1)
        printed = _UNESCAPED.sub(r"\1", match.group(2) or "")
        yield Mention(match.start(), match.end(), None if key == "member" else int(key), printed)


def has_printed_forms(stored: str) -> bool:
    return any(mention.printed for mention in iter_mentions(stored))


def without_printed_forms(stored: str) -> str:
    """The stored text with every name following the committee's convention again."""
    return TOKEN.sub(lambda m: f"{{@{m.group(1)}}}", stored)


def mentioned_ids(stored: str) -> list[int]:
    """Distinct person ids mentioned, in order of first mention."""
    seen: dict[int, None] = {}
    for mention in iter_mentions(stored):
        if mention.person_id is not None:
            seen.setdefault(mention.person_id, None)
    return list(seen)


def starts_sentence(text_before: str) -> bool:
    """True when a word following `text_before` begins a sentence."""
    stripped = text_before.rstrip()
    return not stripped or stripped[-1] in _SENTENCE_END


NameLookup = Callable[[int], str]


def render(stored: str, name_of: NameLookup) -> str:
    """Replace tokens with written names (a printed form as printed); a name opening a
    sentence is capitalised."""
    out: list[str] = []
    last = 0
    for mention in iter_mentions(stored):
        out.append(stored[last : mention.start])
        if mention.printed:
            out.append(mention.printed)
            last = mention.end
            continue
        name = ANONYMOUS_MEMBER if mention.person_id is None else name_of(mention.person_id)
        if starts_sentence("".join(out)):
            name = at_sentence_start(name)
        out.append(name)
        last = mention.end
    out.append(stored[last:])
    return "".join(out)
