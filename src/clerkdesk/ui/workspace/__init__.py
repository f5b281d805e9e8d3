"""The live-minutes workspace: agenda, minute editor, flags panel, meeting clock, save state."""
