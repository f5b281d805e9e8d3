"""Rules for hostile input that must hold for every input (hypothesis)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from clerkdesk.cli.parser import MAX_SQLITE_INTEGER, meeting_id
from clerkdesk.cli.terminal import escape_controls
from clerkdesk.errors import StorageError
from clerkdesk.storage.location import database_file
from clerkdesk.storage.wal_file import read_wal


def is_control(character: str) -> bool:
    code = ord(character)
    return (code < 0x20 and character not in "\n\t") or 0x7F <= code <= 0x9F


@given(st.text())
def test_no_control_character_reaches_the_terminal(text):
    shown = escape_controls(text)
    assert not any(is_control(c) for c in shown)
    if not any(is_control(c) for c in text):
        assert shown == text


@given(st.text())
def test_escaped_json_reads_back_exactly(text):
    printed = escape_controls(json.dumps({"text": text}, ensure_ascii=False))
    assert json.loads(printed) == {"text": text}


@given(st.text())
def test_a_meeting_id_is_a_plain_number_in_range_or_refused(text):
    try:
        value = meeting_id(text)
    except argparse.ArgumentTypeError as error:
        assert "is not a meeting id" in str(error)
    else:
        assert 0 < value <= MAX_SQLITE_INTEGER and str(value) == text.strip().lstrip("0")


@given(st.text())
@example("~0")  # a home folder that does not exist: found at the i11 merge, once a traceback
def test_any_database_name_is_a_file_a_server_or_one_sentence(text):
    try:
        named = database_file(text)
    except StorageError as error:
        assert "\n" not in str(error)
    else:
        assert named is None or isinstance(named, Path)


@settings(max_examples=200)
@given(st.binary(max_size=9000))
def test_any_bytes_as_a_wal_are_read_without_error(tmp_path_factory, data):
    wal = tmp_path_factory.mktemp("wal") / "x.sqlite-wal"
    wal.write_bytes(data)
    facts = read_wal(wal)
    assert facts.valid or not facts.committed_pages


def test_a_home_folder_of_no_user_is_one_sentence():
    import pytest

    with pytest.raises(StorageError, match="not on this computer") as raised:
        database_file("~no-such-clerk\nx/minutes.sqlite")
    assert "\n" not in str(raised.value)
