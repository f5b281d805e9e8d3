"""`clerkdesk requests COMMITTEE`: the request log as lines a clerk can paste into an agenda."""

import re
from pathlib import Path

from support.cli import run_cli


def test_seed_import_gives_four_outstanding_requests(
    cli_env: dict[str, str], seed_path: Path, tmp_path: Path
) -> None:
    db_path = tmp_path / "minutes.sqlite"
    imported = run_cli(cli_env, "--db", db_path, "import", seed_path,
                       "--committee", "SEND Sub-Committee", "--date", "2023-07-11")
    assert imported.returncode == 0, imported.stderr

    listed = run_cli(cli_env, "--db", db_path, "requests", "SEND", "--status", "outstanding")

    assert (listed.returncode, listed.stderr) == (0, ""), listed.stderr
    lines = listed.stdout.splitlines()
    assert len(lines) == 4
    for line, letter in zip(lines, "abcd", strict=True):
        assert re.fullmatch(
            rf"2023-07-11  21 {letter}\)  CYPE Directorate  outstanding \(\d+ days\)  \S.+", line)
    assert lines[0].endswith("Provide the Sub-Committee with the approved version of the "
                             "Accelerated Progress Plan (APP) as soon as this is available.")
    assert "KCC’s SEND service provision." in lines[1]  # UTF-8 whatever the console encoding
    everything = run_cli(cli_env, "--db", db_path, "requests", "1")
    assert everything.stdout == listed.stdout
    provided = run_cli(cli_env, "--db", db_path, "requests", "sub-committee", "--status",
                       "provided")
    assert (provided.returncode, provided.stdout) == (0, "No provided requests or actions.\n")


def test_unknown_committee_is_one_line_exit_2(cli_env: dict[str, str], tmp_path: Path) -> None:
    db_path = tmp_path / "minutes.sqlite"
    from clerkdesk.services.committees import create_committee
    from clerkdesk.storage.database import open_database

    db = open_database(db_path)
    create_committee(db, "Planning Committee")
    db.close()
    result = run_cli(cli_env, "--db", db_path, "requests", "Licensing")
    assert result.returncode == 2
    assert result.stdout == ""
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("clerkdesk: error: No committee matches 'Licensing'")
    bad_status = run_cli(cli_env, "--db", db_path, "requests", "Planning", "--status", "late")
    assert bad_status.returncode == 2 and "--status" in bad_status.stderr
