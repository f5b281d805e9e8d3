"""Recorded votes read back from a line: ClerkDesk's own form and the usual council forms."""

import pytest

from clerkdesk.domain.flag_fields import ResolutionFields
from clerkdesk.domain.resolutions import vote_line
from clerkdesk.domain.vote_lines import VoteRecord, parse_vote_line


@pytest.mark.parametrize(("line", "record"), [
    ("(Carried: 7 for, 2 against, 1 abstention)", VoteRecord(7, 2, 1, True)),
    ("(Lost: 3 for, 5 against)", VoteRecord(3, 5, None, False)),
    ("For: 7, Against: 2, Abstentions: 1", VoteRecord(7, 2, 1)),
    ("(7 For, 2 Against, 1 Abstention)", VoteRecord(7, 2, 1)),
    ("[Vote: ] 6 for and 3 against", None),  # a label we do not know: left as a paragraph
    ("The motion was carried by 7 votes to 2", VoteRecord(7, 2, None, True)),
    ("The amendment was lost by 6 votes to 4.", VoteRecord(4, 6, None, False)),
    ("Carried by 9 votes to 1, with 2 abstentions", VoteRecord(9, 1, 2, True)),
    ("CARRIED unanimously", VoteRecord(carried=True)),
    ("(Unanimous)", VoteRecord(carried=True)),
    ("Lost", VoteRecord(carried=False)),
    ("(Carried: 5 for, 5 against; the Chair used a casting vote)",
     VoteRecord(5, 5, None, True, casting_vote=True)),
    ("(Carried: 7 for; moved by Mr Love, seconded by Ms Hannon)",
     VoteRecord(7, None, None, True, recorded="moved by Mr Love, seconded by Ms Hannon")),
])
def test_vote_lines_are_read(line: str, record: VoteRecord | None) -> None:
    assert parse_vote_line(line) == record


@pytest.mark.parametrize("line", [
    "Members voted on the recommendation after a long discussion.",
    "A Member asked whether 7 for and 2 against was a fair summary of the consultation.",
    "The Chair thanked officers for the report.",
    "Carried forward to the next meeting: the work programme.",
    "2) The report was noted.",
    "",
])
def test_prose_is_not_a_vote(line: str) -> None:
    assert parse_vote_line(line) is None


def test_clerkdesks_own_vote_line_reads_back_the_same() -> None:
    fields = ResolutionFields(votes_for=8, votes_against=3, abstentions=2, carried=True,
                              casting_vote=True)
    record = parse_vote_line(vote_line(fields, lambda _pid: ""))
    assert record == VoteRecord(8, 3, 2, True, casting_vote=True)
