"""The demo meeting shipped in the package data loads once into an empty database."""

from support.published import shown as render_minutes

from clerkdesk.domain.enums import FlagKind, ParagraphStyle
from clerkdesk.services import demo, meetings, minutes


def test_demo_loads_once_with_roster_requests_and_resolutions(db):
    meeting_id = demo.ensure_demo(db)
    assert meeting_id is not None
    assert demo.ensure_demo(db) is None
    assert len(meetings.list_meetings(db)) == 1
    view = minutes.load_minutes(db, meeting_id)
    paragraphs = [p for item in view.items for p in item.paragraphs]
    assert len(view.items) >= 5
    assert any(p.level == 1 for p in paragraphs)
    assert sum(f.kind is FlagKind.REQUEST for p in paragraphs for f in p.flags) >= 3
    assert any(p.style is ParagraphStyle.RESOLUTION for p in paragraphs)
    assert any(item.exempt and item.exempt_paragraph for item in view.items)
    assert "{@" not in render_minutes(view), "every person token must be rendered as a name"
    assert len(view.attendance) >= 8


def test_the_demo_meeting_passes_its_own_attendance_checks(db):
    """A newcomer's first `clerkdesk check` found the demo's Apologies paragraph spoken by the
    member who sent apologies."""
    from clerkdesk.services.review import check_meeting

    meeting_id = demo.ensure_demo(db)
    findings = check_meeting(db, meeting_id)
    assert not [f for f in findings if f.check == "speaker-away"], findings
