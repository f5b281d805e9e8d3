"""Writing what the site says: membership matched to the roster, refresh preview, agenda changes."""

import dataclasses
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from support.moderngov_site import fixture_bytes

from clerkdesk.domain.enums import PersonKind, Role
from clerkdesk.domain.mentions import person_token
from clerkdesk.domain.moderngov import SiteCouncillor, SiteMember
from clerkdesk.errors import ClerkDeskError
from clerkdesk.importers import moderngov_xml
from clerkdesk.importers.moderngov_xml import split_name
from clerkdesk.services import moderngov
from clerkdesk.services.committees import create_committee
from clerkdesk.services.moderngov import Change
from clerkdesk.services.paragraphs import add_paragraph
from clerkdesk.services.people import add_person
from clerkdesk.storage.models import Membership, ParagraphMention, Person


def seat(site_id: int, name: str, role: Role = Role.MEMBER) -> SiteMember:
    return SiteMember(SiteCouncillor(site_id, split_name(name)), role)


def roster(db, committee_id):
    with db.transaction() as session:
        rows = session.execute(select(Person.given_name, Person.family_name, Membership.role)
                               .join(Membership, Membership.person_id == Person.id)
                               .where(Membership.committee_id == committee_id)).all()
    return sorted((f"{given} {family}", role) for given, family, role in rows)


def people(db):
    with db.transaction() as session:
        return sorted(f"{p.given_name} {p.family_name}" for p in session.scalars(select(Person)))


def test_first_fetch_links_the_roster_asks_about_near_misses_and_adds_the_rest(db):
    committee = create_committee(db, "Planning Committee")
    castleford = add_person(db, "Imogen", "Castleford", "Cllr")
    hammond = add_person(db, "Sarah", "Hammond", "Cllr")
    add_person(db, "Sarah", "Hammond", kind=PersonKind.OFFICER)  # an officer is never matched
    members = [seat(501, "Councillor Imogen Castleford", Role.CHAIR),
               seat(503, "Councillor Sara Hammond"), seat(504, "Councillor Owen Pryce")]

    changes = moderngov.plan_membership(db, committee, members)

    assert [(c.change, c.person_id, c.near_miss_of) for c in changes] == [
        (Change.JOINED, castleford, ""), (Change.JOINED, hammond, "Cllr Sarah Hammond"),
        (Change.JOINED, None, "")]
    assert roster(db, committee) == []  # a plan changes nothing
    moderngov.apply_membership(db, committee, changes)
    assert roster(db, committee) == [("Imogen Castleford", "chair"), ("Owen Pryce", "member"),
                                     ("Sarah Hammond", "member")]
    assert people(db).count("Sarah Hammond") == 2 and "Sara Hammond" not in people(db)


def test_a_near_miss_the_clerk_says_is_someone_else_becomes_a_new_person(db):
    committee = create_committee(db, "Planning Committee")
    add_person(db, "Sarah", "Hammond", "Cllr")
    changes = moderngov.plan_membership(db, committee, [seat(503, "Councillor Sara Hammond")])
    moderngov.apply_membership(db, committee, changes, separate={503})
    assert roster(db, committee) == [("Sara Hammond", "member")]
    assert people(db) == ["Sara Hammond", "Sarah Hammond"]


def test_refresh_shows_joined_left_and_role_changed_and_keeps_people_in_the_minutes(db):
    from clerkdesk.services.meetings import create_meeting

    committee = create_committee(db, "Planning Committee")
    first = [seat(501, "Cllr Imogen Castleford", Role.CHAIR),
             seat(502, "Cllr Rupert Tennyson-Vale", Role.VICE_CHAIR),
             seat(503, "Cllr Sara Hammond")]
    moderngov.apply_membership(db, committee, moderngov.plan_membership(db, committee, first))
    with db.transaction() as session:
        rupert = session.scalar(select(Person.id).where(Person.family_name == "Tennyson-Vale"))
    import datetime as dt

    meeting = create_meeting(db, committee, dt.date(2026, 11, 5), agenda=["Planning matters"])
    from clerkdesk.services.minutes import load_minutes

    item = load_minutes(db, meeting).items[0].id
    add_paragraph(db, item, f"{person_token(rupert)} asked about the bus route.")
    with db.transaction() as session:
        assert session.scalar(select(ParagraphMention.person_id)) == rupert

    later = [seat(501, "Cllr Imogen Castleford", Role.CHAIR),
             seat(503, "Cllr Sara Hammond", Role.VICE_CHAIR),
             seat(505, "Cllr Delia Okonjo")]
    changes = moderngov.plan_membership(db, committee, later)

    assert [c.describe() for c in changes] == [
        "Cllr Sara Hammond: member → Vice-Chair",
        "Cllr Delia Okonjo joins as member (new to the roster)",
        "Cllr Rupert Tennyson-Vale has left (Vice-Chair)",
    ]
    moderngov.apply_membership(db, committee, changes)
    assert roster(db, committee) == [("Delia Okonjo", "member"), ("Imogen Castleford", "chair"),
                                     ("Sara Hammond", "vice_chair")]
    assert "Rupert Tennyson-Vale" in people(db)  # named in the minutes: kept, only unseated
    assert moderngov.plan_membership(db, committee, later) == []  # nothing more to change


def test_refetching_an_agenda_shows_added_and_withdrawn_items(db):
    agenda = moderngov_xml.agenda(fixture_bytes("meeting_3301.xml"))
    meeting = moderngov.import_agenda(db, agenda)
    assert moderngov.agenda_changes(db, meeting, agenda).lines() == []
    extra = dataclasses.replace(agenda.items[2], number="6", title="Urgent business: Brook Road")
    changed = dataclasses.replace(agenda, items=(*agenda.items[:3], *agenda.items[4:], extra))
    changes = moderngov.agenda_changes(db, meeting, changed)
    assert changes.lines() == ["Added: Urgent business: Brook Road",
                               "Withdrawn: Tree preservation order, Mill Street"]
    moderngov.add_new_items(db, meeting, changes.added)
    assert moderngov.agenda_changes(db, meeting, changed).added == ()


NAMES = ["Imogen Castleford", "Sara Hammond", "Sarah Hammond", "Owen Pryce", "Owain Pryce",
         "Delia Okonjo", "Rupert Tennyson-Vale"]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(NAMES), st.sampled_from(list(Role))), max_size=6),
       st.lists(st.sampled_from(NAMES), max_size=4))
def test_applying_a_refresh_twice_changes_nothing_the_second_time(seats, on_roster):
    """For any site membership and roster: after applying, a second plan is empty and no
    person is added twice."""
    from clerkdesk.storage.database import open_database

    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "p.sqlite")
        try:
            committee = create_committee(db, "Planning Committee")
            for name in on_roster:
                add_person(db, *name.split(" ", 1), "Cllr")
            members = [seat(600 + i, f"Cllr {name}", role) for i, (name, role) in
                       enumerate(dict(seats).items())]
            moderngov.apply_membership(db, committee,
                                       moderngov.plan_membership(db, committee, members))
            count = len(people(db))
            assert moderngov.plan_membership(db, committee, members) == []
            assert len(people(db)) == count
        finally:
            db.close()


def test_an_answer_with_no_members_changes_nobody_and_says_why(db):
    """A site answer in a shape we do not read (or the wrong committee) lists nobody: that must
    never be offered as 'everyone left'."""
    committee = create_committee(db, "Planning Committee")
    moderngov.apply_membership(db, committee, moderngov.plan_membership(
        db, committee, [seat(501, "Cllr Imogen Castleford", Role.CHAIR)]))
    with pytest.raises(ClerkDeskError, match="listed no members"):
        moderngov.plan_membership(db, committee, [])
