"""Write a file all or nothing: a temporary file beside the target, moved into place when done."""

from __future__ import annotations

import errno
import os
import secrets
import stat
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import BinaryIO

from clerkdesk.errors import ExportFailed
from clerkdesk.export.lock_files import Lock, find_lock

Writer = Callable[[BinaryIO], None]
DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


class TargetLocked(ExportFailed):
    """The target is open in Word or LibreOffice, or a lock file left by a crash says so."""

    def __init__(self, lock: Lock, target: Path) -> None:
        self.lock = lock
        super().__init__(locked_message(lock, target.name))


def locked_message(lock: Lock, name: str) -> str:
    """One line: who holds the file and, unless they are known to be there, how to go on."""
    go_on = "export again and choose to go on (clerkdesk export --ignore-lock)"
    if lock.running is False:
        return (f"{name} has a lock file from {lock.holder}, but {lock.program} is not running: "
                f"the lock was left by a crash. To write the file anyway, {go_on}.")
    if lock.running is None:
        return (f"{name} is open in {lock.holder}, or was when it crashed: close it there and "
                f"export again, or, if nobody has it open, {go_on}.")
    return (f"{name} is open in {lock.holder}: close it there and export again (the open "
            "copy was left as it was).")


def lock_holder(target: Path) -> str | None:
    """'Word' or 'LibreOffice' when its lock file beside `target` says the file is open."""
    lock = find_lock(target)
    return lock.program if lock else None


def write_atomically(target: Path, write: Writer, *, ignore_lock: bool = False) -> Path:
    """Run `write` on a temporary file in `target`'s folder, then replace `target` with it.

    On any failure the temporary file is removed, an existing `target` keeps its bytes, and
    ExportFailed explains what to do (folder missing, file open or read-only, disk full).
    """
    target = Path(target)
    _check_target(target, ignore_lock)
    existed = target.exists()
    temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    try:
        descriptor = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL
                             | getattr(os, "O_BINARY", 0), 0o666)
    except OSError as error:
        raise ExportFailed(_failure(error, target, existed, creating=True)) from None
    try:
        with os.fdopen(descriptor, "wb") as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        if existed:
            _keep_mode(target, temp)
        os.replace(temp, target)
    except OSError as error:
        _remove(temp)
        raise ExportFailed(_failure(error, target, existed, creating=False)) from None
    except BaseException:
        _remove(temp)
        raise
    _sync_folder(target.parent)
    return target


def _check_target(target: Path, ignore_lock: bool = False) -> None:
    folder = target.parent
    if not folder.exists():
        raise ExportFailed(f"The folder {folder} does not exist: choose another folder.")
    if not folder.is_dir():
        raise ExportFailed(f"{folder} is a file, not a folder: choose another folder.")
    if target.is_symlink():
        # Replacing would swap the link for a file; following would write wherever it points.
        raise ExportFailed(
            f"{target} is a link to {os.readlink(target)}: ClerkDesk does not replace links, "
            "so export to the file itself or choose another name (nothing was changed)."
        )
    if target.is_dir():
        raise ExportFailed(f"{target} is a folder: type a file name ending in .docx.")
    if target.exists() and not target.is_file():
        raise ExportFailed(
            f"{target} is not an ordinary file (a device or pipe): choose a file name "
            "(nothing was changed)."
        )
    lock = find_lock(target)
    if lock and not (lock.may_go_on and ignore_lock):
        raise TargetLocked(lock, target)
    if target.exists() and not os.access(target, os.W_OK):
        raise ExportFailed(
            f"{target} is read-only: choose another file name, or make it writable and export "
            "again (the existing file was left as it was)."
        )


def _failure(error: OSError, target: Path, existed: bool, *, creating: bool) -> str:
    kept = " The existing file was left as it was." if existed else ""
    code = error.errno
    if code in DISK_FULL:
        return f"There is not enough space on the disk to write {target}.{kept}"
    if code == errno.EROFS:
        return f"{target.parent} is on a read-only disk: choose another folder.{kept}"
    if code == errno.ENOENT:
        return f"The folder {target.parent} does not exist (any more): choose another folder."
    if code == errno.ENAMETOOLONG:
        return f"The file name {target.name} is too long: choose a shorter one."
    if isinstance(error, PermissionError):
        if creating:
            return f"You do not have permission to save in {target.parent}: choose another folder."
        return (
            f"Could not replace {target}: it is open in another program or read-only. "
            f"Close it and export again, or choose another file name.{kept}"
        )
    return f"Could not write {target}: {error.strerror or error}.{kept}"


def _keep_mode(target: Path, temp: Path) -> None:
    """The new file keeps the permissions the old one had (not the temp file's)."""
    with suppress(OSError):
        os.chmod(temp, stat.S_IMODE(target.stat().st_mode))


def _remove(path: Path) -> None:
    with suppress(OSError):
        path.unlink()


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the system allows opening a folder."""
    if os.name != "posix":
        return
    with suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
