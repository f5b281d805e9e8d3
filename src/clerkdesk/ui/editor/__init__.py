"""The live-minutes editor: one QTextEdit, one block per paragraph, numbers drawn beside it."""
