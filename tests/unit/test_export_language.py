"""Word export marks the minutes as British English, whatever language the template says."""

import dataclasses
import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from support.committee import change_setup

from clerkdesk.services.committee_settings import committee_settings
from clerkdesk.services.committees import create_committee
from clerkdesk.services.export import export_meeting
from clerkdesk.services.meetings import create_meeting
from clerkdesk.services.minutes import load_minutes
from clerkdesk.services.paragraphs import add_paragraph


def american_template(path: Path) -> Path:
    """A council template whose defaults and Normal style say en-US."""
    document = docx.Document()
    normal = document.styles["Normal"].element.get_or_add_rPr()
    normal.append(normal.makeelement(docx.oxml.ns.qn("w:lang"),
                                     {docx.oxml.ns.qn("w:val"): "en-US"}))
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(buffer.getvalue())
    return path


def languages(path: Path) -> set[str]:
    with zipfile.ZipFile(path) as package:
        xml = package.read("word/styles.xml").decode("utf-8")
    return set(re.findall(r'<w:lang [^>]*w:val="([^"]+)"', xml))


@pytest.mark.parametrize("with_template", [False, True])
def test_export_says_en_gb(db, tmp_path: Path, with_template: bool) -> None:
    committee_id = create_committee(db, "Cabinet")
    meeting_id = create_meeting(db, committee_id, dt.date(2026, 1, 6), agenda=["Budget"])
    add_paragraph(db, load_minutes(db, meeting_id).items[0].id, "The organisation agreed.")
    if with_template:
        template = american_template(tmp_path / "house.docx")
        assert "en-US" in languages(template)
        settings = committee_settings(db, committee_id)
        change_setup(db, committee_id,
                                  dataclasses.replace(settings, template_path=str(template)))
    path = export_meeting(db, meeting_id, tmp_path / "minutes.docx", full=True)
    assert languages(Path(path)) == {"en-GB"}
