"""Leave out of an export what a house template says about its author and its history.

Custom properties, custom XML (document-management data), comments and who made them, the
glossary, tracked changes and revision-session ids, document variables and hidden text: a
public document carries only the properties ClerkDesk sets (docx_properties).
"""

from __future__ import annotations

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import XmlPart
from docx.oxml.ns import qn
from lxml import etree

_MS = "http://schemas.microsoft.com/office/"
PRIVATE_RELATIONSHIPS = {
    RT.CUSTOM_PROPERTIES, RT.CUSTOM_XML, RT.COMMENTS, RT.GLOSSARY_DOCUMENT,
    f"{_MS}2011/relationships/commentsExtended", f"{_MS}2016/09/relationships/commentsIds",
    f"{_MS}2018/08/relationships/commentsExtensible", f"{_MS}2011/relationships/people",
}
REMOVED = tuple(qn(tag) for tag in (
    "w:del", "w:moveFrom", "w:rPrChange", "w:pPrChange", "w:sectPrChange", "w:tblPrChange",
    "w:trPrChange", "w:tcPrChange", "w:tblGridChange", "w:numberingChange",
    "w:commentRangeStart", "w:commentRangeEnd", "w:commentReference", "w:docVars",
    "w:trackRevisions", "w:rsids",
))
UNWRAPPED = (qn("w:ins"), qn("w:moveTo"))  # accepted: their text stays, the record goes
RSID_PREFIX = f"{{{qn('w:rsid')[1:].partition('}')[0]}}}rsid"


def remove_private_parts(document: Document) -> None:
    """Drop the private parts and clean every remaining XML part of the package."""
    package = document.part.package
    for part in [package, *package.iter_parts()]:
        for rel_id, rel in list(part.rels.items()):
            if rel.reltype in PRIVATE_RELATIONSHIPS:
                del part.rels[rel_id]
    for part in package.iter_parts():
        if isinstance(part, XmlPart):
            _clean(part.element)


def _clean(root: etree._Element) -> None:
    for element in list(root.iter(*REMOVED)):
        _remove(element)
    for element in list(root.iter(*UNWRAPPED)):
        _unwrap(element)
    for hidden in list(root.iter(qn("w:vanish"))):
        run = hidden.getparent().getparent()  # w:vanish in w:rPr in w:r (or in a style)
        _remove(run if run.tag == qn("w:r") else hidden)
    for element in root.iter():
        for name in [n for n in element.attrib if n.startswith(RSID_PREFIX)]:
            del element.attrib[name]


def _remove(element: etree._Element) -> None:
    parent = element.getparent()
    if parent is not None:
        parent.remove(element)


def _unwrap(element: etree._Element) -> None:
    parent = element.getparent()
    if parent is None:
        return
    index = parent.index(element)
    for offset, child in enumerate(list(element)):
        parent.insert(index + offset, child)
    parent.remove(element)
