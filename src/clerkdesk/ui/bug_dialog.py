"""The dialog for a bug: says it is not the clerk's fault, where the report was written, and
offers to copy it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

INTRO = ("ClerkDesk hit a problem in its own program (a bug), not something you did. "
         "What you had typed is still in the window.")


def show_bug(parent: QWidget | None, report: str, path: Path | None) -> QMessageBox:
    """A window-modal box with the report in its details; "Copy report" puts it on the
    clipboard. It is opened, not exec'd: a bug met in a timer's slot must not block there."""
    where = f"The details were written to {path}." if path else \
        "The details could not be written to a log file."
    box = QMessageBox(QMessageBox.Icon.Critical, "ClerkDesk hit a bug",
                      f"{INTRO}\n\n{where} Copy the report and send it to your IT support.",
                      parent=parent)
    box.setObjectName("bugReport")
    box.setDetailedText(report)
    copy = box.addButton("&Copy report", QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.setDefaultButton(copy)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.buttonClicked.connect(
        lambda button: QApplication.clipboard().setText(report) if button is copy else None)
    box.open()
    return box
