"""Where an inline popup (the speaker picker, the flag form) lives and opens beside the editor."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QTextEdit, QWidget


def popup_parent(editor: QTextEdit) -> QWidget:
    """A sibling of the editor, not its child: keys the popup does not use (Tab) must not travel
    up into the editor and change the minutes."""
    parent = editor.parentWidget()
    assert parent is not None, "the editor is laid out in the workspace before popups open"
    return parent


def caret_point(editor: QTextEdit, popup: QWidget) -> QPoint:
    """Just under the caret, in the coordinates of the popup's parent."""
    return editor.viewport().mapTo(popup_parent(editor), editor.cursorRect().bottomLeft())
