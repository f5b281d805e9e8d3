"""Review findings: what a check found, where (as the minutes number it), and an optional fix."""

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from clerkdesk.domain.enums import AttendanceStatus, ParagraphStyle
from clerkdesk.domain.minutes import ItemView, MinutesView, ParagraphView
from clerkdesk.domain.numbering import ParagraphScheme
from clerkdesk.domain.references import paragraph_references

DEFAULT_LONG_PARAGRAPH_WORDS = 250
DEFAULT_OUTSTANDING_MEETINGS = 2
MAX_LONG_PARAGRAPH_WORDS = 100_000
MAX_OUTSTANDING_MEETINGS = 1000


class CheckId(StrEnum):
    """Every review check, in the order findings at one place are listed."""

    XML_INVALID = "xml-invalid"
    EMPTY = "empty"
    EXEMPT_PARAGRAPH = "exempt-paragraph"
    MISLEVELLED = "mis-levelled"
    AS_PRINTED = "as-printed"
    NEAR_MISS_NAME = "near-miss-name"
    NOT_PRESENT = "not-present"
    SUBSTITUTE_CONFLICT = "substitute-conflict"
    SPEAKER_AWAY = "speaker-away"
    ACRONYM = "acronym"
    FLAG_FIELDS = "flag-fields"
    NO_RESOLUTION = "no-resolution"
    OLD_REQUEST = "old-request"
    NO_FULL_STOP = "no-full-stop"
    DOUBLE_SPACE = "double-space"
    LONG_PARAGRAPH = "long-paragraph"
    PRESENT_TENSE = "present-tense"
    SPELLING = "spelling"
    DOUBLED_WORD = "doubled-word"
    DATE_STYLE = "date-style"
    TIME_STYLE = "time-style"
    NUMBER_WORDS = "number-words"
    DIGIT_START = "digit-start"
    ISE_IZE = "ise-ize"
    COUNCILLOR = "councillor"
    ACCESSIBILITY = "accessibility"  # of the Word export (PDF made from it), before export


_CHECK_ORDER = {check: index for index, check in enumerate(CheckId)}


class Severity(StrEnum):
    ERROR = "error"  # the document would be wrong or cannot be written
    WARNING = "warning"  # very likely a mistake
    SUGGESTION = "suggestion"  # a heuristic: worth a look, often fine


class FixKind(StrEnum):
    REPLACE_TEXT = "replace-text"  # new stored text for the paragraph
    EXPAND_ACRONYM = "expand-acronym"  # new stored text with the first use expanded
    SET_LEVEL = "set-level"  # make the paragraph a main paragraph (or another level)
    RECORD_ATTENDANCE = "record-attendance"  # record a mentioned person as attending
    DELETE_PARAGRAPH = "delete-paragraph"  # remove an empty paragraph
    NAMES_BY_CONVENTION = "names-by-convention"  # every printed name in the meeting


@dataclass(frozen=True)
class Fix:
    """A correction the clerk can apply with one key. Text fixes carry the stored text they
    were computed from (`old_text`), so a fix is refused once the paragraph has changed."""

    kind: FixKind
    description: str
    old_text: str = ""
    new_text: str = ""
    level: int | None = None
    person_id: int | None = None
    status: AttendanceStatus | None = None


def text_fix(description: str, old_text: str, new_text: str,
             kind: FixKind = FixKind.REPLACE_TEXT) -> Fix:
    return Fix(kind, description, old_text=old_text, new_text=new_text)


@dataclass(frozen=True)
class Located:
    """A paragraph with the places it is known by: its item and its reference ("10 c)")."""

    meeting_id: int
    item: ItemView
    paragraph: ParagraphView
    reference: str
    position: tuple[int, int]  # (item index, paragraph index) in the minutes

    @property
    def editable(self) -> bool:
        """False for a paragraph ClerkDesk writes from request flags (a hand edit would be
        overwritten), so no text fix is offered there."""
        return not self.paragraph.generated


MEETING_POSITION = (-1, 0)


@dataclass(frozen=True)
class Finding:
    """One problem: the check, how serious, where, what is wrong, and a fix when obvious.

    `paragraph_id` is None for a finding about a whole item (`item_id` set) or the whole
    meeting (both None). `subject` is the offending text, used in the dismissal key.
    """

    check: CheckId
    severity: Severity
    meeting_id: int
    item_id: int | None
    item_label: str
    paragraph_id: int | None
    paragraph_label: str
    message: str
    fix: Fix | None = None
    subject: str = ""
    position: tuple[int, int] = MEETING_POSITION
    dismissed: bool = False

    @property
    def key(self) -> str:
        """Stable across checks while the problem stays the same: check, place, offending
        text. Dismissals are remembered by this key."""
        if self.paragraph_id is not None:
            anchor = f"p{self.paragraph_id}"
        elif self.item_id is not None:
            anchor = f"i{self.item_id}"
        else:
            anchor = f"m{self.meeting_id}"
        digest = hashlib.sha1(self.subject.encode("utf-8")).hexdigest()[:12]
        return f"{self.check.value}:{anchor}:{digest}"

    def where(self, several_items: bool = False) -> str:
        """The place as a clerk says it: "10 c)", "item 3, 10 c)", "item 3" or "meeting"."""
        if self.paragraph_id is not None:
            says_item = self.paragraph_label.startswith(f"{self.item_label}.")  # "13.2"
            if several_items and self.item_label and not says_item:
                return f"item {self.item_label}, {self.paragraph_label}"
            return self.paragraph_label or f"item {self.item_label}"
        if self.item_id is not None:
            return f"item {self.item_label}".strip()
        return "meeting"


def finding_at(place: Located, check: CheckId, severity: Severity, message: str,
               subject: str = "", fix: Fix | None = None) -> Finding:
    """A finding about one paragraph."""
    return Finding(
        check=check, severity=severity, meeting_id=place.meeting_id, item_id=place.item.id,
        item_label=place.item.label, paragraph_id=place.paragraph.id,
        paragraph_label=place.reference, message=message, fix=fix, subject=subject,
        position=place.position,
    )


def locate(minutes: MinutesView, scheme: ParagraphScheme) -> list[Located]:
    """Every paragraph of the minutes in order, with its reference ("10 c)", "1 RESOLVED")."""
    located = []
    for item_index, item in enumerate(minutes.items):
        references = paragraph_references(
            scheme, [(p.level, ParagraphStyle(p.style), p.label) for p in item.paragraphs],
            item.label)
        for index, (paragraph, reference) in enumerate(
                zip(item.paragraphs, references, strict=True)):
            located.append(Located(minutes.meeting_id, item, paragraph, reference,
                                   (item_index, index)))
    return located


def in_minute_order(findings: Iterable[Finding]) -> list[Finding]:
    """Meeting-wide findings first, then by place in the minutes, then by check."""
    return sorted(findings, key=lambda f: (f.position, _CHECK_ORDER[f.check], f.message))


@dataclass(frozen=True)
class ReviewSettings:
    """A committee's review choices."""

    expects_resolution: bool = False
    long_paragraph_words: int = DEFAULT_LONG_PARAGRAPH_WORDS
    outstanding_meetings: int = DEFAULT_OUTSTANDING_MEETINGS


def settings_problem(settings: ReviewSettings) -> str | None:
    """Why the settings cannot be saved, or None."""
    if not 1 <= settings.long_paragraph_words <= MAX_LONG_PARAGRAPH_WORDS:
        return (f"The long-paragraph limit must be a number of words from 1 to "
                f"{MAX_LONG_PARAGRAPH_WORDS}.")
    if not 1 <= settings.outstanding_meetings <= MAX_OUTSTANDING_MEETINGS:
        return f"Outstanding requests are reported after 1 to {MAX_OUTSTANDING_MEETINGS} meetings."
    return None


def finding_line(finding: Finding, several_items: bool = False) -> str:
    """`10 c)  warning  mis-levelled: …` — one line for `clerkdesk check`."""
    line = f"{finding.where(several_items)}  {finding.severity.value}  {finding.message}"
    return line + "  (dismissed)" if finding.dismissed else line


def fixed_line(finding: Finding, several_items: bool = False) -> str:
    """`10 c)  fixed  Make it a main paragraph` — a fix `clerkdesk check --fix` applied."""
    description = finding.fix.description if finding.fix else ""
    return f"{finding.where(several_items)}  fixed  {description}"
