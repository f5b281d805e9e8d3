"""The built wheel works on its own: installed (not editable) into a fresh venv, it imports
minutes, exports Word with the shipped template and loads the first-run demo meeting."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

from clerkdesk import __version__

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "import" / "ashby-green-decimal-style.txt"
SHIPPED = ("clerkdesk/data/minutes-template.docx", "clerkdesk/data/demo-meeting.json",
           "clerkdesk/data/clerkdesk.svg", "clerkdesk/data/org.clerkdesk.ClerkDesk.desktop",
           "clerkdesk/data/org.clerkdesk.ClerkDesk.metainfo.xml")

FIRST_RUN = """
import sys
from clerkdesk.ui.app import create_application
from clerkdesk.ui.database_controller import DatabaseController
app = create_application()
controller = DatabaseController()
sys.exit(0 if controller.open_at_startup(sys.argv[1], True) else 3)
"""


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(out),
                    str(ROOT)], check=True, capture_output=True, timeout=300)
    (built,) = out.glob("clerkdesk-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv holding the wheel; its dependencies come from the test venv, read-only."""
    home = tmp_path_factory.mktemp("fresh")
    venv.EnvBuilder(with_pip=False).create(home)
    python = home / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet",
                    "--no-deps", str(wheel)], check=True, capture_output=True, timeout=300)
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig."
                                "get_paths()['purelib'])"], check=True, capture_output=True,
                               text=True).stdout.strip())
    # A path listed in a .pth file is not itself scanned for .pth files, so the checkout's
    # editable hook stays out: `clerkdesk` can only come from the wheel.
    (site / "zz_test_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return home


def run(home: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    env.update(QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(cwd / "data"),
               XDG_CONFIG_HOME=str(cwd / "config"))
    return subprocess.run([str(home / "bin" / args[0]), *args[1:]], capture_output=True,
                          text=True, timeout=120, cwd=cwd, env=env)


def test_the_wheel_ships_the_template_demo_icon_and_desktop_files(wheel):
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    assert set(SHIPPED) <= names


def test_the_installed_package_is_the_wheel_not_the_checkout(installed, tmp_path):
    result = run(installed, "python", "-c", "import clerkdesk; print(clerkdesk.__file__)",
                 cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert Path(result.stdout.strip()).is_relative_to(installed)


def test_version_comes_from_one_place(installed, tmp_path):
    result = run(installed, "clerkdesk", "--version", cwd=tmp_path)
    assert result.stdout.strip() == f"clerkdesk {__version__}"
    assert (installed / "bin" / "clerkdesk-gui").is_file()


def test_import_and_export_from_the_installed_wheel(installed, tmp_path):
    db = str(tmp_path / "minutes.sqlite")
    imported = run(installed, "clerkdesk", "--db", db, "import", str(FIXTURE), "--committee",
                   "Ashby Green Committee", "--date", "2024-03-05", cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    target = tmp_path / "minutes.docx"
    exported = run(installed, "clerkdesk", "--db", db, "export", "1", "-o", str(target),
                   cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr
    with zipfile.ZipFile(target) as archive:
        styles = archive.read("word/styles.xml").decode("utf-8")
    assert "CD Item Heading" in styles  # the shipped template's own style


def test_first_run_loads_the_demo_meeting_from_the_wheel(installed, tmp_path):
    db = tmp_path / "first-run" / "clerkdesk.sqlite"
    db.parent.mkdir()
    opened = run(installed, "python", "-c", FIRST_RUN, str(db), cwd=tmp_path)
    assert opened.returncode == 0, opened.stderr
    listed = run(installed, "clerkdesk", "--db", str(db), "meetings", cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    assert "Westmere" in listed.stdout or "Sub-Committee" in listed.stdout
