"""The demo meeting a new user sees on first run, from the package data (demo-meeting.json)."""

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clerkdesk.domain.enums import (
    AttendanceStatus,
    ParagraphStyle,
    PersonKind,
    ResolutionForm,
    Role,
)
from clerkdesk.domain.flag_fields import RequestFields, ResolutionFields
from clerkdesk.domain.mentions import person_token
from clerkdesk.domain.name_checks import speaker_unless_apologising
from clerkdesk.resources import resource_path
from clerkdesk.services.committees import find_or_create_committee
from clerkdesk.services.flags import add_flag_in
from clerkdesk.services.meetings import add_document_in, add_item_in, create_meeting_in
from clerkdesk.services.paragraphs import add_paragraph_in
from clerkdesk.services.people import add_person_in, set_attendance_in, set_membership_in
from clerkdesk.storage.database import Database
from clerkdesk.storage.models import Meeting

DEMO_FILE = "demo-meeting.json"
_KEY_TOKEN = re.compile(r"\{@([a-z_]+)\}")
_PERSON_FIELDS = ("title", "given_name", "family_name", "job_title", "organisation")


def _people(session: Session, data: dict[str, Any], committee_id: int) -> dict[str, int]:
    ids = {}
    for entry in data["people"]:
        fields = {name: entry[name] for name in _PERSON_FIELDS if name in entry}
        person = add_person_in(session, kind=PersonKind(entry["kind"]), **fields)
        ids[entry["key"]] = person.id
        if "role" in entry:
            set_membership_in(session, committee_id, person.id, Role(entry["role"]))
    return ids


def _tokens(text: str, ids: dict[str, int]) -> str:
    return _KEY_TOKEN.sub(
        lambda m: m.group(0) if m.group(1) == "member" else person_token(ids[m.group(1)]), text
    )


def _item(session: Session, meeting_id: int, entry: dict[str, Any], ids: dict[str, int]) -> None:
    exempt = entry.get("exempt")
    item = add_item_in(
        session, meeting_id, entry["title"], exempt=bool(exempt), exempt_paragraph=exempt or None
    )
    for title in entry.get("documents", []):
        add_document_in(session, item.id, title)
    for para in entry["paragraphs"]:
        text = _tokens(para["text"], ids)
        first = _KEY_TOKEN.search(para["text"])
        speaker = speaker_unless_apologising(text, ids.get(first.group(1)) if first else None)
        paragraph = add_paragraph_in(
            session, item.id, text, level=para.get("level", 0),
            style=ParagraphStyle(para.get("style", "numbered")), speaker_id=speaker,
        )
        if "request" in para:
            add_flag_in(session, paragraph.id,
                        RequestFields(what=para["text"], asked_of_body=para["request"]))
        if "resolution" in para:
            add_flag_in(session, paragraph.id,
                        ResolutionFields(form=ResolutionForm(para["resolution"])))


def load_demo(db: Database, path: Path | None = None) -> int:
    """Create the demo committee, roster and meeting in one transaction; returns the meeting id."""
    data = json.loads((path or resource_path(DEMO_FILE)).read_text(encoding="utf-8"))
    with db.transaction() as session:
        spec = data["committee"]
        committee = find_or_create_committee(session, spec["name"], spec["council"])
        committee.quorum = spec.get("quorum")
        ids = _people(session, data, committee.id)
        when = data["meeting"]
        meeting = create_meeting_in(
            session, committee.id, dt.date.fromisoformat(when["date"]),
            dt.time.fromisoformat(when["time"]), when["venue"],
        )
        for entry in data["items"]:
            _item(session, meeting.id, entry, ids)
        for row in data["attendance"]:
            substitute_for = ids.get(row.get("substitute_for", ""))
            set_attendance_in(
                session, meeting.id, ids[row["person"]], AttendanceStatus(row["status"]),
                substitute_for_id=substitute_for, remote=row.get("remote", False),
            )
        return meeting.id


def ensure_demo(db: Database) -> int | None:
    """Load the demo meeting into a database that has no meetings; returns its id or None."""
    with db.transaction() as session:
        if session.scalar(select(func.count()).select_from(Meeting)):
            return None
    if not resource_path(DEMO_FILE).exists():
        return None
    return load_demo(db)
