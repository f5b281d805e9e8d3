"""Text clean-up rules: white space normalisation and characters Word's XML cannot hold."""

import re

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
# XML 1.0 allows tab, LF, CR and everything from U+0020 except surrogates and U+FFFE/U+FFFF.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]+")
_XML_INVALID_SPACED = re.compile(f" *{_XML_INVALID.pattern} *")
VERTICAL_TAB = "\x0b"  # what Word's manual line break (Shift+Enter) becomes in copied text


KEPT_SPACES = {"\u00a0", "\u202f"}  # a lone (narrow) no-break space: "£1.5 million", "10 am"


def _space(match: re.Match[str]) -> str:
    return match.group() if match.group() in KEPT_SPACES else " "


def normalise_space(text: str) -> str:
    """Collapse runs of spaces (padding, including non-breaking ones) to one space and trim
    each line; a single no-break space between words is meaningful and kept."""
    lines = (_SPACES.sub(_space, line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines)


def xml_invalid_characters(text: str) -> list[str]:
    """Characters in `text` that a .docx cannot store, in order of appearance."""
    return [char for run in _XML_INVALID.findall(text) for char in run]


def _replacement(match: re.Match[str]) -> str:
    """A line break for a vertical tab; else a space, unless other white space or an end is
    next to the run (nothing is fused, nothing doubled); spaces around the run go with it."""
    if VERTICAL_TAB in match.group():
        return "\n"
    text, start, end = match.string, match.start(), match.end()
    if start == 0 or end == len(text) or _kept_white(text[start - 1]) or _kept_white(text[end]):
        return ""
    return " "


def _kept_white(char: str) -> bool:
    """White space that stays in the text (U+001C-U+001F count as white space to Python, but
    are replaced themselves: 'B\x1f \x1fB' must not become 'BB')."""
    return char.isspace() and not _XML_INVALID.match(char)


def xml_safe(text: str) -> str:
    """`text` with each run of characters Word's XML cannot hold replaced, never just
    deleted: a vertical tab by a line break, anything else by a space ("here Line")."""
    return _XML_INVALID_SPACED.sub(_replacement, text)
