"""Flagging paragraphs: the inline form at the caret, its undoable edits, the kind icons, and the
committee's request log and outstanding-requests dialogs (the flags panel is ui.workspace's)."""
