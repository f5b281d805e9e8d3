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


def database_file(target: str) -> Path | None:
    """The file a path or sqlite:/// URL names (so both get the same checks); None for a server.

    Raises StorageError for a URL that names no file (sqlite://, sqlite:///:memory:).
    """
    if not is_url(target):
        return _expanded(target)
    scheme, _, rest = target.partition("://")
    if scheme.lower().partition("+")[0] != "sqlite":
        return None
    from clerkdesk.errors import StorageError

    name = rest[1:] if rest.startswith("/") else rest  # sqlite:///x is x, sqlite:////x is /x
    name = name.partition("?")[0]
    if not name or name == ":memory:":
        raise StorageError(
            f"{target} names no database file: give a path such as sqlite:///minutes.sqlite."
        )
    return _expanded(name)


def _expanded(name: str) -> Path:
    """`name` made absolute, `~` and `~user` expanded; one sentence when no such home exists."""
    try:
        return Path(name).expanduser().absolute()
    except RuntimeError:  # "~nobody-here": pathlib cannot find that home folder
        from clerkdesk.errors import StorageError

        raise StorageError(f"{name} starts with a home folder (~) that cannot be found: give "
                           "the full path.") from None
