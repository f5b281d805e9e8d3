"""Person references stored inside paragraph text as tokens, rendered by naming conventions.

A paragraph's stored text holds `{@12}` where person 12 is mentioned and `{@member}` for the
anonymous member form, so correcting a name in the roster corrects every paragraph.
"""

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from clerkdesk.domain.naming import ANONYMOUS_MEMBER, at_sentence_start

TOKEN = re.compile(r"\{@(\d+|member)\}")
ANONYMOUS_TOKEN = "{@member}"
_SENTENCE_END = ".!?"


def person_token(person_id: int) -> str:
    return f"{{@{person_id}}}"


@dataclass(frozen=True)
class Mention:
    """One token found in stored text; `person_id` is None for the anonymous member."""

    start: int
    end: int
    person_id: int | None


def iter_mentions(stored: str) -> Iterator[Mention]:
    for match in TOKEN.finditer(stored):
        key = match.group(1)
        yield Mention(match.start(), match.end(), None if key == "member" else int(key))


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
    """Replace tokens with written names; a name opening a sentence is capitalised."""
    out: list[str] = []
    last = 0
    for mention in iter_mentions(stored):
        out.append(stored[last : mention.start])
        name = ANONYMOUS_MEMBER if mention.person_id is None else name_of(mention.person_id)
        if starts_sentence("".join(out)):
            name = at_sentence_start(name)
        out.append(name)
        last = mention.end
    out.append(stored[last:])
    return "".join(out)
