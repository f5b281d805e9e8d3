"""Team mode in the window: two clerks on one meeting."""
