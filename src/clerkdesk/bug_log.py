"""Bugs (not the user's doing) are written with their traceback to a size-limited log file."""

from __future__ import annotations

import logging
import logging.handlers
import platform
import traceback
from pathlib import Path

from clerkdesk import APP_NAME, __version__

LOG_NAME = "bugs.log"
MAX_BYTES = 512 * 1024
KEPT_OLD_FILES = 2


def log_folder() -> Path:
    """platformdirs' user log folder for ClerkDesk (~/.local/state/ClerkDesk/log on Linux)."""
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def bug_report(error: BaseException) -> str:
    """The text a clerk can copy to IT: version, platform and the full traceback."""
    trace = "".join(traceback.format_exception(error))
    return f"{APP_NAME} {__version__} on Python {platform.python_version()} " \
           f"({platform.platform()})\n{trace}"


def record_bug(error: BaseException) -> tuple[str, Path | None]:
    """Append the report to the log (rotated past MAX_BYTES); the path is None if the log
    itself could not be written (the report is still returned to show)."""
    report = bug_report(error)
    path = log_folder() / LOG_NAME
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=KEPT_OLD_FILES, encoding="utf-8")
    except OSError:
        return report, None
    handler.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
    try:
        handler.emit(logging.LogRecord("clerkdesk.bugs", logging.ERROR, __file__, 0,
                                       report, None, None))
    finally:
        handler.close()
    return report, path
