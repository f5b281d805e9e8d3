"""Run the clerkdesk command in a child process, as a clerk would from a terminal."""

import subprocess
import sys
from pathlib import Path


def run_cli(env: dict[str, str] | None, *args: str | Path,
            timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """`python -m clerkdesk ARGS` with `env` (None: this process's), its output as UTF-8 text."""
    return subprocess.run(
        [sys.executable, "-m", "clerkdesk", *map(str, args)],
        capture_output=True, text=True, encoding="utf-8", env=env, timeout=timeout,
    )
