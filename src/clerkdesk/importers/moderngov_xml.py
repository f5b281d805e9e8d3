"""Read the XML a Modern.gov site's web service (mgWebService.asmx) returns, into plain values.

Pure: bytes in, domain values out. Entities and DTDs are refused (defusedxml), so an "XML bomb"
is rejected before it expands. Element names are matched case-insensitively, ignoring namespaces,
because installs differ in both.
"""

import datetime as dt
import re
from collections.abc import Iterator
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from clerkdesk.domain.moderngov import (
    SiteAgenda,
    SiteAgendaItem,
    SiteCommittee,
    SiteCouncillor,
    SiteDocument,
    SiteMeeting,
    SiteMember,
    role_from_text,
)
from clerkdesk.domain.people_match import NameParts
from clerkdesk.errors import ClerkDeskError

_TITLES = {"councillor": "Cllr", "cllr": "Cllr", "mr": "Mr", "mrs": "Mrs", "ms": "Ms",
           "miss": "Miss", "dr": "Dr", "prof": "Prof", "professor": "Prof", "rev": "Revd",
           "revd": "Revd", "sir": "Sir", "dame": "Dame", "lord": "Lord", "lady": "Lady"}
_HONOURS = re.compile(r"^(?:[A-Z]{2,5}|JP|BEM)$")
_EXEMPT_PARAGRAPH = re.compile(r"paragraphs?\s+(\d)", re.IGNORECASE)


class NotModernGov(ClerkDeskError):
    """The site answered, but not with Modern.gov's XML."""


def committees(data: bytes) -> list[SiteCommittee]:
    """GetCommittees: every current committee, by title (deleted and expired ones left out)."""
    root = _root(data, "committee")
    found = []
    for node in _all(root, "committee"):
        if _flag(node, "committeedeleted") or _flag(node, "committeeexpired"):
            continue
        committee_id, title = _int(node, "committeeid"), _text(node, "committeetitle")
        if committee_id is not None and title:
            found.append(SiteCommittee(committee_id, title))
    return sorted(found, key=lambda c: c.title.casefold())


def meetings(data: bytes) -> list[SiteMeeting]:
    """GetMeetings: the meetings listed, by date and time."""
    root = _root(data, "meeting")
    found = [m for m in (_meeting(node) for node in _all(root, "meeting")) if m is not None]
    return sorted(found, key=lambda m: (m.date, m.time or dt.time()))


def agenda(data: bytes) -> SiteAgenda:
    """GetMeeting: one meeting and its agenda items in order, with exempt markers and links."""
    root = _root(data, "meeting")
    node = root if _name(root) == "meeting" else next(_all(root, "meeting"), None)
    meeting = _meeting(node) if node is not None else None
    if node is None or meeting is None:
        raise NotModernGov("The site's answer has no meeting in it.")
    items = tuple(_agenda_item(item) for item in _all(node, "agendaitem"))
    return SiteAgenda(meeting, _text(node, "committeetitle"), items)


def councillors(data: bytes) -> list[SiteCouncillor]:
    """GetCouncillorsByWard: every councillor once, whatever ward lists them."""
    root = _root(data, "councillor")
    seen: dict[int, SiteCouncillor] = {}
    for node in _all(root, "councillor"):
        councillor_id, full = _int(node, "councillorid"), _text(node, "fullusername")
        if councillor_id is not None and full:
            seen.setdefault(councillor_id, SiteCouncillor(councillor_id, split_name(full)))
    return list(seen.values())


def seat_on(data: bytes, councillor: SiteCouncillor, committee_id: int) -> SiteMember | None:
    """GetCommitteesByUser: the councillor's seat on the committee, with its role, or None."""
    root = _root(data, "committee")
    for node in _all(root, "committee"):
        if _int(node, "committeeid") == committee_id:
            role = _text(node, "roledescription") or _text(node, "role")
            return SiteMember(councillor, role_from_text(role))
    return None


def split_name(full: str) -> NameParts:
    """ "Councillor Jane A. Marsh MBE" -> title Cllr, given "Jane A.", family "Marsh"."""
    words = full.split()
    title = ""
    while words and words[0].rstrip(".").casefold() in _TITLES:
        title = title or _TITLES[words.pop(0).rstrip(".").casefold()]
    while len(words) > 1 and _HONOURS.match(words[-1].rstrip(",")):
        words.pop()
    if not words:
        return NameParts(title=title)
    return NameParts(" ".join(words[:-1]), words[-1].rstrip(","), title)


def _meeting(node: Element) -> SiteMeeting | None:
    meeting_id, date = _int(node, "meetingid"), _date(_text(node, "meetingdate"))
    if meeting_id is None or date is None:
        return None
    return SiteMeeting(
        meeting_id, _int(node, "committeeid"), date, _time(_text(node, "meetingtime")),
        _text(node, "meetinglocation") or _text(node, "meetingvenue"),
        _text(node, "meetingstatus"),
    )


def _agenda_item(node: Element) -> SiteAgendaItem:
    title = _text(node, "agendaitemtitle")
    paragraph = _int(node, "agendaitemexemptparagraph")
    exempt = _flag(node, "agendaitemisexempt") or paragraph is not None
    if exempt and paragraph is None:
        found = _EXEMPT_PARAGRAPH.search(_text(node, "agendaitemexemptreason"))
        paragraph = int(found.group(1)) if found else None
    documents = tuple(
        SiteDocument(_text(doc, "title"), _text(doc, "url"))
        for doc in _all(node, "linkeddoc") if _text(doc, "url")
    )
    return SiteAgendaItem(_text(node, "agendaitemnumber").rstrip("."), title, exempt,
                          paragraph, documents)


def _root(data: bytes, expected: str) -> Element:
    """The parsed document; refuses HTML pages, entities and DTDs with one sentence."""
    head = data[:512].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")):
        raise NotModernGov("The site sent a web page instead of data (perhaps a login or error "
                           "page): check the address is the council's Modern.gov site.")
    try:
        root: Element = fromstring(data, forbid_dtd=True)
    except (DefusedXmlException, ValueError) as error:
        raise NotModernGov("The site's answer contains declarations ClerkDesk refuses to read "
                           "(a DTD or entities), so nothing was imported.") from error
    except ParseError as error:
        raise NotModernGov("The site's answer is not well-formed XML, so nothing was "
                           "imported.") from error
    if _name(root) != expected and next(_all(root, expected), None) is None and len(root):
        raise NotModernGov(f"The site's answer is not the Modern.gov data expected "
                           f"(no <{expected}> in <{_name(root)}>).")
    return root


def _name(node: Element) -> str:
    return node.tag.rsplit("}", 1)[-1].lower() if isinstance(node.tag, str) else ""


def _all(node: Element, name: str) -> Iterator[Element]:
    return (child for child in node.iter() if _name(child) == name)


def _text(node: Element, name: str) -> str:
    """The stripped text of the first direct child called `name` ('' when none)."""
    child = next((c for c in node if _name(c) == name), None)
    return " ".join("".join(child.itertext()).split()) if child is not None else ""


def _int(node: Element, name: str) -> int | None:
    text = _text(node, name)
    return int(text) if text.isdigit() else None


def _flag(node: Element, name: str) -> bool:
    return _text(node, name).casefold() in ("true", "1", "yes")


def _date(text: str) -> dt.date | None:
    for pattern in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text[:10], pattern).date()
        except ValueError:
            continue
    return None


def _time(text: str) -> dt.time | None:
    match = re.match(r"(\d{1,2})[:.](\d{2})\s*([ap]\.?m\.?)?", text, re.IGNORECASE)
    if not match:
        return None
    hour, minute = int(match.group(1)), int(match.group(2))
    if match.group(3) and match.group(3)[0].lower() == "p" and hour < 12:
        hour += 12
    return dt.time(hour, minute) if hour < 24 and minute < 60 else None
