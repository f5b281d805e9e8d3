"""The user's interface settings, each key declared once with its type and default."""

from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

ORGANISATION = "ClerkDesk"
APPLICATION = "ClerkDesk"

T = TypeVar("T")


@dataclass(frozen=True)
class Key(Generic[T]):
    name: str
    type: type[T]
    default: T


WINDOW_GEOMETRY = Key("main_window/geometry", QByteArray, QByteArray())
WINDOW_STATE = Key("main_window/state", QByteArray, QByteArray())
BROWSER_SPLITTER = Key("main_window/browser_splitter", QByteArray, QByteArray())
LAST_DATABASE = Key("database/last_opened", str, "")
LAST_POSITIONS = Key("meetings/last_positions", str, "{}")  # JSON: db path -> position
WORKSPACE_STATE = Key("main_window/workspace_state", QByteArray, QByteArray())
LAST_EXPORT_FOLDER = Key("export/last_folder", str, "")
RECENT_DATABASES = Key("database/recent", str, "[]")  # JSON list of paths, newest first


def committee_export_folder(committee_id: int) -> Key[str]:
    """The folder of the committee's last export ("" until one is made)."""
    return Key(f"export/last_folder_by_committee/{committee_id}", str, "")


class Settings:
    """Typed access to QSettings; the only place in ClerkDesk that constructs one."""

    def __init__(self) -> None:
        self._store = QSettings(
            QSettings.defaultFormat(), QSettings.Scope.UserScope, ORGANISATION, APPLICATION
        )

    def get(self, key: Key[T]) -> T:
        value = self._store.value(key.name, key.default)
        if isinstance(value, key.type):
            return value
        try:
            return key.type(value)
        except (TypeError, ValueError):
            return key.default

    def set(self, key: Key[T], value: T) -> None:
        self._store.setValue(key.name, value)

    def sync(self) -> None:
        self._store.sync()

    def remembered_team_url(self) -> str | None:
        """The team database last used (its URL, never with a password), if it was one."""
        stored = self.get(LAST_DATABASE)
        return stored if "://" in stored else None

    def remembered_database(self) -> Path | None:
        """The last database opened, if it still exists."""
        stored = self.get(LAST_DATABASE)
        if not stored:
            return None
        path = Path(stored)
        return path if path.is_file() else None
