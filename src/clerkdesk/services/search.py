"""Search every meeting: full text through the FTS5 index, or plain matching without FTS5."""

from __future__ import annotations

import datetime as dt
import weakref
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from sqlalchemy import exc, select, text
from sqlalchemy.orm import Session

from clerkdesk.domain.enums import FlagKind, MeetingStatus
from clerkdesk.domain.mentions import person_token, render
from clerkdesk.domain.search_highlight import highlight_spans
from clerkdesk.domain.search_query import (
    Part,
    QueryError,
    Term,
    parse,
    to_fts,
    to_sql_condition,
    words_to_highlight,
)
from clerkdesk.services.minutes import conventions_of, item_label_list, name_lookup, person_names
from clerkdesk.storage import search_index
from clerkdesk.storage.database import Database
from clerkdesk.storage.models import AgendaItem, Committee, Flag, Paragraph, Person

FALLBACK_NOTICE = ("Full-text search is not available in this SQLite, so plain text matching is "
                   "used (slower, and word endings must match).")
PAGE_SIZE = 50
KIND_NAMES = {0: "paragraph", 1: "item", 2: "request", 3: "action", 4: "declaration"}
_KIND_OF_FLAG = {FlagKind.REQUEST: 2, FlagKind.ACTION: 3, FlagKind.DECLARATION: 4}


class Audience(StrEnum):
    """Who will see the results: the clerk in the window, or anyone (public output)."""

    CLERK = "clerk"
    PUBLIC = "public"


@dataclass(frozen=True)
class SearchFilters:
    committee_id: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    status: MeetingStatus | None = None
    flag_kind: FlagKind | None = None
    include_exempt: bool = False


@dataclass(frozen=True)
class SearchHit:
    """One matching paragraph, item title or flag, located as the clerk sees it."""

    doc_id: int
    kind: str  # paragraph, item, request, action, declaration
    meeting_id: int
    meeting_date: dt.date
    committee: str
    meeting_status: str
    item_id: int
    item_exempt: bool
    paragraph_id: int | None
    item_label: str = ""
    item_title: str = ""
    text: str = ""  # as rendered: names, not references
    spans: tuple[tuple[int, int], ...] = ()  # matches in `text`


@dataclass(frozen=True)
class SearchResults:
    hits: list[SearchHit]
    total: int
    notice: str = ""  # one line, e.g. that plain matching was used


def apply_audience(hits: Sequence[SearchHit], audience: Audience,
                   include_exempt: bool) -> list[SearchHit]:
    """The one place exempt (Part 2) text is kept or left out of search results.

    The clerk sees exempt results only when they ask for them (marked by `item_exempt`);
    public output never has them.
    """
    keep_exempt = audience is Audience.CLERK and include_exempt
    return [hit for hit in hits if keep_exempt or not hit.item_exempt]


_checked: weakref.WeakKeyDictionary[Database, str] = weakref.WeakKeyDictionary()


def index_state(db: Database) -> str:
    """Check the index once per open database, rebuilding it if its integrity check fails."""
    if db not in _checked:
        if db.engine.dialect.name != "sqlite":
            _checked[db] = "unavailable"
        else:
            with db.engine.begin() as connection:
                _checked[db] = search_index.ensure_index(connection)
    return _checked[db]


def search(db: Database, query: str, filters: SearchFilters = SearchFilters(),
           audience: Audience = Audience.CLERK, offset: int = 0,
           limit: int = PAGE_SIZE) -> SearchResults:
    """One page of results, newest meeting first; raises QueryError on a query it cannot read."""
    parts = parse(query)
    use_index = index_state(db) != "unavailable"
    with db.transaction() as session:
        also = _people_expander(session)
        located = _locate(session, parts, also, filters, use_index)
        located = apply_audience(located, audience, filters.include_exempt)
        page = [_fill(session, hit, parts, also) for hit in located[offset:offset + limit]]
    return SearchResults(page, len(located), "" if use_index else FALLBACK_NOTICE)


def _people_expander(session: Session):  # noqa: ANN202 - an Expander
    people = session.execute(select(Person.id, Person.given_name, Person.family_name)).all()

    def tokens_for(term: Term) -> list[str]:
        wanted = term.text.casefold()
        found = []
        for person in people:
            names = [person.given_name.casefold(), person.family_name.casefold(),
                     f"{person.given_name} {person.family_name}".casefold()]
            if any(_name_matches(name, wanted, term.prefix) for name in names if name):
                found.append(person_token(person.id))
        return found

    return tokens_for


def _name_matches(name: str, wanted: str, prefix: bool) -> bool:
    return name.startswith(wanted) if prefix else name == wanted


_LOCATE = """
WITH hits(doc) AS MATERIALIZED ({hits}),
located(doc, kind, paragraph_id, item_id) AS (
  SELECT h.doc, 0, p.id, p.item_id FROM hits h JOIN paragraph p ON p.id = h.doc / {k}
   WHERE h.doc % {k} = 0
  UNION ALL
  SELECT h.doc, 1, NULL, a.id FROM hits h JOIN agenda_item a ON a.id = h.doc / {k}
   WHERE h.doc % {k} = 1
  UNION ALL
  SELECT h.doc, h.doc % {k}, f.paragraph_id, p.item_id FROM hits h
   JOIN flag f ON f.id = h.doc / {k} JOIN paragraph p ON p.id = f.paragraph_id
   WHERE h.doc % {k} >= 2
)
SELECT l.doc, l.kind, l.paragraph_id, l.item_id, a.meeting_id, a.exempt, m.date, m.status,
       c.name AS committee
FROM located l
JOIN agenda_item a ON a.id = l.item_id
JOIN meeting m ON m.id = a.meeting_id
JOIN committee c ON c.id = m.committee_id
LEFT JOIN paragraph pp ON pp.id = l.paragraph_id
WHERE {where}
ORDER BY m.date DESC, m.id DESC, a.position, coalesce(pp.position, -1), l.kind
"""


def _locate(session: Session, parts: Sequence[Part], also, filters: SearchFilters,  # noqa: ANN001
            use_index: bool) -> list[SearchHit]:
    params: dict[str, object] = {}
    if use_index:
        hits = f"SELECT rowid FROM {search_index.INDEX} WHERE {search_index.INDEX} MATCH :q"
        params["q"] = to_fts(parts, also)
    else:
        condition, likes = to_sql_condition(parts, also)
        for number, value in enumerate(likes):
            condition = condition.replace("?", f":like{number}", 1)
            params[f"like{number}"] = value
        hits = f"SELECT doc_id FROM {search_index.SOURCE} WHERE {condition}"
    sql = _LOCATE.format(hits=hits, k=search_index.KINDS, where=_where(filters, params))
    try:
        rows = session.execute(text(sql), params).all()
    except exc.OperationalError as error:
        raise QueryError(f"The search could not be read ({error.orig}).") from error
    return [_hit(row) for row in rows]


def _where(filters: SearchFilters, params: dict[str, object]) -> str:
    conditions = ["1"]
    if filters.committee_id is not None:
        conditions.append("m.committee_id = :committee_id")
        params["committee_id"] = filters.committee_id
    if filters.date_from is not None:
        conditions.append("m.date >= :date_from")
        params["date_from"] = filters.date_from.isoformat()
    if filters.date_to is not None:
        conditions.append("m.date <= :date_to")
        params["date_to"] = filters.date_to.isoformat()
    if filters.status is not None:
        conditions.append("m.status = :status")
        params["status"] = filters.status.value
    if filters.flag_kind is not None:
        conditions.append("(l.kind = :flag_doc_kind OR EXISTS (SELECT 1 FROM flag ff WHERE "
                          "ff.paragraph_id = l.paragraph_id AND ff.kind = :flag_kind))")
        params["flag_doc_kind"] = _KIND_OF_FLAG.get(filters.flag_kind, -1)
        params["flag_kind"] = filters.flag_kind.value
    return " AND ".join(conditions)


def _hit(row) -> SearchHit:  # noqa: ANN001 - a result row
    date = row.date if isinstance(row.date, dt.date) else dt.date.fromisoformat(row.date)
    return SearchHit(
        doc_id=row.doc, kind=KIND_NAMES.get(row.kind, "paragraph"), meeting_id=row.meeting_id,
        meeting_date=date, committee=row.committee, meeting_status=row.status,
        item_id=row.item_id, item_exempt=bool(row.exempt), paragraph_id=row.paragraph_id,
    )


def _fill(session: Session, hit: SearchHit, parts: Sequence[Part], also) -> SearchHit:  # noqa: ANN001
    """The hit with its text rendered (names as the committee writes them) and highlighted."""
    item = session.get(AgendaItem, hit.item_id)
    committee = session.get(Committee, item.meeting.committee_id)
    name_of = name_lookup(person_names(session, committee.id), conventions_of(committee))
    labels = item_label_list(committee, list(item.meeting.items))
    label = labels[list(item.meeting.items).index(item)]
    body = render(_stored_text(session, hit), name_of)
    names = [name_of(int(token[2:-1])) for term in words_to_highlight(parts)
             for token in also(term)]
    spans = highlight_spans(body, words_to_highlight(parts), names)
    return replace(hit, item_label=label, item_title=item.title, text=body, spans=spans)


def _stored_text(session: Session, hit: SearchHit) -> str:
    source = search_index.SOURCE_BY_KIND[_kind_number(hit.kind)]
    if source.table == "paragraph":
        return session.get(Paragraph, hit.paragraph_id).text
    if source.table == "agenda_item":
        return session.get(AgendaItem, hit.item_id).title
    flag = session.get(Flag, hit.doc_id // search_index.KINDS)
    return _flag_text(flag)


def _kind_number(kind: str) -> int:
    return next(number for number, name in KIND_NAMES.items() if name == kind)


def _flag_text(flag: Flag) -> str:
    who = {"request": "asked_of_person_id", "action": "who_person_id",
           "declaration": "person_id"}[flag.kind]
    person_id = getattr(flag, who)
    words = [getattr(flag, "what", "") or getattr(flag, "interest_kind", ""),
             getattr(flag, "asked_of_body", ""), person_token(person_id) if person_id else ""]
    return " – ".join(word for word in words if word)
