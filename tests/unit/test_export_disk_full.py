"""A disk that fills up during export: one line for the clerk, and no traceback afterwards
(python-docx's half-written zip used to complain when garbage-collected)."""

import errno
import gc
import io
import sys

import pytest

from clerkdesk.errors import ExportFailed
from clerkdesk.export import safe_write
from clerkdesk.services.demo import load_demo
from clerkdesk.services.export import export_meeting


class FillingDisk(io.BufferedWriter):
    """A file on a disk with room for `room` more bytes."""

    room = 4000

    def write(self, data) -> int:
        if len(data) > self.room:
            raise OSError(errno.ENOSPC, "No space left on device")
        self.room -= len(data)
        return super().write(data)


def test_a_disk_filling_up_mid_export_gives_one_line_and_no_traceback(db, tmp_path, monkeypatch):
    meeting = load_demo(db)
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "minutes.docx"
    target.write_bytes(b"last week's minutes")
    real_fdopen = safe_write.os.fdopen
    monkeypatch.setattr(safe_write.os, "fdopen", lambda fd, mode: FillingDisk(
        real_fdopen(fd, mode, buffering=0)))
    unraisable: list[object] = []
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)

    try:
        export_meeting(db, meeting, target)
    except ExportFailed as error:  # not kept: its traceback would keep the half-written zip
        message = str(error)
    else:
        pytest.fail("the full disk was not reported")
    gc.collect()

    assert message == (f"There is not enough space on the disk to write {target}. "
                                  "The existing file was left as it was.")
    assert unraisable == []
    assert target.read_bytes() == b"last week's minutes"
    assert [p.name for p in target.parent.iterdir()] == ["minutes.docx"]
