"""Pure domain rules: numbering schemes, name rendering, mention tokens, text clean-up."""
import re

from hypothesis import example, given
from hypothesis import strategies as st

from clerkdesk.domain.enums import PersonKind, Role
from clerkdesk.domain.mentions import mentioned_ids, person_token, render
from clerkdesk.domain.naming import (
    ChairStyle,
    MemberStyle,
    NamingConventions,
    OfficerStyle,
    written_name,
)
from clerkdesk.domain.numbering import (
    ItemNumbering,
    ParagraphScheme,
    alpha,
    item_labels,
    paragraph_labels,
    roman,
)
from clerkdesk.domain.person import PersonFields
from clerkdesk.domain.text import normalise_space, xml_invalid_characters, xml_safe


def test_paren_scheme_numbers_paragraphs_and_sub_points():
    levels = [0, 0, 1, 1, 0, None, 0, 1, 2]
    assert paragraph_labels(ParagraphScheme.PAREN, levels) == [
        "1)", "2)", "a)", "b)", "3)", "", "4)", "a)", "i)",
    ]


def test_dot_and_decimal_schemes():
    levels = [0, 1, 1, 0, 1, 2]
    assert paragraph_labels(ParagraphScheme.DOT, levels) == ["1.", "(a)", "(b)", "2.", "(a)", "(i)"]
    assert paragraph_labels(ParagraphScheme.DECIMAL, levels, "13") == [
        "13.1", "13.1.1", "13.1.2", "13.2", "13.2.1", "13.2.1.1",
    ]


def test_a_sub_point_without_a_parent_is_shown_as_a_main_paragraph():
    assert paragraph_labels(ParagraphScheme.PAREN, [1, 2, 0]) == ["1)", "a)", "2)"]


def test_item_numbers_plain_and_running_minute_numbers():
    assert item_labels(ItemNumbering(), [None, None, "2A"]) == ["1", "2", "2A"]
    assert item_labels(ItemNumbering("PLA{n}/14", 146), [None, None]) == ["PLA146/14", "PLA147/14"]
    assert ItemNumbering("{n}/20", 35).label(0) == "35/20"


def test_alpha_and_roman():
    assert [alpha(n) for n in (1, 26, 27, 28, 52, 53)] == ["a", "z", "aa", "bb", "zz", "aaa"]
    assert [roman(n) for n in (1, 4, 9, 14)] == ["i", "iv", "ix", "xiv"]


HAMMOND = PersonFields("Ms", "Sarah", "Hammond", job_title="Director of SEND",
                       kind=PersonKind.OFFICER)
LOVE = PersonFields("Mr", "Rory", "Love", kind=PersonKind.MEMBER)
VICE = PersonFields("Mrs", "Jo", "Brown", kind=PersonKind.MEMBER, role=Role.VICE_CHAIR)


def test_written_names_follow_conventions():
    default = NamingConventions()
    assert written_name(HAMMOND, default) == "Sarah Hammond"
    assert written_name(LOVE, default) == "Mr Love"
    assert written_name(VICE, default) == "the Vice-Chair"
    cllr = NamingConventions(member=MemberStyle.CLLR_FULL, chair=ChairStyle.NAME)
    assert written_name(LOVE, cllr) == "Cllr Rory Love"
    assert written_name(VICE, cllr) == "Cllr Jo Brown"
    assert written_name(LOVE, NamingConventions(member=MemberStyle.ANONYMOUS)) == "a Member"
    with_job = NamingConventions(officer=OfficerStyle.FULL_WITH_JOB)
    assert written_name(HAMMOND, with_job) == "Sarah Hammond (Director of SEND)"


def test_render_capitalises_names_that_open_a_sentence():
    names = {1: "Sarah Hammond", 3: "the Vice-Chair"}
    stored = (
        f"{person_token(3)} thanked {person_token(1)}. {{@member}} asked, and {{@member}} agreed."
    )
    assert render(stored, names.__getitem__) == (
        "The Vice-Chair thanked Sarah Hammond. A Member asked, and a Member agreed."
    )
    assert mentioned_ids(stored + person_token(1)) == [3, 1]


def test_text_clean_up():
    assert normalise_space("22)\u00a0The  Vice-Chair \t thanked ") == \
        "22)\u00a0The Vice-Chair thanked"
    assert normalise_space("1)\u00a0\u00a0\u00a0 Mr Love") == "1) Mr Love"  # padding
    dirty = "ok\x00\x0b\x1ftext\ud800\tand\n"
    assert xml_invalid_characters(dirty) == ["\x00", "\x0b", "\x1f", "\ud800"]
    assert xml_safe(dirty) == "ok\ntext\tand\n"


@given(st.integers(min_value=1, max_value=5000))
def test_letters_follow_words_lower_letter_format(n: int) -> None:
    """Word repeats the letter: the n-th label is letter (n-1) mod 26, (n-1) div 26 + 1 times,
    so ClerkDesk's own labels and --literal-numbers read as Word numbers them."""
    label = alpha(n)
    assert label == label[0] * len(label)
    assert (ord(label[0]) - ord("a"), len(label) - 1) == ((n - 1) % 26, (n - 1) // 26)


XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@given(st.text(alphabet=st.sampled_from(["a", "B", " ", "\n", "\x00", "\x0b", "\x0c", "\x1f",
                                         "\ud800", "\ufffe", "é", "\u00a0"])))
@example("B\x1f \x1fB")  # U+001F is white space to Python: found at merge, once 'BB'
def test_characters_word_cannot_hold_are_replaced_never_deleted(text: str) -> None:
    """No word is fused with the next ("hereLine"): the words are those of the text split at
    white space and at the characters Word cannot hold; text Word can hold is unchanged."""
    cleaned = xml_safe(text)
    assert not xml_invalid_characters(cleaned)
    assert cleaned.split() == [w for w in re.split(f"{XML_INVALID.pattern}|\\s", text) if w]
    if not xml_invalid_characters(text):
        assert cleaned == text


def test_a_vertical_tab_is_words_manual_line_break():
    assert xml_safe("Venue\x0bRoom 4") == "Venue\nRoom 4"
    assert xml_safe("here\x01Line, and\x02 there") == "here Line, and there"
