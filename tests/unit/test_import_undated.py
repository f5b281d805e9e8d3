"""Minutes with no date in the text are not silently dated today: `clerkdesk import` refuses
without --date, in one line, importing nothing and leaving the file as it was."""

import hashlib
import sqlite3
import subprocess
from pathlib import Path

from support import cli

UNDATED = """Westmere County Council
Licensing Panel

Present: Mrs Okafor (Chair), Mr Doyle

1. Premises review

Minutes:

1) The Panel considered the application.
RESOLVED - The licence be granted.
"""


def run_cli(tmp_path: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    return cli.run_cli({"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}, *args)


def test_undated_minutes_are_refused_without_date_and_imported_with_it(tmp_path: Path) -> None:
    source = tmp_path / "panel.txt"
    source.write_text(UNDATED, encoding="utf-8")
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    db_path = tmp_path / "minutes.sqlite"

    refused = run_cli(tmp_path, "--db", db_path, "import", source)

    assert refused.returncode == 2
    assert refused.stderr == ("clerkdesk: error: No meeting date was found in panel.txt: give "
                              "it with --date YYYY-MM-DD (nothing was imported).\n")
    assert hashlib.sha256(source.read_bytes()).hexdigest() == digest
    if db_path.exists():
        assert sqlite3.connect(db_path).execute("SELECT count(*) FROM meeting").fetchone() == (0,)

    dated = run_cli(tmp_path, "--db", db_path, "import", source, "--date", "2026-11-03")
    assert dated.returncode == 0, dated.stderr
    assert sqlite3.connect(db_path).execute("SELECT date FROM meeting").fetchall() == [
        ("2026-11-03",)]


def test_dry_run_of_undated_minutes_says_the_date_is_needed_and_writes_nothing(
        tmp_path: Path) -> None:
    source = tmp_path / "panel.txt"
    source.write_text(UNDATED, encoding="utf-8")
    db_path = tmp_path / "minutes.sqlite"

    preview = run_cli(tmp_path, "--db", db_path, "import", source, "--dry-run")

    assert preview.returncode == 0, preview.stderr
    assert ("Date: not found in the text (the window asks for it; clerkdesk import needs --date)"
            in preview.stdout.splitlines())
    assert not db_path.exists()
    dated = run_cli(tmp_path, "--db", db_path, "import", source, "--dry-run", "--date",
                    "2026-11-03")
    assert "Date: 3 November 2026" in dated.stdout.splitlines()
