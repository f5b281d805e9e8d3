"""Speakers: the picker that inserts names as references, and the phrase list after a name."""
