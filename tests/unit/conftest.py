"""Fixtures shared by the unit tests: an environment for running the clerkdesk command."""

import os
from pathlib import Path

import pytest


@pytest.fixture
def cli_env(tmp_path: Path) -> dict[str, str]:
    """An environment whose user folders are inside tmp_path and whose output encoding is
    latin-1, so a CLI that does not switch to UTF-8 itself fails on the en dash in 'RESOLVED –'."""
    home = tmp_path / "home"
    env = {key: value for key, value in os.environ.items() if key != "CLERKDESK_DB"}
    env.update(
        HOME=str(home), XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"),
        XDG_STATE_HOME=str(home / "state"),
        APPDATA=str(home / "appdata"), LOCALAPPDATA=str(home / "localappdata"),
        PYTHONIOENCODING="latin-1",
    )
    return env
