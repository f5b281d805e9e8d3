"""A committee's editable settings, their rules and the numbering preview shown while editing."""

from dataclasses import dataclass

from clerkdesk.domain.naming import ChairStyle, MemberStyle, OfficerStyle
from clerkdesk.domain.numbering import (
    ItemNumbering,
    ParagraphScheme,
    item_labels,
    paragraph_labels,
)
from clerkdesk.domain.phrases import DEFAULT_PHRASES

NUMBER_PLACEHOLDER = "{n}"
DEFAULT_RESOLUTION_PREFIX = "RESOLVED –"
# Column widths in storage.models.Committee; checked here so the user sees why, not a crash.
MAX_NAME = 200
MAX_COUNCIL = 200
MAX_TEMPLATE = 40
MAX_PREFIX = 40
# Two items; in each, paragraph 1 with two sub-points then paragraph 2.
PREVIEW_ITEMS = 2
PREVIEW_LEVELS = (0, 1, 1, 0)


@dataclass(frozen=True)
class CommitteeSettings:
    """Everything the committee settings dialog edits (roster and naming come later)."""

    name: str
    council: str = ""
    paragraph_scheme: ParagraphScheme = ParagraphScheme.PAREN
    item_number_template: str = NUMBER_PLACEHOLDER
    item_number_start: int = 1
    uses_minutes_heading: bool = True
    resolution_prefix: str = DEFAULT_RESOLUTION_PREFIX
    quorum: int | None = None
    member_style: MemberStyle = MemberStyle.TITLE_SURNAME
    officer_style: OfficerStyle = OfficerStyle.FULL
    chair_style: ChairStyle = ChairStyle.ROLE
    speech_phrases: tuple[str, ...] = DEFAULT_PHRASES

    @property
    def item_numbering(self) -> ItemNumbering:
        return ItemNumbering(self.item_number_template, self.item_number_start)

    def cleaned(self) -> "CommitteeSettings":
        """The same settings with surrounding spaces trimmed and a zero quorum read as unset."""
        return CommitteeSettings(
            name=" ".join(self.name.split()),
            council=self.council.strip(),
            paragraph_scheme=ParagraphScheme(self.paragraph_scheme),
            item_number_template=self.item_number_template.strip(),
            item_number_start=self.item_number_start,
            uses_minutes_heading=self.uses_minutes_heading,
            resolution_prefix=self.resolution_prefix.strip(),
            quorum=self.quorum or None,
            member_style=MemberStyle(self.member_style),
            officer_style=OfficerStyle(self.officer_style),
            chair_style=ChairStyle(self.chair_style),
            speech_phrases=tuple(p.strip() for p in self.speech_phrases if p.strip())
            or DEFAULT_PHRASES,
        )


def settings_problem(settings: CommitteeSettings) -> str | None:
    """The first rule the settings break, as a sentence for the user; None when they are fine."""
    too_long = (
        (settings.name, MAX_NAME, "The committee name"),
        (settings.council, MAX_COUNCIL, "The council name"),
        (settings.item_number_template, MAX_TEMPLATE, "Item numbering"),
        (settings.resolution_prefix, MAX_PREFIX, "The resolution prefix"),
    )
    checks = (
        (not settings.name.strip(), "The committee needs a name."),
        (NUMBER_PLACEHOLDER not in settings.item_number_template,
         "Item numbering must contain {n} where the number goes, e.g. {n} or {n}/20."),
        (settings.item_number_start < 0, "The first item number cannot be negative."),
        (settings.quorum is not None and settings.quorum < 0, "The quorum cannot be negative."),
        *((len(text) > limit, f"{what} is longer than {limit} characters.")
          for text, limit, what in too_long),
    )
    return next((message for failed, message in checks if failed), None)


def numbering_preview(scheme: ParagraphScheme, template: str, start: int) -> str:
    """'Items: 35/20, 36/20 — Paragraphs: 1) a) b) 2)', from the same functions the minutes use."""
    items = item_labels(ItemNumbering(template, start), [None] * PREVIEW_ITEMS)
    paragraphs = paragraph_labels(scheme, PREVIEW_LEVELS, items[0])
    return f"Items: {', '.join(items)} — Paragraphs: {' '.join(paragraphs)}"
