"""One-line descriptions of flags for the panel: 'Item 3, para 2' and what the flag is."""

from clerkdesk.domain.enums import FlagKind
from clerkdesk.domain.flag_fields import (
    ActionFields,
    DeclarationFields,
    FlagFields,
    RequestFields,
    ResolutionFields,
    shorten,
)

HEADLINE_LENGTH = 100
FIRST_WORDS = 60
RESOLVED_SUFFIX = " RESOLVED"


def place_label(item_label: str, reference: str) -> str:
    """'Item 3, para 2' from an item label and a paragraph reference ('2', '3 RESOLVED')."""
    item = f"Item {item_label}"
    if reference.endswith(RESOLVED_SUFFIX) or reference == RESOLVED_SUFFIX.strip():
        return f"{item}, resolution"
    if reference.startswith("after "):
        return f"{item}, after para {reference.removeprefix('after ')}"
    if not reference:
        return item
    return f"{item}, para {reference}"


def _request(fields: RequestFields, who: str, text: str) -> str:
    return f"Asked of {who or 'nobody yet'}: {fields.what.strip() or text}"


def _resolution(fields: ResolutionFields, text: str) -> str:
    form = fields.form.value.capitalize() if fields.form.value != "other" else "Resolved"
    return f"{form}: {shorten(text, FIRST_WORDS)}"


def _action(fields: ActionFields, who: str, text: str) -> str:
    due = f"due {fields.due_date:%d %b %Y}".replace("due 0", "due ") if fields.due_date \
        else "no due date"
    return f"{who or 'No owner yet'}, {due}: {fields.what.strip() or text}"


def _declaration(fields: DeclarationFields, who: str) -> str:
    kind = fields.interest_kind.strip()
    interest = f"{kind} interest" if kind and "interest" not in kind.lower() else kind
    extras = [e for e, on in (("left the room", fields.left_room),
                              ("did not vote", fields.did_not_vote)) if on]
    return ", ".join([f"{who or 'No member named yet'}: {interest or 'interest not recorded'}",
                      *extras])


def flag_headline(kind: FlagKind, fields: FlagFields, who: str, text: str) -> str:
    """What the flag is at a glance; `who` is the person or body concerned, `text` the
    paragraph (shortened), used where the flag's own fields are still empty."""
    match fields:
        case RequestFields():
            line = _request(fields, who, text)
        case ResolutionFields():
            line = _resolution(fields, text)
        case ActionFields():
            line = _action(fields, who, text)
        case DeclarationFields():
            line = _declaration(fields, who)
        case _:
            line = f"{kind.value}: {text}"
    return shorten(line, HEADLINE_LENGTH)
