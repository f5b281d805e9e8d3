"""A real PostgreSQL server for the team-mode benchmarks, in a temporary folder that also holds
the benchmark's settings (never the user's), removed afterwards."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QSettings
from support.pg_server import TestServer


@contextmanager
def team_server(prefix: str) -> Iterator[tuple[Path, TestServer]]:
    """(a scratch folder, a started server); the server is stopped and the folder removed."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    (folder / "postgres").mkdir()
    server = TestServer(folder / "postgres")
    server.start()
    try:
        yield folder, server
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)
