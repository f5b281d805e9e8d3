"""Word's and LibreOffice's lock files beside a document: who holds it, and whether that
program is still running (a lock left by a crash must not block export for ever)."""

from __future__ import annotations

import socket
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

LIBREOFFICE_PROCESSES = ("soffice.bin", "soffice", "libreoffice")
WORD_OWNER_MAX = 53  # Word writes a length byte, then the owner's name, in the first 54 bytes


@dataclass(frozen=True)
class Lock:
    """A lock file: the program, who holds it (when written there), and whether it is live."""

    program: str  # "Word" or "LibreOffice"
    path: Path
    owner: str = ""
    host: str = ""
    running: bool | None = None  # None: cannot tell from this computer

    @property
    def holder(self) -> str:
        """'LibreOffice (Rory Love on laptop)', 'Word (Rory Love)', or just the program."""
        who = " on ".join(part for part in (self.owner, self.host) if part)
        return f"{self.program} ({who})" if who else self.program

    @property
    def may_go_on(self) -> bool:
        """Whether export may go on over it: unless its program is known to be running."""
        return self.running is not True


ProcessCheck = Callable[[tuple[str, ...]], bool | None]


def any_process_named(names: tuple[str, ...]) -> bool | None:
    """Whether a process with one of `names` runs here; None where /proc is not available."""
    proc = Path("/proc")
    if not proc.is_dir():
        return None
    for entry in proc.iterdir():
        if entry.name.isdigit():
            try:
                if (entry / "comm").read_text().strip() in names:
                    return True
            except OSError:
                continue
    return False


def word_owner_names(name: str) -> set[str]:
    """The names Word gives its owner file for `name`: '~$' + the name with its first two
    characters dropped (one or two for a seven-letter name, none for a shorter one)."""
    stem = len(Path(name).stem)
    drops = (2,) if stem >= 8 else (1, 2) if stem == 7 else (0,)
    return {f"~${name[drop:]}" for drop in drops}


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()[:4096]
    except OSError:
        return b""


def _libreoffice_lock(path: Path, processes: ProcessCheck) -> Lock:
    """LibreOffice writes 'Name,system user,host,edit time,profile URL;'."""
    fields = _read(path).decode("utf-8", "replace").split(",")
    owner = fields[0].strip() or (fields[1].strip() if len(fields) > 1 else "")
    host = fields[2].strip() if len(fields) > 2 else ""
    running = processes(LIBREOFFICE_PROCESSES) if host in ("", socket.gethostname()) else None
    return Lock("LibreOffice", path, owner, host, running)


def _word_lock(path: Path) -> Lock:
    data = _read(path)
    size = data[0] if data else 0
    owner = data[1:1 + min(size, WORD_OWNER_MAX)].decode("cp1252", "replace").strip()
    # Word may hold a file on a share from another computer: whether it runs is unknown.
    return Lock("Word", path, owner, "", None)


def find_lock(target: Path, processes: ProcessCheck | None = None) -> Lock | None:
    """The lock held on `target`, if any. A file that does not exist yet is not open
    anywhere, so no lock (which would be another file's) applies to it."""
    processes = processes or any_process_named
    if not target.exists():
        return None
    folder, name = target.parent, target.name
    libreoffice = folder / f".~lock.{name}#"
    if libreoffice.exists():
        return _libreoffice_lock(libreoffice, processes)
    for owner_file in word_owner_names(name):
        if (folder / owner_file).exists():
            return _word_lock(folder / owner_file)
    return None
