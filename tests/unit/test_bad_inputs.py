"""Bad inputs without the window: two instances on one file, import files that are not UTF-8
minutes, and what a public Word export must never carry.

Covered elsewhere, so not repeated here (each asserts the message and that nothing changed):
- database files: random bytes, truncated, another application's SQLite, newer version,
  read-only, missing folder, a folder (tests/unit/test_storage.py at the storage level,
  tests/gui/test_bad_inputs_gui.py for the exact message the window shows; names with "#",
  "?", "%" below);
- export to a read-only file, a file open in Word/LibreOffice, a missing folder, a full disk:
  tests/unit/test_export_safety.py; characters Word's XML cannot hold:
  tests/unit/test_export_docx.py::test_text_word_cannot_hold_is_cleaned_not_a_crash;
- import of a missing file, a folder, binary, Latin-1 bytes, empty, prose, random words:
  tests/unit/test_import_plaintext.py::test_bad_input_fails_cleanly_and_changes_nothing;
- disk failure during autosave: tests/gui/test_editor_typing.py::
  test_failed_save_keeps_text_and_retries and tests/gui/test_workspace.py;
- a 1 MB single-line paste: tests/gui/test_editor_typing.py (multi-line and 10,000 paragraphs:
  tests/gui/test_bad_inputs_gui.py).
- hostile and damaged databases however named (sqlite:/// URLs, CLERKDESK_DB), damaged files,
  leftover -wal files, failing upgrades, odd meeting ids, control characters in terminal output,
  backup permissions: tests/unit/test_hostile_storage.py; symlink/pipe/device export targets,
  damaged or hostile templates and what a template must not carry into an export:
  tests/unit/test_hostile_export.py.
"""

import getpass
import hashlib
import sqlite3
import subprocess
import sys
import textwrap
import zipfile
from contextlib import closing
from pathlib import Path

import pytest

from clerkdesk.domain.flag_fields import RequestFields
from clerkdesk.errors import ImportFailed, NotAClerkDeskDatabase
from clerkdesk.services.committees import create_committee, list_committees
from clerkdesk.services.demo import load_demo
from clerkdesk.services.export import export_meeting
from clerkdesk.services.flags import add_flag_in
from clerkdesk.services.imports import import_text_file
from clerkdesk.services.paragraphs import add_paragraph_in
from clerkdesk.storage.database import Database, open_database
from clerkdesk.storage.models import AgendaItem

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from generate_db import generate


def file_state(path: Path) -> dict[str, str]:
    """sha256 of the database and of its -wal/-shm files, whichever exist."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(path.parent.glob(path.name + "*"))}


# --- two instances on one file --------------------------------------------------------------

WRITER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from clerkdesk.services import editing
    from clerkdesk.services.editing import NewParagraph
    from clerkdesk.storage.database import open_database

    path, item, tag, go = sys.argv[1], int(sys.argv[2]), sys.argv[3], Path(sys.argv[4])
    db = open_database(path)  # a second ClerkDesk opening the same file
    while not go.exists():
        time.sleep(0.005)
    for n in range({writes}):
        # what Enter at the end of the item and the autosave after it do
        [pid] = editing.insert_paragraphs(db, item, 10**6, [NewParagraph(f"{{tag}} {{n}}")])
        editing.save_texts(db, {{pid: f"{{tag}} {{n}} saved"}})
    db.close()
    print("done")
""")
WRITES = 150


def test_two_instances_writing_the_same_item_at_once_both_work_safely(tmp_path):
    """Both instances open the file and write at the same moment: WAL lets both read, each
    transaction takes the write lock when it begins (BEGIN IMMEDIATE) and the other waits on
    busy_timeout, so no write fails and no two paragraphs share a position. (Without the lock
    at BEGIN, sqlite3's late BEGIN let both count the same paragraphs and insert at one place.)
    The second instance is not told; two windows editing one paragraph keep the last save."""
    path = generate(tmp_path / "shared.sqlite", meetings=1, paragraphs=5)
    with sqlite3.connect(path) as connection:
        (item,) = connection.execute("SELECT min(id) FROM agenda_item").fetchone()
        (before,) = connection.execute(
            "SELECT count(*) FROM paragraph WHERE item_id = ?", (item,)).fetchone()
    go = tmp_path / "go"
    script = WRITER.format(writes=WRITES)
    children = [subprocess.Popen([sys.executable, "-c", script, str(path), str(item), tag,
                                  str(go)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 text=True) for tag in ("first", "second")]
    go.touch()
    outcomes = [child.communicate(timeout=120) for child in children]

    for child, (out, err) in zip(children, outcomes, strict=True):
        assert (child.returncode, out.strip()) == (0, "done"), err
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        rows = connection.execute(
            "SELECT position, text FROM paragraph WHERE item_id = ? ORDER BY position",
            (item,)).fetchall()
    assert [position for position, _ in rows] == list(range(before + 2 * WRITES))
    texts = {text for _, text in rows}
    for tag in ("first", "second"):
        assert {f"{tag} {n} saved" for n in range(WRITES)} <= texts


# --- file names that look like URL syntax --------------------------------------------------

ODD_NAMES = ["Cabinet #3.sqlite", "what?.sqlite", "100% agreed.sqlite",
             "Zoë 👩🏽\u200d⚖️ עדי.sqlite"]


@pytest.mark.parametrize("name", ODD_NAMES)
def test_a_database_name_with_hash_question_mark_or_percent_is_used_as_it_is(tmp_path, name):
    """"#", "?" and "%" mean something in a URL: the file must still be the one named."""
    folder = tmp_path / "Minutes #1 (2024?)"
    folder.mkdir()
    path = folder / name
    db = open_database(path)
    create_committee(db, "Cabinet")
    backup = db.daily_backup()
    db.close()
    assert sorted(p.name for p in folder.iterdir()) == sorted([name, "backups"])
    reopened = open_database(path)
    try:
        assert [name for _id, name in list_committees(reopened)] == ["Cabinet"]
    finally:
        reopened.close()
    with closing(sqlite3.connect(backup)) as copy:
        assert copy.execute("SELECT name FROM committee").fetchall() == [("Cabinet",)]


def test_another_applications_file_with_a_hash_in_its_name_is_refused_untouched(tmp_path):
    path = tmp_path / "places #1.sqlite"
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
        connection.commit()
    before = file_state(path)
    with pytest.raises(NotAClerkDeskDatabase) as refused:
        open_database(path)
    assert str(refused.value) == (f"{path} is an SQLite database from another application, "
                                  "not a ClerkDesk database. It was not changed.")
    assert file_state(path) == before
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


# --- import files that are not UTF-8 minutes ------------------------------------------------

MINUTES = "Planning Committee\n\n1. Apologies\n\nMinutes:\n\n1) Mr Love – noted the report.\n"


@pytest.mark.parametrize(("name", "data", "message"), [
    ("shift-jis.txt", "議事録 第一項 報告を了承した。".encode("shift_jis") * 20,
     "shift-jis.txt is not a UTF-8 text file (save it as UTF-8 text and try again)."),
    ("email.txt", b"Dear all,\n\nPlease find the agenda attached.\n\nThanks,\nJo\n",
     "email.txt contains no minutes: no agenda item and no numbered paragraphs were found."),
    ("minutes.docx", b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256)) * 4,
     "minutes.docx is a binary file, not plain-text minutes."),
])
def test_an_import_file_that_is_not_utf8_minutes_is_refused_and_changes_nothing(
        sqlite_db: Database, db_path: Path, tmp_path: Path, name: str, data: bytes, message: str):
    db = sqlite_db  # the file's bytes (and its -wal) are what must not change
    load_demo(db)  # something to protect
    before = file_state(db_path)
    source = tmp_path / name
    source.write_bytes(data)
    with pytest.raises(ImportFailed) as failure:
        import_text_file(db, source)
    assert str(failure.value) == message
    assert file_state(db_path) == before


def test_utf16_minutes_saved_by_notepad_are_imported(db: Database, tmp_path: Path):
    source = tmp_path / "unicode.txt"
    source.write_bytes(MINUTES.encode("utf-16"))  # with its byte order mark, as Notepad saves
    report = import_text_file(db, source, committee="Planning Committee")
    assert report.paragraphs == 1


# --- what a public export must never carry --------------------------------------------------

SECRET = "Zyxwv tender price of 4.2 million"


def exempt_item_with_secrets(db: Database, meeting_id: int) -> None:
    with db.transaction() as session:
        item = session.query(AgendaItem).filter_by(meeting_id=meeting_id, exempt=True).one()
        paragraph = add_paragraph_in(session, item.id, f"{{@member}} asked about the {SECRET}.")
        add_flag_in(session, paragraph.id, RequestFields(
            what=f"Breakdown of the {SECRET}", asked_of_body="Procurement"))


def zip_members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_the_whole_public_zip_is_free_of_exempt_text_and_of_the_login_name(
        db: Database, tmp_path: Path, monkeypatch):
    monkeypatch.setenv("USER", "jq-clerk-login")  # where getpass.getuser() looks first
    monkeypatch.setenv("LOGNAME", "jq-clerk-login")
    meeting = load_demo(db)
    exempt_item_with_secrets(db, meeting)
    public = zip_members(export_meeting(db, meeting, tmp_path / "public.docx"))
    full = zip_members(export_meeting(db, meeting, tmp_path / "full.docx", full=True))

    assert any(SECRET.encode() in data for data in full.values()), "the full version has it"
    for name, data in public.items():
        assert SECRET.encode() not in data, f"exempt text in {name} of the public version"
    for version in (public, full):
        for name, data in version.items():
            for login in {"jq-clerk-login", getpass.getuser()}:
                assert f">{login}<".encode() not in data, f"login name {login!r} in {name}"
                assert f'"{login}"'.encode() not in data, f"login name {login!r} in {name}"
            assert str(Path.home()).encode() not in data, f"home folder in {name}"
