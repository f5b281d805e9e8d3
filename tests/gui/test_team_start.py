"""Starting ClerkDesk on the team database used last time, with its server up or down."""

import hashlib

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from support.editor_harness import build_database
from support.modal import drive_modal
from support.pg_server import PASSWORD, SUPERUSER

pytestmark = pytest.mark.postgresql


@pytest.fixture
def pgpass(pg_server, tmp_path, monkeypatch):
    """The password in a pgpass file, as IT would install it (ClerkDesk never stores it)."""
    path = tmp_path / "pgpass"
    path.write_text(f"127.0.0.1:{pg_server.port}:*:{SUPERUSER}:{PASSWORD}\n")
    path.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(path))
    return path


def _bare(url: str) -> str:
    from sqlalchemy import make_url

    given = make_url(url)
    return f"postgresql://{given.username}@{given.host}:{given.port}/{given.database}"


def test_the_team_database_is_remembered_without_its_password(open_window, pg_url, pgpass,
                                                              tmp_path):
    from clerkdesk.ui.settings import LAST_DATABASE, Settings

    build_database(pg_url, [[("Mr Love introduced the report.", 0)]])
    first = open_window(pg_url)
    assert first.database.current.path is None
    stored = Settings().get(LAST_DATABASE)
    assert stored == _bare(pg_url) and PASSWORD not in stored
    first.close()
    again = open_window(tmp_path / "data" / "clerkdesk.sqlite", is_default=True)
    assert again.database.current.label == _bare(pg_url)
    assert not (tmp_path / "data" / "clerkdesk.sqlite").exists()


def test_server_down_at_start_says_so_keeps_the_journal_and_offers_a_file(
        open_window, pg_url, pgpass, pg_server, tmp_path):
    from clerkdesk.storage.journal import Journal, journal_path
    from clerkdesk.ui.settings import LAST_DATABASE, Settings

    Settings().set(LAST_DATABASE, _bare(pg_url))
    journal = Journal(journal_path(pg_url))
    journal.append("text", {"paragraph": 1, "text": "Kept from a meeting closed offline."})
    journal.close()
    before = hashlib.sha256(journal_path(pg_url).read_bytes()).hexdigest()
    seen: list[str] = []

    def go_on(dialog) -> None:
        seen.append(dialog.text())
        QTest.keyClick(dialog, Qt.Key.Key_Escape)  # "Use this computer's database"

    pg_server.stop()
    try:
        outcome = drive_modal("teamUnreachable", go_on)
        window = open_window(tmp_path / "data" / "clerkdesk.sqlite", is_default=True)
    finally:
        pg_server.start()
    assert outcome == ["done"]
    [text] = seen
    assert text.startswith(f"{_bare(pg_url)} (the team database used last time): The database "
                           "server did not answer")
    assert "The 1 change you made offline is kept on this computer" in text
    assert window.database.current.path == tmp_path / "data" / "clerkdesk.sqlite"
    assert hashlib.sha256(journal_path(pg_url).read_bytes()).hexdigest() == before
    assert Journal(journal_path(pg_url)).pending_count() == 1
