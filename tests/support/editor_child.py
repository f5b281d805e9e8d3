"""Child process for crash tests: types into the real minute editor until it is killed.

    python tests/support/editor_child.py DB_PATH [--seed N] [--seconds S]

Builds DB_PATH (one meeting, one empty item) if it does not exist, shows the item in a real
MinuteEditor (offscreen unless QT_QPA_PLATFORM says otherwise) and types scripted text by key
events from a QTimer, so the event loop and the autosave timers run as in the app. It prints:

    READY                      once the editor is shown
    SAVED {"<id>": "<text>"}   each time the autosaver reports "Saved": every paragraph the
                               editor shows, i.e. what the app has told the clerk is saved
    NOT-SAVED <message> / ERROR <message>   if saving or an edit failed
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from support.editor_harness import (
    build_database,
    first_meeting,
    open_editor,
    type_text,
)

WORDS = (
    "the Sub-Committee noted report Member asked whether officers would provide update on "
    "waiting lists timescales and the Accelerated Progress Plan; Mr Love explained that "
    "actions were completed, including leadership changes (p28-29) – 35 posts offered, "
    "22 start in July 2023. Sarah Hammond confirmed it would be shared."
).split()


def keystrokes(rng: random.Random) -> Iterator[tuple[str, str]]:
    """Endless clerk-like input that only ever adds text at the end: (kind, what) pairs.

    Kinds: "text" (typed as key clicks), "enter", "tab", "backtab", "linebreak".
    Appending only is what lets the parent check saved texts as prefixes of stored ones.
    """
    level = 0
    while True:
        for _ in range(rng.randint(4, 30)):
            yield "text", rng.choice(WORDS) + " "
            if rng.random() < 0.02:
                yield "linebreak", ""
        yield "enter", ""
        roll = rng.random()
        if roll < 0.3 and level < 1:
            yield "tab", ""
            level += 1
        elif roll < 0.6 and level > 0:
            yield "backtab", ""
            level -= 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db_path", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--seconds", type=float, default=30.0, help="stop by itself after this")
    args = parser.parse_args(argv)

    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    if not args.db_path.exists():
        build_database(args.db_path)
    rig = open_editor(first_meeting(args.db_path))
    editor = rig.editor

    def on_state(message: str, ok: bool) -> None:
        if ok and message.startswith("Saved"):
            print("SAVED " + json.dumps(rig.shown_texts()), flush=True)
        elif not ok:
            print("NOT-SAVED " + message, flush=True)

    rig.autosaver.stateChanged.connect(on_state)
    rig.controller.errorReported.connect(lambda message: print("ERROR " + message, flush=True))

    script = keystrokes(random.Random(args.seed))
    keys = {"enter": (Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier),
            "tab": (Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier),
            "backtab": (Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier),
            "linebreak": (Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)}

    def type_next() -> None:
        kind, text = next(script)
        if kind == "text":
            type_text(editor, text)
        else:
            QTest.keyClick(editor, *keys[kind])

    typer = QTimer(interval=2)
    typer.timeout.connect(type_next)
    typer.start()
    QTimer.singleShot(int(args.seconds * 1000), app.quit)
    print("READY", flush=True)
    app.exec()
    rig.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
