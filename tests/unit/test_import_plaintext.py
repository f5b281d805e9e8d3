"""Plain-text minutes import: the seed, other councils' styles, bad input, repeat imports."""

import datetime as dt
import random
import re
from pathlib import Path

import pytest
from sqlalchemy import func, select
from support.published import shown as render_minutes
from support.raw_sql import raw_rows

from clerkdesk.domain.enums import (
    ParagraphStyle,
    PersonKind,
    RequestStatus,
    ResolutionForm,
    Role,
)
from clerkdesk.domain.mentions import ANONYMOUS_TOKEN, mentioned_ids, person_token
from clerkdesk.domain.numbering import ParagraphScheme
from clerkdesk.errors import ImportFailed
from clerkdesk.services import imports
from clerkdesk.services.imports import import_text, import_text_file
from clerkdesk.services.minutes import load_minutes
from clerkdesk.storage.database import Database
from clerkdesk.storage.models import (
    Base,
    Committee,
    Meeting,
    Membership,
    Paragraph,
    ParagraphMention,
    Person,
    RequestFlag,
    ResolutionFlag,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"
SEED_OFFICERS = {("Sarah", "Hammond"), ("Gaetano", "Romagnuolo"), ("Alison", "Farmer"),
                 ("Elise", "McQueen")}


def expected_seed_paragraphs(path: Path) -> list[str]:
    """An independent, simple reading of the seed: one entry per labelled line or RESOLVED."""
    expected = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = " ".join(raw.replace("\u00a0", " ").split())
        if match := re.match(r"^(?:\d+|[a-z])\)\s*(.*)$", line):
            expected.append(match.group(1))
        elif line.startswith("RESOLVED"):
            expected.append(line.split("–", 1)[1].strip())
    return expected


def row_counts(db: Database) -> dict[str, int]:
    with db.transaction() as session:
        return {
            table.name: session.scalar(select(func.count()).select_from(table))
            for table in Base.metadata.sorted_tables
        }


def people(db: Database) -> list[Person]:
    with db.transaction() as session:
        return list(session.scalars(select(Person)))


def person_id(db: Database, given: str, family: str) -> int:
    with db.transaction() as session:
        return session.scalars(
            select(Person.id).where(Person.given_name == given, Person.family_name == family)
        ).one()


# --- the seed -------------------------------------------------------------------------------


@pytest.fixture
def seed_import(db: Database, seed_path: Path):
    return import_text_file(db, seed_path)


def test_seed_counts(db: Database, seed_import) -> None:
    report = seed_import
    assert (report.items, report.paragraphs, report.sub_points) == (1, 22, 13)
    assert (report.resolutions, report.requests) == (1, 4)
    assert report.committee == "SEND Sub-Committee"
    with db.transaction() as session:
        paragraphs = list(session.scalars(select(Paragraph).order_by(Paragraph.position)))
        requests = list(session.scalars(select(RequestFlag)))
        resolutions = list(session.scalars(select(ResolutionFlag)))
    numbered = [p for p in paragraphs if p.style == ParagraphStyle.NUMBERED]
    assert sum(p.level == 0 for p in numbered) == 22
    assert sum(p.level == 1 for p in numbered) == 13
    assert [p.style for p in paragraphs].count(ParagraphStyle.RESOLUTION) == 1
    assert len(requests) == 4
    assert {r.asked_of_body for r in requests} == {"CYPE Directorate"}
    assert {r.status for r in requests} == {RequestStatus.OUTSTANDING}
    assert requests[0].what.startswith("Provide the Sub-Committee with the approved version")
    assert [r.form for r in resolutions] == [ResolutionForm.NOTED]


def test_seed_text_is_reproduced_paragraph_by_paragraph(db: Database, seed_path, seed_import):
    view = load_minutes(db, seed_import.meeting_id)
    (item,) = view.items
    assert item.title == "Improvement Notice and Accelerated Progress Plan (APP) Update"
    assert [p.text for p in item.paragraphs] == expected_seed_paragraphs(seed_path)
    resolution = item.paragraphs[-1]
    assert resolution.style is ParagraphStyle.RESOLUTION
    assert resolution.stored_text == "The SEND Sub-Committee noted the contents of the report."
    assert not re.search(r"^\s*\d+\)", resolution.stored_text)
    rendered = render_minutes(view)
    assert "22) The Vice-Chair thanked all those present for attending the meeting." in rendered
    assert "RESOLVED – The SEND Sub-Committee noted the contents of the report." in rendered
    assert "Sara Hammond" in rendered  # as printed, though linked to Sarah Hammond


def test_seed_people_found_and_linked(db: Database, seed_import) -> None:
    everyone = people(db)
    officers = {(p.given_name, p.family_name) for p in everyone if p.kind == PersonKind.OFFICER}
    members = {(p.title, p.family_name) for p in everyone
               if p.kind == PersonKind.MEMBER and p.family_name}
    assert officers == SEED_OFFICERS
    assert members == {("Mr", "Love"), ("Ms", "Hannon")}
    assert [p.family_name for p in everyone].count("Hammond") == 1
    with db.transaction() as session:
        roles = session.execute(select(Membership.role, Person.family_name).join(Person)).all()
    assert (Role.VICE_CHAIR, "") in [(Role(role), family) for role, family in roles]
    assert any('"Sara Hammond" (paragraph 9) linked to Sarah Hammond' == w
               for w in seed_import.warnings)
    assert "the Vice-Chair" in seed_import.people and "Mr Love" in seed_import.people


def test_seed_stored_text_holds_tokens_and_speakers(db: Database, seed_import) -> None:
    sarah = person_id(db, "Sarah", "Hammond")
    view = load_minutes(db, seed_import.meeting_id)
    paragraphs = view.items[0].paragraphs
    by_label = {p.label: p for p in paragraphs if p.level == 0 and p.label}
    assert by_label["2)"].stored_text.startswith(f"{person_token(sarah)} explained that")
    assert by_label["9)"].speaker_id == sarah  # the misspelt "Sara Hammond", linked
    assert person_token(sarah, "Sara Hammond") in by_label["9)"].stored_text  # as printed
    assert by_label["3)"].stored_text.startswith(ANONYMOUS_TOKEN)
    assert by_label["3)"].speaker_id is None
    assert by_label["22)"].speaker == "the Vice-Chair"
    assert "{@" not in by_label["21)"].stored_text
    with db.transaction() as session:
        mentions = session.scalar(
            select(func.count()).select_from(ParagraphMention)
            .where(ParagraphMention.person_id == sarah))
    assert mentions == sum(sarah in mentioned_ids(p.stored_text) for p in paragraphs) >= 10


def test_seed_date_not_found_is_today_with_a_warning(db: Database, seed_import) -> None:
    view = load_minutes(db, seed_import.meeting_id)
    assert view.date == dt.date.today()
    assert any("No meeting date" in w for w in seed_import.warnings)


def test_importing_twice_makes_two_meetings_but_no_duplicate_people(db, seed_path, seed_import):
    before = len(people(db))
    second = import_text_file(db, seed_path)
    assert second.meeting_id != seed_import.meeting_id
    assert second.new_people == []
    assert len(people(db)) == before == 7
    with db.transaction() as session:
        assert session.scalar(select(func.count()).select_from(Meeting)) == 2
        assert session.scalar(select(func.count()).select_from(Committee)) == 1
    first_text = [p.text for p in load_minutes(db, seed_import.meeting_id).items[0].paragraphs]
    second_text = [p.text for p in load_minutes(db, second.meeting_id).items[0].paragraphs]
    assert first_text == second_text


def test_given_committee_and_date_are_used(db: Database, seed_path: Path) -> None:
    report = import_text_file(db, seed_path, committee="Children's Scrutiny Committee",
                              date=dt.date(2023, 7, 11))
    view = load_minutes(db, report.meeting_id)
    assert (view.committee, view.date) == ("Children's Scrutiny Committee", dt.date(2023, 7, 11))
    assert not any("No meeting date" in w for w in report.warnings)


# --- other councils' styles ------------------------------------------------------------------


def test_dot_style_with_cllr_names_and_resolved_that(db: Database) -> None:
    report = import_text_file(db, FIXTURES / "riverton-planning-dot-style.txt")
    assert report.committee == "Planning and Licensing Committee"
    assert (report.items, report.paragraphs, report.sub_points, report.resolutions) == (3, 6, 3, 1)
    view = load_minutes(db, report.meeting_id)
    assert (view.date, view.time) == (dt.date(2023, 3, 14), dt.time(19, 0))
    assert [i.title for i in view.items] == [
        "Declarations of Interest", "Land at Mill Lane, Riverton (application 22/01234/FUL)",
        "Any Other Business"]
    with db.transaction() as session:
        committee = session.scalars(select(Committee)).one()
        assert committee.paragraph_scheme == ParagraphScheme.DOT
        assert committee.resolution_prefix == "RESOLVED that"
        form = session.scalars(select(ResolutionFlag.form)).one()
    assert form == ResolutionForm.APPROVED
    rendered = render_minutes(view)
    for line in [
        "1. Cllr Patel declared a personal interest in item 3 as a member of the Riverton "
        "Allotment Society and did not vote on that item.",
        "    (a) David Okonkwo-Reyes confirmed that Kent Highways had raised no objection "
        "subject to conditions.",
        "3. A Member asked about affordable housing.",
        "4. The Chair thanked officers for the report and asked Cllr Patel to move the "
        "recommendation.",
        "RESOLVED that planning permission be approved subject to the conditions set out in "
        "the report.",
    ]:
        assert line in rendered.splitlines()
    assert "    (a) Marie-Clare Dubois explained" in rendered  # as printed, linked to Marie-Claire
    assert view.items[1].documents[0].title == "Officer report"
    assert any(w.startswith('"Marie-Clare Dubois" (item 2, paragraph 3 a) linked to Marie-Claire')
               for w in report.warnings)
    names = {(p.title, p.given_name, p.family_name, p.kind) for p in people(db)}
    assert ("Cllr", "", "O'Brien", PersonKind.MEMBER) in names
    assert ("", "David", "Okonkwo-Reyes", PersonKind.OFFICER) in names
    assert [p.family_name for p in people(db)].count("Dubois") == 1


def test_decimal_parish_style_with_requests_and_numbered_resolution(db: Database) -> None:
    report = import_text_file(db, FIXTURES / "ashby-green-decimal-style.txt")
    assert report.committee == "Finance and General Purposes Committee"
    view = load_minutes(db, report.meeting_id)
    assert (view.date, view.time) == (dt.date(2024, 9, 5), dt.time(19, 30))
    assert [(i.label, i.title) for i in view.items] == [
        ("12", "Apologies for absence"), ("13", "Budget monitoring")]
    labels = [(p.label, p.text) for p in view.items[1].paragraphs]
    assert labels[1] == ("13.1.1", "Councillor Ahmed asked about the grass cutting contract.")
    assert labels[3] == ("13.2", "It was RESOLVED that the budget monitoring report be noted.")
    assert (report.resolutions, report.requests) == (1, 2)
    with db.transaction() as session:
        requests = list(session.scalars(select(RequestFlag)))
    assert [(r.what, r.asked_of_body) for r in requests] == [
        ("a schedule of reserves;", "Clerk"),
        ("the grant applications received since April.", "Clerk")]
    assert "Jo Whitfield" in report.people
    assert any("line(s) before the first item" in w for w in report.warnings)


def test_modern_gov_style_with_documents_first_and_resolved_list(db: Database) -> None:
    report = import_text_file(db, FIXTURES / "highways-modgov-style.txt")
    assert report.committee == "highways-modgov-style"  # no committee named: the file name
    view = load_minutes(db, report.meeting_id)
    first, second = view.items
    assert first.title == "Apologies and Substitutes"
    assert first.paragraphs[0].style is ParagraphStyle.UNNUMBERED
    assert second.title == "Highways Term Contract: performance update"
    assert [d.title for d in second.documents] == ["Report of the Director of Highways"]
    texts = [p.text for p in second.paragraphs]
    assert texts[4] == "The Vice-Chair welcomed the improvement."
    assert texts[5:] == ["", "that the report be noted; and",
                         "that a further update be brought to the March meeting."]
    with db.transaction() as session:
        assert session.scalars(select(ResolutionFlag.form)).one() == ResolutionForm.NOTED
    members = {p.title + " " + p.family_name for p in people(db) if p.kind == PersonKind.MEMBER}
    assert {"Mr Brook", "Mrs Dean"} <= members
    assert "RESOLVED:\n\n    a) that the report be noted; and" in render_minutes(view)


def test_existing_roster_person_is_reused_with_a_near_miss_warning(db: Database) -> None:
    from clerkdesk.services.people import add_person

    sarah = add_person(db, given_name="Sarah", family_name="Hammond", kind=PersonKind.OFFICER)
    text = "Update\n\nMinutes:\n\n1) Sarah Hamond explained the plan.\n2) Mr Love thanked her.\n"
    report = import_text(db, text, committee="Test Committee", date=dt.date(2024, 1, 2))
    stored = load_minutes(db, report.meeting_id).items[0].paragraphs[0].stored_text
    assert stored == f"{person_token(sarah, 'Sarah Hamond')} explained the plan."
    assert report.new_people == ["Mr Love"]
    assert any(w.startswith('"Sarah Hamond" (paragraph 1) linked to Sarah Hammond')
               for w in report.warnings)


def test_chair_role_is_reused_from_the_committee(db: Database) -> None:
    text = "Item\n\nMinutes:\n\n1) The Chair welcomed everyone.\n2) Ms Lee asked the Chair why.\n"
    first = import_text(db, text, committee="C", date=dt.date(2024, 1, 2))
    second = import_text(db, text, committee="C", date=dt.date(2024, 2, 2))
    assert first.new_people == ["the Chair", "Ms Lee"] and second.new_people == []
    view = load_minutes(db, second.meeting_id)
    assert [p.text for p in view.items[0].paragraphs] == [
        "The Chair welcomed everyone.", "Ms Lee asked the Chair why."]


def test_cp1252_file_is_read(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    text = "Budget\n\nMinutes:\n\n1) Cllr O’Neill said the council’s budget was balanced.\n"
    path.write_bytes(text.encode("cp1252"))
    report = import_text_file(db, path, date=dt.date(2024, 1, 2))
    paragraph = load_minutes(db, report.meeting_id).items[0].paragraphs[0]
    assert paragraph.text == "Cllr O’Neill said the council’s budget was balanced."
    assert report.committee == "legacy"


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("The Government confirmed the grant.", []),
        ("Kent SEND said no.", []),
        ("The Member asked whether it was done.", []),
        ("Members of the Education Committee agreed.", []),
        ("Yesterday Sarah Hammond explained it. Sarah Hammond said more.", ["Sarah Hammond"]),
        ("Seán O’Connor-Hughes clarified the figures.", ["Seán O’Connor-Hughes"]),
        ("Elise McQueen also confirmed the posts.", ["Elise McQueen"]),
        ("Jane Smith (Head of Finance) advised caution.", ["Jane Smith"]),
        ("In reply to a question on A, B and C, Tom Reid outlined the plan.", ["Tom Reid"]),
        ("Cllr Jane Smith explained the motion.", ["Cllr Jane Smith"]),
        ("Cllr J. Smith asked; Dr Patel answered.", ["Cllr J. Smith", "Dr Patel"]),
        ("The Lord Mayor said hello.", []),
    ],
)
def test_names_found_in_sentences(sentence: str, names: list[str]) -> None:
    from clerkdesk.importers.people_finder import find_spellings

    assert list(find_spellings([sentence])) == names


def test_finder_records_kind_title_and_job() -> None:
    from clerkdesk.importers.people_finder import find_spellings

    found = find_spellings(["Jane Smith, Head of Finance, advised caution.",
                            "Cllr Ann Lee asked a question."])
    assert found["Jane Smith"].kind is PersonKind.OFFICER
    assert found["Jane Smith"].job_title == "Head of Finance"
    lee = found["Cllr Ann Lee"]
    assert (lee.kind, lee.parts.title, lee.parts.given, lee.parts.family) == (
        PersonKind.MEMBER, "Cllr", "Ann", "Lee")


def test_every_occurrence_is_linked_and_the_speaker_is_who_speaks(db: Database) -> None:
    text = ("Item\n\nMinutes:\n\n1) In reply to a question from Mr Love, Sarah Hammond said "
            "that Sarah Hammond’s team would report.\n")
    report = import_text(db, text, committee="C", date=dt.date(2024, 1, 2))
    (paragraph,) = load_minutes(db, report.meeting_id).items[0].paragraphs
    sarah, love = person_id(db, "Sarah", "Hammond"), person_id(db, "", "Love")
    assert paragraph.stored_text == (
        f"In reply to a question from {person_token(love)}, {person_token(sarah)} said that "
        f"{person_token(sarah)}’s team would report.")
    assert paragraph.speaker_id == sarah


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Tuesday, 11th July, 2023 10.00 am", dt.date(2023, 7, 11)),
     ("July 11, 2023", dt.date(2023, 7, 11)), ("on 11/07/2023", dt.date(2023, 7, 11)),
     ("2023-07-11", dt.date(2023, 7, 11)), ("11 Sept 2023", dt.date(2023, 9, 11)),
     ("31/02/2023", None), ("no date here", None)],
)
def test_dates_in_headings(text: str, expected: dt.date | None) -> None:
    from clerkdesk.importers.meeting_facts import first_date

    assert first_date(text) == expected


def test_meeting_date_prefers_held_on_and_committee_prefers_the_heading() -> None:
    from clerkdesk.importers.meeting_facts import committee_from_text, meeting_date

    header = ["Published 1 August 2023",
              "Minutes of the meeting of the Audit Committee held on 11 July 2023"]
    assert meeting_date(header) == dt.date(2023, 7, 11)
    assert committee_from_text(header, "the Health Board noted it") == "Audit Committee"
    assert committee_from_text([], "Members of the Health and Wellbeing Board agreed.") == (
        "Health and Wellbeing Board")
    assert committee_from_text([], "The Sub-Committee noted the report.") is None


# --- bad input --------------------------------------------------------------------------------


def random_words(size: int, numbered: bool, seed: int = 7) -> str:
    """Lines of random words; with `numbered`, every tenth or so opens with "N) "."""
    rng = random.Random(seed)
    vocab = ("the report Sarah Hammond explained Council Mr Love said In reply to question, A "
             "Member asked requested following: from Committee of Kent and The Vice-Chair").split()
    if numbered:
        vocab += ["RESOLVED", "a)", "Minutes:"]
    lines, total, number = [], 0, 0
    while total < size:
        line = " ".join(rng.choice(vocab) for _ in range(rng.randint(4, 20)))
        if numbered and rng.random() < 0.1:
            number += 1
            line = f"{number}) {line}"
        lines.append(line)
        total += len(line) + 1
    return "\n".join(lines)


def bad_files(tmp_path: Path) -> dict[str, Path]:
    (tmp_path / "folder.txt").mkdir()
    files = {
        "missing": tmp_path / "missing.txt",
        "folder": tmp_path / "folder.txt",
        "binary": tmp_path / "binary.txt",
        "not utf-8": tmp_path / "latin.txt",
        "empty": tmp_path / "empty.txt",
        "blank": tmp_path / "blank.txt",
        "prose": tmp_path / "prose.txt",
        "random words": tmp_path / "random.txt",
    }
    files["binary"].write_bytes(b"1) PK\x03\x04\x00\x00 minutes")
    files["not utf-8"].write_bytes(bytes(range(0x80, 0x100)) * 20)
    files["empty"].write_bytes(b"")
    files["blank"].write_text(" \n\u00a0\n\t\n", encoding="utf-8")
    files["prose"].write_text("Dear all,\n\nPlease find the agenda attached.\n\nThanks.\n",
                              encoding="utf-8")
    files["random words"].write_text(random_words(1_000_000, numbered=False), encoding="utf-8")
    return files


@pytest.mark.parametrize("case", ["missing", "folder", "binary", "not utf-8", "empty", "blank",
                                  "prose", "random words"])
def test_bad_input_fails_cleanly_and_changes_nothing(db: Database, tmp_path: Path, case: str):
    import_text_file(db, FIXTURES / "ashby-green-decimal-style.txt")  # something to protect
    before = row_counts(db)
    with pytest.raises(ImportFailed) as failure:
        import_text_file(db, bad_files(tmp_path)[case])
    message = str(failure.value)
    assert message and "\n" not in message
    assert row_counts(db) == before


def test_text_with_nul_is_refused(db: Database) -> None:
    with pytest.raises(ImportFailed, match="binary"):
        import_text(db, "Item\n\nMinutes:\n\n1) Hello\x00 there.")


def test_failure_while_writing_rolls_everything_back(db: Database, monkeypatch, seed_path):
    from clerkdesk.services import import_writer as writer

    before = row_counts(db)

    def broken(*_args, **_kwargs):
        raise RuntimeError("disk fell off")

    monkeypatch.setattr(writer, "insert_flags_in", broken)  # the last bulk write
    with pytest.raises(RuntimeError):
        import_text_file(db, seed_path)
    assert row_counts(db) == before


def test_a_megabyte_of_numbered_random_words_keeps_every_numbered_paragraph(db: Database):
    """Its speed is measured in bench/bench_import.py."""
    text = random_words(1_000_000, numbered=True)
    report = import_text(db, text, committee="Noise", date=dt.date(2024, 1, 2))
    assert report.paragraphs == len(re.findall(r"^\d+\) ", text, flags=re.MULTILINE))


def test_module_exposes_the_agreed_api() -> None:
    import inspect

    assert list(inspect.signature(imports.import_text_file).parameters) == [
        "db", "path", "committee", "date", "keep_separate", "dry_run", "progress"]
    assert list(inspect.signature(imports.import_text).parameters) == [
        "db", "text", "committee", "date", "source", "keep_separate", "dry_run", "progress"]


def test_dry_run_lists_near_misses_and_writes_nothing(db, seed_path):

    from clerkdesk.services.imports import import_text_file

    report = import_text_file(db, seed_path, dry_run=True)
    assert report.near_misses == [("Sara Hammond", "Sarah Hammond")]
    assert raw_rows(db, "SELECT count(*) FROM meeting") == [(0,)]
    assert raw_rows(db, "SELECT count(*) FROM person") == [(0,)]


def test_keep_separate_makes_a_second_person_only_when_asked(db, seed_path):

    from clerkdesk.services.imports import import_text_file

    report = import_text_file(db, seed_path, keep_separate=frozenset({"Sara Hammond"}))
    assert report.near_misses == []
    names = raw_rows(db, "SELECT given_name FROM person WHERE family_name = 'Hammond' "
                         "ORDER BY given_name")
    assert names == [("Sara",), ("Sarah",)]


@pytest.mark.parametrize(("header", "council"), [
    (["NORTHBROOK DISTRICT COUNCIL", "PLANNING COMMITTEE"], "Northbrook District Council"),
    (["Kent County Council", "Children's Services Committee"], "Kent County Council"),
    (["London Borough of Camden"], "London Borough of Camden"),
    (["Royal Borough of Kingston upon Thames"], "Royal Borough of Kingston upon Thames"),
    (["Full Council"], ""),  # a meeting of the council, not its name
    (["Minutes of the meeting of the Council held on 3 May 2024"], ""),
    (["Planning Committee"], ""),
])
def test_the_council_is_read_from_its_own_heading_line(header, council):
    from clerkdesk.importers.meeting_facts import council_from_header

    assert council_from_header(header) == council


def test_an_imported_meeting_names_its_council(db):
    text = ("NORTHBROOK DISTRICT COUNCIL\n\nPLANNING COMMITTEE\n\n"
            "Minutes of the meeting held on 14 March 2023\n\n"
            "45/23 DECLARATIONS OF INTEREST\n\nNone were declared.\n")
    report = import_text(db, text)
    from clerkdesk.storage.models import Committee, Meeting

    with db.transaction() as session:
        committee = session.get(Meeting, report.meeting_id).committee
        assert isinstance(committee, Committee)
        assert (committee.name, committee.council) == ("Planning Committee",
                                                       "Northbrook District Council")
