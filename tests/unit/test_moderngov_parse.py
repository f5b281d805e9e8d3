"""The Modern.gov XML parser: shapes of a fictional council's answers, and refusing bad input."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from support.moderngov_site import fixture_bytes

from clerkdesk.domain.enums import Role
from clerkdesk.domain.moderngov import role_from_text
from clerkdesk.importers import moderngov_xml
from clerkdesk.importers.moderngov_xml import NotModernGov, split_name


def test_committees_leave_out_expired_ones_and_sort_by_title():
    found = moderngov_xml.committees(fixture_bytes("committees.xml"))
    assert [(c.id, c.title) for c in found] == [
        (17, "Audit and Governance Committee"), (41, "Planning Committee")]


def test_meetings_read_uk_dates_and_both_time_styles():
    found = moderngov_xml.meetings(fixture_bytes("meetings_41.xml"))
    assert [(m.id, m.date, m.time) for m in found] == [
        (3301, dt.date(2026, 12, 10), dt.time(10, 0)),
        (3302, dt.date(2027, 1, 14), dt.time(19, 0)),
    ]
    assert found[0].venue == "Committee Room 2, Fernleigh House"


def test_agenda_keeps_order_numbers_exempt_paragraph_and_documents():
    agenda = moderngov_xml.agenda(fixture_bytes("meeting_3301.xml"))
    assert agenda.committee_title == "Planning Committee"
    assert [(i.number, i.title) for i in agenda.items][2:4] == [
        ("3", "Land at Orchard Lane, Brookfield"), ("3a", "Tree preservation order, Mill Street")]
    exempt = agenda.items[-1]
    assert (exempt.exempt, exempt.exempt_paragraph) == (True, 3)
    assert [d.title for d in agenda.items[2].documents] == [
        "Officer report: Orchard Lane", "Appendix A: site plan"]
    assert agenda.items[2].documents[0].url.endswith("/s901/Orchard.pdf")


def test_councillor_names_lose_honorific_and_honours():
    name = split_name("Councillor Rupert Tennyson-Vale MBE")
    assert (name.title, name.given, name.family) == ("Cllr", "Rupert", "Tennyson-Vale")


@pytest.mark.parametrize(("text", "role"), [
    ("Chairman", Role.CHAIR), ("Vice-Chairman", Role.VICE_CHAIR), ("Vice Chair", Role.VICE_CHAIR),
    ("Substitute Member", Role.SUBSTITUTE), ("Member", Role.MEMBER), ("", Role.MEMBER),
])
def test_roles_from_the_site_wording(text, role):
    assert role_from_text(text) is role


@pytest.mark.parametrize("data", [
    b"<!DOCTYPE html><html><body>Sign in</body></html>",
    b"<committees><committee><committeeid>1</committeeid>",
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>'
    b"<committees><committee><committeetitle>&lol2;</committeetitle></committee></committees>",
    b'<?xml version="1.0"?><!DOCTYPE x SYSTEM "http://127.0.0.1:9/evil.dtd"><committees/>',
    b"<html><body><p>Server Error in '/' Application.</p></body></html>",
])
def test_bad_answers_are_refused_with_one_sentence(data):
    with pytest.raises(NotModernGov) as raised:
        moderngov_xml.committees(data)
    assert "\n" not in str(raised.value) and str(raised.value).endswith((".", "')."))


@given(st.binary(max_size=300))
def test_any_bytes_either_parse_or_raise_the_one_sentence_error(data):
    try:
        moderngov_xml.agenda(data)
    except NotModernGov as error:
        assert "\n" not in str(error)
