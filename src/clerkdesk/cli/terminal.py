"""Keep control characters stored in minutes from acting on the terminal that prints them."""

from __future__ import annotations

import re
from typing import TextIO

# C0 controls except tab and newline, DEL, and C1 controls (U+009B is an escape introducer).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def escape_controls(text: str) -> str:
    """Each control character written as \\u00XX: visible, and still valid inside JSON strings."""
    return _CONTROL.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


class ControlEscapingStream:
    """A text stream wrapper whose writes have their control characters escaped."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(escape_controls(text))

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)
