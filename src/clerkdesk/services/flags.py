"""Flags on paragraphs: requests for information, resolutions, actions, declarations."""

import datetime as dt

from sqlalchemy.orm import Session

from clerkdesk.domain.enums import RequestStatus, ResolutionForm
from clerkdesk.services._lookup import get_or_fail
from clerkdesk.storage.database import Database
from clerkdesk.storage.models import Paragraph, RequestFlag, ResolutionFlag


def add_request_in(
    session: Session,
    paragraph_id: int,
    what: str,
    asked_of_body: str = "",
    asked_of_person_id: int | None = None,
    due_date: dt.date | None = None,
    status: RequestStatus = RequestStatus.OUTSTANDING,
) -> RequestFlag:
    get_or_fail(session, Paragraph, paragraph_id, "paragraph")
    flag = RequestFlag(
        paragraph_id=paragraph_id, what=what, asked_of_body=asked_of_body,
        asked_of_person_id=asked_of_person_id, due_date=due_date, status=status,
    )
    session.add(flag)
    session.flush()
    return flag


def add_request(db: Database, paragraph_id: int, what: str, asked_of_body: str = "") -> int:
    with db.transaction() as session:
        return add_request_in(session, paragraph_id, what, asked_of_body).id


def add_resolution_in(
    session: Session, paragraph_id: int, form: ResolutionForm = ResolutionForm.OTHER
) -> ResolutionFlag:
    get_or_fail(session, Paragraph, paragraph_id, "paragraph")
    flag = ResolutionFlag(paragraph_id=paragraph_id, form=form)
    session.add(flag)
    session.flush()
    return flag


def add_resolution(db: Database, paragraph_id: int, form: ResolutionForm) -> int:
    with db.transaction() as session:
        return add_resolution_in(session, paragraph_id, form).id
