"""Open the house or default Word template, ready to fill: styles present, body empty."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from docx.document import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn
from docx.parts.numbering import NumberingPart
from docx.shared import Twips
from lxml import etree

from clerkdesk.errors import ExportFailed
from clerkdesk.export.docx_styles import ensure_styles, set_base_font, set_language
from clerkdesk.export.template_privacy import remove_private_parts
from clerkdesk.resources import resource_path
from clerkdesk.zip_limits import oversized

DEFAULT_TEMPLATE = "minutes-template.docx"
A4 = (11906, 16838)  # twips
MARGIN = 1440  # 2.54 cm, Word's UK default
HEADER_DISTANCE = 709  # 1.25 cm
TEMPLATE_TYPE = b"wordprocessingml.template.main+xml"
DOCUMENT_TYPE = b"wordprocessingml.document.main+xml"
ATTACHED_TEMPLATE = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate"
)
STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
MINIMAL_APP_XML = (
    b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'extended-properties"><Application>ClerkDesk</Application>'
    b"<DocSecurity>0</DocSecurity></Properties>"
)
EMPTY_NUMBERING = (
    b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    b'<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'
)


def open_template(path: Path | None = None) -> Document:
    """A document from the committee's template (.docx or .dotx), else the shipped default."""
    if path is None:
        shipped = resource_path(DEFAULT_TEMPLATE)
        document = _open_docx(shipped) if shipped.is_file() else new_default_document()
        return _prepared(document)
    try:
        return _prepared(_open_house_template(path))
    except (etree.LxmlError, KeyError, ValueError, NotImplementedError) as error:
        raise ExportFailed(_unusable(path)) from error


def _prepared(document: Document) -> Document:
    ensure_styles(document)
    set_language(document)
    clear_body(document)
    _ensure_numbering_part(document)
    _drop_package_extras(document)
    _drop_attached_template(document)
    remove_private_parts(document)
    return document


def _unusable(path: Path) -> str:
    return (
        f"{path} is not a Word template ClerkDesk can use (it is damaged or not a Word "
        "file): save it again from Word as .docx or .dotx (macro-enabled .dotm files are not "
        "supported), or clear it in Committee settings to use the built-in one."
    )


def _ensure_numbering_part(document: Document) -> None:
    """Word leaves the numbering part out of a file without lists; export needs one."""
    part = document.part
    if any(rel.reltype == RT.NUMBERING for rel in part.rels.values()):
        return
    numbering = NumberingPart.load(
        PackURI("/word/numbering.xml"), CT.WML_NUMBERING, EMPTY_NUMBERING, part.package)
    part.relate_to(numbering, RT.NUMBERING)


def new_default_document() -> Document:
    """python-docx's blank document made into the ClerkDesk default: A4, Arial 11, CD styles."""
    document = docx.Document()
    set_base_font(document)
    for section in document.sections:
        section.page_width, section.page_height = Twips(A4[0]), Twips(A4[1])
        for side in ("top_margin", "bottom_margin", "left_margin", "right_margin"):
            setattr(section, side, Twips(MARGIN))
        section.header_distance = section.footer_distance = Twips(HEADER_DISTANCE)
    ensure_styles(document)
    clear_body(document)
    _drop_package_extras(document)
    _drop_rel(document.part, STYLES_WITH_EFFECTS)  # a Word 2010 copy of styles.xml
    return document


def _open_house_template(path: Path) -> Document:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ExportFailed(
            f"The committee's Word template {path} was not found: "
            "choose another in Committee settings, or clear it to use the default."
        ) from None
    except OSError as error:
        raise ExportFailed(f"Could not read the Word template {path}: {error.strerror}.") from None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if too_large := oversized(archive, path.name):
                raise ExportFailed(too_large)
        return _open_docx(io.BytesIO(_as_document_package(data)))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, etree.LxmlError):
        raise ExportFailed(_unusable(path)) from None


def _open_docx(source: Path | io.BytesIO) -> Document:
    return docx.Document(str(source) if isinstance(source, Path) else source)


def _as_document_package(data: bytes) -> bytes:
    """A .dotx's bytes with its main part declared a document, which python-docx opens."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        types = source.read("[Content_Types].xml")
        if TEMPLATE_TYPE not in types:
            return data
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for info in source.infolist():
                content = source.read(info.filename)
                if info.filename == "[Content_Types].xml":
                    content = content.replace(TEMPLATE_TYPE, DOCUMENT_TYPE)
                target.writestr(info, content)
    return out.getvalue()


def clear_body(document: Document) -> None:
    """Remove the template's body content (sample text, tables), keeping its page setup."""
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def _drop_package_extras(document: Document) -> None:
    """No preview picture of the template, and application properties that name nobody."""
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package.rels[rel_id]
        elif rel.reltype == RT.EXTENDED_PROPERTIES and not rel.is_external:
            rel.target_part._blob = MINIMAL_APP_XML  # no Company/Manager left from the template


def _drop_rel(part: Part, reltype: str) -> None:
    for rel_id, rel in list(part.rels.items()):
        if rel.reltype == reltype:
            del part.rels[rel_id]


def _drop_attached_template(document: Document) -> None:
    """A house template may point at its author's Normal.dotm path, naming their account."""
    settings = document.settings.element
    for attached in settings.findall(qn("w:attachedTemplate")):
        settings.remove(attached)
    for part in document.part.package.iter_parts():
        _drop_rel(part, ATTACHED_TEMPLATE)
