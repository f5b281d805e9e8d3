"""`clerkdesk show` text of a loaded meeting, for tests that read the minutes back."""

from clerkdesk.domain.enums import Audience
from clerkdesk.domain.minutes import MinutesView
from clerkdesk.domain.publication import published
from clerkdesk.export.plaintext import render_minutes


def shown(minutes: MinutesView, audience: Audience = Audience.FULL) -> str:
    """The minutes as `show` prints them (full version unless `audience` says otherwise)."""
    return render_minutes(published(minutes, audience))
