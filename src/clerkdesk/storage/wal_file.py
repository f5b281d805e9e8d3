"""Read an SQLite write-ahead log (`NAME-wal`) without SQLite, to say what opening would replay."""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

WAL_MAGIC = (0x377F0682, 0x377F0683)  # checksums little-endian / big-endian
HEADER_SIZE = 32
FRAME_HEADER_SIZE = 24


@dataclass(frozen=True)
class WalFacts:
    """What a -wal holds: whether it is a log at all, and its committed and unfinished frames."""

    valid: bool
    committed_pages: dict[int, bytes]  # page number -> its last committed content
    unfinished: bool  # frames (or a torn frame) after the last commit: a crash mid-transaction


def _checksum(data: bytes, big_endian: bool, s0: int, s1: int) -> tuple[int, int]:
    words = struct.iter_unpack(">II" if big_endian else "<II", data)
    for x0, x1 in words:
        s0 = (s0 + x0 + s1) & 0xFFFFFFFF
        s1 = (s1 + x1 + s0) & 0xFFFFFFFF
    return s0, s1


def read_wal(path: Path) -> WalFacts:
    """Parse the log as SQLite's recovery does: frames count while salts and checksums hold."""
    data = path.read_bytes()
    if len(data) < HEADER_SIZE:
        return WalFacts(valid=False, committed_pages={}, unfinished=False)
    magic, _version, page_size, _seq, salt1, salt2, c0, c1 = struct.unpack(">8I", data[:32])
    big_endian = magic == WAL_MAGIC[1]
    sums = _checksum(data[:24], big_endian, 0, 0) if magic in WAL_MAGIC else None
    if sums != (c0, c1) or not 512 <= page_size <= 65536:
        return WalFacts(valid=False, committed_pages={}, unfinished=False)
    return _frames(data, page_size, big_endian, (salt1, salt2), sums)


def _frames(
    data: bytes, page_size: int, big_endian: bool, salts: tuple[int, int], sums: tuple[int, int]
) -> WalFacts:
    committed: dict[int, bytes] = {}
    pending: dict[int, bytes] = {}
    offset, frame_size = HEADER_SIZE, FRAME_HEADER_SIZE + page_size
    ended_by_a_bad_frame = False
    while offset + frame_size <= len(data):
        page, commit_size, salt1, salt2, c0, c1 = struct.unpack(
            ">6I", data[offset:offset + FRAME_HEADER_SIZE])
        content = data[offset + FRAME_HEADER_SIZE:offset + frame_size]
        sums = _checksum(data[offset:offset + 8] + content, big_endian, *sums)
        if (salt1, salt2) != salts or sums != (c0, c1):
            ended_by_a_bad_frame = True
            break  # the end of this log's frames (older frames of a reused log follow)
        pending[page] = content
        if commit_size:
            committed.update(pending)
            pending.clear()
        offset += frame_size
    torn = not ended_by_a_bad_frame and offset < len(data)
    return WalFacts(valid=True, committed_pages=committed, unfinished=bool(pending) or torn)


def already_in_database(facts: WalFacts, database: Path, page_size: int) -> bool:
    """True when every committed page of the log equals the database's own (checkpointed)."""
    with database.open("rb") as handle:
        for page, content in facts.committed_pages.items():
            handle.seek((page - 1) * page_size)
            if handle.read(page_size) != content:
                return False
    return True
