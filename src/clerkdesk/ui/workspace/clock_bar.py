"""The meeting clock: Start/Resume, Pause and End, with the elapsed meeting time.

Signals: clockChanged(MeetingClock).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from clerkdesk.domain.clock import ClockState, MeetingClock, format_elapsed
from clerkdesk.services import clock as clock_service
from clerkdesk.ui.action_runner import ActionRunner

_STATE_TEXT = {
    ClockState.NOT_STARTED: "Not started",
    ClockState.RUNNING: "In progress",
    ClockState.PAUSED: "Adjourned",
    ClockState.ENDED: "Ended",
}


class MeetingClockBar(QWidget):
    clockChanged = Signal(object)

    def __init__(self, db, meeting_id: int, clock: MeetingClock,  # noqa: ANN001
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("meetingClock")
        self.setAccessibleName("Meeting clock")
        self.db, self.meeting_id, self.clock = db, meeting_id, clock
        self.label = QLabel(self)
        self.runner = ActionRunner(self)  # a refusal is said in the clock's own label
        self.runner.messageReported.connect(
            lambda message: self.label.setText(f"Clock not saved: {message}"))
        self.label.setObjectName("meetingClockTime")
        self.label.setMinimumWidth(170)
        self.start_button = QPushButton("Start", self, objectName="meetingStartButton")
        self.pause_button = QPushButton("Pause", self, objectName="meetingPauseButton")
        self.end_button = QPushButton("End", self, objectName="meetingEndButton")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        for widget in (self.label, self.start_button, self.pause_button, self.end_button):
            layout.addWidget(widget)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        self.start_button.clicked.connect(self.start)
        self.pause_button.clicked.connect(self.pause)
        self.end_button.clicked.connect(self.end)
        self._tick = QTimer(self, interval=1000)
        self._tick.timeout.connect(self.refresh)
        self._tick.start()
        self.refresh()

    def elapsed_now(self) -> int | None:
        """Meeting time now, or None when the clock is not running (nothing to stamp)."""
        if self.clock.state is not ClockState.RUNNING:
            return None
        return self.clock.elapsed(dt.datetime.now())

    def refresh(self) -> None:
        state = self.clock.state
        elapsed = format_elapsed(self.clock.elapsed(dt.datetime.now()))
        self.label.setText(f"{_STATE_TEXT[state]}  {elapsed}".strip())
        self.start_button.setText("Resume" if state in (ClockState.PAUSED, ClockState.ENDED)
                                  else "Start")
        self.start_button.setEnabled(state is not ClockState.RUNNING)
        self.pause_button.setEnabled(state is ClockState.RUNNING)
        self.end_button.setEnabled(state in (ClockState.RUNNING, ClockState.PAUSED))

    def _apply(self, operation) -> None:  # noqa: ANN001
        done = self.runner.run(lambda: operation(self.db, self.meeting_id, dt.datetime.now()))
        if done is None:
            return
        self.clock = done.value
        self.refresh()
        self.clockChanged.emit(self.clock)

    def start(self) -> None:
        self._apply(clock_service.start_or_resume)

    def pause(self) -> None:
        self._apply(clock_service.pause)

    def end(self) -> None:
        self._apply(clock_service.end)
