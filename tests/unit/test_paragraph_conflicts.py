"""Saving on a base: the editor's batch save refuses a paragraph a colleague changed meanwhile,
stores the rest, and the three ways out keep every text in the history."""

import datetime as dt

import pytest
from support.raw_sql import raw_rows

from clerkdesk.errors import ParagraphConflict
from clerkdesk.services import committees, conflicts, history, meetings, paragraphs
from clerkdesk.services.conflicts import TextBase
from clerkdesk.storage.database import open_database
from clerkdesk.storage.models import Paragraph

BASE = "The Committee noted the report."


@pytest.fixture
def clerks(db, db_target):
    committee = committees.create_committee(db, "Planning Committee")
    meeting = meetings.create_meeting(db, committee, dt.date(2026, 1, 5))
    item = meetings.add_item(db, meeting, "Applications")
    first = paragraphs.add_paragraph(db, item, BASE)
    second = paragraphs.add_paragraph(db, item, "Cllr Adeyemi asked about parking.")
    colleague = open_database(db_target)
    colleague.clerk = "rbrown"
    yield db, colleague, first, second
    colleague.close()


def _base(db, pid: int) -> TextBase:
    with db.reading() as session:
        row = session.get(Paragraph, pid)
        return TextBase(row.version, row.text)


def test_a_stale_paragraph_is_refused_and_the_others_in_the_batch_saved(clerks):
    db, colleague, first, second = clerks
    bases = {first: _base(db, first), second: _base(db, second)}
    paragraphs.edit_text(colleague, first, "The Committee noted the report, as amended.")
    outcome = conflicts.save_texts_on_bases(
        db, {first: "The Committee agreed the report.", second: "Cllr Adeyemi asked."}, bases)
    assert [c.paragraph_id for c in outcome.conflicts] == [first]
    assert outcome.conflicts[0].theirs == "The Committee noted the report, as amended."
    assert _base(db, first).text == "The Committee noted the report, as amended."
    assert _base(db, second).text == "Cllr Adeyemi asked."
    assert outcome.saved == {second: _base(db, second)}


def test_a_colleagues_level_change_is_no_conflict(clerks):
    from clerkdesk.services import editing

    db, colleague, first, _second = clerks
    base = _base(db, first)
    editing.set_levels(colleague, {first: 1})
    assert _base(db, first).version != base.version
    outcome = conflicts.save_texts_on_bases(db, {first: "Noted."}, {first: base})
    assert outcome.conflicts == [] and _base(db, first).text == "Noted."


def test_keep_mine_saves_over_theirs_and_the_history_keeps_theirs(clerks):
    db, colleague, first, _second = clerks
    base = _base(db, first)
    paragraphs.edit_text(colleague, first, "Theirs.")
    [conflict] = conflicts.save_texts_on_bases(db, {first: "Mine."}, {first: base}).conflicts
    details = conflicts.conflict_details(db, first, "Mine.", base)
    assert (details.base, details.mine, details.theirs, details.their_clerk) == (
        BASE, "Mine.", "Theirs.", "rbrown")
    saved = conflicts.save_over(db, first, "Mine.", details.their_version)
    assert saved == _base(db, first) and saved.text == "Mine."
    assert [(r.before, r.after) for r in history.revisions(db, first)][:2] == [
        ("Theirs.", "Mine."), (BASE, "Theirs.")]


def test_keep_mine_against_a_third_save_is_refused_again(clerks):
    db, colleague, first, _second = clerks
    base = _base(db, first)
    paragraphs.edit_text(colleague, first, "Theirs.")
    details = conflicts.conflict_details(db, first, "Mine.", base)
    paragraphs.edit_text(colleague, first, "Theirs, again.")
    with pytest.raises(ParagraphConflict):
        conflicts.save_over(db, first, "Mine.", details.their_version)
    assert _base(db, first).text == "Theirs, again."


def test_the_merge_offered_keeps_both_changes(clerks):
    db, colleague, first, _second = clerks
    base = _base(db, first)
    paragraphs.edit_text(colleague, first, "The Sub-Committee noted the report.")
    details = conflicts.conflict_details(db, first, "The Committee noted the report, as amended.",
                                         base)
    assert details.merged() == "The Sub-Committee noted the report, as amended."


def test_a_split_over_a_colleagues_text_is_refused_whole(clerks):
    from clerkdesk.services import editing

    db, colleague, first, _second = clerks
    base = _base(db, first)
    paragraphs.edit_text(colleague, first, "Theirs.")
    with db.reading() as session:
        item = session.get(Paragraph, first).item_id
    split = editing.ParagraphChange(item, texts={first: "The Committee"},
                                    insert=[(1, editing.NewParagraph(" noted the report."))])
    with pytest.raises(ParagraphConflict):
        editing.change_paragraphs(db, split, {first: base})
    assert _base(db, first).text == "Theirs."
    assert raw_rows(db, "SELECT COUNT(*) FROM paragraph WHERE item_id = ?", item) == [(2,)]
