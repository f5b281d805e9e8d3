"""The subcommand record, argument types, and the argparse parser built from the command table."""

import argparse
import datetime as dt
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import NoReturn

from clerkdesk import __version__
from clerkdesk.errors import ClerkDeskError

Handler = Callable[[argparse.Namespace], int]
MAX_SQLITE_INTEGER = 2**63 - 1

DB_HELP = (
    "the ClerkDesk database file, or a team database URL (postgresql://user@host/db); "
    "default: the CLERKDESK_DB "
    "environment variable, else clerkdesk.sqlite in your user data folder"
)

TOP_DESCRIPTION = """\
ClerkDesk: live committee minutes for UK local government clerks.

Run without a command to open the ClerkDesk window."""

TOP_EPILOG = """\
database:
  --db PATH (or a team database: --db postgresql://user@host/clerkdesk, password from
  ~/.pgpass), else the CLERKDESK_DB environment variable, else clerkdesk.sqlite in your
  user data folder. --db works before or after the command.

exit codes:
  0    success
  1    `check` found something (with --accessibility, also an accessibility
       problem), `search` found nothing; any other command: an
       unexpected failure (a bug: please report it with the message shown)
  2    a problem to fix: bad argument, unknown meeting, missing file or folder,
       foreign or damaged database file, database from a newer ClerkDesk, database
       busy for 30 seconds, unusable template or export target, a PDF asked for
       without LibreOffice installed, a change to approved minutes, an import with
       no date
  70   a bug in ClerkDesk found by the database (a constraint broken, SQL misused):
       one line naming the bug report written to the log folder
  130  interrupted (Ctrl+C)

examples:
  clerkdesk                                  open the window
  clerkdesk import minutes.txt --committee "SEND Sub-Committee" --date 2023-07-18
  clerkdesk meetings
  clerkdesk show 3 --json"""


class UsageError(ClerkDeskError):
    """A bad command line; reported on one line like every other user error."""


@dataclass(frozen=True)
class Command:
    """One subcommand: its name, help texts, arguments and the function that runs it."""

    name: str
    summary: str  # one line in `clerkdesk --help`
    description: str  # shown by `clerkdesk NAME --help`
    handler: Handler
    add_arguments: Callable[[argparse.ArgumentParser], None] | None = None
    epilog: str = ""


class OneLineErrorParser(argparse.ArgumentParser):
    """An ArgumentParser whose errors raise UsageError (one line, exit 2), not a usage dump."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see `{self.prog} --help`)")


def meeting_id(text: str) -> int:
    """A meeting id as shown by `clerkdesk meetings`: a positive whole number."""
    value = text.strip()
    if not (value.isascii() and value.isdigit()) or not 0 < int(value) <= MAX_SQLITE_INTEGER:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a meeting id: use a number listed by `clerkdesk meetings`"
        )
    return int(value)


def iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date in the form YYYY-MM-DD"
        ) from None


def database_target(text: str) -> str:
    if not text.strip():
        raise argparse.ArgumentTypeError("the database path is empty")
    return text


def _add_db_option(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument("--db", metavar="PATH", type=database_target, default=default,
                        help=DB_HELP)


def build_parser(commands: Sequence[Command], default_handler: Handler) -> argparse.ArgumentParser:
    """The `clerkdesk` parser: top-level options plus one subparser per command."""
    parser = OneLineErrorParser(
        prog="clerkdesk", description=TOP_DESCRIPTION, epilog=TOP_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"clerkdesk {__version__}")
    _add_db_option(parser, default=None)
    parser.set_defaults(handler=default_handler)
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND", dest="command")
    for command in commands:
        sub = subparsers.add_parser(
            command.name, help=command.summary, description=textwrap.fill(command.description, 78),
            epilog=command.epilog or None, formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        if command.add_arguments:
            command.add_arguments(sub)
        # SUPPRESS: a --db given before the command is not overwritten by this one's default.
        _add_db_option(sub, default=argparse.SUPPRESS)
        sub.set_defaults(handler=command.handler)
    return parser
