"""Tell the kinds of minutes file ClerkDesk reads apart - Word (.docx) or plain text - by their
content (not only the name), with a clear one-line message for anything else."""

from __future__ import annotations

import zipfile
import zlib
from enum import Enum
from pathlib import Path

from clerkdesk.errors import ImportFailed
from clerkdesk.importers.docx_reader import WordContent, read_docx
from clerkdesk.zip_limits import oversized

WORD_SUFFIXES = {".docx", ".docm", ".dotx", ".dotm"}
_ZIP = (b"PK\x03\x04", b"PK\x05\x06")
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old Office files, and password-protected new ones
_ENCRYPTED_STREAM = "EncryptionInfo".encode("utf-16-le")
_WORD_STREAM = "WordDocument".encode("utf-16-le")
_SNIFF_BYTES = 8


class FileKind(Enum):
    TEXT = "text"
    WORD = "word"


def file_kind(path: Path) -> FileKind:
    """WORD or TEXT from the file's first bytes; ImportFailed for files neither can read."""
    name = path.name
    if not path.exists():
        raise ImportFailed(f"There is no file at {path}.")
    if path.is_dir():
        raise ImportFailed(f"{path} is a folder, not a file.")
    try:
        with path.open("rb") as stream:
            head = stream.read(_SNIFF_BYTES)
    except OSError as error:
        raise ImportFailed(f"Could not read {path}: {error.strerror or error}.") from error
    word_name = path.suffix.lower() in WORD_SUFFIXES
    if not head:
        raise ImportFailed(f"{name} is empty.")
    if head.startswith(_ZIP):
        return FileKind.WORD
    if head.startswith(_OLE):
        raise ImportFailed(_old_office_message(path))
    if head.startswith(b"{\\rtf"):
        raise ImportFailed(f"{name} is a Rich Text (RTF) file: open it in Word and save it as "
                           "a Word document (.docx), then import that.")
    if head.startswith(b"%PDF"):
        raise ImportFailed(f"{name} is a PDF: copy its text into a .txt file, or open it in "
                           "Word and save it as .docx, then import that.")
    if word_name:
        raise ImportFailed(f"{name} is not a valid Word document (it may be damaged, or not "
                           "really a .docx): open it in Word and save it again.")
    return FileKind.TEXT


def _old_office_message(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as error:
        return f"Could not read {path}: {error.strerror or error}."
    if _ENCRYPTED_STREAM in data:
        return (f"{path.name} is password-protected: open it in Word, remove the password "
                "(File > Info > Protect Document) and save it, then import it again.")
    if _WORD_STREAM in data or path.suffix.lower() == ".doc":
        return (f"{path.name} is an old Word 97-2003 document (.doc): open it in Word and save "
                "it as a Word document (.docx), then import that.")
    return (f"{path.name} is an old-format Office file, not Word minutes: save it as .docx or "
            "plain text, then import that.")


def read_word_file(path: Path) -> WordContent:
    """The Word document's lines; ImportFailed for a damaged, encrypted or foreign archive."""
    check_word_archive(path)
    from docx.opc.exceptions import OpcError
    from lxml.etree import XMLSyntaxError

    try:
        return read_docx(path)
    except (OpcError, zipfile.BadZipFile, zlib.error, KeyError, ValueError, XMLSyntaxError,
            EOFError, OSError, NotImplementedError) as error:
        raise ImportFailed(f"{path.name} could not be read as a Word document ({_reason(error)})"
                           ": open it in Word and save it again.") from error


def check_word_archive(path: Path) -> None:
    """Refuse, in one line, a zip that is damaged, encrypted or not a Word document."""
    name = path.name
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            names = {info.filename for info in infos}
            if any(info.flag_bits & 0x1 for info in infos):
                raise ImportFailed(f"{name} is password-protected: remove the password in "
                                   "Word and save it, then import it again.")
            if "word/document.xml" not in names:
                raise ImportFailed(_not_word_message(name, names, archive))
            if too_large := oversized(archive, name):
                raise ImportFailed(too_large)
            damaged = archive.testzip()
    except zipfile.BadZipFile as error:
        raise ImportFailed(f"{name} is damaged and cannot be opened ({_reason(error)}): open "
                           "it in Word and save it again.") from error
    except (zlib.error, OSError, EOFError, NotImplementedError) as error:
        raise ImportFailed(f"{name} could not be read ({_reason(error)}).") from error
    if damaged is not None:
        raise ImportFailed(f"{name} is damaged ({damaged} is corrupt): open it in Word and "
                           "save it again.")


def _not_word_message(name: str, names: set[str], archive: zipfile.ZipFile) -> str:
    if "mimetype" in names:
        mimetype = archive.read("mimetype").decode("ascii", "replace")
        if "opendocument" in mimetype:
            return (f"{name} is an OpenDocument file: save it as a Word document (.docx) or "
                    "plain text, then import that.")
    if any(n.startswith(("xl/", "ppt/")) for n in names):
        return f"{name} is a spreadsheet or presentation, not a Word document."
    return f"{name} is a zip archive, not a Word document."


def _reason(error: BaseException) -> str:
    text = " ".join(str(error).split())
    return text[:120] if text else type(error).__name__
