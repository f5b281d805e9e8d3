"""WCAG 2.2 contrast ratios, and colours moved just far enough to be read at AA (4.5:1)."""

from collections.abc import Sequence

RGB = tuple[int, int, int]
AA_TEXT = 4.5
BLACK: RGB = (0, 0, 0)
WHITE: RGB = (255, 255, 255)
_STEPS = 40


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(rgb: RGB) -> float:
    r, g, b = (_linear(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: RGB, b: RGB) -> float:
    """(L1 + 0.05) / (L2 + 0.05), the lighter colour's luminance over the darker's."""
    high, low = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def text_on(fill: RGB) -> RGB:
    """Black or white, whichever reads better on `fill` (one of them always reaches 4.5:1)."""
    return BLACK if contrast_ratio(BLACK, fill) >= contrast_ratio(WHITE, fill) else WHITE


def mix(a: RGB, b: RGB, share_of_b: float) -> RGB:
    return tuple(round(x + (y - x) * share_of_b) for x, y in zip(a, b, strict=True))  # type: ignore[return-value]


def readable(hue: RGB, backgrounds: Sequence[RGB], minimum: float = AA_TEXT) -> RGB:
    """`hue` darkened (on light backgrounds) or lightened (on dark) until it reaches `minimum`
    against every background; unchanged when it already does."""
    target = text_on(backgrounds[0])
    for step in range(_STEPS + 1):
        shown = mix(hue, target, step / _STEPS)
        if all(contrast_ratio(shown, bg) >= minimum for bg in backgrounds):
            return shown
    return target
