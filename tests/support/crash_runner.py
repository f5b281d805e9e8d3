"""One crash trial: a child types into the real editor, is SIGKILLed, and the file is checked.

Used by tests/gui/test_editor_crash.py (a few kills) and soak_editor_kills.py (many).
"""

from __future__ import annotations

import json
import os
import queue
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from support.editor_harness import build_database

CHILD = Path(__file__).with_name("editor_child.py")
READY_TIMEOUT_S = 30.0
FIRST_SAVE_TIMEOUT_S = 10.0


@dataclass
class KillOutcome:
    seed: int
    waited_s: float
    integrity: str
    saved: dict[int, str]  # the last SAVED line: what the app had shown as saved
    stored: dict[int, str]  # what the file holds after the kill
    positions_ok: bool
    lost: dict[int, tuple[str, str | None]] = field(default_factory=dict)  # id: (saved, stored)
    child_lines: list[str] = field(default_factory=list)
    exit_code: int | None = None

    @property
    def problems(self) -> list[str]:
        found = []
        if self.integrity != "ok":
            found.append(f"integrity_check said {self.integrity!r}")
        if not self.positions_ok:
            found.append("paragraph positions are not 0..n-1")
        if self.exit_code != -signal.SIGKILL:
            found.append(f"the child ended by itself (exit code {self.exit_code}) before the kill")
        for line in self.child_lines:
            if line.startswith(("ERROR", "NOT-SAVED")):
                found.append(f"the child reported: {line[:200]}")
        for pid, (saved, stored) in self.lost.items():
            found.append(f"paragraph {pid}: shown as saved {saved[-60:]!r}, "
                         f"file has {None if stored is None else stored[-60:]!r}")
        return found


def _read_lines(stream, into: queue.Queue) -> None:
    for line in stream:
        into.put(line)
    into.put(None)


def run_kill(workdir: Path, seed: int) -> KillOutcome:
    """Start a typing child on a new file, SIGKILL it after a seeded 0.5-2.5 s, check the file."""
    rng = random.Random(seed)
    path = workdir / f"kill-{seed}.sqlite"
    meeting = build_database(path)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    with open(workdir / f"kill-{seed}.stderr", "w") as errors:
        child = subprocess.Popen(
            [sys.executable, str(CHILD), str(path), "--seed", str(seed), "--seconds", "60"],
            stdout=subprocess.PIPE, stderr=errors, text=True, env=env,
        )
        try:
            lines, waited = _type_then_kill(child, rng)
        finally:
            if child.poll() is None:
                child.kill()
            child.wait()
    return _check_file(path, meeting.item_ids[0], seed, waited, lines, child.returncode)


def _type_then_kill(child: subprocess.Popen, rng: random.Random) -> tuple[list[str], float]:
    incoming: queue.Queue = queue.Queue()
    reader = threading.Thread(target=_read_lines, args=(child.stdout, incoming), daemon=True)
    reader.start()
    lines: list[str] = []

    def take(until: float) -> bool:
        """Collect lines until the monotonic time `until`; False once the child's output ends."""
        while (left := until - time.monotonic()) > 0:
            try:
                line = incoming.get(timeout=left)
            except queue.Empty:
                return True
            if line is None:
                return False
            lines.append(line)
        return True

    start = time.monotonic()
    while "READY\n" not in lines and time.monotonic() - start < READY_TIMEOUT_S:
        if not take(time.monotonic() + 0.05):
            break
    ready = time.monotonic()
    alive = take(ready + rng.uniform(0.5, 2.5))
    if alive and not any(line.startswith("SAVED") for line in lines):
        give_up = time.monotonic() + FIRST_SAVE_TIMEOUT_S  # a very slow machine: wait for one
        while alive and time.monotonic() < give_up and not any(
            line.startswith("SAVED") for line in lines
        ):
            alive = take(time.monotonic() + 0.01)
    waited = time.monotonic() - ready
    if child.poll() is None:
        child.send_signal(signal.SIGKILL)
    child.wait()
    reader.join(timeout=5)
    while True:  # lines the child wrote before it died still count: they were shown
        try:
            line = incoming.get_nowait()
        except queue.Empty:
            break
        if line is not None:
            lines.append(line)
    return lines, waited


def _last_saved(lines: list[str]) -> dict[int, str]:
    for line in reversed(lines):
        if line.startswith("SAVED ") and line.endswith("\n"):  # a cut-off last line is not shown
            return {int(pid): text for pid, text in json.loads(line[6:]).items()}
    return {}


def _check_file(path: Path, item_id: int, seed: int, waited: float, lines: list[str],
                exit_code: int | None) -> KillOutcome:
    connection = sqlite3.connect(str(path))
    try:
        integrity = connection.execute("PRAGMA integrity_check").fetchone()[0]
        rows = connection.execute(
            "SELECT id, text, position FROM paragraph WHERE item_id = ? ORDER BY position",
            (item_id,),
        ).fetchall()
    finally:
        connection.close()
    stored = {pid: text for pid, text, _ in rows}
    saved = _last_saved(lines)
    lost = {
        pid: (text, stored.get(pid))
        for pid, text in saved.items()
        if not (stored.get(pid) or "").startswith(text) or pid not in stored
    }
    positions_ok = [position for _, _, position in rows] == list(range(len(rows)))
    return KillOutcome(seed, waited, integrity, saved, stored, positions_ok, lost,
                       [line.rstrip("\n") for line in lines], exit_code)
