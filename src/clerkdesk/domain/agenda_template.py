"""A committee's standard agenda items around the business, in the order UK councils use.

Opening items (apologies and substitutes, declarations of interest, minutes of the previous
meeting, matters arising) come first, then the business pasted for the meeting, then the
closing items, which go before the first exempt (Part 2) item. Kept as text a clerk edits:
one item a line, "Title | standard wording", and a `[business]` line where the business goes.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass

BUSINESS_MARK = "[business]"
SEPARATOR = "|"
MAX_TITLE = 200
EXCLUSION_WORD = "exclusion"
EXCLUSION_WORDING = (
    "That under Section 100A(4) of the Local Government Act 1972 the press and public be "
    "excluded from the meeting for the following business on the grounds that it involves the "
    "likely disclosure of exempt information as defined in paragraph … of Part 1 of "
    "Schedule 12A of the Act.")
_EXEMPT = re.compile(r"\bexempt\b|\bpart\s*(?:2|ii)\b|schedule\s*12a|\bconfidential\b", re.I)


@dataclass(frozen=True)
class StandardItem:
    title: str
    wording: str = ""  # the item's first paragraph in a new meeting; '' for none


@dataclass(frozen=True)
class AgendaTemplate:
    opening: tuple[StandardItem, ...] = ()
    closing: tuple[StandardItem, ...] = ()


DEFAULT_TEMPLATE = AgendaTemplate(
    opening=(
        StandardItem("Apologies and substitutes",
                     "Apologies for absence and substitutes were as recorded above."),
        StandardItem("Declarations of interest", "There were no declarations of interest."),
        # The dated resolution is written when the meeting is made (services.approval).
        StandardItem("Minutes of the previous meeting"),
        StandardItem("Matters arising"),
    ),
    closing=(StandardItem("Exclusion of the press and public", EXCLUSION_WORDING),),
)


def _clean(text: str) -> str:
    return " ".join(text.split())


def _item(line: str) -> StandardItem:
    title, _sep, wording = line.partition(SEPARATOR)
    return StandardItem(_clean(title), _clean(wording))


def template_from_text(text: str) -> AgendaTemplate:
    """The template a clerk wrote; lines after the first `[business]` line are closing items."""
    opening: list[StandardItem] = []
    closing: list[StandardItem] = []
    target = opening
    for line in text.splitlines():
        if _clean(line).casefold() == BUSINESS_MARK and target is opening:
            target = closing
            continue
        item = _item(line)
        if item.title:
            target.append(item)
    return AgendaTemplate(tuple(opening), tuple(closing))


def template_to_text(template: AgendaTemplate) -> str:
    def line(item: StandardItem) -> str:
        return f"{item.title} {SEPARATOR} {item.wording}" if item.wording else item.title

    return "\n".join([*map(line, template.opening), BUSINESS_MARK, *map(line, template.closing)])


def agenda_template_of(stored: str) -> AgendaTemplate:
    """The committee's template from its stored text ('' is the default)."""
    return template_from_text(stored) if stored.strip() else DEFAULT_TEMPLATE


def editable_text(stored: str) -> str:
    """What Committee settings shows: the stored text, or the default written out."""
    return stored.strip() or template_to_text(DEFAULT_TEMPLATE)


def stored_template_text(text: str) -> str:
    """What is stored for a template's text: '' for the default (so later improvements to the
    default reach the committee), otherwise the lines as written."""
    cleaned = "\n".join(line.strip() for line in text.strip().splitlines())
    return "" if template_from_text(cleaned) == DEFAULT_TEMPLATE else cleaned


def dialog_text(text: str) -> str:
    """A box the clerk emptied means no standard items, not the default."""
    return text if text.strip() else BUSINESS_MARK


def template_problem(text: str) -> str | None:
    """What is wrong with the text as a template, in one sentence; None when it is fine."""
    marks = sum(1 for line in text.splitlines() if _clean(line).casefold() == BUSINESS_MARK)
    if marks > 1:
        return f"The standard items may have only one “{BUSINESS_MARK}” line."
    if any(len(_item(line).title) > MAX_TITLE for line in text.splitlines()):
        return f"A standard item's title is longer than {MAX_TITLE} characters."
    return None


def looks_exempt(title: str) -> bool:
    """A pasted title that marks a Part 2 item ('exempt', 'Part 2', 'Schedule 12A')."""
    return bool(_EXEMPT.search(title))


def _first_word(title: str) -> str:
    words = re.findall(r"\w+", title.casefold())
    return words[0] if words else ""


def same_item(pasted: str, standard: StandardItem) -> bool:
    """A pasted line takes a standard item's place when both start with the same word
    ('Apologies for absence' for 'Apologies and substitutes')."""
    return bool(_first_word(pasted)) and _first_word(pasted) == _first_word(standard.title)


def _place(items: Sequence[StandardItem], pasted: list[str], used: set[int]) -> list[StandardItem]:
    placed = []
    for item in items:
        match = next((n for n, title in enumerate(pasted)
                      if n not in used and same_item(title, item)), None)
        if match is None:
            placed.append(item)
        else:
            used.add(match)
            placed.append(StandardItem(pasted[match], item.wording))
    return placed


def arrange_agenda(template: AgendaTemplate, business: Sequence[str]) -> list[StandardItem]:
    """The new meeting's items: opening items, the business, closing items before the first
    exempt item. A pasted line that is a standard item takes its place (once), with its
    wording; an exclusion item is left out when no business looks exempt."""
    pasted = [_clean(title) for title in business if _clean(title)]
    used: set[int] = set()
    opening = _place(template.opening, pasted, used)
    closing = _place(template.closing, pasted, used)
    claimed = {item.title for item in closing} & {pasted[n] for n in used}
    rest = [StandardItem(title) for n, title in enumerate(pasted) if n not in used]
    first_exempt = next((n for n, item in enumerate(rest) if looks_exempt(item.title)), None)
    if first_exempt is None:
        closing = [c for c in closing if c.title in claimed
                   or _first_word(c.title) != EXCLUSION_WORD]
        return [*opening, *rest, *closing]
    return [*opening, *rest[:first_exempt], *closing, *rest[first_exempt:]]
