"""Flags on paragraphs: requests for information, resolutions, actions, declarations."""

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from clerkdesk.domain.enums import RequestStatus, ResolutionForm
from clerkdesk.services._lookup import get_or_fail
from clerkdesk.storage.database import Database
from clerkdesk.storage.models import Flag, Paragraph, RequestFlag, ResolutionFlag


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


def insert_flags_in(
    session: Session, kind: type[RequestFlag | ResolutionFlag], rows: Sequence[Mapping[str, Any]]
) -> None:
    """Flags of one kind (each row: paragraph_id and the kind's fields, the same keys in every
    row) in two bulk INSERTs, for an import's new paragraphs; like append_paragraphs_in, this
    skips the flush hooks, whose lock never applies to a new draft meeting."""
    if not rows:
        return
    identity = kind.__mapper__.polymorphic_identity
    last_id = session.scalar(select(func.max(Flag.id))) or 0
    session.execute(insert(Flag.__table__),
                    [{"paragraph_id": row["paragraph_id"], "kind": identity} for row in rows])
    new_ids = session.scalars(select(Flag.id).where(Flag.id > last_id).order_by(Flag.id)).all()
    session.execute(insert(kind.__table__),
                    [{**{key: value for key, value in row.items() if key != "paragraph_id"},
                      "id": flag_id} for flag_id, row in zip(new_ids, rows, strict=True)])


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
