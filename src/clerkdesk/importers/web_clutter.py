"""Council-website page clutter in copied minutes: whole lines to skip and words to strip.

Minutes copied from a council website (modern.gov and similar) carry the page's furniture
along with the text: icon captions, file sizes, navigation links, webcast notices. The two
tables below list it; each entry is one regular expression with the reason it is clutter, so
a new pattern for another council's site is one more row. Section markers that carry
structure ("Minutes:", "Decision:", "Supporting documents:", "Additional documents:") are not
clutter: `lines.py` reads them.
"""

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class ClutterPattern:
    pattern: str
    why: str


# A line that matches one of these in full is page furniture and is skipped.
CLUTTER_LINES: tuple[ClutterPattern, ...] = (
    ClutterPattern(r"pdf icon(?:\s+PDF\s+\d+(?:\.\d+)?\s*[KMG]B)?",
                   "caption of a document icon, on a line of its own"),
    ClutterPattern(r"(?:PDF|DOCX?|XLSX?|PPTX?|HTML?)\s+\d+(?:\.\d+)?\s*[KMG]B",
                   "file size of the document linked on the line above"),
    ClutterPattern(r"view directions", "link to a map of the venue"),
    ClutterPattern(r"(?:view|watch|link to) (?:the )?(?:webcast|recording|live stream)\b.*",
                   "webcast link"),
    ClutterPattern(r"(?:meeting )?webcast(?: for .*)?", "webcast link"),
    ClutterPattern(r"(?:view )?(?:the )?(?:reasons? for the )?(?:decision|issue) history.*",
                   "link to an issue's history"),
    ClutterPattern(r"(?:printed|published) (?:minutes|decisions|agenda)(?: PDF.*)?",
                   "link to the printed document"),
    ClutterPattern(r"agenda (?:reports )?pack(?: PDF.*)?", "link to the agenda pack"),
    ClutterPattern(r"(?:back to|return to) (?:top|meeting|committee|previous page).*",
                   "navigation link"),
    ClutterPattern(r"skip to (?:main )?content", "navigation link"),
    ClutterPattern(r"(?:share|print|download) this page", "page tool"),
    ClutterPattern(r"items|no\.?\s+item", "heading of the page's table of items"),
    ClutterPattern(r"(?:expand|collapse)(?: all)?", "page tool"),
    ClutterPattern(r"(?:browse|download|print|media|subscribe)", "page tool, on its own"),
    ClutterPattern(r"(?:previous|next) (?:item|page|meeting)", "navigation link"),
    ClutterPattern(r"related (?:items|documents|information)\s*:?", "sidebar heading"),
    ClutterPattern(r"(?:view|download) (?:the )?(?:full )?(?:document|attachment|pdf)s?\b.*",
                   "download link"),
)

# Lines dropped before anything else reads them: they stand between a heading and its text.
SKIPPED_LINES: tuple[ClutterPattern, ...] = (
    ClutterPattern(r"</?AI\d+>", "Modern.gov's marker of where an agenda item starts or ends"),
    ClutterPattern(r"(?:(?:audio|video|webcast)\s+)?(?:recording\s+)?"
                   r"[(\[]?\d{1,2}:\d{2}(?::\d{2})?[)\]]?",
                   "a time stamp of the audio or video recording"),
)

# Stripped wherever they end a line (an item title followed by its document's icon and size).
CLUTTER_SUFFIXES: tuple[ClutterPattern, ...] = (
    ClutterPattern(r"\s*\bpdf icon\b.*", "document icon caption and what follows it"),
    ClutterPattern(r"\s*\b(?:PDF|DOCX?|XLSX?|PPTX?|HTML?)\s+\d+(?:\.\d+)?\s*[KMG]B\b",
                   "file size after a linked title"),
    ClutterPattern(r"\s*\.?\s*\bView directions\b", "map link after the venue"),
)

_WHOLE_LINE = re.compile(
    "^(?:" + "|".join(f"(?:{p.pattern})" for p in CLUTTER_LINES) + r")\s*\.?$", re.IGNORECASE)
_SKIPPED = re.compile(
    "^(?:" + "|".join(f"(?:{p.pattern})" for p in SKIPPED_LINES) + r")$", re.IGNORECASE)
_SUFFIXES = [re.compile(p.pattern + r"\s*$", re.IGNORECASE) for p in CLUTTER_SUFFIXES]


def is_clutter(line: str) -> bool:
    """The cleaned `line` is page furniture, not part of the minutes."""
    return bool(_WHOLE_LINE.match(line.strip()))


def is_skipped(line: str) -> bool:
    """The cleaned `line` is a system marker or a time stamp, to be passed over."""
    return bool(_SKIPPED.match(line.strip()))


def strip_clutter(line: str) -> str:
    """`line` without trailing furniture ("… PDF 94 KB", "… View directions")."""
    for pattern in _SUFFIXES:
        stripped = pattern.sub("", line)
        if stripped != line and stripped.strip():
            line = stripped
    return line.rstrip()
