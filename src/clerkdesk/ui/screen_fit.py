"""Window placement that fits the screen: a first-run size from the available area, and a
remembered geometry moved and shrunk back onto the screen (another monitor, new scaling)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QWidget

PREFERRED_WIDTH, PREFERRED_HEIGHT = 1280, 800
MAXIMISE_BELOW_WIDTH = 1440  # 1366×768 laptops (still the commonest in councils) open maximised


@dataclass(frozen=True)
class Area:
    """A rectangle in screen pixels: left, top, width, height."""

    x: int
    y: int
    width: int
    height: int

    @classmethod
    def of(cls, rect: QRect) -> Area:
        return cls(rect.x(), rect.y(), rect.width(), rect.height())

    def contains(self, other: Area) -> bool:
        return (self.x <= other.x and self.y <= other.y
                and other.x + other.width <= self.x + self.width
                and other.y + other.height <= self.y + self.height)


def first_run_area(available: Area) -> Area:
    """The preferred size, never larger than the screen, centred on it."""
    width = min(PREFERRED_WIDTH, available.width)
    height = min(PREFERRED_HEIGHT, available.height)
    return Area(available.x + (available.width - width) // 2,
                available.y + (available.height - height) // 2, width, height)


def should_maximise(available: Area) -> bool:
    return available.width < MAXIMISE_BELOW_WIDTH


def fitted(frame: Area, available: Area) -> Area:
    """`frame` shrunk to the screen if larger, then moved the least distance onto it."""
    width, height = min(frame.width, available.width), min(frame.height, available.height)
    x = min(max(frame.x, available.x), available.x + available.width - width)
    y = min(max(frame.y, available.y), available.y + available.height - height)
    return Area(x, y, width, height)


def place_first_run(window: QWidget) -> None:
    """Size a window opened for the first time from its screen's available area."""
    available = Area.of(window.screen().availableGeometry())
    area = first_run_area(available)
    window.setGeometry(area.x, area.y, area.width, area.height)
    if should_maximise(available):
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)


def keep_on_screen(window: QWidget) -> None:
    """Move and shrink a restored window whose frame no longer lies on its screen."""
    available = Area.of(window.screen().availableGeometry())
    frame = Area.of(window.frameGeometry())
    if window.isMaximized() or available.contains(frame):
        return  # a maximised window's frame is the window manager's to place
    inner = window.geometry()  # the frame less the title bar and borders
    left, top = inner.x() - frame.x, inner.y() - frame.y
    extra_width, extra_height = frame.width - inner.width(), frame.height - inner.height()
    target = fitted(frame, available)
    window.setGeometry(target.x + left, target.y + top, target.width - extra_width,
                       target.height - extra_height)
