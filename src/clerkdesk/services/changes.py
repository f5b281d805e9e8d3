"""What a user action changed, so each panel refreshes only what it shows (Anki's OpChanges)."""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Changes:
    """Which parts of the open meeting an action touched."""

    agenda: bool = False  # items added, moved, renamed or removed
    paragraphs: bool = False  # minute text outside the editor's own typing
    flags: bool = False
    roster: bool = False  # people present, apologies, naming conventions
    status: bool = False  # approved, published or corrected

    def __or__(self, other: Changes) -> Changes:
        return Changes(**{f.name: getattr(self, f.name) or getattr(other, f.name)
                          for f in fields(self)})

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))


NOTHING = Changes()
AGENDA = Changes(agenda=True)
PARAGRAPHS = Changes(paragraphs=True)
FLAGS = Changes(flags=True)
ROSTER = Changes(roster=True)
STATUS = Changes(status=True)
