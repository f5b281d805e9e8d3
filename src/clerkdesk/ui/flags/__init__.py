"""Flags on paragraphs: the inline form, the flags panel and the committee's request log."""
