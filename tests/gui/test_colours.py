"""Every colour the window draws text in reads at 4.5:1 on a light and on a dark palette."""

import re
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QPalette

from clerkdesk.domain.contrast import AA_TEXT, contrast_ratio
from clerkdesk.ui import colours
from clerkdesk.ui.colours import FILL_TONES, TEXT_TONES, Tone

UI = Path(colours.__file__).parent
NOT_YET: set[str] = set()  # every module in ui/ takes its colours from ui/colours
STRAY_COLOURS = (r"#[0-9a-fA-F]{3,6}\b[\";]", r"QColor\(\"", r"Qt\.GlobalColor\.(?!transparent)",
                 r"color:\s*(white|black|red)")


def _palette(base: str, window: str, text: str) -> QPalette:
    palette = QPalette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.Base, QColor(base))
        palette.setColor(group, QPalette.ColorRole.Window, QColor(window))
        palette.setColor(group, QPalette.ColorRole.Text, QColor(text))
        palette.setColor(group, QPalette.ColorRole.WindowText, QColor(text))
    return palette


PALETTES = {
    "light": _palette("#ffffff", "#efefef", "#000000"),
    "dark": _palette("#1e1e1e", "#353535", "#ffffff"),
    "windows-dark": _palette("#202020", "#2b2b2b", "#f0f0f0"),
}


def _rgb(colour: QColor) -> tuple[int, int, int]:
    return colour.red(), colour.green(), colour.blue()


def _ratio(a: QColor, b: QColor) -> float:
    return contrast_ratio(_rgb(a), _rgb(b))


@pytest.mark.parametrize("name", PALETTES)
@pytest.mark.parametrize("tone", TEXT_TONES, ids=lambda t: t.name)
def test_text_tone_reads_on_base_and_window(qapp, name, tone):
    palette = PALETTES[name]
    shown = colours.text_colour(tone, palette)
    for role in (QPalette.ColorRole.Base, QPalette.ColorRole.Window):
        assert _ratio(shown, palette.color(role)) >= AA_TEXT, (tone, name, role, shown.name())


@pytest.mark.parametrize("name", PALETTES)
@pytest.mark.parametrize("tone", FILL_TONES, ids=lambda t: t.name)
def test_palette_text_reads_on_every_fill(qapp, name, tone):
    palette = PALETTES[name]
    fill = colours.fill_colour(tone, palette)
    assert _ratio(palette.color(QPalette.ColorRole.Text), fill) >= AA_TEXT
    assert _ratio(colours.text_colour(Tone.MUTED, palette), fill) >= AA_TEXT


@pytest.mark.parametrize("tone", (Tone.DANGER, Tone.SUCCESS), ids=lambda t: t.name)
def test_alert_banner_text_reads_on_its_fill(qapp, tone):
    style = colours.alert_style(tone)
    fill, text = re.findall(r"#[0-9a-f]{6}", style)
    assert _ratio(QColor(fill), QColor(text)) >= AA_TEXT


def test_no_hard_coded_colour_outside_the_colours_module():
    stray = []
    for path in UI.rglob("*.py"):
        if path.name in NOT_YET or path == Path(colours.__file__):
            continue
        text = path.read_text(encoding="utf-8")
        for pattern in STRAY_COLOURS:
            stray += [f"{path.name}: {m}" for m in re.findall(pattern, text)]
    assert stray == []


@pytest.mark.parametrize("name", PALETTES)
def test_margin_stamps_and_speaker_names_read_on_the_editor(open_window, sample_db, qtbot, name):
    window = open_window(sample_db.path)
    window.open_meeting(sample_db.newer_meeting_id)
    editor = window.meetings.workspace.editor
    editor.setPalette(PALETTES[name])
    editor.viewport().repaint()
    base = editor.palette().color(QPalette.ColorRole.Base)
    assert _ratio(editor.numbers.stamp_colour, base) >= AA_TEXT
    assert _ratio(editor.numbers.stamp_colour, QColor("#9aa3ad")) != 1.0  # not the old grey
