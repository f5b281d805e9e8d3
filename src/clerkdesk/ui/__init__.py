"""The PySide6 desktop interface; the only package that may import Qt."""

from pathlib import Path

from clerkdesk.resources import RESOURCES


def resources_path(name: str = "") -> Path | None:
    """The package data folder (or a file in it), or None when the folder is not there."""
    if not RESOURCES.is_dir():
        return None
    return RESOURCES / name if name else RESOURCES
