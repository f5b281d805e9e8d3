"""Locate the files shipped inside the package (template, demo meeting, icon, desktop files)."""

from importlib.resources import files
from pathlib import Path

# A regular (unzipped) install, an editable checkout and the PyInstaller bundle all give a real
# folder here; every reader wants a filesystem path (python-docx, QIcon, shutil).
RESOURCES = Path(str(files("clerkdesk") / "data"))


def resource_path(name: str) -> Path:
    """Path of a shipped resource such as 'demo-meeting.json' (may not exist if not shipped)."""
    return RESOURCES / name
