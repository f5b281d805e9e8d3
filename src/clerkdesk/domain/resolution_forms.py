"""The form a resolution takes (noted, agreed, approved ...), read from its words."""

import re

from clerkdesk.domain.enums import ResolutionForm

_FORMS = (
    (re.compile(r"\bnot(?:e|ed|es|ing)\b", re.IGNORECASE), ResolutionForm.NOTED),
    (re.compile(r"\bagree(?:d|s)?\b", re.IGNORECASE), ResolutionForm.AGREED),
    (re.compile(r"\bapprov(?:e|ed|es|al)\b", re.IGNORECASE), ResolutionForm.APPROVED),
    (re.compile(r"\brecommend(?:ed|s|ation)?\b", re.IGNORECASE), ResolutionForm.RECOMMENDED),
    (re.compile(r"\bendorse(?:d|s)?\b", re.IGNORECASE), ResolutionForm.APPROVED),
)


def resolution_form(text: str) -> ResolutionForm:
    """The form a resolution takes, from its first decisive verb ("noted", "approved" ...)."""
    found = [(m.start(), form) for pattern, form in _FORMS if (m := pattern.search(text))]
    return min(found)[1] if found else ResolutionForm.OTHER
