"""Shared by bench_startup.py and bench_memory.py: the large database, the remembered meeting,
and child processes timed from their start and measured for peak memory.

The app is started as a clerk starts it (`python -m clerkdesk --db FILE`) with
CLERKDESK_BENCH_PAINT=1 (src/clerkdesk/ui/startup_probe.py prints when it first paints and when
it is interactive, then quits) and with its settings in a scratch XDG_CONFIG_HOME holding the
position it would remember from the last session: the newest meeting, its largest item, the
caret at the end. So "interactive" is the real reopen-where-you-left-off path; the settings file
is restored before every run because the app rewrites it when it closes.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
GENERATOR = BENCH / "generate_db.py"
FLOOR = BENCH / "floor_window.py"
CHILD_TIMEOUT_S = 120
SETTINGS_WRITER = (
    "import json, sys\n"
    "from clerkdesk.ui.settings import LAST_POSITIONS, Settings\n"
    "settings = Settings()\n"
    "settings.set(LAST_POSITIONS, sys.argv[1])\n"
    "settings.sync()\n"
)


@dataclass(frozen=True)
class Setup:
    path: Path
    meeting_id: int
    item_id: int
    env: dict[str, str]
    settings_files: dict[Path, bytes]

    def restore_settings(self) -> None:
        for path, data in self.settings_files.items():
            path.write_bytes(data)


@dataclass(frozen=True)
class Run:
    marks: dict[str, float]  # seconds since the process was started
    details: dict[str, str]
    peak_rss_mb: float
    returncode: int
    stderr_tail: str = ""  # the end of what the child printed to stderr, to explain a failure


def remembered_item(path: Path) -> tuple[int, int, int, int]:
    """(meeting, item, last paragraph, offset at its end) for the newest meeting's largest item."""
    connection = sqlite3.connect(str(path))
    try:
        (meeting_id,) = connection.execute(
            "SELECT id FROM meeting ORDER BY date DESC, id DESC LIMIT 1").fetchone()
        item_id, _count = connection.execute(
            "SELECT a.id, count(p.id) AS n FROM agenda_item a JOIN paragraph p ON p.item_id = a.id"
            " WHERE a.meeting_id = ? GROUP BY a.id ORDER BY n DESC, a.position LIMIT 1",
            (meeting_id,)).fetchone()
        pid, text = connection.execute(
            "SELECT id, text FROM paragraph WHERE item_id = ? ORDER BY position DESC LIMIT 1",
            (item_id,)).fetchone()
    finally:
        connection.close()
    return meeting_id, item_id, pid, len(text)


def child_environment(home: Path) -> dict[str, str]:
    """Settings and data under `home`; bytecode cached as an installed app has it."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "HOME": str(home), "XDG_CONFIG_HOME": str(home / "config"),
           "XDG_DATA_HOME": str(home / "data"), "CLERKDESK_BENCH_PAINT": "1"}
    for name in ("CLERKDESK_DB", "PYTHONDONTWRITEBYTECODE"):
        env.pop(name, None)
    return env


def prepare(folder: Path, size: str = "small", *, meetings: int | None = None,
            paragraphs: int | None = None) -> Setup:
    """A copy of the generated database of `size` in `folder` (or, given `meetings` and
    `paragraphs`, a new one of that size: for tests), and settings that remember its newest
    meeting.

    The generator runs in its own process: this one stays small, because a child's peak RSS
    as the kernel reports it is never below the RSS of the process that started it.
    """
    path = folder / "large.sqlite"
    if meetings is not None and paragraphs is not None:
        subprocess.run([sys.executable, str(GENERATOR), str(path), "--meetings", str(meetings),
                        "--paragraphs", str(paragraphs)], check=True, stdout=subprocess.DEVNULL)
    else:
        made = subprocess.run([sys.executable, str(GENERATOR), "--cached", size], check=True,
                              stdout=subprocess.PIPE, text=True)
        shutil.copyfile(made.stdout.strip().splitlines()[-1], path)
    meeting_id, item_id, pid, offset = remembered_item(path)
    env = child_environment(folder / "home")
    home = folder / "home"
    positions = json.dumps({str(path.absolute()): [meeting_id, item_id, pid, offset]})
    subprocess.run([sys.executable, "-c", SETTINGS_WRITER, positions], env=env, check=True)
    files = {p: p.read_bytes() for p in (home / "config").rglob("*") if p.is_file()}
    if not files:
        raise RuntimeError("the remembered position was not written to the settings")
    return Setup(path, meeting_id, item_id, env, files)


def app_command(setup: Setup) -> list[str]:
    return [sys.executable, "-m", "clerkdesk", "--db", str(setup.path)]


def floor_command(setup: Setup | None = None) -> list[str]:
    """The bare window, or (given a setup) the bare window + ORM import + one query."""
    if setup is None:
        return [sys.executable, str(FLOOR)]
    return [sys.executable, str(FLOOR), "--query", str(setup.path), str(setup.item_id)]


def run(command: list[str], env: dict[str, str]) -> Run:
    """Start `command`, collect its `BENCH name epoch [detail]` lines and its peak RSS."""
    lines: list[str] = []
    with tempfile.TemporaryFile("w+", encoding="utf-8", errors="replace") as errors:
        started = time.time()
        child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=errors, text=True,
                                 env=env)
        reader = threading.Thread(target=lambda: lines.extend(child.stdout), daemon=True)
        reader.start()
        reader.join(CHILD_TIMEOUT_S)
        if reader.is_alive():
            child.kill()
        _pid, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        errors.seek(0)
        stderr_tail = errors.read()[-2000:]
    marks, details = {}, {}
    for line in lines:
        parts = line.split(maxsplit=3)
        if len(parts) >= 3 and parts[0] == "BENCH":
            marks[parts[1]] = float(parts[2]) - started
            details[parts[1]] = parts[3].strip() if len(parts) > 3 else ""
    scale = 1024 if sys.platform != "darwin" else 1024 * 1024  # ru_maxrss: KiB (macOS: bytes)
    return Run(marks, details, usage.ru_maxrss * scale / 1e6, child.returncode, stderr_tail)
