"""An import's progress, in thousandths of the whole, and the clerk's way to stop it."""

from collections.abc import Callable

from clerkdesk.errors import ImportCancelled

ProgressCallback = Callable[[int, int], bool]  # (done, total) -> False to cancel
Tick = Callable[[int, int], None]  # (done, total) within one phase
WHOLE = 1000
_EVERY = 1024  # lines between two reports within a phase


class Progress:
    """Maps each phase's own count onto 0-1000 and raises ImportCancelled when told to stop."""

    def __init__(self, callback: ProgressCallback | None = None) -> None:
        self.callback = callback

    def report(self, done: int) -> None:
        if self.callback is not None and not self.callback(min(done, WHOLE), WHOLE):
            raise ImportCancelled("The import was cancelled; nothing was imported.")

    def phase(self, start: int, end: int) -> Tick:
        """A tick for the phase spanning `start`-`end` of the whole."""
        def tick(done: int, total: int) -> None:
            self.report(start + (end - start) * min(done, total) // max(total, 1))
        return tick


def as_progress(progress: Progress | ProgressCallback | None) -> Progress:
    """`progress` as a Progress (a bare callback wrapped; None reports nowhere)."""
    return progress if isinstance(progress, Progress) else Progress(progress)


def every(tick: Tick | None, done: int, total: int) -> None:
    """Call `tick` on every _EVERY-th step only (so a loop can call this on each line)."""
    if tick is not None and done % _EVERY == 0:
        tick(done, total)
