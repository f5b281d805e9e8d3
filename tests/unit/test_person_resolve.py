"""Any written form of a person on the roster finds that person; unknown or ambiguous text does
not silently become somebody."""

from clerkdesk.domain.enums import PersonKind, Role
from clerkdesk.domain.people_search import Candidate, prepare, resolve
from clerkdesk.domain.person import PersonFields

PEOPLE = [
    prepare(Candidate(1, "Mr Robert Pemberton",
                      PersonFields("Mr", "Robert", "Pemberton", role=Role.VICE_CHAIR))),
    prepare(Candidate(2, "Cllr Jane Ashworth",
                      PersonFields("Cllr", "Jane", "Ashworth", role=Role.CHAIR))),
    prepare(Candidate(3, "Sarah Hammond — Director of SEND",
                      PersonFields("", "Sarah", "Hammond", job_title="Director of SEND",
                                   kind=PersonKind.OFFICER))),
    prepare(Candidate(4, "Mr Sam Hughes", PersonFields("Mr", "Sam", "Hughes", role=Role.MEMBER))),
    prepare(Candidate(5, "Mr Tom Hughes", PersonFields("Mr", "Tom", "Hughes", role=Role.MEMBER))),
]
WRITTEN = {1: "the Vice-Chair", 2: "the Chair", 3: "Sarah Hammond", 4: "Mr S Hughes",
           5: "Mr T Hughes"}


def test_every_written_form_finds_the_person():
    for typed in ("Mr Pemberton", "the Vice-Chair", "Vice-Chair", "vice chair", "Robert Pemberton",
                  "Cllr Pemberton", "pemberton", "Mr Robert Pemberton", "Mr. Pemberton"):
        assert resolve(PEOPLE, typed, WRITTEN) == [1], typed
    assert resolve(PEOPLE, "the Chair", WRITTEN) == [2]
    assert resolve(PEOPLE, "Chair", WRITTEN) == [2]
    assert resolve(PEOPLE, "hammond", WRITTEN) == [3]
    assert sorted(resolve(PEOPLE, "sh", WRITTEN)) == [3, 4]  # initials of two people
    assert resolve(PEOPLE, "Sarah Hammond — Director of SEND", WRITTEN) == [3]
    assert resolve(PEOPLE, "Mr T Hughes", WRITTEN) == [5]


def test_unknown_and_ambiguous_names_find_nobody_or_several():
    assert resolve(PEOPLE, "Mr Kowalski", WRITTEN) == []
    assert resolve(PEOPLE, "", WRITTEN) == []
    assert sorted(resolve(PEOPLE, "Mr Hughes", WRITTEN)) == [4, 5]
