"""Nothing typed is lost on a crash: a child types into the real editor and is SIGKILLed.

Each trial starts a child process (tests/support/editor_child.py) that types paragraphs, sub-points
(Tab / Shift+Tab) and line breaks by key events and prints every "Saved" the autosaver shows.
After a seeded 0.5-2.5 s the child is killed; the file must pass integrity_check and hold every
paragraph text the child had last shown as saved (as a prefix: more may have been saved since).
EDITOR_CRASH_KILLS=N runs N trials; tests/support/soak_editor_kills.py does hundreds.
"""

import os
import random
import sys

import pytest
from support.crash_runner import run_kill

KILLS = int(os.environ.get("EDITOR_CRASH_KILLS", "3"))
SEEDS = random.Random(20230711).sample(range(1, 10_000), KILLS)

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")


@pytest.mark.parametrize("seed", SEEDS)
def test_killed_editor_keeps_every_saved_text(tmp_path, seed):
    outcome = run_kill(tmp_path, seed)

    assert outcome.saved, "the child never reported Saved, so the trial checked nothing"
    assert outcome.problems == [], "\n".join(outcome.problems)
    assert set(outcome.saved) <= set(outcome.stored)
    assert len(outcome.stored) >= 2, "the script should have made several paragraphs"
