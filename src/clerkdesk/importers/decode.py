"""Read a text file for import: UTF-8 (with or without BOM), UTF-16 (with or without BOM, as
Word's "Save as Unicode text" writes it), else plausible Windows-1252; refuse files too large to
be minutes before reading them."""

import codecs
import unicodedata
from pathlib import Path

from clerkdesk.errors import ImportFailed

_ALLOWED_CONTROLS = "\t\n\r\f\v"
_MIN_PLAIN_SHARE = 0.9
LARGEST_TEXT_FILE = 10 * 1024 * 1024  # real minutes are well under 1 MB
_UTF16_NUL_SHARE = 0.3  # Latin text in UTF-16: every other byte is NUL


def read_text_file(path: Path) -> str:
    """The file's text, or ImportFailed saying in one line why it cannot be read."""
    if not path.exists():
        raise ImportFailed(f"There is no file at {path}.")
    if path.is_dir():
        raise ImportFailed(f"{path} is a folder, not a text file.")
    try:
        if path.stat().st_size > LARGEST_TEXT_FILE:
            raise ImportFailed(
                f"{path.name} is too large to be minutes (over {LARGEST_TEXT_FILE // 2**20} MB "
                "of text): check that it is the right file, or split it into meetings.")
        data = path.read_bytes()
    except OSError as error:
        raise ImportFailed(f"Could not read {path}: {error.strerror or error}.") from error
    return decode_bytes(data, path.name)


def decode_bytes(data: bytes, name: str) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # Notepad's "Unicode"
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    if (text := _utf16_without_bom(data)) is not None:
        return text
    if b"\x00" in data:
        raise ImportFailed(f"{name} is a binary file, not plain-text minutes.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = ""
    if text and looks_like_text(text):
        return text
    raise ImportFailed(f"{name} is not a UTF-8 text file (save it as UTF-8 text and try again).")


def _utf16_without_bom(data: bytes) -> str | None:
    """The text of BOM-less UTF-16 (NULs in the high bytes of Latin letters), else None."""
    if len(data) < 2 or len(data) % 2:
        return None
    for encoding, high_bytes in (("utf-16-le", data[1::2]), ("utf-16-be", data[0::2])):
        if high_bytes.count(0) < _UTF16_NUL_SHARE * len(high_bytes):
            continue
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if looks_like_text(text):
            return text
    return None


def looks_like_text(text: str) -> bool:
    """No stray control characters and mostly letters, digits, spaces and punctuation."""
    plain = 0
    for ch in text:
        category = unicodedata.category(ch)
        if category == "Cc" and ch not in _ALLOWED_CONTROLS:
            return False
        if category[0] in "LNPZ" or ch in _ALLOWED_CONTROLS:
            plain += 1
    return plain >= _MIN_PLAIN_SHARE * len(text)
