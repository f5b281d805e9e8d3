"""Readers that turn existing minutes (plain text, later Word) into a new meeting."""
