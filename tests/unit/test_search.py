"""Search every meeting: names, stems, references, exempt marking, filters, no FTS5, repair."""

import datetime as dt
import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clerkdesk.cli.main import main
from clerkdesk.domain.enums import FlagKind, MeetingStatus
from clerkdesk.domain.flag_fields import RequestFields
from clerkdesk.domain.search_query import QueryError, parse
from clerkdesk.errors import ClerkDeskError
from clerkdesk.services import search as search_service
from clerkdesk.services.agenda import rename_item, set_item_exempt
from clerkdesk.services.committees import create_committee
from clerkdesk.services.flags import add_flag
from clerkdesk.services.meetings import create_meeting
from clerkdesk.services.minutes import load_minutes
from clerkdesk.services.paragraphs import add_paragraph, edit_text
from clerkdesk.services.people import add_person
from clerkdesk.services.search import Audience, SearchFilters, search
from clerkdesk.storage import search_index
from clerkdesk.storage.database import open_database


@pytest.fixture
def council(sqlite_db):
    """Two committees, three meetings, a person referenced by token, an exempt item (on a
    file: the FTS5 index is SQLite's; a server database gets one line, tested below)."""
    db = sqlite_db
    cabinet = create_committee(db, "Cabinet")
    planning = create_committee(db, "Planning Committee")
    hammond = add_person(db, "Sara", "Hammond", title="Cllr")
    old = create_meeting(db, cabinet, dt.date(2024, 3, 5), agenda=["Home to school transport"])
    new = create_meeting(db, cabinet, dt.date(2025, 6, 10), agenda=["Budget", "Staffing"])
    plan = create_meeting(db, planning, dt.date(2025, 1, 14), agenda=["24/01234/FUL Mill Lane"])
    [old_item] = load_minutes(db, old).items
    budget, staffing = load_minutes(db, new).items
    [plan_item] = load_minutes(db, plan).items
    ids = {
        "transport": add_paragraph(db, old_item.id, "The contracts for transport were renewed."),
        "speech": add_paragraph(db, budget.id, f"{{@{hammond}}} explained the budget gap."),
        "exempt": add_paragraph(db, staffing.id, "The transport manager's salary was agreed."),
        "reference": add_paragraph(db, plan_item.id, "Minute PLA146/14 was recalled."),
    }
    set_item_exempt(db, staffing.id, 1)
    return {"db": db, "cabinet": cabinet, "planning": planning, "hammond": hammond,
            "old": old, "new": new, "plan": plan, "budget": budget.id, **ids}


def _paragraphs(results) -> list[int]:
    return [hit.paragraph_id for hit in results.hits if hit.kind == "paragraph"]


def test_a_name_finds_paragraphs_that_reference_the_person_shown_with_the_name(council):
    results = search(council["db"], "Hammond")
    [hit] = results.hits
    assert hit.paragraph_id == council["speech"]
    assert "{@" not in hit.text and "Hammond" in hit.text
    start, end = hit.spans[0]
    assert "Hammond" in hit.text[start:end]


def test_word_endings_are_stemmed_and_prefixes_and_phrases_work(council):
    db = council["db"]
    assert council["transport"] in _paragraphs(search(db, "contract"))
    assert council["transport"] in _paragraphs(search(db, "renewing"))
    assert council["transport"] in _paragraphs(search(db, "transp*"))
    assert _paragraphs(search(db, '"transport were renewed"')) == [council["transport"]]
    assert _paragraphs(search(db, '"renewed transport"')) == []


def test_references_with_slashes_are_found(council):
    db = council["db"]
    [title] = search(db, "24/01234/FUL").hits
    assert title.kind == "item" and title.item_title.startswith("24/01234/FUL")
    assert _paragraphs(search(db, "PLA146/14")) == [council["reference"]]
    assert _paragraphs(search(db, "PLA146")) == [council["reference"]]


def test_exempt_text_is_searched_only_when_asked_and_is_marked(council):
    db = council["db"]
    assert council["exempt"] not in _paragraphs(search(db, "salary"))
    asked = search(db, "salary", SearchFilters(include_exempt=True))
    [hit] = asked.hits
    assert hit.paragraph_id == council["exempt"] and hit.item_exempt
    public = search(db, "salary", SearchFilters(include_exempt=True), audience=Audience.PUBLIC)
    assert public.hits == [] and public.total == 0


def test_search_audience_is_decided_by_the_publication_filter(council, monkeypatch):
    from clerkdesk.domain import enums, publication

    assert Audience is enums.Audience  # one audience for every output
    assert search_service.exempt_allowed(Audience.FULL, True)
    assert not search_service.exempt_allowed(Audience.FULL, False)
    assert not search_service.exempt_allowed(Audience.PUBLIC, True)
    # The filter decides: were it to let everyone see exempt text, search would follow.
    monkeypatch.setattr(search_service, "shows_exempt", lambda _audience: True)
    monkeypatch.setattr(search_service, "visible", lambda hits, _audience: list(hits))
    leaked = search(council["db"], "salary", SearchFilters(include_exempt=True),
                    audience=Audience.PUBLIC)
    assert [h.paragraph_id for h in leaked.hits] == [council["exempt"]]
    monkeypatch.undo()
    assert publication.visible(leaked.hits, Audience.PUBLIC) == []


def test_results_newest_meeting_first_and_filters_narrow_them(council):
    db = council["db"]
    everything = search(db, "transport OR budget OR PLA146")
    assert [h.meeting_date for h in everything.hits] == sorted(
        (h.meeting_date for h in everything.hits), reverse=True)
    by_committee = search(db, "transport OR PLA146",
                          SearchFilters(committee_id=council["planning"]))
    assert {h.committee for h in by_committee.hits} == {"Planning Committee"}
    since = search(db, "transport", SearchFilters(date_from=dt.date(2025, 1, 1),
                                                   include_exempt=True))
    assert _paragraphs(since) == [council["exempt"]]
    until = search(db, "transport", SearchFilters(date_to=dt.date(2024, 12, 31)))
    assert council["transport"] in _paragraphs(until)
    assert search(db, "transport", SearchFilters(status=MeetingStatus.APPROVED)).hits == []


def test_flag_text_is_searched_and_the_flag_kind_filter_keeps_flagged_paragraphs(council):
    db = council["db"]
    add_flag(db, council["speech"],
             RequestFields(what="A breakdown of the bus routes", asked_of_body="Highways"))
    [flag_hit] = search(db, "routes").hits
    assert flag_hit.kind == "request" and flag_hit.paragraph_id == council["speech"]
    requests = search(db, "budget OR transport", SearchFilters(flag_kind=FlagKind.REQUEST))
    assert _paragraphs(requests) == [council["speech"]]


def test_the_index_follows_edits_renames_and_deletions(council):
    db = council["db"]
    edit_text(db, council["transport"], "The minibus tender was awarded.")
    assert _paragraphs(search(db, "contracts")) == []
    assert _paragraphs(search(db, "tender")) == [council["transport"]]
    rename_item(db, council["budget"], "Revenue outturn")
    assert [h.kind for h in search(db, "outturn").hits] == ["item"]


def test_a_renamed_person_is_found_by_the_new_name_without_reindexing(council):
    from clerkdesk.services.roster import update_person

    update_person(council["db"], council["hammond"], family_name="Hamond")
    assert _paragraphs(search(council["db"], "Hamond")) == [council["speech"]]


@pytest.mark.parametrize("query, message", [
    ('"unclosed', 'no closing "'),
    ("(transport", "( with no )"),
    ("transport)", ") with no"),
    ("OR transport", "OR must come between"),
    ("transport NOT", "NOT must come between"),
    ("*", "Type a word"),
    ("x" * 10_000, "too long"),
])
def test_unreadable_queries_give_one_line(council, query, message):
    with pytest.raises(QueryError) as raised:
        search(council["db"], query)
    assert message in str(raised.value) and "\n" not in str(raised.value)


@pytest.mark.parametrize("query", [
    "NEAR(transport budget)", "'; DROP TABLE paragraph; --", "transport 🚌", "a*b*", "\"\"",
    "transport AND (budget OR contracts)", "SELECT * FROM paragraph", "{@1}", "^transport",
])
def test_odd_queries_are_searched_as_text_and_nothing_breaks(council, query):
    try:
        search(council["db"], query)
    except QueryError:
        pass
    assert search(council["db"], "transport").total >= 1


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=60)
       | st.lists(st.sampled_from(['"', "(", ")", "*", "OR", "NOT", "AND", "NEAR", "x",
                                   "transport", "-", "^", ":", "{@1}", " "]), max_size=12)
       .map(" ".join))
def test_any_query_gives_results_or_a_one_line_message(council, query):
    try:
        search(council["db"], query)
    except QueryError as error:
        assert str(error) and "\n" not in str(error)


def test_without_fts5_plain_matching_is_used_with_a_notice(council, monkeypatch):
    db = council["db"]
    search_service._checked.clear()
    monkeypatch.setattr(search_index, "fts5_available", lambda connection: False)
    results = search(db, "transport")
    assert results.notice == search_service.FALLBACK_NOTICE
    assert council["transport"] in _paragraphs(results)
    assert _paragraphs(search(db, "Hammond")) == [council["speech"]]
    assert _paragraphs(search(db, '"PLA146/14" OR nothing')) == [council["reference"]]


def test_a_new_database_without_fts5_is_created_and_searched(tmp_path, monkeypatch):
    monkeypatch.setattr(search_index, "fts5_available", lambda connection: False)
    db = open_database(tmp_path / "no-fts.sqlite")
    try:
        meeting = create_meeting(db, create_committee(db, "Cabinet"), dt.date(2025, 1, 1),
                                 agenda=["Libraries"])
        assert search(db, "libraries").total == 1
        assert search(db, "libraries").notice
        assert meeting
    finally:
        db.close()


def test_a_corrupted_index_is_rebuilt_when_first_searched(council, db_path):
    db = council["db"]
    connection = sqlite3.connect(db_path)
    # Remove a paragraph from the index behind its back: the index no longer matches the text.
    connection.execute(f"INSERT INTO {search_index.INDEX}({search_index.INDEX}, rowid, body) "
                       "VALUES ('delete', ?, 'The contracts for transport were renewed.')",
                       (council["transport"] * search_index.KINDS,))
    connection.commit()
    connection.close()
    search_service._checked.clear()
    assert search_service.index_state(db) == "rebuilt"
    assert council["transport"] in _paragraphs(search(db, "contracts"))
    search_service._checked.clear()
    assert search_service.index_state(db) == "ok"


def test_query_parts_keep_operators_and_read_references_as_phrases():
    parts = parse('budget OR "school transport" 24/01234/FUL transp*')
    assert [getattr(p, "text", p) for p in parts] == [
        "budget", "OR", "school transport", "24/01234/FUL", "transp"]
    assert parts[3].exact and parts[4].prefix


def test_a_file_indexed_elsewhere_still_saves_where_fts5_is_missing(council, db_path, monkeypatch):
    council["db"].close()
    monkeypatch.setattr(search_index, "fts5_available", lambda connection: False)
    db = open_database(db_path)
    try:
        edit_text(db, council["transport"], "The tender was awarded.")
        assert _paragraphs(search(db, "tender")) == [council["transport"]]
    finally:
        db.close()
    monkeypatch.undo()
    db = open_database(db_path)
    try:
        assert search_service.index_state(db) == "rebuilt"
        assert _paragraphs(search(db, "tender")) == [council["transport"]]
    finally:
        db.close()


def test_pages_and_totals_agree_with_and_without_filters(council):
    db = council["db"]
    for _ in range(4):
        add_paragraph(db, council["budget"], "More on transport.")
    for filters in (SearchFilters(), SearchFilters(include_exempt=True),
                    SearchFilters(committee_id=council["cabinet"])):
        everything = search(db, "transport", filters, limit=100)
        pages = [search(db, "transport", filters, offset=o, limit=2) for o in range(0, 8, 2)]
        assert {page.total for page in pages} == {everything.total}
        paged = [hit.doc_id for page in pages for hit in page.hits]
        assert paged == [hit.doc_id for hit in everything.hits]


def test_a_full_first_page_need_not_be_counted(council):
    db = council["db"]
    for _ in range(3):
        add_paragraph(db, council["budget"], "More on transport.")
    quick = search(db, "transport", limit=2, count=False)
    assert quick.total is None and len(quick.hits) == 2
    assert search(db, "transport", limit=50, count=False).total == 5  # 4 paragraphs, a title


def test_the_snippet_focus_is_the_first_part_of_the_query_found(council):
    db = council["db"]
    add_paragraph(db, council["budget"], f"{{@{council['hammond']}}} said " + "x " * 80
                  + "the waiting lists were long.")
    [hit] = search(db, '"waiting lists" Hammond').hits
    assert hit.text[hit.focus:].startswith("waiting lists")


def test_a_server_database_is_told_search_is_for_files(council, monkeypatch):
    from clerkdesk.errors import ClerkDeskError

    monkeypatch.setattr(council["db"].engine.dialect, "name", "postgresql")
    with pytest.raises(ClerkDeskError, match="database files"):
        search(council["db"], "transport")


@pytest.mark.postgresql
def test_on_a_database_server_search_says_one_line_that_it_works_on_files_only(pg_url, capsys):
    db = open_database(pg_url)
    try:
        with pytest.raises(ClerkDeskError) as refused:
            search(db, "transport")
    finally:
        db.close()
    assert str(refused.value) == ("Search works on ClerkDesk database files, not yet on a "
                                  "database server.")
    assert main(["--db", pg_url, "search", "transport"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and "database files" in err
