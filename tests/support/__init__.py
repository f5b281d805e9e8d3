"""Helpers shared by tests, soak runs and benchmarks (not tests themselves)."""
