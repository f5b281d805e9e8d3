"""A committee's editable settings, their rules and the numbering preview shown while editing."""

from dataclasses import dataclass
from pathlib import Path

from clerkdesk.domain.acronyms import DEFAULT_GLOSSARY, glossary_problem
from clerkdesk.domain.agenda_template import stored_template_text, template_problem
from clerkdesk.domain.house_style import HouseStyle, dictionary_problem
from clerkdesk.domain.meeting_times import TimeForm
from clerkdesk.domain.naming import ChairStyle, MemberStyle, OfficerStyle
from clerkdesk.domain.numbering import (
    ItemNumbering,
    ParagraphScheme,
    item_labels,
    paragraph_labels,
)
from clerkdesk.domain.phrases import DEFAULT_PHRASES
from clerkdesk.domain.resolutions import ResolutionStyle
from clerkdesk.domain.review import ReviewSettings
from clerkdesk.domain.review import settings_problem as review_settings_problem

NUMBER_PLACEHOLDER = "{n}"
DEFAULT_RESOLUTION_PREFIX = "RESOLVED –"
# Column widths in storage.models.Committee; checked here so the user sees why, not a crash.
MAX_NAME = 200
MAX_COUNCIL = 200
MAX_TEMPLATE = 40
MAX_PREFIX = 40
MAX_TEMPLATE_PATH = 1000
MAX_EXEMPT_WORDING = 400
# What export can open as a house template (macro-enabled .dotm is refused there).
TEMPLATE_SUFFIXES = (".docx", ".dotx")
# Two items; in each, paragraph 1 with two sub-points then paragraph 2.
PREVIEW_ITEMS = 2
PREVIEW_LEVELS = (0, 1, 1, 0)


@dataclass(frozen=True)
class CommitteeSettings:
    """A committee's own settings: names, numbering, naming styles, phrases, Word template.

    `template_path` is empty for the built-in ClerkDesk template.
    """

    name: str
    council: str = ""
    paragraph_scheme: ParagraphScheme = ParagraphScheme.PAREN
    item_number_template: str = NUMBER_PLACEHOLDER
    item_number_start: int = 1
    uses_minutes_heading: bool = True
    resolution_prefix: str = DEFAULT_RESOLUTION_PREFIX
    quorum: int | None = None
    remote_counts_for_quorum: bool = False
    member_style: MemberStyle = MemberStyle.TITLE_SURNAME
    officer_style: OfficerStyle = OfficerStyle.FULL
    chair_style: ChairStyle = ChairStyle.ROLE
    speech_phrases: tuple[str, ...] = DEFAULT_PHRASES
    resolution_style: ResolutionStyle = ResolutionStyle.DASH
    template_path: str = ""
    moderngov_site: str = ""  # the council's Modern.gov site, '' when not used
    moderngov_committee_id: int | None = None
    agenda_template: str = ""  # standard agenda items as text; '' for ClerkDesk's default
    exempt_wording: str = ""  # the public line for a withheld exempt item; "" = the standard
    time_form: TimeForm = TimeForm.DOT  # the close's times: "10.00am", "10:00" … or none
    signature_block: bool = False  # the minutes end with "Chair ……… Date ………"

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
            remote_counts_for_quorum=bool(self.remote_counts_for_quorum),
            member_style=MemberStyle(self.member_style),
            officer_style=OfficerStyle(self.officer_style),
            chair_style=ChairStyle(self.chair_style),
            speech_phrases=tuple(p.strip() for p in self.speech_phrases if p.strip())
            or DEFAULT_PHRASES,
            resolution_style=ResolutionStyle(self.resolution_style),
            template_path=self.template_path.strip(),
            moderngov_site=self.moderngov_site.strip(),
            moderngov_committee_id=self.moderngov_committee_id,
            agenda_template=stored_template_text(self.agenda_template),
            exempt_wording=" ".join(self.exempt_wording.split()),
            time_form=TimeForm(self.time_form),
            signature_block=bool(self.signature_block),
        )


def settings_problem(settings: CommitteeSettings) -> str | None:
    """The first rule the settings break, as a sentence for the user; None when they are fine."""
    too_long = (
        (settings.name, MAX_NAME, "The committee name"),
        (settings.council, MAX_COUNCIL, "The council name"),
        (settings.item_number_template, MAX_TEMPLATE, "Item numbering"),
        (settings.resolution_prefix, MAX_PREFIX, "The resolution prefix"),
        (settings.template_path, MAX_TEMPLATE_PATH, "The Word template's path"),
        (settings.exempt_wording, MAX_EXEMPT_WORDING, "The exempt item line"),
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
    first = next((message for failed, message in checks if failed), None)
    return first or template_path_problem(settings.template_path) or \
        template_problem(settings.agenda_template)


@dataclass(frozen=True)
class CommitteeSetup:
    """Everything the Committee settings dialog edits: the settings, the review choices, the
    acronym glossary as (acronym, expansion) pairs, the house style and the dictionary."""

    settings: CommitteeSettings
    review: ReviewSettings = ReviewSettings()
    glossary: tuple[tuple[str, str], ...] = tuple(DEFAULT_GLOSSARY.items())
    house_style: HouseStyle = HouseStyle()
    dictionary: tuple[str, ...] = ()  # the committee's own words (spelling)


def setup_problem(setup: CommitteeSetup) -> str | None:
    """The first rule any part of the setup breaks, or None."""
    return (settings_problem(setup.settings) or review_settings_problem(setup.review)
            or glossary_problem(setup.glossary) or dictionary_problem(setup.dictionary))


def template_path_problem(path: str) -> str | None:
    """Why `path` cannot be a Word template (by its name only: existence is checked on saving)."""
    path = path.strip()
    if not path:
        return None
    if not path.lower().endswith(TEMPLATE_SUFFIXES):
        return f"The Word template must be a .docx or .dotx file, not {Path(path).name}."
    if not Path(path).expanduser().is_absolute():
        return "Give the Word template's full path (use Browse… to choose it)."
    return None


def missing_template_message(path: str) -> str:
    """What to say when the chosen Word template is not there."""
    return (f"The Word template {path} does not exist: choose another file, "
            "or use the built-in template.")


def numbering_preview(scheme: ParagraphScheme, template: str, start: int) -> str:
    """'Items: 35/20, 36/20 — Paragraphs: 1) a) b) 2)', from the same functions the minutes use."""
    items = item_labels(ItemNumbering(template, start), [None] * PREVIEW_ITEMS)
    paragraphs = paragraph_labels(scheme, PREVIEW_LEVELS, items[0])
    return f"Items: {', '.join(items)} — Paragraphs: {' '.join(paragraphs)}"
