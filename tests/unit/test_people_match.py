"""Name near-miss matching: edit distance, same/near/different names, initials."""

import pytest

from clerkdesk.domain.people_match import (
    NameMatch,
    NameParts,
    best_match,
    compare_names,
    edit_distance,
    initials_of,
    matches_typed,
    normalise_name,
)


def full(text: str) -> NameParts:
    *given, family = text.split()
    return NameParts(" ".join(given), family)


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [("", "", 0), ("abc", "", 3), ("sara", "sarah", 1), ("hammond", "hamond", 1),
     ("hammond", "hmamond", 1), ("kitten", "sitting", 3), ("love", "lowe", 1)],
)
def test_edit_distance(a: str, b: str, distance: int) -> None:
    assert edit_distance(a, b) == distance
    assert edit_distance(b, a) == distance


def test_edit_distance_stops_at_the_limit() -> None:
    assert edit_distance("abcdefgh", "zyxwvuts", limit=2) == 3
    assert edit_distance("a", "abcdef", limit=1) == 2
    assert edit_distance("sara", "sarah", limit=1) == 1


def test_normalise_name_ignores_case_accents_and_apostrophe_forms() -> None:
    assert normalise_name("  O’Brien-Smith ") == "o'brien-smith"
    assert normalise_name("Zoë  Léa") == "zoe lea"
    assert normalise_name("S. Hammond") == "s hammond"


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Sarah Hammond", "Sarah Hammond", NameMatch.SAME),
        ("sarah  hammond", "Sarah Hammond", NameMatch.SAME),
        ("Sara Hammond", "Sarah Hammond", NameMatch.NEAR),
        ("Sarah Hamond", "Sarah Hammond", NameMatch.NEAR),
        ("Sara Hamond", "Sarah Hammond", NameMatch.NEAR),
        ("S. Hammond", "Sarah Hammond", NameMatch.NEAR),
        ("Sam Jones", "Samantha Jones", NameMatch.NEAR),
        ("Marie-Clare Dubois", "Marie-Claire Dubois", NameMatch.NEAR),
        ("Ann Smith", "Ian Smith", NameMatch.DIFFERENT),
        ("Sarah Hammond", "Sarah Jones", NameMatch.DIFFERENT),
        ("Alison Farmer", "Elise McQueen", NameMatch.DIFFERENT),
        ("Peter Love", "Peter Lowe", NameMatch.DIFFERENT),  # short surnames: no typo allowance
    ],
)
def test_compare_full_names(a: str, b: str, expected: NameMatch) -> None:
    assert compare_names(full(a), full(b)) is expected
    assert compare_names(full(b), full(a)) is expected


def test_titles_must_agree_but_cllr_and_councillor_are_one_title() -> None:
    love = NameParts(family="Love", title="Mr")
    assert compare_names(love, NameParts(family="Love", title="Mr")) is NameMatch.SAME
    assert compare_names(love, NameParts(family="Love", title="Mrs")) is NameMatch.DIFFERENT
    assert compare_names(love, NameParts(given="John", family="Love", title="Mr")) is (
        NameMatch.SAME)
    smith = NameParts(family="Smith", title="Cllr")
    assert compare_names(smith, NameParts(family="Smith", title="Councillor")) is NameMatch.SAME
    hannon = NameParts(family="Hannon", title="Ms")
    assert compare_names(hannon, NameParts(family="Hanon", title="Ms")) is NameMatch.NEAR


def test_a_name_without_a_family_name_matches_nobody() -> None:
    assert compare_names(NameParts(), NameParts()) is NameMatch.DIFFERENT
    assert compare_names(NameParts(given="Sarah"), full("Sarah Hammond")) is NameMatch.DIFFERENT


def test_best_match_prefers_same_then_the_closest_name() -> None:
    roster = [(1, full("Sarah Hammond")), (2, full("Sara Hammond")), (3, full("Alison Farmer"))]
    assert best_match(full("Sara Hammond"), roster) == (2, NameMatch.SAME)
    assert best_match(full("Sarha Hammond"), roster[::2]) == (1, NameMatch.NEAR)
    with pytest.raises(LookupError):
        best_match(full("Elise McQueen"), roster)


def test_initials_and_quick_typing() -> None:
    sarah = full("Sarah Hammond")
    assert initials_of(sarah) == "sh"
    assert initials_of(full("Marie-Claire Dubois")) == "mcd"
    assert matches_typed("sh", sarah)
    assert matches_typed("Hamm", sarah)
    assert matches_typed("sarah h", sarah)
    assert not matches_typed("jo", sarah)
    assert not matches_typed("  ", sarah)
    assert matches_typed("mr", NameParts(family="Love", title="Mr"))
