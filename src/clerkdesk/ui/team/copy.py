"""File › Save a copy as… on a team database: a SQLite copy through copy-db, with progress."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from clerkdesk.errors import ClerkDeskError
from clerkdesk.storage.database import Database
from clerkdesk.ui.team.offline import offline_sync

NOT_SENT = ("{count} changes made offline are not on the team database yet, so the copy would "
            "miss them: save the copy once they are sent.")


def copy_problem(db: Database, path: Path) -> str | None:
    """Why a copy of the team database cannot be written to `path` now (None: it can)."""
    waiting = offline_sync(db).waiting
    if waiting:
        return NOT_SENT.format(count=waiting)
    if path.exists():
        return f"{path} already exists: choose a new file name."
    return None


def copy_team_database(parent: QWidget | None, db: Database, path: Path) -> str | None:
    """Copy every row into a new SQLite file, checked by counts and a content hash; None on
    success, else a one-line reason (a part-written file is removed)."""
    from clerkdesk.storage.copy_db import copy_database

    problem = copy_problem(db, path)
    if problem:
        return problem
    dialog = QProgressDialog("Copying the team database…", "", 0, 0, parent)
    dialog.setObjectName("copyProgress")
    dialog.setCancelButton(None)  # one transaction: stopping halfway would leave nothing
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(0)

    def progress(done: int, total: int) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done)
        QApplication.processEvents()

    source = db.engine.url.render_as_string(hide_password=False)
    try:
        copy_database(source, str(path), progress)
    except ClerkDeskError as error:
        path.unlink(missing_ok=True)
        return str(error)
    finally:
        dialog.close()
    return None
