"""Hostile export targets and house templates, through the CLI: one sentence, exit 2, nothing
replaced that should not be, and nothing private from a template inside a public export."""

from __future__ import annotations

import hashlib
import io
import os
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from clerkdesk.cli.main import main
from clerkdesk.errors import ExportFailed
from clerkdesk.export.safe_write import write_atomically
from clerkdesk.services.demo import load_demo
from clerkdesk.storage.models import Committee, Meeting


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def refused(capsys: pytest.CaptureFixture[str], *args: str | Path) -> str:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    assert (code, out) == (2, ""), err
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("clerkdesk: error: "), err
    return lines[0]


@pytest.fixture
def demo(db) -> int:
    return load_demo(db)


def use_template(db, meeting: int, template: Path) -> None:
    with db.transaction() as session:
        committee = session.get(Committee, session.get(Meeting, meeting).committee_id)
        committee.template_path = str(template)


# --- targets that are not ordinary files ------------------------------------------------------

def test_export_over_a_symlink_is_refused_and_the_link_kept(db_target, db, demo, tmp_path, capsys):
    real = tmp_path / "published.docx"
    real.write_bytes(b"last week's minutes")
    link = tmp_path / "latest.docx"
    link.symlink_to(real)
    line = refused(capsys, "export", demo, "-o", link, "--db", db_target)
    assert "link" in line and str(real) in line
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_bytes() == b"last week's minutes"


def test_export_to_a_pipe_or_device_is_refused(db_target, db, demo, tmp_path, capsys):
    pipe = tmp_path / "minutes.docx"
    os.mkfifo(pipe)
    line = refused(capsys, "export", demo, "-o", pipe, "--db", db_target)
    assert str(pipe) in line and "not an ordinary file" in line
    assert pipe.is_fifo()
    if Path("/dev/full").exists():
        device = tmp_path / "full.docx"
        device.symlink_to("/dev/full")
        assert "link" in refused(capsys, "export", demo, "-o", device, "--db", db_target)
        assert Path("/dev/full").is_char_device()
        with pytest.raises(ExportFailed) as caught:  # the device itself, as the window may pass
            write_atomically(Path("/dev/full"), lambda stream: stream.write(b"minutes"))
        assert "not an ordinary file" in str(caught.value)
        assert Path("/dev/full").is_char_device()


# --- templates that cannot be used ------------------------------------------------------------

def rewritten(template: bytes, replace: dict[str, bytes | None]) -> bytes:
    """The zip with some parts replaced (bytes) or left out (None)."""
    source = zipfile.ZipFile(io.BytesIO(template))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename in replace:
                if replace[info.filename] is not None:
                    target.writestr(info, replace[info.filename])
            else:
                target.writestr(info, source.read(info.filename))
        for name, content in replace.items():
            if name not in source.namelist() and content is not None:
                target.writestr(name, content)
    return out.getvalue()


def without_numbering(data: bytes) -> bytes:
    """The package as Word saves a document without lists: no numbering part, nor a link to it."""
    import re

    archive = zipfile.ZipFile(io.BytesIO(data))
    rels = re.sub(rb'<Relationship [^>]*numbering\.xml"/>', b"",
                  archive.read("word/_rels/document.xml.rels"))
    types = re.sub(rb'<Override PartName="/word/numbering\.xml"[^>]*/>', b"",
                   archive.read("[Content_Types].xml"))
    assert b"numbering" not in rels and b"numbering" not in types
    return rewritten(data, {"word/numbering.xml": None, "word/_rels/document.xml.rels": rels,
                            "[Content_Types].xml": types})


def plain_template() -> bytes:
    buffer = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("Sample text.")
    document.save(buffer)
    return buffer.getvalue()


XXE_STYLES = (
    b'<?xml version="1.0"?><!DOCTYPE w:styles [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
    b'<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:style><w:name w:val=\"&secret;\"/></w:style></w:styles>"
)


@pytest.mark.parametrize("case, parts", [
    ("numbering part named but missing", {"word/numbering.xml": None}),
    ("malformed XML", {"word/styles.xml": b"<w:styles><w:style></w:styles"}),
    ("external entity", {"word/styles.xml": XXE_STYLES}),
    ("malformed document", {"word/document.xml": b"\x00\x01 not xml"}),
])
def test_a_template_clerkdesk_cannot_use_is_one_sentence(
    db_target, db, demo, tmp_path, capsys, case, parts
):
    template = tmp_path / "house.dotx"
    template.write_bytes(rewritten(plain_template(), parts))
    before = sha256(template)
    use_template(db, demo, template)
    target = tmp_path / "minutes.docx"
    line = refused(capsys, "export", demo, "-o", target, "--db", db_target)
    assert "house.dotx" in line and "template" in line
    assert sha256(template) == before
    assert not target.exists()


def test_a_template_without_a_numbering_part_gets_clerkdesks_numbering(
    db_target, db, demo, tmp_path, capsys
):
    """Word saves a template that has no lists without numbering.xml: that is no fault."""
    template = tmp_path / "house.docx"
    template.write_bytes(without_numbering(plain_template()))
    use_template(db, demo, template)
    target = tmp_path / "minutes.docx"
    assert main(["export", str(demo), "-o", str(target), "--db", str(db_target)]) == 0, (
        capsys.readouterr().err)
    with zipfile.ZipFile(target) as archive:
        assert "<w:abstractNum " in archive.read("word/numbering.xml").decode()
        assert "<w:numPr>" in archive.read("word/document.xml").decode()


# --- privacy: nothing of the template's author reaches the export ------------------------------

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CUSTOM_XML = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"'
    b' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    b'<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="DMS_Id">'
    b"<vt:lpwstr>SECRET-DMS-4711 C:\\Users\\jsmith\\Templates</vt:lpwstr></property></Properties>"
)
PRIVATE = ("SECRET", "jsmith", "Jo Smith", "HIDDEN-NOTE", "DELETED-TEXT")


def private_template(path: Path) -> Path:
    """A house template carrying custom properties, a comment, tracked changes, hidden text,
    document variables and its author's name."""
    document = docx.Document()
    paragraph = document.add_paragraph("Sample text.")
    document.add_comment(paragraph.runs, text="SECRET comment by Jo Smith", author="Jo Smith",
                         initials="JS")
    props = document.core_properties
    props.author = props.last_modified_by = "Jo Smith (jsmith)"
    props.keywords = props.comments = props.category = "SECRET-DMS-4711"
    header = document.sections[0].header.paragraphs[0]
    header.text = "Anytown Borough Council"
    header._p.append(parse_xml(
        f'<w:r {nsdecls("w")}><w:rPr><w:vanish/></w:rPr><w:t>HIDDEN-NOTE</w:t></w:r>'))
    header._p.append(parse_xml(
        f'<w:del {nsdecls("w")} w:id="91" w:author="jsmith" w:date="2026-01-01T00:00:00Z">'
        "<w:r><w:delText>DELETED-TEXT</w:delText></w:r></w:del>"))
    header._p.append(parse_xml(
        f'<w:ins {nsdecls("w")} w:id="92" w:author="jsmith" w:date="2026-01-01T00:00:00Z">'
        "<w:r><w:t>INSERTED-TEXT</w:t></w:r></w:ins>"))
    settings = document.settings.element
    settings.append(parse_xml(
        f'<w:docVars {nsdecls("w")}><w:docVar w:name="DMS" w:val="SECRET-DMS-4711"/></w:docVars>'))
    settings.append(parse_xml(f'<w:trackRevisions {nsdecls("w")}/>'))
    buffer = io.BytesIO()
    document.save(buffer)
    data = rewritten(buffer.getvalue(), {"docProps/custom.xml": CUSTOM_XML})
    path.write_bytes(_with_custom_part(data))
    return path


def _with_custom_part(data: bytes) -> bytes:
    types = zipfile.ZipFile(io.BytesIO(data)).read("[Content_Types].xml")
    types = types.replace(b"</Types>", b'<Override PartName="/docProps/custom.xml" ContentType='
                          b'"application/vnd.openxmlformats-officedocument.custom-properties+xml"'
                          b"/></Types>")
    rels = zipfile.ZipFile(io.BytesIO(data)).read("_rels/.rels")
    rels = rels.replace(b"</Relationships>", b'<Relationship Id="rIdCustom" Type="http://schemas.'
                        b"openxmlformats.org/officeDocument/2006/relationships/custom-properties"
                        b'" Target="docProps/custom.xml"/></Relationships>')
    return rewritten(data, {"[Content_Types].xml": types, "_rels/.rels": rels})


def test_a_public_export_carries_nothing_private_from_the_template(
    db_target, db, demo, tmp_path, capsys
):
    template = private_template(tmp_path / "house.docx")
    inside = zipfile.ZipFile(template)
    assert "docProps/custom.xml" in inside.namelist() and "word/comments.xml" in inside.namelist()
    before = sha256(template)
    use_template(db, demo, template)
    target = tmp_path / "minutes.docx"
    assert main(["export", str(demo), "-o", str(target), "--db", str(db_target)]) == 0
    assert sha256(template) == before
    with zipfile.ZipFile(target) as archive:
        names = archive.namelist()
        text = {name: archive.read(name).decode("utf-8", "replace") for name in names}
    assert not [n for n in names if "custom" in n.lower() or "comment" in n.lower()
                or "people" in n.lower()]
    for name, content in text.items():
        for secret in PRIVATE:
            assert secret not in content, f"{secret} in {name}"
        for tag in ("<w:del ", "<w:ins ", "<w:vanish", "<w:docVars", "<w:trackRevisions",
                    "w:rsidR=", "<w:rsids"):
            assert tag not in content, f"{tag} in {name}"
    headers = " ".join(c for n, c in text.items() if n.startswith("word/header"))
    assert "Anytown Borough Council" in headers
    assert "INSERTED-TEXT" in headers  # a tracked insertion is accepted: its text stays
    written = docx.Document(str(target)).core_properties
    assert written.language == "en-GB" and written.title and written.subject
    assert written.author == written.last_modified_by
    assert "Jo Smith" not in written.author


# --- a Word file to import whose numbering part is missing --------------------------------------

def numbered_docx() -> bytes:
    document = docx.Document()
    document.add_paragraph("Audit Committee")
    document.add_paragraph("Apologies", style="List Number")
    document.add_paragraph("Apologies were received from Cllr Ada Brook.", style="List Number 2")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("damage, message", [
    (without_numbering, "contains no minutes"),
    (lambda data: rewritten(data, {"word/numbering.xml": None}), "could not be read as a Word"),
])
def test_importing_a_docx_without_its_numbering_part_is_one_sentence(
    db_path, sqlite_db, tmp_path, capsys, damage, message
):
    source = tmp_path / "minutes.docx"
    source.write_bytes(damage(numbered_docx()))
    before = sha256(source)
    line = refused(capsys, "import", source, "--db", db_path)
    assert message in line
    assert sha256(source) == before
