"""The one-folder bundle from `make dist` runs without Python: version, import, export, window.

Skipped unless dist/ClerkDesk exists; `make test-bundle` builds it and runs these."""

from __future__ import annotations

import os
import subprocess
import zipfile
from pathlib import Path

import pytest

from clerkdesk import __version__

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "dist" / "ClerkDesk"
CLI = BUNDLE / "clerkdesk"
GUI = BUNDLE / "clerkdesk-gui"
FIXTURE = ROOT / "tests" / "fixtures" / "import" / "ashby-green-decimal-style.txt"
SIZE_LIMIT_MB = 400  # about 200 MB today; a jump means something unwanted was pulled in

pytestmark = pytest.mark.skipif(not CLI.exists(),
                                reason="no bundle: `make test-bundle` builds dist/ClerkDesk first")


def clean_env(tmp_path: Path) -> dict[str, str]:
    """No Python of ours may leak in: the bundle must carry everything it needs."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.update(QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), PATH="/usr/bin:/bin")
    return env


def bundle(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(CLI), *args], capture_output=True, text=True, timeout=120,
                          cwd=tmp_path, env=clean_env(tmp_path))


def test_the_bundle_reports_its_version(tmp_path):
    assert bundle(tmp_path, "--version").stdout.strip() == f"clerkdesk {__version__}"


def test_the_bundle_imports_lists_and_exports_word(tmp_path):
    db = str(tmp_path / "minutes.sqlite")
    imported = bundle(tmp_path, "--db", db, "import", str(FIXTURE), "--committee", "Finance",
                      "--date", "2024-09-05")
    assert imported.returncode == 0, imported.stderr
    listed = bundle(tmp_path, "--db", db, "meetings")
    assert listed.returncode == 0 and "Finance" in listed.stdout, listed.stderr
    exported = bundle(tmp_path, "--db", db, "export", "1", "-o", str(tmp_path / "m.docx"))
    assert exported.returncode == 0, exported.stderr
    with zipfile.ZipFile(tmp_path / "m.docx") as archive:
        assert "CD Item Heading" in archive.read("word/styles.xml").decode("utf-8")


def test_the_windowed_executable_paints_its_window(tmp_path):
    env = clean_env(tmp_path) | {"CLERKDESK_BENCH_PAINT": "1"}
    started = subprocess.Popen([str(GUI), "--db", str(tmp_path / "w.sqlite")], cwd=tmp_path,
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        first_line = started.stdout.readline() if started.stdout else ""
    finally:
        started.kill()
        started.wait(timeout=30)
    errors = started.stderr.read() if started.stderr else ""
    assert first_line.startswith("BENCH first-paint"), errors


def test_the_bundle_size_is_reported_and_bounded():
    size = sum(f.stat().st_size for f in BUNDLE.rglob("*") if f.is_file()) / 1e6
    print(f"bundle size: {size:.0f} MB")
    assert size < SIZE_LIMIT_MB


def test_the_bundle_checks_british_spelling_with_its_own_dictionary(tmp_path):
    minutes = tmp_path / "minutes.txt"
    minutes.write_text("Ashby Green Parish Council\nMinutes of the meeting held on 5 February "
                       "2026\n\n1. Accounts\n1) The Clerk said the Febuary accounts were ready.\n",
                       encoding="utf-8")
    db = str(tmp_path / "minutes.sqlite")
    imported = bundle(tmp_path, "--db", db, "import", str(minutes), "--committee", "Finance",
                      "--date", "2026-02-05")
    assert imported.returncode == 0, imported.stderr
    checked = bundle(tmp_path, "--db", db, "check", "1")
    assert checked.returncode == 1, checked.stderr  # findings
    assert "spelling: Febuary → February" in checked.stdout
