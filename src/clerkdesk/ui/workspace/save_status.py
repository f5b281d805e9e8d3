"""The save state, always visible: 'Saved 14:03:22', or a red warning when a save failed."""

from PySide6.QtWidgets import QLabel, QWidget

_OK_STYLE = "QLabel { color: #2d6a2d; padding: 2px 8px; }"
_FAILED_STYLE = (
    "QLabel { color: white; background: #b3261e; font-weight: bold; padding: 2px 8px;"
    " border-radius: 3px; }"
)


class SaveStatus(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("All changes saved", parent)
        self.setObjectName("saveStatus")
        self.setAccessibleName("Save status")
        self.failed = False
        self.setStyleSheet(_OK_STYLE)

    def show_state(self, message: str, ok: bool) -> None:
        if self.failed == ok:  # restyling is slow; only when the state flips
            self.setStyleSheet(_OK_STYLE if ok else _FAILED_STYLE)
        self.failed = not ok
        self.setText(message)
        self.setAccessibleDescription(message)
