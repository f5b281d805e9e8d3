"""Open the database a command asked for, refusing to invent one for read-only commands."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from clerkdesk.errors import ClerkDeskError, DatabaseBusy

if TYPE_CHECKING:
    from clerkdesk.storage.database import Database

# A command waits this long for another ClerkDesk's write (e.g. a long import) before giving up.
BUSY_WAIT_SECONDS = 30


def chosen(args: argparse.Namespace) -> tuple[str, bool]:
    """(target, is_default) from --db, CLERKDESK_DB or the user data folder."""
    from clerkdesk.storage.location import chosen_target

    return chosen_target(args.db)


@contextmanager
def opened_database(args: argparse.Namespace, *, must_exist: bool) -> Iterator[Database]:
    """The chosen database, closed afterwards; `must_exist` for commands that only read."""
    from clerkdesk.storage.database import open_database
    from clerkdesk.storage.location import database_file

    target, is_default = chosen(args)
    path = database_file(target)
    if must_exist and path is not None and not path.exists():
        raise ClerkDeskError(
            f"No ClerkDesk database at {target}{_relative_url_hint(target, path)} "
            "(run `clerkdesk` once, or `clerkdesk import FILE`)"
        )
    try:
        database = open_database(target, create_folder=is_default, must_exist=must_exist,
                                 busy_timeout_ms=BUSY_WAIT_SECONDS * 1000)
        for notice in database.notices:
            print(f"clerkdesk: note: {notice}", file=sys.stderr)
        try:
            yield database
        finally:
            database.close()
    except DatabaseBusy:
        raise ClerkDeskError(
            f"The database was busy in another program (a long import?) for "
            f"{BUSY_WAIT_SECONDS} seconds: try again when it has finished."
        ) from None


def _relative_url_hint(target: str, path: Path) -> str:
    """sqlite:///x names x in the current folder: say where that was, and how to name /x."""
    if "://" not in target or target.split("://", 1)[1].startswith("//"):
        return ""
    return f" ({path}: three slashes name a file in the current folder; write sqlite:////… " \
           "for a full path)"
