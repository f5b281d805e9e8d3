"""The save state, always visible: 'Saved 14:03:22', or a red warning when a save failed."""

from PySide6.QtWidgets import QLabel, QWidget

from clerkdesk.ui.colours import Tone, alert_style, text_style


def _ok_style() -> str:
    return f"QLabel {{ {text_style(Tone.SUCCESS)} padding: 2px 8px; }}"


def _failed_style() -> str:
    return (f"QLabel {{ {alert_style()} font-weight: bold; padding: 2px 8px;"
            " border-radius: 3px; }")


class SaveStatus(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("All changes saved", parent)
        self.setObjectName("saveStatus")
        self.setAccessibleName("Save status")
        self.failed = False
        self.setStyleSheet(_ok_style())

    def show_state(self, message: str, ok: bool) -> None:
        if self.failed == ok:  # restyling is slow; only when the state flips
            self.setStyleSheet(_ok_style() if ok else _failed_style())
        self.failed = not ok
        self.setText(message)
        self.setAccessibleDescription(message)
