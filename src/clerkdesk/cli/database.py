"""Open the database a command asked for, refusing to invent one for read-only commands."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from clerkdesk.errors import ClerkDeskError

if TYPE_CHECKING:
    from clerkdesk.storage.database import Database


def chosen(args: argparse.Namespace) -> tuple[str, bool]:
    """(target, is_default) from --db, CLERKDESK_DB or the user data folder."""
    from clerkdesk.storage.location import chosen_target

    return chosen_target(args.db)


@contextmanager
def opened_database(args: argparse.Namespace, *, must_exist: bool) -> Iterator[Database]:
    """The chosen database, closed afterwards; `must_exist` for commands that only read."""
    from clerkdesk.storage.database import open_database
    from clerkdesk.storage.location import is_url

    target, is_default = chosen(args)
    if must_exist and not is_url(target) and not Path(target).expanduser().exists():
        raise ClerkDeskError(
            f"No ClerkDesk database at {target} "
            "(run `clerkdesk` once, or `clerkdesk import FILE`)"
        )
    database = open_database(target, create_folder=is_default)
    try:
        yield database
    finally:
        database.close()
