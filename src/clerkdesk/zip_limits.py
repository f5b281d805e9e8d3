"""Limits on what a Word file (an import or a house template) may unpack to, checked on the
sizes its zip declares before any part is parsed, so a zip bomb is refused in one sentence.

Python's zipfile stops a part at its declared size (and fails its checksum), so a zip that
understates a size cannot unpack more than it declares."""

import zipfile

LARGEST_PART = 50 * 1024 * 1024  # Word's own parts are kilobytes; a photo-heavy one a few MB
LARGEST_TOTAL = 200 * 1024 * 1024
LARGEST_RATIO = 500  # Word XML packs 5-30 to 1, 20,000 identical paragraphs 270; a bomb ~1000
_RATIO_FROM = 1024 * 1024  # small parts may pack densely without harm


def oversized(archive: zipfile.ZipFile, name: str) -> str | None:
    """Why the archive `name` is refused as too large once unpacked, or None."""
    infos = archive.infolist()
    for info in infos:
        if info.file_size > LARGEST_PART:
            return (f"{name} is refused: its part {info.filename} would unpack to "
                    f"{_megabytes(info.file_size)} MB, over the {_megabytes(LARGEST_PART)} MB "
                    "limit for one part of a Word document.")
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > _RATIO_FROM and ratio > LARGEST_RATIO:
            return (f"{name} is refused: its part {info.filename} is packed {ratio:,.0f} to 1, "
                    "more than a Word document ever is.")
    total = sum(info.file_size for info in infos)
    if total > LARGEST_TOTAL:
        return (f"{name} is refused: it would unpack to {_megabytes(total)} MB, over the "
                f"{_megabytes(LARGEST_TOTAL)} MB limit for a Word document.")
    return None


def _megabytes(size: int) -> int:
    return round(size / 2**20)
