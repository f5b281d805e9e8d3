"""Regression tests for the three ways exempt (Part 2) text reached a public output."""

import datetime as dt
import subprocess
import zipfile
from pathlib import Path

import pytest
from support import cli
from support.raw_sql import target_of

from clerkdesk.domain.flag_fields import RequestFields
from clerkdesk.services.agenda import set_item_exempt
from clerkdesk.services.approval import add_correction, approve
from clerkdesk.services.committees import create_committee
from clerkdesk.services.export import export_meeting
from clerkdesk.services.flags import add_flag
from clerkdesk.services.meetings import create_meeting
from clerkdesk.services.minutes import load_minutes
from clerkdesk.services.paragraphs import add_paragraph
from clerkdesk.services.request_log import insert_matters_arising, outstanding_before
from clerkdesk.storage.database import Database

SECRET = "Tender from Hollowbrook Ltd at 4.2 million"
SECRET_NOTE = "The Hollowbrook figure should read 4.3 million"
SECRET_REQUEST = "Hollowbrook legal advice on the lease"
NOVEMBER = dt.date(2026, 11, 3)
DECEMBER = dt.date(2026, 12, 1)


def docx_text(path: Path) -> str:
    """Every part of the .docx zip, as text."""
    with zipfile.ZipFile(path) as archive:
        return "".join(archive.read(name).decode("utf-8", "replace")
                       for name in archive.namelist())


@pytest.fixture
def meeting(db: Database) -> dict[str, int]:
    """A committee meeting with one public and one exempt item (paragraph 3)."""
    committee = create_committee(db, "Estates Panel", "Westmere County Council")
    meeting_id = create_meeting(db, committee, NOVEMBER, agenda=["Budget", "Lease of depot"])
    public, exempt = (item.id for item in load_minutes(db, meeting_id).items)
    set_item_exempt(db, exempt, 3)
    add_paragraph(db, public, "The Panel noted the budget.")
    secret = add_paragraph(db, exempt, SECRET)
    return {"committee": committee, "meeting": meeting_id, "public": public,
            "exempt": exempt, "secret": secret}


def test_a_correction_note_on_an_exempt_paragraph_stays_out_of_the_public_export(
    db: Database, meeting: dict[str, int], tmp_path: Path
) -> None:
    approve(db, meeting["meeting"], at_meeting_id=None, on=DECEMBER, by_person_id=None)
    add_correction(db, meeting["meeting"], SECRET_NOTE, on=DECEMBER,
                   paragraph_id=meeting["secret"])
    add_correction(db, meeting["meeting"], "Item 1: the budget year is 2027/28.", on=DECEMBER)

    public = export_meeting(db, meeting["meeting"], tmp_path / "public.docx")
    full = export_meeting(db, meeting["meeting"], tmp_path / "full.docx", full=True)

    assert "Hollowbrook" not in docx_text(public)
    assert "budget year is 2027/28" in docx_text(public)
    assert SECRET_NOTE in docx_text(full)


def test_matters_arising_carries_an_exempt_request_only_as_a_neutral_line(
    db: Database, meeting: dict[str, int]
) -> None:
    add_flag(db, meeting["secret"], RequestFields(what=SECRET_REQUEST,
                                                  asked_of_body="Head of Legal"))
    later = create_meeting(db, meeting["committee"], DECEMBER, agenda=["Budget"])

    offered = outstanding_before(db, later)
    item_id = insert_matters_arising(db, later, [e.flag_id for e in offered])

    item = next(i for i in load_minutes(db, later).items if i.id == item_id)
    assert not item.exempt
    assert [p.text for p in item.paragraphs] == [
        "An exempt request from the meeting on 3 November 2026 is outstanding."]


def run_cli(tmp_path: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    return cli.run_cli({"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}, *args)


def test_show_and_requests_are_public_unless_full(
    db: Database, meeting: dict[str, int], tmp_path: Path
) -> None:
    add_flag(db, meeting["secret"], RequestFields(what=SECRET_REQUEST,
                                                  asked_of_body="Head of Legal"))
    db.close()

    db_path = target_of(db)  # the file, or the team database's URL
    shown = run_cli(tmp_path, "--db", db_path, "show", str(meeting["meeting"]))
    as_json = run_cli(tmp_path, "--db", db_path, "show", str(meeting["meeting"]), "--json")
    full = run_cli(tmp_path, "--db", db_path, "show", str(meeting["meeting"]), "--full")
    requests = run_cli(tmp_path, "--db", db_path, "requests", "Estates")
    all_requests = run_cli(tmp_path, "--db", db_path, "requests", "Estates", "--full")

    for public in (shown, as_json, requests):
        assert public.returncode == 0, public.stderr
        assert "Hollowbrook" not in public.stdout
    assert "This item was considered in private." in shown.stdout
    assert "The Panel noted the budget." in shown.stdout
    assert full.stdout.startswith("NOT FOR PUBLICATION")
    assert SECRET in full.stdout
    assert requests.stdout.strip() == "No requests or actions."
    assert "[exempt]" in all_requests.stdout and SECRET_REQUEST in all_requests.stdout


def test_the_requests_paragraph_of_a_public_item_leaves_out_exempt_requests(
    db: Database, meeting: dict[str, int]
) -> None:
    from clerkdesk.services.generated_paragraphs import refresh_generated, write_requests_paragraph

    asked = add_paragraph(db, meeting["public"], "A Member asked for the budget by ward.")
    add_flag(db, asked, RequestFields(what="The budget by ward.", asked_of_body="Finance"))
    add_flag(db, meeting["secret"], RequestFields(what=SECRET_REQUEST,
                                                  asked_of_body="Head of Legal"))

    write_requests_paragraph(db, meeting["public"])
    add_flag(db, meeting["secret"], RequestFields(what="A second secret request.",
                                                  asked_of_body="Head of Legal"))
    refresh_generated(db, meeting["meeting"])

    public = load_minutes(db, meeting["meeting"]).items[0]
    text = " ".join(p.text for p in public.paragraphs)
    assert "Hollowbrook" not in text and "second secret" not in text
    assert "The budget by ward." in text
