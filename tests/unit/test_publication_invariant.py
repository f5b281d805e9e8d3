"""The publication invariant, on generated meetings: a canary string written into every exempt
field never reaches a public output, and always reaches the full version.

Outputs checked for each generated meeting: every part of the public and full .docx zips,
`show`, `show --json`, `requests` and `search` (text and --json; public and --full), the
minutes view's HTML, the exported web page, the
matters-arising dialog's lines, and the next meeting's public export after its exempt
requests were carried forward. One database serves every example (a new committee each).
"""

import datetime as dt
import itertools
import json
import os
import sqlite3
import tempfile
import time
import zipfile
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clerkdesk.cli.commands import requests_text
from clerkdesk.cli.search_command import search_output
from clerkdesk.domain.enums import Audience, ParagraphStyle, PersonKind
from clerkdesk.domain.flag_fields import ActionFields, RequestFields, ResolutionFields
from clerkdesk.domain.mentions import person_token
from clerkdesk.domain.numbering import ParagraphScheme
from clerkdesk.export.html_writer import render_html
from clerkdesk.export.json_view import minutes_to_data
from clerkdesk.export.minutes_html import minutes_html
from clerkdesk.export.plaintext import render_minutes
from clerkdesk.services.approval import add_correction, approve
from clerkdesk.services.export import export_meeting
from clerkdesk.services.flags import add_flag_in
from clerkdesk.services.generated_paragraphs import write_requests_paragraph
from clerkdesk.services.meetings import add_document_in, add_item_in, create_meeting_in
from clerkdesk.services.minutes import published_minutes
from clerkdesk.services.paragraphs import add_paragraph_in
from clerkdesk.services.people import add_person_in
from clerkdesk.services.request_log import (
    insert_matters_arising,
    offered_text,
    outstanding_before,
)
from clerkdesk.services.search import SearchFilters
from clerkdesk.storage.database import Database, open_database
from clerkdesk.storage.models import Committee

EXAMPLES = int(os.environ.get("CLERKDESK_INVARIANT_EXAMPLES", "500"))
FIRST = dt.date(2026, 11, 3)
NEXT = dt.date(2026, 12, 1)
STYLES = {"numbered": (0, ParagraphStyle.NUMBERED), "sub": (1, ParagraphStyle.NUMBERED),
          "note": (0, ParagraphStyle.UNNUMBERED), "resolution": (0, ParagraphStyle.RESOLUTION)}
serial = itertools.count(1)

paragraph_st = st.tuples(st.sampled_from(sorted(STYLES)),
                         st.sampled_from([None, "request", "action", "vote"]))
item_st = st.fixed_dictionaries({
    "exempt": st.booleans(),
    "schedule_paragraph": st.sampled_from([None, 1, 3, 7]),
    "paragraphs": st.lists(paragraph_st, max_size=4),
    "document": st.booleans(),
})
meeting_st = st.fixed_dictionaries({
    "items": st.lists(item_st, min_size=1, max_size=4),
    "requests_paragraph": st.booleans(),
    "corrections": st.lists(st.booleans(), max_size=3),  # True: on an exempt paragraph
    "carry": st.booleans(),
    "wording": st.sampled_from(["", "Considered in private ({n}).", "Withheld."]),
})


@dataclass
class Generated:
    """What was made for one example: ids, the canary, and whether any exempt text exists."""

    canary: str
    committee: int = 0
    meeting: int = 0
    later: int = 0
    exempt_text: bool = False
    exempt_requests: bool = False
    carried: bool = False  # the next meeting has a matters-arising item from this one
    exempt_paragraphs: list[int] = field(default_factory=list)
    public_paragraphs: list[int] = field(default_factory=list)
    public_items: list[int] = field(default_factory=list)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder in memory when the system has one: the database's and the exports' fsyncs
    would otherwise be most of the run's time, and they are not what is tested here."""
    memory = Path("/dev/shm")
    if memory.is_dir() and os.access(memory, os.W_OK):
        with tempfile.TemporaryDirectory(dir=memory, prefix="clerkdesk-invariant-") as folder:
            yield Path(folder)
    else:
        yield tmp_path_factory.mktemp("invariant")


@pytest.fixture(scope="module")
def shared_db(scratch: Path, request: pytest.FixtureRequest) -> Database:
    database = open_database(scratch / "invariant.sqlite")
    started = time.perf_counter()
    yield database
    database.close()
    made = database_meetings(scratch / "invariant.sqlite")
    line = (f"publication invariant: {made // 2} generated meetings (and the next one each) "
            f"in {time.perf_counter() - started:.1f} s")
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    if capture is not None and reporter is not None:  # the run's time, in every run's output
        with capture.global_and_fixture_disabled():
            reporter.write_line(f"\n{line}")


def database_meetings(path: Path) -> int:
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute("SELECT count(*) FROM meeting").fetchone()[0]


def _flag(session, paragraph_id: int, kind: str | None, text: str, person: int | None) -> None:
    if kind == "request":
        add_flag_in(session, paragraph_id, RequestFields(what=f"Figures {text}",
                                                         asked_of_body=f"Team {text}"))
    elif kind == "action":
        add_flag_in(session, paragraph_id, ActionFields(who_person_id=person, what=f"Do {text}"))
    elif kind == "vote":
        add_flag_in(session, paragraph_id, ResolutionFields(
            votes_for=5, votes_against=1, recorded_votes=f"For: {text}", mover_id=person))


def _item(session, meeting_id: int, spec: dict, made: Generated, person: int) -> None:
    exempt = spec["exempt"]
    text = made.canary if exempt else "public"
    item = add_item_in(session, meeting_id, f"Item {len(made.exempt_paragraphs)}", exempt=exempt,
                       exempt_paragraph=spec["schedule_paragraph"] if exempt else None)
    if not exempt:
        made.public_items.append(item.id)
    for style_name, kind in spec["paragraphs"]:
        level, style = STYLES[style_name]
        mention = f" {person_token(person)}" if exempt else ""
        paragraph = add_paragraph_in(session, item.id, f"Said {text}{mention}.", level, style)
        paragraph.speaker_id = person if exempt else None
        _flag(session, paragraph.id, kind, text, person if exempt else None)
        made.exempt_requests |= exempt and kind in ("request", "action")
        (made.exempt_paragraphs if exempt else made.public_paragraphs).append(paragraph.id)
        made.exempt_text |= exempt
    if spec["document"]:
        add_document_in(session, item.id, f"Report {text}")
        made.exempt_text |= exempt


def generate(db: Database, spec: dict) -> Generated:
    made = Generated(canary=f"Qzx{next(serial):05d}canary")
    with db.transaction() as session:
        committee = Committee(name=f"Committee {made.canary[3:8]}", exempt_wording=spec["wording"])
        session.add(committee)
        session.flush()
        # Someone who appears only in exempt items: their name is exempt information too.
        person = add_person_in(session, given_name="Ann", family_name=made.canary,
                               kind=PersonKind.OFFICER).id
        meeting = create_meeting_in(session, committee.id, FIRST, None, "Hall", ())
        for item_spec in spec["items"]:
            _item(session, meeting.id, item_spec, made, person)
        later = create_meeting_in(session, committee.id, NEXT, None, "Hall", ["Budget"])
        made.committee, made.meeting, made.later = committee.id, meeting.id, later.id
    if spec["requests_paragraph"] and made.public_items:
        write_requests_paragraph(db, made.public_items[0])
    _corrections(db, spec, made)
    if spec["carry"]:
        offered = outstanding_before(db, made.later)
        if offered:
            insert_matters_arising(db, made.later, [e.flag_id for e in offered])
            made.carried = True
    return made


def _corrections(db: Database, spec: dict, made: Generated) -> None:
    if not spec["corrections"]:
        return
    approve(db, made.meeting, at_meeting_id=made.later, on=NEXT, by_person_id=None)
    for on_exempt in spec["corrections"]:
        targets = made.exempt_paragraphs if on_exempt else made.public_paragraphs
        if targets:
            text = f"Correct {made.canary}" if on_exempt else "Correct a public figure"
            add_correction(db, made.meeting, text, on=NEXT, paragraph_id=targets[0])
            made.exempt_text |= on_exempt


def docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return "".join(archive.read(name).decode("utf-8", "replace")
                       for name in archive.namelist())


def outputs(db: Database, made: Generated, audience: Audience, folder: Path) -> dict[str, str]:
    """Every output of the meeting (and the next one's Word file) for `audience`, as text."""
    full = audience is Audience.FULL
    view = published_minutes(db, made.meeting, audience)  # what `show` and the window use
    texts = {
        "show": render_minutes(view),
        "show --json": json.dumps(minutes_to_data(view), ensure_ascii=False),
        "requests": requests_text(db, made.committee, "all", audience),
        "minutes view": minutes_html(view),
        "web page": render_html(view, ParagraphScheme.PAREN),  # what `export -o x.html` writes
        "docx": docx_text(export_meeting(db, made.meeting, folder / "m.docx", full=full)),
    }
    # `clerkdesk search` (--full when full): the canary itself (a word in every exempt field,
    # and the family name of someone named only in exempt items), and a word of every paragraph.
    # Each printed form once (text for the canary, JSON for the common word) keeps the run
    # under a minute; both forms render the same filtered hits.
    asked = SearchFilters(committee_id=made.committee, include_exempt=full)
    for name, query, as_json in (("canary", made.canary, False), ("said", "said", True)):
        found, _total, _notes = search_output(db, query, asked, audience, 1000, as_json)
        texts[f"search {name}{' --json' * as_json}"] = found
    if not full:
        texts["matters arising dialog"] = "\n".join(
            offered_text(e) for e in outstanding_before(db, made.later))
    if not full and made.carried:  # else the next meeting holds nothing from this one
        texts["next meeting docx"] = docx_text(export_meeting(db, made.later, folder / "n.docx"))
        texts["next meeting show"] = render_minutes(published_minutes(db, made.later, audience))
    return texts


@settings(max_examples=EXAMPLES, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                 HealthCheck.data_too_large])
@given(spec=meeting_st)
def test_exempt_text_reaches_no_public_output_and_every_full_one(
    shared_db: Database, scratch: Path, spec: dict
) -> None:
    made = generate(shared_db, spec)

    public = outputs(shared_db, made, Audience.PUBLIC, scratch)
    leaks = [name for name, text in public.items() if made.canary in text]
    assert not leaks, f"exempt text in the public {leaks}"

    if made.exempt_text:
        full = outputs(shared_db, made, Audience.FULL, scratch)
        expected = ["show", "show --json", "minutes view", "web page", "docx"]
        expected += ["requests"] if made.exempt_requests else []
        expected += ["search canary", "search said --json"] if made.exempt_paragraphs else []
        missing = [name for name in expected if made.canary not in full[name]]
        assert not missing, f"exempt text missing from the full {missing}"
