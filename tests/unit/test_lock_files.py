"""Lock files beside an export target: who holds the file, whether that program still runs,
and that a lock for another (or a not yet existing) file never blocks an export."""

import socket
from pathlib import Path

import pytest

from clerkdesk.errors import ExportFailed
from clerkdesk.export import lock_files
from clerkdesk.export.lock_files import find_lock, word_owner_names
from clerkdesk.export.safe_write import TargetLocked, write_atomically

HERE = socket.gethostname()


def libreoffice_lock(folder: Path, name: str, host: str = HERE) -> Path:
    lock = folder / f".~lock.{name}#"
    lock.write_text(f"Rory Love,rory,{host},05.12.2026 14:03,file:///home/rory/.config/lo;")
    return lock


def word_lock(folder: Path, owner_file: str, owner: str = "Rory Love") -> Path:
    lock = folder / owner_file
    lock.write_bytes(bytes([len(owner)]) + owner.encode("cp1252") + b"\0" * 40)
    return lock


def test_libreoffice_lock_names_the_holder_and_knows_it_is_left_over(tmp_path):
    target = tmp_path / "minutes.docx"
    target.write_bytes(b"old")
    libreoffice_lock(tmp_path, "minutes.docx")

    lock = find_lock(target, processes=lambda _names: False)

    assert (lock.program, lock.owner, lock.host, lock.running) == (
        "LibreOffice", "Rory Love", HERE, False)
    assert lock.holder == f"LibreOffice (Rory Love on {HERE})" and lock.may_go_on
    assert find_lock(target, processes=lambda _names: True).may_go_on is False


def test_a_lock_from_another_computer_or_word_cannot_be_checked(tmp_path):
    target = tmp_path / "agenda-and-minutes.docx"
    target.write_bytes(b"old")
    libreoffice_lock(tmp_path, target.name, host="council-pc-17")
    assert find_lock(target, processes=lambda _names: False).running is None
    (tmp_path / f".~lock.{target.name}#").unlink()
    word_lock(tmp_path, "~$enda-and-minutes.docx")
    lock = find_lock(target)
    assert (lock.program, lock.owner, lock.running) == ("Word", "Rory Love", None)


def test_word_owner_file_names():
    assert word_owner_names("a.docx") == {"~$a.docx"}
    assert word_owner_names("minutes.docx") == {"~$inutes.docx", "~$nutes.docx"}
    assert word_owner_names("Document1.docx") == {"~$cument1.docx"}


def test_a_lock_never_blocks_a_new_target(tmp_path):
    libreoffice_lock(tmp_path, "minutes.docx")
    word_lock(tmp_path, "~$nutes.docx")
    assert write_atomically(tmp_path / "minutes.docx", lambda s: s.write(b"new")).read_bytes() \
        == b"new"


def test_a_lock_for_another_file_does_not_block(tmp_path):
    target = tmp_path / "public.docx"
    target.write_bytes(b"old")
    libreoffice_lock(tmp_path, "members.docx")
    write_atomically(target, lambda s: s.write(b"new"))
    assert target.read_bytes() == b"new"


def test_going_on_over_a_left_over_lock_only_when_asked(tmp_path, monkeypatch):
    target = tmp_path / "minutes.docx"
    target.write_bytes(b"old")
    lock = libreoffice_lock(tmp_path, "minutes.docx")
    monkeypatch.setattr(lock_files, "any_process_named", lambda _names: False)

    with pytest.raises(TargetLocked) as refused:
        write_atomically(target, lambda s: s.write(b"new"))
    assert str(refused.value) == (
        f"minutes.docx has a lock file from LibreOffice (Rory Love on {HERE}), but LibreOffice "
        "is not running: the lock was left by a crash. To write the file anyway, export again "
        "and choose to go on (clerkdesk export --ignore-lock).")
    assert target.read_bytes() == b"old"

    write_atomically(target, lambda s: s.write(b"new"), ignore_lock=True)
    assert target.read_bytes() == b"new" and lock.exists()


def test_a_running_holder_is_never_overridden(tmp_path, monkeypatch):
    target = tmp_path / "minutes.docx"
    target.write_bytes(b"old")
    libreoffice_lock(tmp_path, "minutes.docx")
    monkeypatch.setattr(lock_files, "any_process_named", lambda _names: True)
    with pytest.raises(ExportFailed, match="is open in LibreOffice .*: close it there"):
        write_atomically(target, lambda s: s.write(b"new"), ignore_lock=True)
    assert target.read_bytes() == b"old"
