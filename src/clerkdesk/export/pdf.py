"""A tagged PDF/UA made from the Word minutes by LibreOffice in headless mode.

Qt's own PDF writer makes untagged PDFs, which screen readers cannot navigate and the Public
Sector Bodies Accessibility Regulations do not accept, so without LibreOffice there is no PDF.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from clerkdesk.errors import ExportFailed

PDF_FILTER = 'pdf:writer_pdf_Export:{"PDFUACompliance":{"type":"boolean","value":"true"}}'
TIMEOUT_SECONDS = 120
KNOWN_PLACES = (
    "C:/Program Files/LibreOffice/program/soffice.exe",
    "C:/Program Files (x86)/LibreOffice/program/soffice.exe",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
)
NO_LIBREOFFICE = (
    "A PDF needs LibreOffice, which is not installed here: install it (Debian/Ubuntu: "
    "apt install libreoffice-writer; Windows and macOS: libreoffice.org) and export again, "
    "or export to Word (.docx) or a web page (.html)."
)
_MARKED = re.compile(rb"/MarkInfo\s*<<[^>]*/Marked\s+true")


class LibreOfficeMissing(ExportFailed):
    """No LibreOffice to make a tagged PDF with."""


def find_soffice() -> str | None:
    """LibreOffice's program on the PATH or in its usual installed place, if any."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return next((place for place in KNOWN_PLACES if Path(place).is_file()), None)


def is_tagged(pdf: bytes) -> bool:
    """Whether the PDF says it is tagged (a structure tree, and marked content)."""
    return b"/StructTreeRoot" in pdf and _MARKED.search(pdf) is not None


def docx_to_pdf(docx: bytes, *, soffice: str | None = None,
                timeout: float = TIMEOUT_SECONDS) -> bytes:
    """The tagged PDF of a Word document; ExportFailed (one line) if LibreOffice cannot make it."""
    program = soffice or find_soffice()
    if program is None:
        raise LibreOfficeMissing(NO_LIBREOFFICE)
    with tempfile.TemporaryDirectory(prefix="clerkdesk-pdf-") as folder:
        work = Path(folder)
        source = work / "minutes.docx"
        source.write_bytes(docx)
        _convert(program, source, work, timeout)
        made = work / "minutes.pdf"
        if not made.is_file():
            raise ExportFailed("LibreOffice did not make the PDF; nothing was written. Try "
                               "exporting to Word and saving it as PDF from Word or LibreOffice.")
        pdf = made.read_bytes()
    if not is_tagged(pdf):
        raise ExportFailed("LibreOffice made a PDF without tags, which screen readers cannot "
                           "read; nothing was written. Update LibreOffice (7.4 or newer).")
    return pdf


def _convert(program: str, source: Path, folder: Path, timeout: float) -> None:
    """Run LibreOffice with a profile of its own, so a LibreOffice the clerk has open is left
    alone (and does not swallow the conversion), stopping it and its children on time-out."""
    profile = (folder / "profile").resolve().as_uri()
    command = [program, f"-env:UserInstallation={profile}", "--headless", "--norestore",
               "--convert-to", PDF_FILTER, "--outdir", str(folder), str(source)]
    try:
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL, start_new_session=True)
    except OSError as error:
        raise ExportFailed(f"LibreOffice could not be started ({error.strerror}); "
                           "nothing was written.") from error
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired as error:
        _stop(process)
        raise ExportFailed(f"LibreOffice took more than {timeout:.0f} seconds to make the PDF "
                           "and was stopped; nothing was written.") from error


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Stop LibreOffice and the programs it started (its own process group)."""
    if os.name == "posix":
        os.killpg(process.pid, signal.SIGKILL)
    else:
        process.kill()
    process.wait()
