"""Never a broken file: each failure is a clear ExportFailed, the old file keeps its bytes and
no temporary file is left behind."""

import errno
import os
import stat
from pathlib import Path

import docx
import pytest

from clerkdesk.errors import ExportFailed
from clerkdesk.export import docx_writer, safe_write
from clerkdesk.export.safe_write import lock_holder, write_atomically
from clerkdesk.services.demo import load_demo
from clerkdesk.services.export import EXPORT_FORMATS, docx_target, export_meeting, export_target

OLD_BYTES = b"the minutes published last week"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "exports"
    path.mkdir()
    return path


@pytest.fixture
def existing(folder: Path) -> Path:
    target = folder / "minutes.docx"
    target.write_bytes(OLD_BYTES)
    return target


@pytest.fixture
def demo(db) -> int:
    return load_demo(db)


def entries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def assert_untouched(target: Path) -> None:
    assert target.read_bytes() == OLD_BYTES
    assert entries(target.parent) == [target.name], "a temporary file was left behind"


def one_line(error: pytest.ExceptionInfo) -> str:
    message = str(error.value)
    assert "\n" not in message and message.strip() == message
    return message


def writes(data: bytes):
    return lambda stream: stream.write(data)


# --- the atomic writer ----------------------------------------------------------------------

def test_a_complete_write_replaces_the_file_and_keeps_its_permissions(existing):
    existing.chmod(0o640)
    assert write_atomically(existing, writes(b"new minutes")) == existing
    assert existing.read_bytes() == b"new minutes"
    assert stat.S_IMODE(existing.stat().st_mode) == 0o640
    assert entries(existing.parent) == ["minutes.docx"]


def test_a_new_file_gets_ordinary_permissions_not_the_temp_files(folder):
    old_mask = os.umask(0o022)
    try:
        target = write_atomically(folder / "new.docx", writes(b"x"))
    finally:
        os.umask(old_mask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_disk_full_while_writing_keeps_the_old_file(existing):
    def fills_the_disk(stream) -> None:
        stream.write(b"PK half a zip")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(ExportFailed) as failure:
        write_atomically(existing, fills_the_disk)
    message = one_line(failure)
    assert "not enough space on the disk" in message and str(existing) in message
    assert "existing file was left as it was" in message
    assert_untouched(existing)


def test_a_file_that_cannot_be_replaced_keeps_its_bytes(existing, monkeypatch):
    def refuse(*_args) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")  # Windows: open in Word

    monkeypatch.setattr(safe_write.os, "replace", refuse)
    with pytest.raises(ExportFailed) as failure:
        write_atomically(existing, writes(b"new"))
    message = one_line(failure)
    assert "open in another program or read-only" in message and "Close it" in message
    assert_untouched(existing)


def test_a_read_only_target_is_refused_before_writing(existing, monkeypatch):
    existing.chmod(0o444)
    if os.access(existing, os.W_OK):  # running as root: chmod does not stop us, so pretend
        real_access = os.access
        monkeypatch.setattr(safe_write.os, "access", lambda path, mode: False
                            if Path(path) == existing and mode == os.W_OK
                            else real_access(path, mode))
    with pytest.raises(ExportFailed) as failure:
        write_atomically(existing, writes(b"new"))
    assert "is read-only" in one_line(failure)
    assert_untouched(existing)


def test_a_folder_without_write_permission_is_a_clear_error(existing, monkeypatch):
    real_open = os.open

    def no_create(path, flags, *args):
        if flags & os.O_CREAT:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(safe_write.os, "open", no_create)
    with pytest.raises(ExportFailed) as failure:
        write_atomically(existing, writes(b"new"))
    assert f"permission to save in {existing.parent}" in one_line(failure)
    assert_untouched(existing)


def test_a_missing_folder_is_a_clear_error(tmp_path):
    target = tmp_path / "no such folder" / "minutes.docx"
    with pytest.raises(ExportFailed) as failure:
        write_atomically(target, writes(b"x"))
    assert one_line(failure) == (f"The folder {target.parent} does not exist: "
                                 "choose another folder.")
    assert not target.parent.exists()


def test_a_folder_as_target_is_refused(folder):
    (folder / "minutes.docx").mkdir()
    with pytest.raises(ExportFailed, match="is a folder"):
        write_atomically(folder / "minutes.docx", writes(b"x"))


@pytest.mark.parametrize("lock_name, program", [
    ("~$nutes.docx", "Word"),  # Word drops the first two letters of a long name
    ("~$a.docx", "Word"),
    (".~lock.minutes.docx#", "LibreOffice"),
])
def test_a_file_open_in_word_or_libreoffice_is_left_alone(folder, lock_name, program,
                                                          monkeypatch):
    from clerkdesk.export import lock_files

    monkeypatch.setattr(lock_files, "any_process_named", lambda _names: True)  # LibreOffice runs
    name = "a.docx" if lock_name == "~$a.docx" else "minutes.docx"
    target = folder / name
    target.write_bytes(OLD_BYTES)
    (folder / lock_name).write_bytes(b"owner")
    assert lock_holder(target) == program
    with pytest.raises(ExportFailed) as failure:
        write_atomically(target, writes(b"new"))
    message = one_line(failure)
    assert f"{name} is open in {program}" in message and ": close it there" in message
    assert target.read_bytes() == OLD_BYTES
    assert entries(folder) == sorted([name, lock_name])


def test_a_bug_in_the_writer_propagates_and_leaves_no_temp_file(existing):
    def broken(stream) -> None:
        stream.write(b"partial")
        raise ValueError("a bug, not a user error")

    with pytest.raises(ValueError, match="a bug"):
        write_atomically(existing, broken)
    assert_untouched(existing)


# --- through export_meeting -----------------------------------------------------------------

def test_export_over_an_existing_file_writes_a_complete_document(db, demo, existing):
    export_meeting(db, demo, existing)
    assert len(docx.Document(str(existing)).paragraphs) > 30
    assert entries(existing.parent) == ["minutes.docx"]


def test_export_with_a_full_disk_keeps_the_old_file(db, demo, existing, monkeypatch):
    def full_disk(document, stream) -> None:
        stream.write(b"PK\x03\x04 part of a zip")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(docx_writer, "save_document", full_disk)
    with pytest.raises(ExportFailed, match="not enough space on the disk"):
        export_meeting(db, demo, existing)
    assert_untouched(existing)


def test_export_to_a_missing_folder_fails_cleanly(db, demo, tmp_path):
    with pytest.raises(ExportFailed, match="does not exist"):
        export_meeting(db, demo, tmp_path / "nowhere" / "minutes.docx")
    assert not (tmp_path / "nowhere").exists()
    assert not [name for name in entries(tmp_path) if name.endswith(".tmp")]


def test_docx_is_added_when_no_suffix_is_given_and_other_suffixes_are_refused(folder):
    assert docx_target(folder / "minutes") == folder / "minutes.docx"
    assert docx_target(folder / "Minutes.DOCX") == folder / "Minutes.DOCX"
    with pytest.raises(ExportFailed, match=r"minutes\.pdf does not end in \.docx"):
        docx_target(folder / "minutes.pdf")


def test_export_targets_are_word_pdf_or_a_web_page(folder):
    assert export_target(folder / "minutes") == folder / "minutes.docx"
    assert export_target(folder / "minutes.PDF") == folder / "minutes.PDF"
    assert export_target(folder / "minutes.htm") == folder / "minutes.htm"
    assert set(EXPORT_FORMATS) == {".docx", ".pdf", ".html", ".htm"}
    with pytest.raises(ExportFailed, match=r"^minutes\.odt does not end in \.docx, \.pdf, "
                       r"\.html or \.htm: ClerkDesk writes"):
        export_target(folder / "minutes.odt")
