"""WCAG 2.2 contrast: the ratio itself, and the rule that adjusted colours always reach AA."""

from hypothesis import given
from hypothesis import strategies as st

from clerkdesk.domain.contrast import AA_TEXT, contrast_ratio, readable, text_on

channel = st.integers(min_value=0, max_value=255)
rgb = st.tuples(channel, channel, channel)


def test_black_on_white_is_21_and_the_old_stamp_grey_fails():
    assert round(contrast_ratio((0, 0, 0), (255, 255, 255)), 2) == 21.0
    assert contrast_ratio((0x9A, 0xA3, 0xAD), (255, 255, 255)) < AA_TEXT  # STAMP_COLOUR before


@given(rgb, rgb)
def test_contrast_is_symmetric_and_at_least_one(a, b):
    assert contrast_ratio(a, b) == contrast_ratio(b, a) >= 1.0


@given(rgb, rgb)
def test_readable_reaches_aa_on_any_background(hue, background):
    assert contrast_ratio(readable(hue, [background]), background) >= AA_TEXT


@given(rgb)
def test_readable_keeps_a_colour_that_already_reads(background):
    black, white = (0, 0, 0), (255, 255, 255)
    best = black if contrast_ratio(black, background) > contrast_ratio(white, background) else white
    assert readable(best, [background]) == best


@given(rgb)
def test_text_on_any_fill_reads(fill):
    assert contrast_ratio(text_on(fill), fill) >= AA_TEXT
