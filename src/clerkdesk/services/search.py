"""Search every meeting: full text through the FTS5 index, or plain matching without FTS5."""

from __future__ import annotations

import datetime as dt
import functools
import weakref
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Row, exc, select, text
from sqlalchemy.orm import Session

from clerkdesk.domain.enums import Audience, FlagKind, MeetingStatus
from clerkdesk.domain.mentions import person_token, render
from clerkdesk.domain.publication import audience_asking, shows_exempt, visible
from clerkdesk.domain.search_highlight import highlight_spans
from clerkdesk.domain.search_query import (
    Expander,
    Part,
    QueryError,
    Term,
    parse,
    to_fts,
    to_sql_condition,
    words_to_highlight,
)
from clerkdesk.errors import ClerkDeskError
from clerkdesk.services._lookup import get_or_fail
from clerkdesk.services.minutes import (
    NameOf,
    conventions_of,
    item_label_list,
    name_lookup,
    person_names,
)
from clerkdesk.storage import search_index
from clerkdesk.storage.database import Database
from clerkdesk.storage.errors_map import storage_error
from clerkdesk.storage.models import AgendaItem, Committee, Flag, Meeting, Paragraph, Person

FALLBACK_NOTICE = ("Full-text search is not available in this SQLite, so plain text matching is "
                   "used (slower, and word endings must match).")
PAGE_SIZE = 50
KIND_NAMES = {0: "paragraph", 1: "item", 2: "request", 3: "action", 4: "declaration"}
_KIND_OF_FLAG = {FlagKind.REQUEST: 2, FlagKind.ACTION: 3, FlagKind.DECLARATION: 4}


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
    committee_id: int
    meeting_status: str
    item_id: int
    item_exempt: bool
    paragraph_id: int | None
    committee: str = ""
    item_label: str = ""
    item_title: str = ""
    text: str = ""  # as rendered: names, not references
    spans: tuple[tuple[int, int], ...] = ()  # matches in `text`
    focus: int = 0  # where in `text` the query's first word or phrase (in order) matched

    @property
    def exempt(self) -> bool:
        """For the publication filter: the hit is in an exempt (Part 2) item."""
        return self.item_exempt


@dataclass(frozen=True)
class SearchResults:
    hits: list[SearchHit]
    total: int | None  # None: not counted (search(count=False) with a full page)
    notice: str = ""  # one line, e.g. that plain matching was used


def exempt_allowed(audience: Audience, include_exempt: bool) -> bool:
    """Whether exempt (Part 2) text may be in search results, as the publication filter
    decides: `audience` is who may read them (FULL: the clerk in the window or `search
    --full`; PUBLIC: anyone), and exempt hits come only when that reader asked for them
    (`include_exempt`, marked by `item_exempt`)."""
    return shows_exempt(audience_asking(audience, include_exempt))


def apply_audience(hits: Sequence[SearchHit], audience: Audience,
                   include_exempt: bool) -> list[SearchHit]:
    """The hits this audience may see, through the publication filter (a last check after
    the query applied the same rule)."""
    return visible(hits, audience_asking(audience, include_exempt))


_checked: weakref.WeakKeyDictionary[Database, str] = weakref.WeakKeyDictionary()


def index_state(db: Database) -> str:
    """Check the index once per open database, rebuilding it if its integrity check fails."""
    if db not in _checked:
        if db.engine.dialect.name != "sqlite":
            _checked[db] = "unavailable"
        else:
            try:
                with db.engine.begin() as connection:
                    _checked[db] = search_index.ensure_index(connection)
            except exc.DBAPIError as error:  # locked, read-only, disk full: a one-line message
                raise storage_error(error) from error
    return _checked[db]


def search(db: Database, query: str, filters: SearchFilters = SearchFilters(),
           audience: Audience = Audience.FULL, offset: int = 0,
           limit: int = PAGE_SIZE, count: bool = True) -> SearchResults:
    """One page of results, newest meeting first; raises QueryError on a query it cannot read.

    count=False skips counting every hit when the page is full (`total` is then None): on a
    large database the count can cost more than the page.
    """
    parts = parse(query)
    if db.engine.dialect.name != "sqlite":
        raise ClerkDeskError("Search works on ClerkDesk database files, not yet on a database "
                             "server.")
    use_index = index_state(db) != "unavailable"
    exempt = exempt_allowed(audience, filters.include_exempt)
    with db.transaction() as session:
        also = _people_expander(session)
        total, located = _locate(session, parts, also, filters, exempt, use_index,
                                 offset, limit, count)
        located = apply_audience(located, audience, filters.include_exempt)
        page = _Filler(session, parts, also).fill_page(located)
    return SearchResults(page, total, "" if use_index else FALLBACK_NOTICE)


def _people_expander(session: Session) -> Expander:
    people = session.execute(select(Person.id, Person.given_name, Person.family_name)).all()

    @functools.cache
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


# Each kind of document is joined to its item and meeting in its own arm (one pass over the
# matches each), and the arms are merged in display order: newest meeting first.
_ARM = """SELECT h.doc AS doc, {kind} AS kind, {paragraph} AS paragraph_id, a.id AS item_id,
 a.meeting_id AS meeting_id, a.exempt AS exempt, m.date AS date, m.status AS status,
 m.committee_id AS committee_id, a.position AS item_position, {position} AS position
 FROM hits h {joins} JOIN meeting m ON m.id = a.meeting_id
 WHERE h.doc % {k} {which} AND {where}"""
_ARMS = (
    {"kind": "0", "paragraph": "p.id", "position": "p.position", "which": "= 0",
     "joins": "JOIN paragraph p ON p.id = h.doc / {k} JOIN agenda_item a ON a.id = p.item_id"},
    {"kind": "1", "paragraph": "NULL", "position": "-1", "which": "= 1",
     "joins": "JOIN agenda_item a ON a.id = h.doc / {k}"},
    {"kind": "h.doc % {k}", "paragraph": "f.paragraph_id", "position": "p.position",
     "which": ">= 2", "joins": "JOIN flag f ON f.id = h.doc / {k} "
     "JOIN paragraph p ON p.id = f.paragraph_id JOIN agenda_item a ON a.id = p.item_id"},
)
_ORDER = ("ORDER BY date DESC, meeting_id DESC, item_position, position, kind "
          "LIMIT :limit OFFSET :offset")


def _located_sql(hits: str, where: str) -> str:
    """All matches located (materialised once: without FTS5 `hits` is a scan of every text)."""
    k = search_index.KINDS
    arms = [_ARM.format(k=k, where=where.format(**arm).format(k=k),
                        **{key: value.format(k=k) for key, value in arm.items()})
            for arm in _ARMS]
    return f"WITH hits(doc) AS MATERIALIZED ({hits})\n" + "\nUNION ALL\n".join(arms)


def _locate(session: Session, parts: Sequence[Part], also: Expander, filters: SearchFilters,
            exempt: bool, use_index: bool, offset: int, limit: int,
            count: bool) -> tuple[int | None, list[SearchHit]]:
    """(how many hits in all - None if not counted, the hits of one page), newest first."""
    params: dict[str, object] = {"limit": limit, "offset": offset}
    if use_index:
        hits = f"SELECT rowid FROM {search_index.INDEX} WHERE {search_index.INDEX} MATCH :q"
        params["q"] = to_fts(parts, also)
    else:
        condition, likes = to_sql_condition(parts, also)
        for number, value in enumerate(likes):
            condition = condition.replace("?", f":like{number}", 1)
            params[f"like{number}"] = value
        hits = f"SELECT doc_id FROM {search_index.SOURCE} WHERE {condition}"
    located = _located_sql(hits, _where(filters, exempt, params))
    try:
        rows = session.execute(text(f"{located}\n{_ORDER}"), params).all()
        if not count or (offset == 0 and len(rows) < limit):
            return (len(rows) if offset == 0 and len(rows) < limit else None), [
                _hit(row) for row in rows]
        total = session.execute(text(f"SELECT count(*) FROM ({located})"), params).scalar_one()
    except exc.OperationalError as error:
        raise QueryError(f"The search could not be read ({error.orig}).") from error
    return total, [_hit(row) for row in rows]


def _where(filters: SearchFilters, exempt: bool, params: dict[str, object]) -> str:
    conditions = ["1"] if exempt else ["a.exempt = 0"]
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
    if filters.flag_kind is not None:  # {kind} and {paragraph}: filled in for each arm
        conditions.append("({kind} = :flag_doc_kind OR EXISTS (SELECT 1 FROM flag ff WHERE "
                          "ff.paragraph_id = {paragraph} AND ff.kind = :flag_kind))")
        params["flag_doc_kind"] = _KIND_OF_FLAG.get(filters.flag_kind, -1)
        params["flag_kind"] = filters.flag_kind.value
    return " AND ".join(conditions)


def _hit(row: Row[Any]) -> SearchHit:
    date = row.date if isinstance(row.date, dt.date) else dt.date.fromisoformat(row.date)
    return SearchHit(
        doc_id=row.doc, kind=KIND_NAMES.get(row.kind, "paragraph"), meeting_id=row.meeting_id,
        meeting_date=date, committee_id=row.committee_id, meeting_status=row.status,
        item_id=row.item_id, item_exempt=bool(row.exempt), paragraph_id=row.paragraph_id,
    )


class _Filler:
    """Renders a page's texts (names as each committee writes them) with a few queries."""

    def __init__(self, session: Session, parts: Sequence[Part], also: Expander) -> None:
        self.session, self.terms, self.also = session, words_to_highlight(parts), also
        self._names: dict[int, NameOf] = {}
        self._labels: dict[int, dict[int, str]] = {}
        self._committees: dict[int, str] = {}

    def fill_page(self, hits: Sequence[SearchHit]) -> list[SearchHit]:
        paragraph_ids = [h.paragraph_id for h in hits if h.kind == "paragraph"]
        texts = dict(self.session.execute(
            select(Paragraph.id, Paragraph.text).where(Paragraph.id.in_(paragraph_ids))).all())
        self._load_labels({h.meeting_id for h in hits})
        items = {item.id: item for item in self.session.scalars(
            select(AgendaItem).where(AgendaItem.id.in_({h.item_id for h in hits})))}
        return [self._fill(hit, items[hit.item_id], texts) for hit in hits]

    def _load_labels(self, meeting_ids: set[int]) -> None:
        """Item numbers as shown, for every meeting on the page, in three queries."""
        meetings = self.session.scalars(select(Meeting).where(Meeting.id.in_(meeting_ids))).all()
        committees = {c.id: c for c in self.session.scalars(select(Committee).where(
            Committee.id.in_({m.committee_id for m in meetings})))}
        items: dict[int, list[AgendaItem]] = {m.id: [] for m in meetings}
        for item in self.session.scalars(select(AgendaItem).where(
                AgendaItem.meeting_id.in_(meeting_ids)).order_by(AgendaItem.position)):
            items[item.meeting_id].append(item)
        for meeting in meetings:
            self._committees[meeting.id] = committees[meeting.committee_id].name
            labels = item_label_list(committees[meeting.committee_id], items[meeting.id])
            self._labels[meeting.id] = {item.id: label for item, label in zip(
                items[meeting.id], labels, strict=True)}

    def _fill(self, hit: SearchHit, item: AgendaItem, texts: dict[int, str]) -> SearchHit:
        name_of = self._name_of(hit.meeting_id)
        if hit.kind == "paragraph":
            assert hit.paragraph_id is not None  # a paragraph hit always names its paragraph
            stored = texts[hit.paragraph_id]
        elif hit.kind == "item":
            stored = item.title
        else:
            stored = _flag_text(get_or_fail(self.session, Flag, hit.doc_id // search_index.KINDS,
                                            "flag"))
        body = render(stored, name_of)
        names = [name_of(int(token[2:-1])) for term in self.terms for token in self.also(term)]
        spans = highlight_spans(body, self.terms, names)
        # The snippet shows the first word or phrase of the query that is in the text.
        typed = next((found for term in self.terms if (found := highlight_spans(body, [term]))),
                     spans or ((0, 0),))
        focus = typed[0][0]
        return replace(hit, focus=focus, item_label=self._labels[hit.meeting_id].get(item.id, ""),
                       item_title=item.title, text=body, spans=spans,
                       committee=self._committees[hit.meeting_id])

    def _name_of(self, meeting_id: int) -> NameOf:
        committee_id = get_or_fail(self.session, Meeting, meeting_id, "meeting").committee_id
        if committee_id not in self._names:
            committee = get_or_fail(self.session, Committee, committee_id, "committee")
            self._names[committee_id] = name_lookup(
                person_names(self.session, committee_id), conventions_of(committee))
        return self._names[committee_id]


def _flag_text(flag: Flag) -> str:
    who = {"request": "asked_of_person_id", "action": "who_person_id",
           "declaration": "person_id"}[flag.kind]
    person_id = getattr(flag, who)
    words = [getattr(flag, "what", "") or getattr(flag, "interest_kind", ""),
             getattr(flag, "asked_of_body", ""), person_token(person_id) if person_id else ""]
    return " – ".join(word for word in words if word)
