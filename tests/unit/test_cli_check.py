"""`clerkdesk check MEETING`: one line per finding; exit 1 with findings, 0 clean, 2 on errors."""

from pathlib import Path

from support.cli import run_cli


def test_seed_check_fix_and_clean(cli_env: dict[str, str], seed_path: Path,
                                  tmp_path: Path) -> None:
    db_path = tmp_path / "minutes.sqlite"
    imported = run_cli(cli_env, "--db", db_path, "import", seed_path,
                       "--committee", "SEND Sub-Committee", "--date", "2023-07-11")
    assert imported.returncode == 0, imported.stderr

    checked = run_cli(cli_env, "--db", db_path, "check", "1")

    assert (checked.returncode, checked.stderr) == (1, "")
    lines = checked.stdout.splitlines()
    assert ('10 c)  warning  mis-levelled: a sub-point that starts like a new question '
            '("In answer to a question…")') in lines
    assert any(line.startswith('4 a)  warning  acronym "CYPE"') for line in lines)
    assert any(line.startswith('11 a)  warning  acronym "EHCP"') for line in lines)
    assert any(line.startswith('2  warning  acronym "DfE"') for line in lines)
    assert all("  " in line for line in lines)

    fixed = run_cli(cli_env, "--db", db_path, "check", "1", "--fix")
    assert (fixed.returncode, fixed.stderr) == (0, ""), fixed.stdout
    fixed_lines = fixed.stdout.splitlines()
    assert "10 c)  fixed  Make it a main paragraph" in fixed_lines
    assert fixed_lines[-1] == "No findings."
    assert len(fixed_lines) == len(lines) + 1

    again = run_cli(cli_env, "--db", db_path, "check", "1")
    assert (again.returncode, again.stdout) == (0, "No findings.\n")


def test_dismissed_findings_do_not_count_but_show_with_all(
    cli_env: dict[str, str], tmp_path: Path
) -> None:
    import datetime as dt

    from clerkdesk.services.committees import create_committee
    from clerkdesk.services.meetings import create_meeting
    from clerkdesk.services.minutes import load_minutes
    from clerkdesk.services.paragraphs import add_paragraph
    from clerkdesk.services.review import check_meeting, dismiss
    from clerkdesk.storage.database import open_database

    db_path = tmp_path / "minutes.sqlite"
    db = open_database(db_path)
    meeting_id = create_meeting(db, create_committee(db, "Cabinet"), dt.date(2024, 1, 9),
                                agenda=["Budget", "Housing"])
    item = load_minutes(db, meeting_id).items[1]
    add_paragraph(db, item.id, "The budget  was noted.")
    [finding] = check_meeting(db, meeting_id)
    dismiss(db, finding)
    db.close()

    quiet = run_cli(cli_env, "--db", db_path, "check", str(meeting_id))
    assert (quiet.returncode, quiet.stdout) == (0, "No findings.\n")
    shown = run_cli(cli_env, "--db", db_path, "check", str(meeting_id), "--all")
    assert shown.returncode == 0
    assert shown.stdout == "item 2, 1  warning  doubled spaces (1 place)  (dismissed)\n"


def test_user_errors_exit_2(cli_env: dict[str, str], tmp_path: Path) -> None:
    missing = run_cli(cli_env, "--db", tmp_path / "none.sqlite", "check", "1")
    assert missing.returncode == 2 and missing.stdout == ""
    assert missing.stderr.startswith("clerkdesk: error: No ClerkDesk database")

    from clerkdesk.services.committees import create_committee
    from clerkdesk.storage.database import open_database

    db_path = tmp_path / "minutes.sqlite"
    db = open_database(db_path)
    create_committee(db, "Cabinet")
    db.close()
    unknown = run_cli(cli_env, "--db", db_path, "check", "4")
    assert unknown.returncode == 2
    assert unknown.stderr.strip() == "clerkdesk: error: There is no meeting with id 4."
    bad = run_cli(cli_env, "--db", db_path, "check", "four")
    assert bad.returncode == 2 and "is not a meeting id" in bad.stderr
