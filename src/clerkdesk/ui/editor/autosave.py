"""Autosave: typed text reaches the database within half a second, and is never dropped.

Pending texts are held here (not only in the editor), so a failed save keeps them in memory
across item changes and retries until the disk accepts them.

Team mode: each save is based on the version and text the editor loaded or last saved
(`bases`); a paragraph another clerk changed meanwhile is held aside (`conflicts`, still
unsaved) and conflictFound(paragraph_id) asks the clerk whose text to keep. The writes go
through `edits` (JournalledEditing): while the server is away they wait in the offline journal
and `offline` (OfflineSync) sends them when it is back.

A bug (any error that is not a ClerkDeskError) is not retried: it is announced once through
bugHit, and the badge says the text is kept.

Signals: stateChanged(message: str, ok: bool), conflictFound(paragraph_id: int),
bugHit(error: Exception); offline.waitingChanged(count).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, QTimer, Signal

from clerkdesk.errors import ClerkDeskError, ParagraphConflict
from clerkdesk.services.conflicts import TextBase
from clerkdesk.storage.journal import Entry
from clerkdesk.ui.team.offline import offline_sync

SAVE_DELAY_MS = 300  # well inside the promised 0.5 s, long enough to batch a burst of keys
RETRY_MS = 2000
CONFLICT = "Another clerk saved this paragraph too: choose whose text to keep."
BUG_KEPT = "NOT SAVED — a bug in ClerkDesk; your text is kept in the window."


class Autosaver(QObject):
    stateChanged = Signal(str, bool)
    conflictFound = Signal(int)
    bugHit = Signal(object)

    def __init__(self, db, parent: QObject | None = None) -> None:  # noqa: ANN001 - Database
        super().__init__(parent)
        self.db = db
        self.offline = offline_sync(db)
        self.edits = self.offline.edits
        self.offline.sent.connect(self._offline_sent)
        self.offline.problem.connect(self._offline_problem)
        self.offline.conflictFound.connect(self._replayed_conflict)
        QTimer.singleShot(0, self.offline.resume)  # changes kept from a session closed offline
        self._pending: dict[int, str] = {}
        self.bases: dict[int, TextBase] = {}
        self._conflicts: dict[int, str] = {}  # refused texts, held until the clerk chooses
        self._timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        self._retry = QTimer(self, singleShot=True, interval=RETRY_MS)
        self._retry.timeout.connect(self.flush)
        self.last_error: str | None = None
        self._saving_shown = False  # "Saving…" is shown once, not per keystroke
        self.bug: Exception | None = None  # a save that failed through a bug: never retried

    @property
    def retrying(self) -> bool:
        return self._retry.isActive()

    @property
    def pending(self) -> dict[int, str]:
        return {**self._conflicts, **self._pending}

    @property
    def conflicts(self) -> dict[int, str]:
        return dict(self._conflicts)

    def mark(self, paragraph_id: int, text: str) -> None:
        """Remember a paragraph's new text; it is written within SAVE_DELAY_MS."""
        self._pending[paragraph_id] = text
        self._conflicts.pop(paragraph_id, None)  # typing on tries the save (and asks) again
        if self.bug is None and not self._timer.isActive() and not self._retry.isActive():
            self._timer.start()
        if self.last_error is None and not self._saving_shown and not self.edits.waiting:
            self._saving_shown = True
            self.stateChanged.emit("Saving…", True)

    def discard(self, paragraph_id: int) -> None:
        self._pending.pop(paragraph_id, None)
        self._conflicts.pop(paragraph_id, None)
        self.bases.pop(paragraph_id, None)

    def flush(self) -> bool:
        """Write everything pending now; False (and a retry scheduled) if the write failed."""
        self._timer.stop()
        if not self._pending and self._conflicts:
            return False
        if not self._pending:
            if self._saving_shown:  # what was pending was discarded: nothing left unsaved
                self.report_saved()
            return True
        batch = dict(self._pending)
        try:
            outcome = self.edits.save_texts(batch, self.bases)  # journalled if the server is away
        except ClerkDeskError as error:
            self.report_failure(str(error))
            return False
        except Exception as error:  # noqa: BLE001 - a bug: reported once, not retried
            self._report_bug(error)
            return False
        for paragraph_id, text in batch.items():
            if self._pending.get(paragraph_id) == text:
                del self._pending[paragraph_id]
        self.bases.update(outcome.saved)
        for conflict in outcome.conflicts:
            self._conflicts[conflict.paragraph_id or 0] = batch[conflict.paragraph_id or 0]
        if self._conflicts:
            self._report_conflicts([c.paragraph_id or 0 for c in outcome.conflicts])
            return False
        if self.edits.waiting:  # the offline badge shows instead of "Saved"
            self._retry.stop()
            self.last_error, self._saving_shown = None, False
        else:
            self.report_saved()
        return True

    def _report_conflicts(self, found: list[int]) -> None:
        self.last_error = CONFLICT
        self._saving_shown = False
        self.stateChanged.emit("NOT SAVED — choose whose text to keep", False)
        for paragraph_id in found:
            self.conflictFound.emit(paragraph_id)

    def resolved(self, paragraph_id: int, base: TextBase) -> None:
        """The clerk chose: the paragraph's text is now stored as `base`."""
        self._conflicts.pop(paragraph_id, None)
        self.bases[paragraph_id] = base
        if not self._conflicts and not self._pending:
            self.report_saved()

    def report_saved(self) -> None:
        self._retry.stop()
        self.bug = None
        self.last_error = None
        self._saving_shown = False
        self.stateChanged.emit(f"Saved {dt.datetime.now():%H:%M:%S}", True)

    def _report_bug(self, error: Exception) -> None:
        self._retry.stop()
        self.last_error = BUG_KEPT
        self._saving_shown = False
        self.stateChanged.emit(BUG_KEPT, False)
        if self.bug is None:
            self.bug = error
            self.bugHit.emit(error)

    def _offline_sent(self, count: int, from_last_time: bool) -> None:
        if count:
            kept = "kept from last time " if from_last_time else "made offline "
            self.stateChanged.emit(f"Saved {dt.datetime.now():%H:%M:%S} — {count} changes "
                                   f"{kept}sent to the team database", True)

    def _replayed_conflict(self, entry: Entry, conflict: ParagraphConflict) -> None:
        """A text kept offline that a colleague changed meanwhile: the same question as online
        (the journal entry is settled; the text is held here until the clerk chooses)."""
        pid = conflict.paragraph_id
        if entry.op != "text" or pid is None:
            return
        self._conflicts[pid] = entry.args["text"]
        if self.edits.journal is not None:
            self.edits.journal.resolve(entry.seq)
        self._report_conflicts([pid])

    def _offline_problem(self, message: str) -> None:
        self.stateChanged.emit(message, False)

    def report_failure(self, message: str) -> None:
        self.last_error = message
        self._saving_shown = False
        self.stateChanged.emit(f"NOT SAVED — {message} Your text is kept; retrying…", False)
        self._retry.start()
