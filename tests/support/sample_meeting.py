"""A small sample database (fictional names) that GUI tests open in the window."""

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from clerkdesk.domain.enums import AttendanceStatus, ParagraphStyle, PersonKind, Role


@dataclass(frozen=True)
class SampleDatabase:
    """Where the sample is and its two meetings."""

    path: Path | str  # a file, or a team database URL
    older_meeting_id: int
    newer_meeting_id: int


def build_sample(path: Path | str) -> SampleDatabase:
    """Two meetings of a fictional sub-committee: people, a request, a resolution, exempt item."""
    from clerkdesk.domain.flag_fields import RequestFields, ResolutionFields
    from clerkdesk.domain.mentions import ANONYMOUS_TOKEN, person_token
    from clerkdesk.services.committees import find_or_create_committee
    from clerkdesk.services.flags import add_flag_in
    from clerkdesk.services.meetings import add_item_in, create_meeting_in
    from clerkdesk.services.paragraphs import add_paragraph_in
    from clerkdesk.services.people import add_person_in, set_attendance_in, set_membership_in
    from clerkdesk.storage.database import open_database

    db = open_database(path)
    with db.transaction() as session:
        committee = find_or_create_committee(session, "SEND Sub-Committee", "Kent County Council")
        member = add_person_in(session, title="Mr", given_name="Rory", family_name="Love",
                               kind=PersonKind.MEMBER)
        officer = add_person_in(session, given_name="Sarah", family_name="Hammond",
                                kind=PersonKind.OFFICER, job_title="Corporate Director")
        set_membership_in(session, committee.id, member.id, Role.MEMBER)
        older = create_meeting_in(session, committee.id, dt.date(2023, 6, 6), venue="Maidstone")
        set_attendance_in(session, older.id, member.id, AttendanceStatus.PRESENT)
        item = add_item_in(session, older.id, "Improvement Notice Update")
        add_paragraph_in(session, item.id, f"{person_token(member.id)} introduced the report.")
        asked = add_paragraph_in(
            session, item.id, f"{ANONYMOUS_TOKEN} asked about waiting lists & <timescales>."
        )
        add_paragraph_in(session, item.id, f"{person_token(officer.id)} would reply in writing.",
                         level=1)
        add_flag_in(session, asked.id,
                    RequestFields(what="Waiting list figures", asked_of_body="CYPE"))
        resolved = add_paragraph_in(session, item.id, "The Sub-Committee noted the report.",
                                    style=ParagraphStyle.RESOLUTION)
        add_flag_in(session, resolved.id, ResolutionFields())
        exempt = add_item_in(session, older.id, "Transport contract", exempt=True,
                             exempt_paragraph=3)
        add_paragraph_in(session, exempt.id, "The commercial terms were considered.")
        newer = create_meeting_in(session, committee.id, dt.date(2023, 7, 11),
                                  agenda=["Apologies and Substitutes"])
        ids = older.id, newer.id
    db.close()
    return SampleDatabase(path, *ids)
