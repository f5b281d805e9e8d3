"""Shared fixtures: a fresh database per test and the seed minutes when present."""

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
# GUI tests run on one 1366×768 screen (the commonest council laptop) rather than offscreen's
# default 800×800, so windows are laid out as a clerk would see them.
LAPTOP_SCREEN = REPO / "tests" / "support" / "offscreen-1366x768.json"
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={LAPTOP_SCREEN}"
SEED = REPO.parent / "shared" / "seed" / "kent-send-subcommittee-minutes.txt"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "clerkdesk.sqlite"


@pytest.fixture
def db(db_path: Path):
    from clerkdesk.storage.database import open_database

    database = open_database(db_path)
    yield database
    database.close()


@pytest.fixture
def seed_path() -> Path:
    if not SEED.exists():
        pytest.skip(f"seed minutes not found at {SEED} (shared/ is not beside this clone)")
    return SEED


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Keep tests away from the real user data folder, settings and CLERKDESK_DB."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.delenv("CLERKDESK_DB", raising=False)
