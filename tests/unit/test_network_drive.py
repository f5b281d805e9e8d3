"""A database on a network share is recognised (SQLite's locking is unsafe there)."""

from pathlib import Path

from clerkdesk.storage import network_drive
from clerkdesk.storage.network_drive import _linux_filesystem, network_warning


def test_the_longest_mount_point_decides(tmp_path):
    share = tmp_path / "shared"
    (share / "minutes").mkdir(parents=True)
    mounts = tmp_path / "mounts"
    mounts.write_text(f"sysfs /sys sysfs rw 0 0\n/dev/sda1 / ext4 rw 0 0\n"
                      f"//fileserver/democratic {share} cifs rw 0 0\n")
    assert _linux_filesystem(Path("/"), mounts) == "ext4"
    assert _linux_filesystem(tmp_path, mounts) == "ext4"
    # The file need not exist yet: its nearest existing folder decides.
    assert _linux_filesystem(share / "minutes" / "new" / "clerkdesk.sqlite", mounts) == "cifs"


def test_a_local_temporary_folder_is_not_a_network_drive(tmp_path):
    assert network_warning(tmp_path / "clerkdesk.sqlite") is None


def test_a_share_gets_one_sentence_naming_team_mode(monkeypatch, tmp_path):
    monkeypatch.setattr(network_drive, "is_on_network_drive", lambda path: True)
    message = network_warning(tmp_path / "clerkdesk.sqlite")
    assert message is not None and "network drive" in message and "team mode" in message
    assert message.count(". ") <= 1


def test_mount_points_with_spaces_are_read(tmp_path, monkeypatch):
    mounts = tmp_path / "mounts"
    share = tmp_path / "nfs home"
    share.mkdir()
    escaped = str(share).replace(" ", "\\040")
    mounts.write_text(f"/dev/sda1 / ext4 rw 0 0\nserver:/x {escaped} nfs4 rw 0 0\n")
    assert _linux_filesystem(share / "clerkdesk.sqlite", mounts) == "nfs4"
