"""Every colour the window draws, derived from the palette so text reads at 4.5:1 (WCAG AA).

A tone names what a colour means (muted, danger, a flag kind); its hue is only a starting
point, darkened on a light palette or lightened on a dark one until it reaches AA against both
the palette's Base (lists, editor) and Window (labels). Fills (tinted backgrounds) are the Base
blended a little towards the hue, so the palette's own text still reads on them.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtGui import QColor, QGuiApplication, QPalette

from clerkdesk.domain.contrast import RGB, mix, readable, text_on


class Tone(Enum):
    """What a colour says; the value is the hue it starts from."""

    MUTED = "#5f6b7a"  # hints, margin time stamps and speaker names
    DANGER = "#a4262c"  # problems, not quorate, not saved
    WARNING = "#8a5300"
    SUCCESS = "#2d6a2d"
    EXEMPT = "#a4262c"  # Part 2 items
    REQUEST = "#0b5cad"
    RESOLUTION = "#2d6a2d"
    ACTION = "#a14a00"
    DECLARATION = "#6b3fa0"
    NOTICE = "#f2c200"  # the approved-minutes banner (a fill)
    MENTION = "#3b6fd4"  # a person's name in the minutes (a fill)
    GENERATED = "#b89b2a"  # a paragraph written from the request flags (a fill)
    OFFLINE = "#f0a30a"  # amber: edits waiting in the offline journal (a banner)


TEXT_TONES = (Tone.MUTED, Tone.DANGER, Tone.WARNING, Tone.SUCCESS, Tone.EXEMPT, Tone.REQUEST,
              Tone.RESOLUTION, Tone.ACTION, Tone.DECLARATION)
FILL_TONES = (Tone.NOTICE, Tone.MENTION, Tone.GENERATED)
FILL_SHARE = 0.10


def _rgb(colour: QColor) -> RGB:
    return colour.red(), colour.green(), colour.blue()


def _qcolor(rgb: RGB) -> QColor:
    return QColor(*rgb)


def _palette(palette: QPalette | None) -> QPalette:
    return palette if palette is not None else QGuiApplication.palette()


def text_colour(tone: Tone, palette: QPalette | None = None) -> QColor:
    """The tone as text that reads on the palette's Base and Window, and on every fill."""
    pal = _palette(palette)
    backgrounds = [_rgb(pal.color(QPalette.ColorRole.Base)),
                   _rgb(pal.color(QPalette.ColorRole.Window)),
                   *(_rgb(fill_colour(fill, pal)) for fill in FILL_TONES)]
    return _qcolor(readable(_rgb(QColor(tone.value)), backgrounds))


def fill_colour(tone: Tone, palette: QPalette | None = None) -> QColor:
    """A background tinted with the tone on which the palette's text still reads."""
    pal = _palette(palette)
    base = _rgb(pal.color(QPalette.ColorRole.Base))
    return _qcolor(mix(base, _rgb(QColor(tone.value)), FILL_SHARE))


def text_style(tone: Tone, palette: QPalette | None = None) -> str:
    """A style-sheet fragment colouring a label's text in the tone."""
    return f"color: {text_colour(tone, palette).name()};"


def highlight_style(palette: QPalette | None = None) -> str:
    """A style fragment marking a match as the system marks a selection (its own contrast)."""
    pal = _palette(palette)
    return (f"background:{pal.color(QPalette.ColorRole.Highlight).name()};"
            f"color:{pal.color(QPalette.ColorRole.HighlightedText).name()};")


def fill_style(tone: Tone, palette: QPalette | None = None) -> str:
    """A style-sheet fragment for a tinted banner with the palette's text on it."""
    pal = _palette(palette)
    return (f"background: {fill_colour(tone, pal).name()}; "
            f"color: {pal.color(QPalette.ColorRole.Text).name()};")


def alert_style(tone: Tone = Tone.DANGER) -> str:
    """A strong banner (NOT SAVED, not quorate): the hue as fill, black or white text on it."""
    fill = _rgb(QColor(tone.value))
    return f"background: {tone.value}; color: {_qcolor(text_on(fill)).name()};"


PAPER = "#ffffff"
INK = "#000000"


def ink() -> QColor:
    """What printed text and page marks are drawn in."""
    return QColor(INK)


def paper_palette() -> QPalette:
    """Black on white whatever the window's colours, so the tones are chosen for paper."""
    palette = QPalette()
    for role in (QPalette.ColorRole.Base, QPalette.ColorRole.Window):
        palette.setColor(role, QColor(PAPER))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText):
        palette.setColor(role, ink())
    return palette
