"""Find and replace: case, whole words, person references untouched, stale hits skipped."""

import datetime as dt

from clerkdesk.domain.find_replace import Pattern, find_spans, replace_spans
from clerkdesk.services import committees, find_replace, meetings, paragraphs, workspace


def test_spans_skip_person_tokens_and_respect_case_and_words():
    stored = "{@12} said the SEND team and the send-off; {@12} agreed. Sending."
    upper, lower, longer = stored.find("SEND"), stored.find("send"), stored.find("Send")
    assert find_spans(stored, Pattern("send")) == [
        (upper, upper + 4), (lower, lower + 4), (longer, longer + 4)]
    assert find_spans(stored, Pattern("send", whole_word=True)) == [
        (upper, upper + 4), (lower, lower + 4)]
    assert find_spans(stored, Pattern("SEND", case_sensitive=True)) == [(upper, upper + 4)]
    assert find_spans(stored, Pattern("12")) == []  # inside a reference: never matched
    assert replace_spans(stored, [(upper, upper + 4)], "SEN") == stored.replace("SEND", "SEN")


def test_find_across_the_committee_and_replace_then_restore(db):
    committee = committees.create_committee(db, "SEND Sub-Committee")
    texts = {}
    for day in (1, 2):
        meeting = meetings.create_meeting(db, committee, dt.date(2023, 6, day), agenda=["Item"])
        item = workspace.meeting_outline(db, meeting).items[0].id
        pid = paragraphs.add_paragraph(db, item, f"Sara Hammond explained. Day {day}.")
        texts[pid] = f"Sara Hammond explained. Day {day}."
    first = meetings.list_meetings(db)[-1].id  # the older meeting
    assert len(find_replace.find(db, first, Pattern("Sara Hammond"))) == 1
    hits = find_replace.find(db, first, Pattern("sara hammond"), whole_committee=True)
    assert [h.where for h in hits] == ["1. 1)", "1. 1)"] and len({h.meeting_id for h in hits}) == 2
    changes = find_replace.replace(db, hits, "Sarah Hammond")
    assert {after for _before, after in changes.values()} == {
        "Sarah Hammond explained. Day 1.", "Sarah Hammond explained. Day 2."}
    assert find_replace.replace(db, hits, "X") == {}  # stale hits: the text has changed
    find_replace.restore_texts(db, {pid: before for pid, (before, _after) in changes.items()})
    assert len(find_replace.find(db, first, Pattern("Sara Hammond"), whole_committee=True)) == 2


def test_the_preview_shows_names_as_they_read_never_references(db):
    from clerkdesk.services.people import add_person

    committee = committees.create_committee(db, "Cabinet")
    person = add_person(db, "Sara", "Hammond", title="Cllr")
    meeting = meetings.create_meeting(db, committee, dt.date(2024, 1, 9), agenda=["Budget"])
    item = workspace.meeting_outline(db, meeting).items[0].id
    stored = f"{{@{person}}} asked about the budget; {{@{person}}} was thanked."
    pid = paragraphs.add_paragraph(db, item, stored)
    [hit] = find_replace.find(db, meeting, Pattern("budget"))
    assert "{@" not in hit.preview and hit.preview.count("Hammond") == 2
    assert "[budget]" in hit.preview
    find_replace.replace(db, [hit], "revenue budget")
    text = paragraphs_text(db, pid)
    assert text == stored.replace("the budget", "the revenue budget")


def paragraphs_text(db, paragraph_id: int) -> str:
    from clerkdesk.storage.models import Paragraph

    with db.transaction() as session:
        return session.get(Paragraph, paragraph_id).text
