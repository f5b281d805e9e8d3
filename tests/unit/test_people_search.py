"""People search for the speaker picker: initials, title and surname, role, job, ranking."""

from clerkdesk.domain.enums import PersonKind, Role
from clerkdesk.domain.people_search import Candidate, prepare, search
from clerkdesk.domain.person import PersonFields

PEOPLE = [prepare(c) for c in (
    Candidate(1, "Sarah Hammond", PersonFields("Ms", "Sarah", "Hammond",
                                               job_title="Director of SEND", organisation="CYPE",
                                               kind=PersonKind.OFFICER)),
    Candidate(2, "Mr Rory Love", PersonFields("Mr", "Rory", "Love", job_title="Cabinet Member")),
    Candidate(3, "the Vice-Chair (Mrs Jo Brown)",
              PersonFields("Mrs", "Jo", "Brown", role=Role.VICE_CHAIR)),
    Candidate(4, "Mr Sam Hughes", PersonFields("Mr", "Sam", "Hughes")),
    Candidate(5, "Alison Farmer", PersonFields("", "Alison", "Farmer", kind=PersonKind.OFFICER)),
    Candidate(6, "Cllr Lina Li", PersonFields("Cllr", "Lina", "Li", initials="LL")),
)]


def ids(query: str, present: frozenset[int] = frozenset(), recent: tuple[int, ...] = ()) -> list:
    return [c.id for c in search(PEOPLE, query, present, recent)]


def test_initials_title_surname_role_and_job():
    assert sorted(ids("sh")) == [1, 4]
    assert ids("mr l") == [2]
    assert ids("vice") == [3]
    assert ids("director") == [1]
    assert ids("cype") == [1]
    assert ids("ham") == [1]
    assert ids("a f") == [5]
    assert ids("ll") == [6]
    assert ids("zzz") == []


def test_present_and_recent_rank_first():
    assert ids("sh", present=frozenset({1}))[0] == 1
    assert ids("sh", present=frozenset({4}))[0] == 4
    assert ids("sh", recent=(1,))[0] == 1
    assert ids("", present=frozenset({5}))[0] == 5
