"""The `clerkdesk` command line, run as a real process (`python -m clerkdesk`)."""

import datetime as dt
import hashlib
import json
import re
import sqlite3
import subprocess
import sys
import types
from pathlib import Path

import pytest
from support.cli import run_cli

from clerkdesk.domain.enums import MeetingStatus, ParagraphStyle, PersonKind
from clerkdesk.domain.minutes import MeetingSummary


def assert_user_error(result: subprocess.CompletedProcess[str], *fragments: str) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("clerkdesk: error: "), result.stderr
    assert result.stdout == ""
    for fragment in fragments:
        assert fragment in lines[0]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def build_meeting(db) -> int:
    """A meeting with a numbered paragraph, a sub-point with a request, and a resolution."""
    from clerkdesk.domain.flag_fields import RequestFields, ResolutionFields
    from clerkdesk.domain.mentions import person_token
    from clerkdesk.services.committees import find_or_create_committee
    from clerkdesk.services.flags import add_flag_in
    from clerkdesk.services.meetings import add_item_in, create_meeting_in
    from clerkdesk.services.paragraphs import add_paragraph_in
    from clerkdesk.services.people import add_person_in

    with db.transaction() as session:
        committee = find_or_create_committee(session, "Planning Committee", "Anyshire Council")
        love = add_person_in(session, title="Mr", given_name="Ted", family_name="Love",
                             kind=PersonKind.MEMBER)
        meeting = create_meeting_in(session, committee.id, dt.date(2024, 3, 5))
        item = add_item_in(session, meeting.id, "Housing Report")
        add_paragraph_in(session, item.id, f"{person_token(love.id)} introduced the report.",
                         speaker_id=love.id)
        asked = add_paragraph_in(session, item.id, "Figures on void homes were requested.",
                                 level=1)
        add_flag_in(session, asked.id,
                    RequestFields(what="Figures on void homes", asked_of_body="Housing"))
        resolved = add_paragraph_in(session, item.id, "The Committee noted the report.",
                                    style=ParagraphStyle.RESOLUTION)
        add_flag_in(session, resolved.id, ResolutionFields())
        return meeting.id


def test_version_and_help(cli_env: dict[str, str]) -> None:
    version = run_cli(cli_env, "--version")
    assert (version.returncode, version.stdout.strip()) == (0, "clerkdesk 0.1.0")
    top = run_cli(cli_env, "--help")
    assert top.returncode == 0
    for word in ("import", "meetings", "show", "--db", "CLERKDESK_DB", "exit codes"):
        assert word in top.stdout


def test_cli_module_imports_nothing_heavy(cli_env: dict[str, str]) -> None:
    probe = (
        "import sys, clerkdesk.cli, clerkdesk.cli.commands; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'sqlalchemy', 'PySide6', 'docx'}))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            env=cli_env, timeout=60)
    assert (result.returncode, result.stdout.strip()) == (0, "[]"), result.stderr


def test_meetings_on_empty_database(cli_env: dict[str, str], db, db_target: str) -> None:
    result = run_cli(cli_env, "meetings", "--db", db_target)
    assert (result.returncode, result.stdout, result.stderr) == (0, "No meetings.\n", "")


def test_show_text_and_json(cli_env: dict[str, str], db, db_target: str) -> None:
    meeting_id = build_meeting(db)

    text = run_cli(cli_env, "show", meeting_id, "--db", db_target)
    assert text.returncode == 0, text.stderr
    assert "Planning Committee" in text.stdout
    assert "1. Housing Report" in text.stdout
    assert "\n1) Mr Love introduced the report.\n" in text.stdout
    assert "\n    a) Figures on void homes were requested.\n" in text.stdout
    assert "\nRESOLVED – The Committee noted the report.\n" in text.stdout

    data = json.loads(run_cli(cli_env, "--db", db_target, "show", meeting_id, "--json").stdout)
    assert data["meeting_id"] == meeting_id and data["date"] == "2024-03-05"
    [item] = data["items"]
    assert (item["number"], item["title"]) == ("1", "Housing Report")
    first, sub, resolution = item["paragraphs"]
    assert (first["level"], first["number"], first["speaker"]) == (0, "1)", "Mr Love")
    assert first["text"] == "Mr Love introduced the report." and first["flags"] == []
    assert (sub["level"], sub["number"], sub["speaker"]) == (1, "a)", None)
    assert sub["flags"] == [
        {"kind": "request", "summary": "Figures on void homes", "status": "outstanding"}
    ]
    assert resolution["style"] == "resolution"
    assert [flag["kind"] for flag in resolution["flags"]] == ["resolution"]


def test_database_from_environment_and_db_overrides_it(
    cli_env: dict[str, str], db, db_target: str, tmp_path: Path
) -> None:
    meeting_id = build_meeting(db)
    cli_env["CLERKDESK_DB"] = str(db_target)
    listed = run_cli(cli_env, "meetings")
    assert listed.returncode == 0, listed.stderr
    assert re.fullmatch(rf"{meeting_id}  2024-03-05  Planning Committee  draft\n", listed.stdout)

    other = tmp_path / "other.sqlite"
    missing = run_cli(cli_env, "--db", other, "meetings")
    assert_user_error(missing, f"No ClerkDesk database at {other}", "clerkdesk import FILE")
    assert not other.exists()


def random_bytes_file(tmp_path: Path) -> Path:
    path = tmp_path / "random.sqlite"
    path.write_bytes(bytes(range(256)) * 40)
    return path


def foreign_sqlite_file(tmp_path: Path) -> Path:
    path = tmp_path / "foreign.sqlite"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    connection.execute("INSERT INTO invoices (total) VALUES (12.5)")
    connection.commit()
    connection.close()
    return path


@pytest.mark.parametrize(
    ("make_file", "fragment"),
    [
        (random_bytes_file, "is not a ClerkDesk database"),
        (foreign_sqlite_file, "from another application"),
    ],
)
def test_file_that_is_not_ours_is_refused_and_unchanged(
    cli_env: dict[str, str], tmp_path: Path, make_file, fragment: str
) -> None:
    path = make_file(tmp_path)
    before = sha256(path)
    assert_user_error(run_cli(cli_env, "meetings", "--db", path), fragment)
    assert sha256(path) == before
    assert [p.name for p in tmp_path.glob(path.name + "*")] == [path.name]  # no -wal, -journal


@pytest.mark.parametrize(
    ("args", "fragments"),
    [
        (["show", "999"], ["There is no meeting with id 999"]),
        (["show", "abc"], ["'abc' is not a meeting id", "clerkdesk show --help"]),
        (["frobnicate"], ["invalid choice: 'frobnicate'"]),
        (["meetings", "--db", "{tmp}"], ["is a folder"]),
        (["meetings", "--db", "{tmp}/no/such/folder/x.sqlite"], ["No ClerkDesk database at"]),
        (["import", "{tmp}/notes.txt", "--db", "{tmp}/no/such/x.sqlite"], ["does not exist"]),
        (["import", "{tmp}/missing.txt", "--db", "{tmp}/new.sqlite"], ["There is no file at"]),
    ],
    ids=["unknown-id", "non-integer-id", "unknown-command", "folder-as-db", "missing-folder",
         "import-into-missing-folder", "import-missing-file"],
)
def test_user_errors_are_one_line_exit_2(
    cli_env: dict[str, str], db, db_target: str, tmp_path: Path, args: list[str],
    fragments: list[str],
) -> None:
    (tmp_path / "notes.txt").write_text("1) Something was said.\n", encoding="utf-8")
    cli_env["CLERKDESK_DB"] = str(db_target)
    result = run_cli(cli_env, *(arg.replace("{tmp}", str(tmp_path)) for arg in args))
    assert_user_error(result, *fragments)
    assert not (tmp_path / "no").exists() and not (tmp_path / "new.sqlite").exists()


@pytest.mark.seed
def test_import_seed_then_show_it(cli_env: dict[str, str], seed_path: Path, tmp_path: Path) -> None:
    db_path = tmp_path / "imported.sqlite"
    imported = run_cli(cli_env, "import", seed_path, "--committee", "SEND Sub-Committee",
                       "--date", "2023-07-18", "--db", db_path)
    assert imported.returncode == 0, imported.stderr
    first_line = imported.stdout.splitlines()[0]
    meeting_id = re.search(r"\d+", first_line)
    assert meeting_id, first_line

    shown = run_cli(cli_env, "show", meeting_id.group(), "--db", db_path)
    assert shown.returncode == 0, shown.stderr
    assert "1) Mr Love introduced the report." in shown.stdout
    assert "RESOLVED –" in shown.stdout


# In-process checks of the parts that need no real process.


def test_db_option_before_or_after_the_command() -> None:
    from clerkdesk.cli.commands import COMMANDS, open_window
    from clerkdesk.cli.parser import build_parser

    parser = build_parser(COMMANDS, open_window)
    assert parser.parse_args(["--db", "a.sqlite", "meetings"]).db == "a.sqlite"
    assert parser.parse_args(["meetings", "--db", "b.sqlite"]).db == "b.sqlite"
    assert parser.parse_args(["--db", "a.sqlite", "show", "3", "--db", "b.sqlite"]).db == "b.sqlite"
    assert parser.parse_args(["show", "3"]).db is None


def test_no_command_opens_the_window(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from clerkdesk.cli import main

    calls: list[tuple[str, bool]] = []
    fake = types.ModuleType("clerkdesk.ui.app")
    fake.run_gui = lambda target, is_default: calls.append((target, is_default)) or 0
    monkeypatch.setitem(sys.modules, "clerkdesk.ui.app", fake)

    assert main([]) == 0
    assert main(["--db", str(tmp_path / "x.sqlite")]) == 0
    monkeypatch.setenv("CLERKDESK_DB", str(tmp_path / "env.sqlite"))
    assert main([]) == 0
    default, chosen, from_env = calls
    assert default[1] is True and default[0].endswith("clerkdesk.sqlite")
    assert chosen == (str(tmp_path / "x.sqlite"), False)
    assert from_env == (str(tmp_path / "env.sqlite"), False)


def test_interrupt_and_multi_line_errors(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from clerkdesk.cli import main
    from clerkdesk.errors import StorageError

    def failing_gui(target: str, is_default: bool) -> int:
        raise failure

    fake = types.ModuleType("clerkdesk.ui.app")
    fake.run_gui = failing_gui
    monkeypatch.setitem(sys.modules, "clerkdesk.ui.app", fake)
    failure: BaseException = KeyboardInterrupt()
    assert main([]) == 130
    assert capsys.readouterr().err == ""
    failure = StorageError("The disk is full.\nYour text is kept.")
    assert main([]) == 2
    assert capsys.readouterr().err == "clerkdesk: error: The disk is full. Your text is kept.\n"


def test_meeting_lines_are_aligned() -> None:
    from clerkdesk.cli.commands import meeting_lines

    lines = meeting_lines([
        MeetingSummary(12, dt.date(2024, 5, 1), "Cabinet", MeetingStatus.DRAFT),
        MeetingSummary(3, dt.date(2023, 7, 18), "SEND Sub-Committee", MeetingStatus.APPROVED),
    ])
    assert lines == [
        "12  2024-05-01  Cabinet             draft",
        " 3  2023-07-18  SEND Sub-Committee  approved",
    ]
    assert meeting_lines([]) == []


def test_import_dry_run_prints_the_preview_and_writes_nothing(cli_env, tmp_path: Path) -> None:
    source = Path(__file__).resolve().parents[1] / "fixtures" / "import" / "families" / \
        "bullets.txt"
    db_path = tmp_path / "minutes.sqlite"
    result = run_cli(cli_env, "--db", db_path, "import", source, "--dry-run")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "  45/20  Announcements: 2 paragraphs, 3 bullets" in lines
    assert lines[-1] == "Nothing was written (a preview)."
    assert not db_path.exists()


def test_output_cut_short_by_the_reader_is_not_an_error(tmp_path):
    """`clerkdesk show 1 | head -1` exited 1, which the README calls a bug."""
    import subprocess
    import sys

    from clerkdesk.services.demo import load_demo
    from clerkdesk.storage.database import open_database

    path = tmp_path / "demo.sqlite"
    db = open_database(path)
    load_demo(db)
    db.close()
    shown = subprocess.Popen([sys.executable, "-m", "clerkdesk", "--db", str(path), "show", "1"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert shown.stdout is not None
    shown.stdout.close()  # the reader has gone before the first line, as `head -0` would
    assert shown.wait(timeout=60) == 0, shown.stderr.read() if shown.stderr else ""


def test_a_relative_sqlite_url_says_where_it_looked(tmp_path, capsys):
    """`--db sqlite:///tmp/x.sqlite` names tmp/x.sqlite in the current folder; the newcomer
    who meant /tmp/x.sqlite was told only that there was no database."""
    from clerkdesk.cli import main

    code = main(["--db", "sqlite:///tmp/no-such-dir/x.sqlite", "meetings"])
    message = capsys.readouterr().err
    assert code == 2
    assert "three slashes name a file in the current folder" in message
    assert "sqlite:////" in message and message.count("\n") == 1


def test_a_bug_is_logged_and_said_as_one_line_exit_70(cli_env, tmp_path: Path) -> None:
    from clerkdesk.storage.database import open_database

    db_path = tmp_path / "minutes.sqlite"
    open_database(db_path).close()
    with sqlite3.connect(db_path) as connection:  # a constraint ClerkDesk should never hit
        connection.execute("CREATE TRIGGER forced_bug BEFORE INSERT ON paragraph "
                           "BEGIN SELECT RAISE(ABORT, 'forced constraint'); END")
    source = Path(__file__).parents[1] / "fixtures" / "import" / "ashby-green-decimal-style.txt"
    before = sha256(source)
    result = run_cli(cli_env, "import", source, "--committee", "Ashby Green Parish Council",
                     "--date", "2024-01-08", "--db", db_path)
    assert result.returncode == 70, result.stderr
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("clerkdesk: bug: ") and "forced constraint" in line
    log = Path(cli_env["XDG_STATE_HOME"]) / "ClerkDesk" / "log" / "bugs.log"
    assert "IntegrityError" in log.read_text(encoding="utf-8") and str(log) in line
    assert sha256(source) == before
