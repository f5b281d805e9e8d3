"""Network access (read-only): the council's Modern.gov web service."""
