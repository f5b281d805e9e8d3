"""Whatever text a clerk's paragraph holds is stored the same on SQLite and PostgreSQL."""

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clerkdesk.services import committees, meetings, paragraphs
from clerkdesk.storage.models import Paragraph


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=60))
def test_any_paragraph_text_is_saved_and_read_back(db, text):
    committee = committees.create_committee(db, "Planning Committee")
    meeting = meetings.create_meeting(db, committee, dt.date(2026, 1, 5))
    item = meetings.add_item(db, meeting, "Applications")
    pid = paragraphs.add_paragraph(db, item, "")
    paragraphs.edit_text(db, pid, text)
    with db.reading() as session:
        stored = session.get(Paragraph, pid).text
    # NUL cannot be typed and PostgreSQL cannot store it: it is dropped on every database.
    assert stored == text.replace("\x00", "")
