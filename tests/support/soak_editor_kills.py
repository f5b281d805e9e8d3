"""Soak run: kill a typing editor many times and count what survived (not part of make test).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/support/soak_editor_kills.py --kills 100
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from support.crash_runner import run_kill


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=100)
    parser.add_argument("--seed", type=int, default=20230711, help="first child's seed")
    parser.add_argument("--keep", type=Path, help="keep the killed files in this folder")
    args = parser.parse_args(argv)

    counts = {"kills": 0, "integrity ok": 0, "saved edits verified": 0, "lost edits": 0,
              "kills with no SAVED line": 0, "child problems": 0}
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="clerkdesk-soak-") as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        for n in range(args.kills):
            outcome = run_kill(folder, args.seed + n)
            counts["kills"] += 1
            counts["integrity ok"] += outcome.integrity == "ok"
            counts["saved edits verified"] += len(outcome.saved) - len(outcome.lost)
            counts["lost edits"] += len(outcome.lost)
            counts["kills with no SAVED line"] += not outcome.saved
            other = [p for p in outcome.problems if not p.startswith("paragraph ")]
            counts["child problems"] += bool(other)
            for problem in outcome.problems:
                print(f"kill {n + 1} (seed {outcome.seed}): {problem}", flush=True)
            if (n + 1) % 10 == 0:
                print(f"... {n + 1} kills, {time.monotonic() - started:.0f} s", flush=True)
    width = max(map(len, counts))
    for name, value in counts.items():
        print(f"{name:<{width}}  {value}")
    failed = counts["lost edits"] or counts["integrity ok"] != counts["kills"] or counts[
        "child problems"]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
