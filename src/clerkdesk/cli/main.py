"""Entry point: parse, dispatch, and turn user errors into one line on stderr with exit code 2."""

import os
import sys
from collections.abc import Sequence

from clerkdesk.cli.commands import COMMANDS, open_window
from clerkdesk.cli.parser import build_parser
from clerkdesk.cli.terminal import ControlEscapingStream
from clerkdesk.errors import ClerkDeskError, DatabaseBug

EXIT_USER_ERROR = 2
EXIT_BUG = 70  # EX_SOFTWARE: ClerkDesk's fault, not the user's
EXIT_INTERRUPTED = 130


def main(argv: Sequence[str] | None = None) -> int:
    """Run `clerkdesk` with `argv` (default: sys.argv[1:]) and return the exit code."""
    _use_utf8_output()
    streams = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = ControlEscapingStream(sys.stdout), ControlEscapingStream(sys.stderr)
    try:
        return _run(argv)
    finally:
        sys.stdout, sys.stderr = streams


def _run(argv: Sequence[str] | None) -> int:
    try:
        args = build_parser(COMMANDS, open_window).parse_args(argv)
        return args.handler(args)
    except SystemExit as done:  # --help, --version
        return done.code if isinstance(done.code, int) else 0
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except ClerkDeskError as error:
        return _fail(str(error))
    except DatabaseBug as error:
        return _bug(error)
    except BrokenPipeError:  # e.g. `clerkdesk show 3 | head`: the reader had enough, no error
        _silence_stdout()
        return 0
    except OSError as error:  # unreadable import file, permission denied, ...
        return _fail(_os_error_message(error))


def _fail(message: str) -> int:
    one_line = " ".join(part.strip() for part in message.splitlines() if part.strip())
    print(f"clerkdesk: error: {one_line}", file=sys.stderr)
    return EXIT_USER_ERROR


def _bug(error: DatabaseBug) -> int:
    """A bug: the traceback goes to the bug log, one line saying so to stderr."""
    from clerkdesk.bug_log import record_bug

    _report, path = record_bug(error)
    where = f"the report was written to {path}" if path else "no report could be written"
    print(f"clerkdesk: bug: {error} ({where}; please send it to IT support)", file=sys.stderr)
    return EXIT_BUG


def _os_error_message(error: OSError) -> str:
    if error.filename is not None and error.strerror:
        return f"{error.filename}: {error.strerror}"
    return str(error)


def _use_utf8_output() -> None:
    """Print UTF-8 whatever the locale or console code page (names, en dashes, £)."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            pass  # not a text stream we can change (e.g. replaced by a test harness)


def _silence_stdout() -> None:
    """Point stdout at devnull so the interpreter's final flush does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
