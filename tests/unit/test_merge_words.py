"""Two clerks' versions of one paragraph merged word by word, with the stored text as the base."""

from hypothesis import given
from hypothesis import strategies as st

from clerkdesk.domain.merge import merge_words

BASE = "The Committee noted the report and thanked the officer."


def test_changes_to_different_words_both_kept():
    mine = "The Committee noted the report and thanked the Director."
    theirs = "The Sub-Committee noted the report and thanked the officer."
    merged = merge_words(BASE, mine, theirs)
    assert merged.text == "The Sub-Committee noted the report and thanked the Director."
    assert merged.clean


def test_the_same_words_changed_two_ways_are_both_kept_and_marked():
    mine = "The Committee agreed the report and thanked the officer."
    theirs = "The Committee deferred the report and thanked the officer."
    merged = merge_words(BASE, mine, theirs)
    assert not merged.clean
    assert merged.text == ("The Committee [mine: agreed | theirs: deferred] the report and "
                           "thanked the officer.")


words = st.lists(st.sampled_from(["the", "report", "noted", "Cllr", "{@3}", "£1.5m", ","]),
                 max_size=12).map(" ".join)


@given(words, words)
def test_one_side_unchanged_gives_the_other(base, changed):
    assert merge_words(base, base, changed).text == changed
    assert merge_words(base, changed, base).text == changed


@given(words, words)
def test_the_same_change_on_both_sides_is_that_change(base, changed):
    merged = merge_words(base, changed, changed)
    assert merged.text == changed and merged.clean
