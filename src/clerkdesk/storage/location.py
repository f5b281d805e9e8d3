"""Where the database lives: --db argument, CLERKDESK_DB, or the per-user data folder."""

import os
from pathlib import Path

ENV_VAR = "CLERKDESK_DB"
FILE_NAME = "clerkdesk.sqlite"


def default_database_path() -> Path:
    """platformdirs' user data folder for ClerkDesk, plus the file name."""
    import platformdirs

    return Path(platformdirs.user_data_dir("ClerkDesk", appauthor=False)) / FILE_NAME


def chosen_target(argument: str | None) -> tuple[str, bool]:
    """The database path or URL to open, and whether it is the default location."""
    if argument:
        return argument, False
    if os.environ.get(ENV_VAR):
        return os.environ[ENV_VAR], False
    return str(default_database_path()), True


def is_url(target: str) -> bool:
    """True for a database URL such as postgresql://… or sqlite:///…"""
    return "://" in target
