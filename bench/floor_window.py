"""Baselines for bench_startup.py and bench_memory.py: the least a Qt app with this data can do.

    python bench/floor_window.py                     # a bare PySide6 QMainWindow
    python bench/floor_window.py --query DB ITEM_ID  # ... then import SQLAlchemy's ORM and
                                                     # read one item's paragraphs from DB

Prints `BENCH first-paint <epoch s>` after the window's first paint (the same way the app's
probe does, src/clerkdesk/ui/startup_probe.py) and, with --query, `BENCH interactive <epoch s>`
after the query; then quits.
"""

import argparse
import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

WIDTH, HEIGHT = 1280, 800  # the app's default window size


def mark(name: str, detail: str = "") -> None:
    print(f"BENCH {name} {time.time():.6f} {detail}".rstrip(), flush=True)


class OnFirstPaint(QObject):
    def __init__(self, widget: QMainWindow, then) -> None:  # noqa: ANN001 - a callable
        super().__init__(widget)
        self.then = then
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Paint and self.then is not None:
            then, self.then = self.then, None
            QTimer.singleShot(0, then)
        return False


def query(path: str, item_id: int) -> None:
    import sqlalchemy as sa
    import sqlalchemy.orm

    engine = sa.create_engine(f"sqlite:///{path}")
    with sqlalchemy.orm.Session(engine) as session:
        rows = session.execute(
            sa.text("SELECT id, level, text FROM paragraph WHERE item_id = :item "
                    "ORDER BY position"), {"item": item_id},
        ).all()
    mark("interactive", f"paragraphs={len(rows)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--query", nargs=2, metavar=("DB", "ITEM_ID"))
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(WIDTH, HEIGHT)

    def painted() -> None:
        mark("first-paint")
        if args.query:
            query(args.query[0], int(args.query[1]))
        app.quit()

    OnFirstPaint(window, painted)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
