"""Document properties (File > Info in Word): who published it and what it is, nobody's login."""

from __future__ import annotations

import datetime as dt

from docx.document import Document
from docx.opc.coreprops import CoreProperties
from docx.oxml.ns import qn

from clerkdesk.domain.minutes import MinutesView
from clerkdesk.domain.text import xml_safe
from clerkdesk.export.docx_heading import is_draft

MAX_PROPERTY = 255
PUBLIC_SUBJECT = "Minutes (public version)"
FULL_SUBJECT = "Minutes (full version, including exempt items) – not for publication"


def document_title(minutes: MinutesView) -> str:
    return f"{minutes.committee} – minutes of {minutes.date.strftime('%-d %B %Y')}"


def _property_text(text: str) -> str:
    """Clean, and within the 255 characters a core property may hold."""
    return xml_safe(text)[:MAX_PROPERTY]


def set_properties(
    document: Document, minutes: MinutesView, *, full: bool, now: dt.datetime | None = None
) -> None:
    """Title, subject and author from the council and committee; every template value replaced."""
    now = (now or dt.datetime.now(dt.UTC)).replace(microsecond=0, tzinfo=None)
    props = document.core_properties
    author = _property_text(minutes.council or minutes.committee)
    props.author = author
    props.last_modified_by = author
    props.title = _property_text(document_title(minutes))
    props.subject = FULL_SUBJECT if full else PUBLIC_SUBJECT
    props.category = "Minutes"
    props.keywords = _property_text(f"{minutes.committee}; minutes")
    props.comments = ""
    props.content_status = "Draft" if is_draft(minutes) else minutes.status.value.capitalize()
    props.language = "en-GB"
    props.identifier = ""
    props.version = ""
    props.created = now
    props.modified = now
    props.revision = 1
    _drop_last_printed(props)


def _drop_last_printed(props: CoreProperties) -> None:
    """A house template's 'last printed' date says nothing about these minutes."""
    element = props._element
    for printed in element.findall(qn("cp:lastPrinted")):
        element.remove(printed)
