"""How a clerk refers to a paragraph outside the minutes: '21', '21 a)', '4 RESOLVED'."""

from collections.abc import Sequence

from clerkdesk.domain.enums import ParagraphStyle
from clerkdesk.domain.numbering import ParagraphScheme


def paragraph_references(
    scheme: ParagraphScheme,
    paragraphs: Sequence[tuple[int, ParagraphStyle, str]],
    item_label: str,
) -> list[str]:
    """References for an item's paragraphs given (level, style, label) in order.

    A main paragraph is its number without ')' or '.' ("21"); a sub-point adds its own label to
    its parents' ("21 a)", "21 (a)"); decimal labels already say everything ("13.21.1"). A
    RESOLVED line is "<item> RESOLVED"; unnumbered text is "after <previous reference>".
    """
    references = []
    chain: list[str] = []
    last_numbered = ""
    for level, style, label in paragraphs:
        if style is ParagraphStyle.RESOLUTION:
            references.append(f"{item_label} RESOLVED".strip())
        elif not label or style is ParagraphStyle.BULLET:
            references.append(f"after {last_numbered}" if last_numbered else item_label)
        else:
            chain = [*chain[:level], label]
            last_numbered = _joined(scheme, chain)
            references.append(last_numbered)
    return references


def _joined(scheme: ParagraphScheme, chain: list[str]) -> str:
    if ParagraphScheme(scheme) is ParagraphScheme.DECIMAL:
        return chain[-1]
    return " ".join([chain[0].rstrip(").")] + chain[1:])
