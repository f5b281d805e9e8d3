"""Blocking findings of a stored meeting and Export anyway, remembered per meeting."""

import datetime as dt

from support.raw_sql import raw_rows

from clerkdesk.domain.review import CheckId
from clerkdesk.services.committees import create_committee
from clerkdesk.services.export_checks import accept_findings, export_check
from clerkdesk.services.meetings import create_meeting
from clerkdesk.services.minutes import load_minutes
from clerkdesk.services.paragraphs import add_paragraph, edit_text
from clerkdesk.storage.database import Database


def _meeting(db: Database, committee_id: int, *texts: str) -> tuple[int, list[int]]:
    meeting_id = create_meeting(db, committee_id, dt.date(2026, 10, 14), agenda=["Budget"])
    [item] = load_minutes(db, meeting_id).items
    return meeting_id, [add_paragraph(db, item.id, text) for text in texts]


def test_export_anyway_is_stored_on_the_meeting_and_reset_by_a_new_finding(db: Database) -> None:
    committee_id = create_committee(db, "Westmere Planning")
    meeting_id, ids = _meeting(db, committee_id, "The report was noted.", "  ", "Agreed.")
    other_id, _other = _meeting(db, committee_id, " ")

    check = export_check(db, meeting_id)
    assert [(f.check, f.paragraph_id) for f in check.findings] == [(CheckId.EMPTY, ids[1])]
    assert check.blocked and not check.accepted and check.committee_id == committee_id

    accept_findings(db, meeting_id, check.findings)
    assert export_check(db, meeting_id).accepted
    assert not export_check(db, other_id).accepted  # another meeting keeps its own choice
    [(stored,)] = raw_rows(db, "SELECT export_accepted FROM meeting WHERE id = ?",
                           meeting_id)
    assert stored == check.findings[0].key

    edit_text(db, ids[2], "")  # a new empty paragraph: asked again
    again = export_check(db, meeting_id)
    assert len(again.findings) == 2 and again.blocked


def test_a_clean_meeting_is_not_blocked(db: Database) -> None:
    meeting_id, _ids = _meeting(db, create_committee(db, "Cabinet"), "The report was noted.")
    check = export_check(db, meeting_id)
    assert check.findings == () and not check.blocked


def test_a_house_templates_accessibility_problems_are_listed_before_export(
        db: Database, tmp_path) -> None:
    """A template in a serif font: the export dialog says so before the file leaves (the
    empty-paragraph finding of the accessibility check is left to the review's own, which
    names the paragraph)."""
    import docx

    from clerkdesk.storage.models import Committee

    template = tmp_path / "house.docx"
    document = docx.Document()
    document.styles["Normal"].font.name = "Times New Roman"
    document.save(str(template))
    committee_id = create_committee(db, "Westmere Planning")
    with db.transaction() as session:
        session.get(Committee, committee_id).template_path = str(template)
    meeting_id, ids = _meeting(db, committee_id, "The report was noted.", " ")

    check = export_check(db, meeting_id)
    assert [(f.check, f.paragraph_id) for f in check.findings] == [
        (CheckId.EMPTY, ids[1]), (CheckId.ACCESSIBILITY, None)]
    assert "Times New Roman" in check.findings[1].message and check.blocked
