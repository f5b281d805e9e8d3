"""Which findings hold back a plain Export, and when Export anyway is remembered (no database)."""

import dataclasses
import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from clerkdesk.domain.enums import MeetingStatus
from clerkdesk.domain.export_checks import (
    already_accepted,
    blocking,
    blocks_publishing,
    check_exempt_paragraphs,
    keys_text,
)
from clerkdesk.domain.minutes import ItemView, MinutesView
from clerkdesk.domain.review import CheckId, Finding, Severity
from clerkdesk.domain.review_checks import ReviewInput, review


def minutes(*items: ItemView) -> MinutesView:
    return MinutesView(meeting_id=3, committee="Westmere Planning", council="",
                       date=dt.date(2026, 10, 14), time=None, venue="",
                       status=MeetingStatus.DRAFT, items=items)


def finding(check: CheckId, severity: Severity = Severity.WARNING, pid: int = 1,
            subject: str = "") -> Finding:
    return Finding(check, severity, 3, 10, "1", pid, "1", "message", subject=subject)


def test_an_exempt_item_without_its_schedule_12a_paragraph_is_an_error_at_that_item():
    found = check_exempt_paragraphs(minutes(
        ItemView(1, "1", "Apologies"), ItemView(2, "2", "Land sale", exempt=True),
        ItemView(3, "3", "Contract", exempt=True, exempt_paragraph=3)))
    assert [(f.check, f.severity, f.item_id, f.paragraph_id) for f in found] == [
        (CheckId.EXEMPT_PARAGRAPH, Severity.ERROR, 2, None)]
    assert found[0].where() == "item 2"
    assert "Schedule 12A" in found[0].message


def test_the_review_reports_it_too():
    found = review(ReviewInput(minutes(ItemView(5, "1", "Land sale", exempt=True))))
    assert [f.check for f in found] == [CheckId.EXEMPT_PARAGRAPH]


def test_empty_paragraphs_unfinished_flags_spelling_acronyms_and_errors_block():
    blocked = [CheckId.EMPTY, CheckId.FLAG_FIELDS, CheckId.SPELLING, CheckId.ACRONYM,
               CheckId.EXEMPT_PARAGRAPH]
    assert all(blocks_publishing(finding(check)) for check in blocked)
    assert blocks_publishing(finding(CheckId.XML_INVALID, Severity.ERROR))
    assert not blocks_publishing(finding(CheckId.NO_FULL_STOP))
    assert not blocks_publishing(finding(CheckId.PRESENT_TENSE, Severity.SUGGESTION))
    assert blocking([finding(CheckId.NO_FULL_STOP), finding(CheckId.EMPTY)]) == [
        finding(CheckId.EMPTY)]


def test_export_anyway_holds_until_a_new_blocking_finding_appears():
    empty, misspelt = finding(CheckId.EMPTY), finding(CheckId.SPELLING, pid=2, subject="Febuary")
    stored = keys_text([empty, misspelt])
    assert already_accepted([empty, misspelt], stored)
    assert already_accepted([empty], stored)  # one was fixed
    assert not already_accepted([empty, dataclasses.replace(misspelt, subject="recieve")],
                                stored)
    assert not already_accepted([empty], "")
    assert already_accepted([], "")


@given(st.lists(st.tuples(st.sampled_from(list(CheckId)), st.integers(1, 50),
                          st.text(max_size=8)), max_size=8))
def test_the_stored_keys_accept_exactly_the_findings_exported_over(places):
    findings = [finding(check, pid=pid, subject=subject) for check, pid, subject in places]
    stored = keys_text(findings)
    assert already_accepted(findings, stored)
    extra = finding(CheckId.EMPTY, pid=99, subject="new")
    assert already_accepted([*findings, extra], stored) is (extra.key in stored.splitlines())
