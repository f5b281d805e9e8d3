"""Text clean-up rules: white space normalisation and characters Word's XML cannot hold."""

import re

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
# XML 1.0 allows tab, LF, CR and everything from U+0020 except surrogates and U+FFFE/U+FFFF.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def normalise_space(text: str) -> str:
    """Collapse runs of spaces (including non-breaking ones) and trim each line."""
    lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines)


def xml_invalid_characters(text: str) -> list[str]:
    """Characters in `text` that a .docx cannot store, in order of appearance."""
    return _XML_INVALID.findall(text)


def xml_safe(text: str) -> str:
    """`text` with every character Word's XML cannot hold removed."""
    return _XML_INVALID.sub("", text)
