"""Spelling with the real en_GB Hunspell dictionary: words checked, known words, suggestions."""

import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clerkdesk.domain.spelling import replaced, words
from clerkdesk.services.dictionaries import dictionary, spell_checker


@pytest.fixture(scope="module")
def checker():
    return spell_checker()


def misspelt(checker, text: str) -> list[str]:
    return [word.text for word in checker.misspellings(text)]


def test_british_spellings_pass_and_febuary_is_corrected(checker) -> None:
    text = "The organisation’s programme, licence and colour were recognised in Febuary."
    assert misspelt(checker, text) == ["Febuary"]
    assert checker.best("Febuary") == "February"


def test_apostrophes_hyphens_accents_and_names_from_the_roster(checker) -> None:
    text = "The councillor’s co-opted members' café naïve rôle; Cllr Okonkwo’s Okonkwo-Lowther."
    assert misspelt(checker, text) == ["Okonkwo’s", "Okonkwo-Lowther"]
    known = checker.with_known(["Dr Chidi Okonkwo"])
    assert misspelt(known, text) == []
    assert misspelt(checker.with_known(["Ms Ada Okonkwo-Lowther"]), text) == []
    assert misspelt(checker, text) == ["Okonkwo’s", "Okonkwo-Lowther"]  # the base is unchanged


def test_acronyms_figures_addresses_and_person_tokens_are_not_checked(checker) -> None:
    text = ("The DfE and CYPE met at 10am on the A38; see https://westmere.example/zzq or "
            "mail clerk@westmere.example; {@12} and {@member} spoke.")
    assert misspelt(checker, text) == []


def test_a_10000_letter_word_is_flagged_without_suggestions(checker) -> None:
    long_word = "q" * 10_000
    assert misspelt(checker, f"A {long_word} word.") == [long_word]
    assert checker.suggestions(long_word) == ()


def test_welsh_words_need_the_second_dictionary() -> None:
    text = "Croeso i'r cyfarfod."
    assert misspelt(spell_checker(), text) != []
    assert misspelt(spell_checker("cy_GB"), text) == []


def test_unknown_language_is_refused() -> None:
    from clerkdesk.errors import ClerkDeskError

    with pytest.raises(ClerkDeskError):
        dictionary("xx_XX")


TEXTS = st.text(alphabet=string.ascii_letters + "éüñ’'-– .,{}@0123456789\n", max_size=200)


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_words_are_spans_of_the_text_in_order(text: str) -> None:
    found = list(words(text))
    assert all(text[w.start:w.end] == w.text for w in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


@settings(max_examples=100, deadline=None)
@given(TEXTS, st.lists(st.from_regex(r"[A-Za-zé]{2,12}", fullmatch=True), max_size=5))
def test_known_words_are_never_flagged(checker, text: str, names: list[str]) -> None:
    known = checker.with_known(names)
    sample = text + " " + " ".join(names)
    flagged = {w.text.casefold() for w in known.misspellings(sample)}
    assert not flagged & {name.casefold() for name in names}


@settings(max_examples=50, deadline=None)
@given(st.sampled_from(["Febuary", "comittee", "recieved", "accomodation", "seperate"]),
       st.text(alphabet=string.ascii_lowercase + " ", max_size=40))
def test_applying_the_best_suggestion_removes_the_misspelling(checker, typo: str,
                                                              around: str) -> None:
    text = f"{around} {typo} {around}"
    [word] = [w for w in checker.misspellings(text) if w.text == typo]
    fixed = replaced(text, word, checker.best(typo))
    assert typo not in [w.text for w in checker.misspellings(fixed)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["the", "th", "Febuary", "co-opted", "co-", "-opted", "DfE",
                                 "naïve", "a38", "10am", "’s", "'", "x@y.z", "{@3}", " ", "  ",
                                 ".", "-", "zzq", "Zzq", "zzq-the", "http://zzq"]), max_size=30)
       .map("".join))
def test_fast_misspellings_match_checking_every_word(checker, text: str) -> None:
    expected = [w for w in words(text) if not checker.is_correct(w.text)]
    assert checker.misspellings(text) == expected


PIECES = st.sampled_from(["the", "Febuary", "co-opted", "zzq", " ", "  ", ".", "-", "10", "a",
                          "http://zzq", "x@y", "’s", "DfE", "\n"])


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=25).map("".join), st.integers(0, 60), st.integers(0, 5),
       st.lists(PIECES, max_size=3).map("".join))
def test_rechecking_only_the_edit_gives_the_same_misspellings(checker, old: str, at: int,
                                                              removed: int, added: str) -> None:
    from clerkdesk.domain.spelling import misspellings_after_edit

    at = min(at, len(old))
    new = old[:at] + added + old[at + removed:]
    assert misspellings_after_edit(checker, old, checker.misspellings(old), new) == \
        checker.misspellings(new)
