"""Offline working on a team database: the journal behind the editor, and its replay.

`OfflineSync` tries the journal again with a growing delay (1 s up to 30 s) while edits wait,
and reports what it did. Signals: waitingChanged(count) — 0 once all was sent;
sent(count, from_last_time); wentOffline(one-line message); problem(message);
conflictFound(entry, ParagraphConflict) — the hook for the conflict dialog (the entry stays
set aside in the journal until resolved).
"""

from __future__ import annotations

import weakref

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QStatusBar

from clerkdesk.errors import ParagraphConflict
from clerkdesk.services.offline_editing import JournalledEditing
from clerkdesk.services.replay import send_waiting
from clerkdesk.storage.database import Database
from clerkdesk.storage.journal import Entry, Journal, journal_path

BACKOFF_MS = (1000, 2000, 4000, 8000, 15000, 30000)
STATUS_MS = 15000
OFFLINE = ("Working offline: {problem} Your changes are kept on this computer and sent when "
           "the database answers again.")
CONFLICT = ("A colleague changed a paragraph while you were offline: your text was not saved "
            "over theirs and is kept in the offline journal.")
SET_ASIDE = "A change made offline could not be applied ({reason}); it is kept in the journal."


_SYNCS: weakref.WeakKeyDictionary[Database, OfflineSync] = weakref.WeakKeyDictionary()


def editing_for(db: Database) -> JournalledEditing:
    """The editing services for `db`: journalled on a team database, direct on a file."""
    if db.path is not None:
        return JournalledEditing(db, None)
    url = db.engine.url.render_as_string(hide_password=False)
    return JournalledEditing(db, Journal(journal_path(url)))


def offline_sync(db: Database) -> OfflineSync:
    """The one journal and sender of a database, shared by the meetings opened on it, so
    edits keep being sent after their meeting is closed."""
    sync = _SYNCS.get(db)
    if sync is None:
        sync = _SYNCS[db] = OfflineSync(editing_for(db))
    return sync


class OfflineSync(QObject):
    waitingChanged = Signal(int)
    wentOffline = Signal(str)
    sent = Signal(int, bool)
    conflictFound = Signal(object, object)
    problem = Signal(str)

    def __init__(self, edits: JournalledEditing, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.edits = edits
        self._attempt = 0
        self._from_last_time = False
        self._resumed = False
        self._offline = False
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self.try_now)
        edits.listeners.append(self._journalled)

    @property
    def waiting(self) -> int:
        return self.edits.waiting

    def resume(self) -> None:
        """At start: changes kept from last time are shown and sent at once."""
        if self._resumed:
            return
        self._resumed = True
        if self.waiting:
            self._from_last_time = True
            self.waitingChanged.emit(self.waiting)
            self.try_now()

    def _journalled(self, count: int) -> None:
        if not self._offline:
            self._offline = True
            self.wentOffline.emit(OFFLINE.format(problem=self.edits.last_problem or
                                                 "The team database cannot be reached."))
        self.waitingChanged.emit(count)
        if not self._timer.isActive():
            self._schedule()

    def _schedule(self) -> None:
        self._timer.start(BACKOFF_MS[min(self._attempt, len(BACKOFF_MS) - 1)])
        self._attempt += 1

    def try_now(self) -> bool:
        """Send what waits; True when nothing is left waiting."""
        self._timer.stop()
        journal = self.edits.journal
        if journal is None or not journal.pending_count():
            return True
        report = send_waiting(self.edits.db, journal, self._conflict)
        if report is None:  # the server is still away: try again later
            self._schedule()
            self.waitingChanged.emit(self.waiting)
            return False
        self._attempt = 0
        self._offline = False
        for _entry, reason in report.set_aside:
            self.problem.emit(SET_ASIDE.format(reason=reason.rstrip(".")))
        self.waitingChanged.emit(0)
        self.sent.emit(report.sent, self._from_last_time)
        self._from_last_time = False
        return True

    def _conflict(self, entry: Entry, conflict: ParagraphConflict) -> None:
        # An open meeting takes the text into its conflict dialog (and settles the entry);
        # with no meeting open, the entry stays set aside and the clerk is told in one line.
        self.conflictFound.emit(entry, conflict)
        journal = self.edits.journal
        if journal is not None and any(e.seq == entry.seq for e, _ in journal.set_aside()):
            self.problem.emit(CONFLICT)


def send_waiting_edits(db: Database, status: QStatusBar) -> None:
    """On opening a team database: send edits kept from last time, and say so."""
    sync = offline_sync(db)

    def report(count: int, from_last_time: bool) -> None:
        if count and from_last_time and shiboken6.isValid(status):
            status.showMessage(f"{count} changes kept offline last time were sent to the team "
                               "database.", STATUS_MS)

    sync.sent.connect(report)
    QTimer.singleShot(0, sync.resume)
