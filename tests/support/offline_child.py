"""Child process for the offline test: types into the real editor on a team database.

    python tests/support/offline_child.py URL MEETING_ID ITEM_ID

Prints READY once the editor shows the item, waits for a line on stdin (the parent stops the
server meanwhile), types by key events, prints WAITING <count> (the offline journal's count)
and waits on stdin again until it is killed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from support.editor_harness import SampleMeeting, open_editor, type_text


def main() -> int:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    url, meeting_id, item_id = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    app = QApplication.instance() or QApplication([])
    rig = open_editor(SampleMeeting(url, meeting_id, (item_id,)))
    app.processEvents()
    rig.editor.moveCursor(rig.editor.textCursor().MoveOperation.End)
    print("READY", flush=True)
    sys.stdin.readline()
    type_text(rig.editor, " The Chair thanked the officers.")
    QTest.keyClick(rig.editor, Qt.Key.Key_Return)
    type_text(rig.editor, "Cllr Amberley asked about parking – and about buses.")
    QTest.keyClick(rig.editor, Qt.Key.Key_Return)
    QTest.keyClick(rig.editor, Qt.Key.Key_Tab)
    type_text(rig.editor, "Officers would reply.")
    rig.autosaver.flush()
    print(f"WAITING {rig.autosaver.offline.waiting} {rig.errors}", flush=True)
    sys.stdin.readline()
    return 0


if __name__ == "__main__":
    sys.exit(main())
