"""Spelling in the minute editor: underlines, the suggestions dialog and their controller."""
