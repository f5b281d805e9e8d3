"""Autosave: typed text reaches the database within half a second, and is never dropped.

Pending texts are held here (not only in the editor), so a failed save keeps them in memory
across item changes and retries until the disk accepts them.

On a team database the writes go through `edits` (JournalledEditing): while the server is
away they wait in the offline journal and `offline` (OfflineSync) sends them when it is back.

Signals: stateChanged(message: str, ok: bool); offline.waitingChanged(count).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, QTimer, Signal

from clerkdesk.errors import ClerkDeskError
from clerkdesk.ui.team.offline import offline_sync

SAVE_DELAY_MS = 300  # well inside the promised 0.5 s, long enough to batch a burst of keys
RETRY_MS = 2000


class Autosaver(QObject):
    stateChanged = Signal(str, bool)

    def __init__(self, db, parent: QObject | None = None) -> None:  # noqa: ANN001 - Database
        super().__init__(parent)
        self.db = db
        self.offline = offline_sync(db)
        self.edits = self.offline.edits
        self.offline.sent.connect(self._offline_sent)
        self.offline.problem.connect(self._offline_problem)
        QTimer.singleShot(0, self.offline.resume)  # changes kept from a session closed offline
        self._pending: dict[int, str] = {}
        self._timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        self._retry = QTimer(self, singleShot=True, interval=RETRY_MS)
        self._retry.timeout.connect(self.flush)
        self.last_error: str | None = None
        self._saving_shown = False  # "Saving…" is shown once, not per keystroke

    @property
    def pending(self) -> dict[int, str]:
        return dict(self._pending)

    def mark(self, paragraph_id: int, text: str) -> None:
        """Remember a paragraph's new text; it is written within SAVE_DELAY_MS."""
        self._pending[paragraph_id] = text
        if not self._timer.isActive() and not self._retry.isActive():
            self._timer.start()
        if self.last_error is None and not self._saving_shown and not self.edits.waiting:
            self._saving_shown = True
            self.stateChanged.emit("Saving…", True)

    def discard(self, paragraph_id: int) -> None:
        self._pending.pop(paragraph_id, None)

    def flush(self) -> bool:
        """Write everything pending now; False (and a retry scheduled) if the write failed."""
        self._timer.stop()
        if not self._pending:
            if self._saving_shown:  # what was pending was discarded: nothing left unsaved
                self.report_saved()
            return True
        batch = dict(self._pending)
        try:
            self.edits.save_texts(batch)  # kept in the journal if the server is away
        except ClerkDeskError as error:
            self.report_failure(str(error))
            return False
        for paragraph_id, text in batch.items():
            if self._pending.get(paragraph_id) == text:
                del self._pending[paragraph_id]
        if self.edits.waiting:  # the offline badge shows instead of "Saved"
            self._retry.stop()
            self.last_error, self._saving_shown = None, False
        else:
            self.report_saved()
        return True

    def report_saved(self) -> None:
        self._retry.stop()
        self.last_error = None
        self._saving_shown = False
        self.stateChanged.emit(f"Saved {dt.datetime.now():%H:%M:%S}", True)

    def _offline_sent(self, count: int, from_last_time: bool) -> None:
        if count:
            kept = "kept from last time " if from_last_time else "made offline "
            self.stateChanged.emit(f"Saved {dt.datetime.now():%H:%M:%S} — {count} changes "
                                   f"{kept}sent to the team database", True)

    def _offline_problem(self, message: str) -> None:
        self.stateChanged.emit(message, False)

    def report_failure(self, message: str) -> None:
        self.last_error = message
        self._saving_shown = False
        self.stateChanged.emit(f"NOT SAVED — {message} Your text is kept; retrying…", False)
        self._retry.start()
