"""Whether a database file lives on a network share, where SQLite's locking is unsafe."""

from __future__ import annotations

import os
import sys
from pathlib import Path

# Linux filesystem types that are network shares (from /proc/mounts).
NETWORK_FILESYSTEMS = frozenset({
    "nfs", "nfs4", "cifs", "smb3", "smbfs", "ncpfs", "afs", "9p", "fuse.sshfs", "davfs",
    "fuse.davfs2", "ceph", "glusterfs", "fuse.glusterfs", "lustre", "gpfs",
})
DRIVE_REMOTE = 4  # GetDriveTypeW's answer for a mapped network drive

WARNING = ("{path} is on a network drive. SQLite files on shared drives can be damaged when two "
           "computers use them; keep the database on this computer, or use team mode "
           "(a PostgreSQL server) to share minutes.")


def is_on_network_drive(path: Path) -> bool:
    """True when `path` (a file or folder, existing or not) is on a network share."""
    if sys.platform == "win32":
        return _windows_remote(path)
    if sys.platform.startswith("linux"):
        return _linux_filesystem(path) in NETWORK_FILESYSTEMS
    return False  # macOS: no dependable check without a system call we do not make


def network_warning(path: Path) -> str | None:
    """The one-sentence warning for a database on a network share, or None."""
    return WARNING.format(path=path) if is_on_network_drive(path) else None


def _windows_remote(path: Path) -> bool:
    text = str(path.absolute())
    if text.startswith("\\\\"):  # \\server\share\minutes.sqlite
        return True
    import ctypes

    drive = os.path.splitdrive(text)[0] + "\\"
    return bool(ctypes.windll.kernel32.GetDriveTypeW(drive) == DRIVE_REMOTE)  # type: ignore[attr-defined]


def _linux_filesystem(path: Path, mounts: Path = Path("/proc/mounts")) -> str:
    """The filesystem type of the mount holding `path` (longest matching mount point)."""
    target = _existing_ancestor(path.absolute())
    try:
        lines = mounts.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return ""
    best, kind = "", ""
    for line in lines:
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        inside = target == Path(point) or Path(point) in target.parents
        if inside and len(point) > len(best):
            best, kind = point, fields[2]
    return kind


def _existing_ancestor(path: Path) -> Path:
    while not path.exists() and path != path.parent:
        path = path.parent
    return path.resolve()
