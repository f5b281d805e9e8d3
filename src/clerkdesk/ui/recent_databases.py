"""File › Open recent: the databases opened lately, newest first, kept in the settings."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMenu, QWidget

from clerkdesk.ui.settings import RECENT_DATABASES, Settings

KEEP = 8


def recent_databases(settings: Settings) -> list[Path]:
    """The remembered databases that still exist, newest first."""
    try:
        stored = json.loads(settings.get(RECENT_DATABASES))
    except ValueError:
        return []
    paths = [Path(p) for p in stored if isinstance(p, str)] if isinstance(stored, list) else []
    return [p for p in paths if p.is_file()]


def remember_database(settings: Settings, path: Path) -> None:
    paths = [path, *(p for p in recent_databases(settings) if p != path)][:KEEP]
    settings.set(RECENT_DATABASES, json.dumps([str(p) for p in paths]))


class RecentMenu(QMenu):
    """Filled each time it opens; choosing an entry calls `open_path` with its file."""

    def __init__(self, settings: Settings, open_path: Callable[[Path], object],
                 parent: QWidget | None = None) -> None:
        super().__init__("Open &recent", parent)
        self.setObjectName("menuOpenRecent")
        self.settings = settings
        self.open_path = open_path
        self.aboutToShow.connect(self.fill)

    def fill(self) -> None:
        self.clear()
        paths = recent_databases(self.settings)
        for number, path in enumerate(paths, start=1):
            prefix = f"&{number} " if number < 10 else ""
            action = self.addAction(f"{prefix}{path.name}  ({path.parent})")
            action.setData(str(path))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(p))
        if not paths:
            self.addAction("No databases opened yet").setEnabled(False)
