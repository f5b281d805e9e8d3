"""Output formats: plain text (the published layout), JSON and Word."""
