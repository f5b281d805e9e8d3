"""Meaningful non-breaking spaces survive import and export; padding runs are collapsed."""

import datetime as dt
import zipfile

from hypothesis import given
from hypothesis import strategies as st

from clerkdesk.domain.enums import Audience
from clerkdesk.domain.text import normalise_space
from clerkdesk.services.export import export_meeting
from clerkdesk.services.imports import import_text
from clerkdesk.services.minutes import published_minutes

NBSP = "\u00a0"
MINUTES = f"""1. Budget

Minutes:

1){NBSP}{NBSP}{NBSP} The Panel noted savings of £1.5{NBSP}million from 10{NBSP}am on 1 April.
2)   Mr{NBSP}Love asked about the fees.
"""


def test_nbsp_inside_text_survives_import_show_and_word(db, tmp_path):
    report = import_text(db, MINUTES, date=dt.date(2026, 11, 3))
    shown = published_minutes(db, report.meeting_id, Audience.PUBLIC)
    [item] = shown.items
    assert [p.text for p in item.paragraphs] == [
        f"The Panel noted savings of £1.5{NBSP}million from 10{NBSP}am on 1 April.",
        f"Mr{NBSP}Love asked about the fees."]
    path = export_meeting(db, report.meeting_id, tmp_path / "m.docx")
    with zipfile.ZipFile(path) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
    assert f"£1.5{NBSP}million" in body and f"10{NBSP}am" in body


@given(st.text(alphabet=st.sampled_from(["a", "1", " ", NBSP, "\t"])))
def test_a_single_nbsp_between_words_is_kept_and_runs_collapse(text: str) -> None:
    """Words stay as they were; a lone nbsp between two words is kept, any run of two or
    more spaces (of any kind) becomes one plain space, and lines are trimmed."""
    cleaned = normalise_space(text)
    assert cleaned.split() == text.split()
    assert "  " not in cleaned and NBSP * 2 not in cleaned
    assert cleaned == cleaned.strip()
    for i, char in enumerate(text):
        if char == NBSP and 0 < i < len(text) - 1 and not text[i - 1].isspace() \
                and not text[i + 1].isspace():
            assert NBSP in cleaned
