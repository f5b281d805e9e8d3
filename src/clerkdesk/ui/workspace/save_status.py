"""The save state, always visible: 'Saved 14:03:22', a red warning when a save failed, or
'Offline — 12 changes waiting' in amber while the team server is away (the edits are safe in
the offline journal)."""

from PySide6.QtWidgets import QLabel, QWidget

from clerkdesk.ui.colours import Tone, alert_style, text_style


def _ok_style() -> str:
    return f"QLabel {{ {text_style(Tone.SUCCESS)} padding: 2px 8px; }}"


def _failed_style() -> str:
    return (f"QLabel {{ {alert_style()} font-weight: bold; padding: 2px 8px;"
            " border-radius: 3px; }")


def _waiting_style() -> str:
    return (f"QLabel {{ {alert_style(Tone.OFFLINE)} font-weight: bold; padding: 2px 8px;"
            " border-radius: 3px; }")


def waiting_text(count: int) -> str:
    return f"Offline — {count} change{'s' if count != 1 else ''} waiting"


class SaveStatus(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("All changes saved", parent)
        self.setObjectName("saveStatus")
        self.setAccessibleName("Save status")
        self.failed = False
        self.waiting = False
        self.setStyleSheet(_ok_style())

    def show_state(self, message: str, ok: bool) -> None:
        if self.failed == ok or self.waiting:  # restyling is slow; only when the state flips
            self.setStyleSheet(_ok_style() if ok else _failed_style())
        self.failed, self.waiting = not ok, False
        self.setText(message)
        self.setAccessibleDescription(message)

    def show_waiting(self, count: int) -> None:
        """Edits kept in the offline journal (count 0: nothing waits, leave the state alone)."""
        if not count:
            return
        if not self.waiting:
            self.setStyleSheet(_waiting_style())
        self.waiting, self.failed = True, False
        self.setText(waiting_text(count))
        self.setAccessibleDescription(self.text())
