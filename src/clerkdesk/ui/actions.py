"""Every main-window action declared once: id, text, shortcut and status tip."""

from dataclasses import dataclass
from enum import Enum, auto

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

Shortcut = QKeySequence.StandardKey | str | None


class ActionId(Enum):
    NEW_DATABASE = auto()
    OPEN_DATABASE = auto()
    QUIT = auto()
    SHORTCUTS = auto()
    ABOUT = auto()


@dataclass(frozen=True)
class ActionSpec:
    id: ActionId
    text: str
    status_tip: str
    shortcut: Shortcut = None
    menu: str = "File"
    fallback: str | None = None  # used where the platform has no binding for a standard key


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(ActionId.NEW_DATABASE, "&New database…",
               "Create an empty ClerkDesk database file and open it", QKeySequence.StandardKey.New),
    ActionSpec(ActionId.OPEN_DATABASE, "&Open database…",
               "Open an existing ClerkDesk database file", QKeySequence.StandardKey.Open),
    ActionSpec(ActionId.QUIT, "&Quit", "Close ClerkDesk", QKeySequence.StandardKey.Quit,
               fallback="Ctrl+Q"),
    ActionSpec(ActionId.SHORTCUTS, "&Keyboard shortcuts",
               "List every action and its keyboard shortcut", "F1", menu="Help"),
    ActionSpec(ActionId.ABOUT, "&About ClerkDesk", "Version and licence", menu="Help"),
)

MENUS: tuple[tuple[str, str], ...] = (("File", "&File"), ("Help", "&Help"))


def key_sequences(spec: ActionSpec) -> list[QKeySequence]:
    """The platform's key sequences for an action (a standard key may have several)."""
    if spec.shortcut is None:
        return []
    if isinstance(spec.shortcut, QKeySequence.StandardKey):
        bindings = QKeySequence.keyBindings(spec.shortcut)
        if bindings or spec.fallback is None:
            return bindings
        return [QKeySequence(spec.fallback)]
    return [QKeySequence(spec.shortcut)]


def shortcut_text(spec: ActionSpec) -> str:
    """The main shortcut as the user would read it, e.g. 'Ctrl+O' (not media keys)."""
    sequences = key_sequences(spec)
    return sequences[0].toString(QKeySequence.SequenceFormat.NativeText) if sequences else ""


def plain_text(spec: ActionSpec) -> str:
    return spec.text.replace("&", "")


def create_actions(parent: QWidget) -> dict[ActionId, QAction]:
    """One QAction per spec, owned by `parent`; callers connect `triggered` themselves."""
    actions = {}
    for spec in ACTIONS:
        action = QAction(spec.text, parent)
        action.setObjectName(f"action_{spec.id.name.lower()}")
        action.setStatusTip(spec.status_tip)
        action.setShortcuts(key_sequences(spec))
        if spec.id is ActionId.QUIT:
            action.setMenuRole(QAction.MenuRole.QuitRole)
        elif spec.id is ActionId.ABOUT:
            action.setMenuRole(QAction.MenuRole.AboutRole)
        actions[spec.id] = action
    return actions
