"""Locate files shipped in the repository's resources/ folder."""

from pathlib import Path

RESOURCES = Path(__file__).resolve().parents[2] / "resources"


def resource_path(name: str) -> Path:
    """Path of a shipped resource such as 'demo-meeting.json' (may not exist if not shipped)."""
    return RESOURCES / name
