"""The named Word styles of ClerkDesk minutes, and adding any a house template lacks."""

from __future__ import annotations

from dataclasses import dataclass

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.text.font import CT_RPr
from docx.shared import Pt, RGBColor, Twips
from docx.styles.style import BaseStyle, ParagraphStyle

CM = 567  # twips in a centimetre, near enough for indents

COUNCIL = "CD Council"
TITLE = "CD Title"
MEETING_DETAILS = "CD Meeting Details"
DRAFT_NOTICE = "CD Draft Notice"
ATTENDANCE = "CD Attendance"
ITEM_HEADING = "CD Item Heading"
MINUTES_LABEL = "CD Minutes Label"
MINUTE = "CD Minute"
SUB_POINT = "CD Sub-point"
SUB_SUB_POINT = "CD Sub-sub-point"
MINUTE_TEXT = "CD Minute Text"
SUB_POINT_TEXT = "CD Sub-point Text"
SUB_SUB_POINT_TEXT = "CD Sub-sub-point Text"
RESOLUTION = "CD Resolution"
DOCUMENTS_HEADING = "CD Documents Heading"
DOCUMENT = "CD Document"
CLOSE = "CD Close"  # "The meeting started at … and finished at …"
SIGNATURE = "CD Signature"  # "Chair ……… Date ………"
HEADER = "CD Header"
RESTRICTED_MARKING = "CD Restricted Marking"
RESTRICTED_MARKING_NOTE = "CD Restricted Note"
FOOTER = "CD Footer"
RESOLVED_LABEL = "CD Resolved"  # character style
ATTENDANCE_LABEL = "CD Attendance Label"  # character style

NUMBERED_STYLES = (MINUTE, SUB_POINT, SUB_SUB_POINT)  # by paragraph level
UNNUMBERED_STYLES = (MINUTE_TEXT, SUB_POINT_TEXT, SUB_SUB_POINT_TEXT)

BASE_FONT = "Arial"  # LibreOffice shows its metric twin, Liberation Sans
BASE_SIZE = 11
ATTENDANCE_INDENT = 4 * CM
DARK_RED = "9B1C1C"


@dataclass(frozen=True)
class StyleSpec:
    """One style: sizes in points, indents in twips; None leaves the base style's value."""

    name: str
    character: bool = False
    size: float | None = None
    bold: bool | None = None
    all_caps: bool | None = None
    colour: str | None = None
    left: int | None = None
    hanging: int | None = None
    before: float | None = None
    after: float | None = None
    keep_with_next: bool = False
    centred: bool = False
    right: bool = False
    outline_level: int | None = None
    quick: bool = False
    based_on: str | None = None  # a built-in heading style, when the document has it


def _indented(name: str, level: int, *, numbered: bool, after: float) -> StyleSpec:
    if numbered:
        return StyleSpec(name, left=(level + 1) * CM, hanging=CM, after=after, quick=True)
    return StyleSpec(name, left=level * CM, hanging=0, after=after, quick=level == 0)


STYLES: tuple[StyleSpec, ...] = (
    StyleSpec(COUNCIL, size=12, after=0),
    StyleSpec(TITLE, size=16, bold=True, before=0, after=4, keep_with_next=True, quick=True,
              outline_level=0, based_on="Heading 1"),
    StyleSpec(MEETING_DETAILS, after=6),
    StyleSpec(DRAFT_NOTICE, bold=True, colour=DARK_RED, after=12),
    StyleSpec(ATTENDANCE, left=ATTENDANCE_INDENT, hanging=ATTENDANCE_INDENT, after=4, quick=True),
    StyleSpec(ITEM_HEADING, size=12, bold=True, before=18, after=6, keep_with_next=True,
              outline_level=1, quick=True, based_on="Heading 2"),
    StyleSpec(MINUTES_LABEL, bold=True, after=6, keep_with_next=True),
    _indented(MINUTE, 0, numbered=True, after=8),
    _indented(SUB_POINT, 1, numbered=True, after=6),
    _indented(SUB_SUB_POINT, 2, numbered=True, after=6),
    _indented(MINUTE_TEXT, 0, numbered=False, after=8),
    _indented(SUB_POINT_TEXT, 1, numbered=False, after=6),
    _indented(SUB_SUB_POINT_TEXT, 2, numbered=False, after=6),
    StyleSpec(RESOLUTION, left=0, hanging=0, before=4, after=10, quick=True),
    StyleSpec(DOCUMENTS_HEADING, bold=True, before=6, after=2, keep_with_next=True),
    StyleSpec(DOCUMENT, left=CM, after=2),
    StyleSpec(CLOSE, before=12, after=4),
    StyleSpec(SIGNATURE, before=36, after=0),
    StyleSpec(HEADER, size=9, right=True, after=12),
    StyleSpec(RESTRICTED_MARKING, size=12, bold=True, all_caps=True, colour=DARK_RED,
              centred=True, after=0),
    StyleSpec(RESTRICTED_MARKING_NOTE, size=8, colour=DARK_RED, centred=True, after=12),
    StyleSpec(FOOTER, size=9, centred=True, after=0),
    StyleSpec(RESOLVED_LABEL, character=True, bold=True),
    StyleSpec(ATTENDANCE_LABEL, character=True, bold=True),
)

TABBED = {ATTENDANCE}  # a tab after the label; numbered styles rely on the hanging indent
# The meeting is heading level 1 and each item level 2 (Word's navigation pane, the outline,
# and the H1/H2 tags of the PDF), whatever a house template's own CD styles say.
HEADING_LEVELS = {TITLE: 0, ITEM_HEADING: 1}
BLACK = "000000"


def ensure_styles(document: Document) -> None:
    """Add every ClerkDesk style the document lacks; a house template's own ones are kept."""
    styles = document.styles
    present = {style.name for style in styles}
    for spec in STYLES:
        if spec.name not in present:
            _add_style(document, spec)
    for name, level in HEADING_LEVELS.items():
        _outline_level(styles[name], level)


def _outline_level(style: BaseStyle, level: int) -> None:
    """Listed in Word's navigation pane at `level` (0 is Heading 1)."""
    style.element.get_or_add_pPr().get_or_add_outlineLvl().val = level


def _add_style(document: Document, spec: StyleSpec) -> None:
    kind = WD_STYLE_TYPE.CHARACTER if spec.character else WD_STYLE_TYPE.PARAGRAPH
    style = document.styles.add_style(spec.name, kind)
    style.hidden = False
    style.quick_style = spec.quick
    font = style.font
    if spec.size is not None:
        font.size = Pt(spec.size)
    if spec.bold is not None:
        font.bold = spec.bold
    if spec.all_caps is not None:
        font.all_caps = spec.all_caps
    if spec.colour is not None:
        font.color.rgb = RGBColor.from_string(spec.colour)
    if not spec.character:
        style.base_style = document.styles["Normal"]
        style.next_paragraph_style = style
        _paragraph_format(style, spec)
        if spec.based_on:
            _heading_based(document, style, spec.based_on)


def _heading_based(document: Document, style: ParagraphStyle, heading: str) -> None:
    """Based on Word's built-in heading (recognised by accessibility checkers) but looking like
    the body: its font and black, not the heading's theme font and colour, and no numbering."""
    names = {s.name for s in document.styles}
    if heading not in names:
        return
    base = document.styles[heading]
    style.base_style = base
    normal_font = document.styles["Normal"].font.name or BASE_FONT
    rpr = style.element.get_or_add_rPr()
    _set_fonts(rpr, normal_font)
    style.font.color.rgb = RGBColor.from_string(BLACK)
    style.font.italic = False
    ppr = style.element.get_or_add_pPr()
    if base.element.pPr is not None and base.element.pPr.find(qn("w:numPr")) is not None:
        ppr.get_or_add_numPr().get_or_add_numId().val = 0


def _paragraph_format(style: ParagraphStyle, spec: StyleSpec) -> None:
    fmt = style.paragraph_format
    if spec.left is not None:
        fmt.left_indent = Twips(spec.left)
    if spec.hanging is not None:
        fmt.first_line_indent = Twips(-spec.hanging)
    if spec.before is not None:
        fmt.space_before = Pt(spec.before)
    if spec.after is not None:
        fmt.space_after = Pt(spec.after)
    if spec.keep_with_next:
        fmt.keep_with_next = True
    if spec.centred:
        fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if spec.right:
        fmt.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if spec.name in TABBED and spec.left:
        fmt.tab_stops.add_tab_stop(Twips(spec.left))
    if spec.outline_level is not None:  # listed in Word's navigation pane
        _outline_level(style, spec.outline_level)


def set_base_font(document: Document, name: str = BASE_FONT, size: float = BASE_SIZE) -> None:
    """The document-wide font, size and language (British English for the spell checker)."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
        if rpr is not None:
            _set_fonts(rpr, name)
    normal = document.styles["Normal"]
    normal.font.size = Pt(size)
    rpr = normal.element.get_or_add_rPr()
    _set_fonts(rpr, name)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "en-GB")
    fmt = normal.paragraph_format
    fmt.space_after = Pt(0)
    fmt.line_spacing = 1.1


def _set_fonts(rpr: CT_RPr, name: str) -> None:
    fonts = rpr.get_or_add_rFonts()
    for attribute in list(fonts.attrib):
        if attribute.endswith("Theme") or attribute.endswith("theme"):
            del fonts.attrib[attribute]
    for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{slot}"), name)


LANGUAGE = "en-GB"


def set_language(document: Document, language: str = LANGUAGE) -> None:
    """Mark the whole document, and every style that names a language, as British English, so
    Word's own spelling checker agrees with ClerkDesk's (a council template may say en-US)."""
    root = document.styles.element
    defaults = root.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        root.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    languages = [*root.iter(qn("w:lang"))]
    if rpr.find(qn("w:lang")) is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
        languages.append(lang)
    for lang in languages:
        lang.set(qn("w:val"), language)
