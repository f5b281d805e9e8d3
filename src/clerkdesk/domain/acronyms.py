"""Acronyms must be expanded at first use ("Accelerated Progress Plan (APP)"), by a glossary.

An acronym is matched as a whole word, case-sensitively ("DfE", "Ofsted"); "EHCPs" is a use of
EHCP. A use counts as expanded when the expansion comes just before it with the acronym in
brackets, "Accelerated Progress Plan (APP)", or just after it in brackets, "APP (Accelerated
Progress Plan)"; case, spacing and apostrophe style are ignored in the comparison.

Item titles come from the agenda and are not the clerk's to rewrite: an expansion in a title
counts (the title precedes the item's minutes), an unexpanded use there is not reported. The
first use in the paragraphs after that must be expanded. Detection and fixes read the stored
text; person tokens hold no capitals, so they never look like acronyms.
"""

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from clerkdesk.domain.people_match import normalise_name
from clerkdesk.domain.review import (
    CheckId,
    Finding,
    FixKind,
    Located,
    Severity,
    finding_at,
    text_fix,
)

DEFAULT_GLOSSARY: dict[str, str] = {
    "APP": "Accelerated Progress Plan",
    "CYPE": "Children, Young People and Education",
    "DfE": "Department for Education",
    "EHC": "Education, Health and Care",
    "EHCP": "Education, Health and Care Plan",
    "KCC": "Kent County Council",
    "NHS": "National Health Service",
    "SEND": "Special Educational Needs and Disabilities",
    "Ofsted": "Office for Standards in Education, Children’s Services and Skills",
}
MAX_ACRONYM = 20
MAX_EXPANSION = 300


@dataclass(frozen=True)
class Use:
    start: int
    end: int
    plural: bool


def _use_pattern(acronym: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w])({re.escape(acronym)})(s?)(?![\w])")


def uses_of(acronym: str, text: str) -> list[Use]:
    return [Use(m.start(), m.end(), bool(m.group(2))) for m in _use_pattern(acronym).finditer(text)]


def _words(text: str) -> str:
    return " ".join(normalise_name(text).replace(",", " ").split())


def _ends_with_words(text: str, words: str) -> bool:
    tail, wanted = _words(text), _words(words)
    return tail == wanted or tail.endswith(" " + wanted) or tail.endswith("(" + wanted)


def _expansion_forms(expansion: str) -> tuple[str, ...]:
    return (expansion, expansion + "s")


def is_expanded(text: str, use: Use, expansion: str) -> bool:
    """True when `use` in `text` is written with its expansion, either way round."""
    before = text[: use.start].rstrip()
    after = text[use.end:]
    if before.endswith("(") and after.lstrip().startswith(")"):
        lead = before[:-1]
        if any(_ends_with_words(lead, form) for form in _expansion_forms(expansion)):
            return True
    bracketed = re.match(r"\s*\(([^()]*)\)", after)
    return bracketed is not None and any(
        _words(bracketed.group(1)) == _words(form) for form in _expansion_forms(expansion))


def expanded_form(acronym: str, expansion: str, use_text: str, plural: bool) -> str:
    """What the fix writes: "Expansion (ACR)", or for "EHCPs" "… Plans (EHCPs)"."""
    if plural and not expansion.endswith("s"):
        return f"{expansion}s ({use_text})"
    return f"{expansion} ({use_text})"


def expand_first_use(text: str, acronym: str, expansion: str) -> str:
    """`text` with its first use of `acronym` written as "Expansion (ACR)"; unchanged if none."""
    found = uses_of(acronym, text)
    if not found:
        return text
    use = found[0]
    written = expanded_form(acronym, expansion, text[use.start:use.end], use.plural)
    return text[: use.start] + written + text[use.end:]


def _expanded_in_title(title: str, acronym: str, expansion: str) -> bool:
    return any(is_expanded(title, use, expansion) for use in uses_of(acronym, title))


def first_use(
    places: Sequence[Located], acronym: str, expansion: str
) -> tuple[Located, Use] | None:
    """The paragraph and use that must carry the expansion; None when none is needed (never
    used, or expanded in an item title before its first use)."""
    seen_items: set[int] = set()
    for place in places:
        if place.item.id not in seen_items:
            seen_items.add(place.item.id)
            if _expanded_in_title(place.item.title, acronym, expansion):
                return None
        found = uses_of(acronym, place.paragraph.stored_text)
        if found:
            return place, found[0]
    return None


def check_acronyms(places: Sequence[Located], glossary: Mapping[str, str]) -> list[Finding]:
    """One finding per glossary acronym whose first use is not expanded; the fix expands it."""
    findings = []
    for acronym, expansion in glossary.items():
        found = first_use(places, acronym, expansion)
        if found is None:
            continue
        place, use = found
        stored = place.paragraph.stored_text
        if is_expanded(stored, use, expansion):
            continue
        written = expanded_form(acronym, expansion, stored[use.start:use.end], use.plural)
        later = _later_expansion(places, place, acronym, expansion)
        message = f'acronym "{acronym}" used before it is expanded: write "{written}"'
        if later:
            message += f" (it is expanded later, in {later})"
        fix = None
        if place.editable:
            fix = text_fix(f'Write "{written}" at its first use', stored,
                           expand_first_use(stored, acronym, expansion), FixKind.EXPAND_ACRONYM)
        else:
            message += " (a linked requests paragraph: change the request or detach the block)"
        findings.append(finding_at(place, CheckId.ACRONYM, Severity.WARNING, message,
                                   subject=acronym, fix=fix))
    return findings


def _later_expansion(places: Sequence[Located], first: Located, acronym: str,
                     expansion: str) -> str:
    """The reference of the first paragraph that does expand the acronym, if any."""
    for place in places:
        if place.position < first.position:
            continue
        text = place.paragraph.stored_text
        if any(is_expanded(text, use, expansion) for use in uses_of(acronym, text)):
            return place.reference
    return ""


def glossary_problem(entries: Iterable[tuple[str, str]]) -> str | None:
    """Why a glossary cannot be saved, or None."""
    seen: set[str] = set()
    for acronym, expansion in entries:
        if not acronym.strip() or any(ch.isspace() for ch in acronym.strip()):
            return f"{acronym!r} is not an acronym: use letters without spaces, e.g. SEND."
        if len(acronym.strip()) > MAX_ACRONYM:
            return f"{acronym!r} is longer than {MAX_ACRONYM} characters."
        if not expansion.strip():
            return f"Give the expansion of {acronym.strip()}."
        if len(expansion.strip()) > MAX_EXPANSION:
            return f"The expansion of {acronym.strip()} is longer than {MAX_EXPANSION} characters."
        if acronym.strip() in seen:
            return f"{acronym.strip()} is listed twice."
        seen.add(acronym.strip())
    return None


GLOSSARY_SEPARATOR = "="
_QUOTED_LINE_LIMIT = 40


def glossary_to_text(entries: Mapping[str, str] | Iterable[tuple[str, str]]) -> str:
    """One "ACRONYM = Expansion" line per entry, for editing as plain text."""
    pairs = entries.items() if isinstance(entries, Mapping) else entries
    return "\n".join(f"{acronym} {GLOSSARY_SEPARATOR} {expansion}" for acronym, expansion in pairs)


def glossary_from_text(text: str) -> tuple[list[tuple[str, str]], str | None]:
    """(acronym, expansion) pairs from "ACRONYM = Expansion" lines (blank lines ignored), and
    the first line without "=" as a problem naming it, or None."""
    pairs: list[tuple[str, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        acronym, separator, expansion = line.partition(GLOSSARY_SEPARATOR)
        if not separator:
            return pairs, _line_without_separator(number, line.strip())
        pairs.append((acronym.strip(), " ".join(expansion.split())))
    return pairs, None


def _line_without_separator(number: int, line: str) -> str:
    quoted = line if len(line) <= _QUOTED_LINE_LIMIT else line[:_QUOTED_LINE_LIMIT] + "…"
    return (f"Line {number} of the glossary, “{quoted}”, needs “=” between the acronym and "
            "its expansion, e.g. SEND = Special Educational Needs and Disabilities.")
