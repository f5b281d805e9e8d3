"""The minute editor driven by keyboard as a clerk drives it; every test ends with the file
holding exactly what the editor shows (texts, levels, order) once the autosaver has flushed."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from support.editor_harness import build_database, open_editor, stored_rows, type_text
from support.refleak import lost_references

from clerkdesk.errors import StorageError
from clerkdesk.services import editing, workspace

Key = Qt.Key
Mod = Qt.KeyboardModifier

# The clerk's own words for an item like the seed's paragraphs 1-6: (text, level).
ITEM = [
    ("Mr Love introduced the report.", 0),
    ("Sarah Hammond explained that, following the submission of the Accelerated Progress Plan "
     "(APP) on 29 June 2023, there were further requests – predominantly from NHS England – to "
     "make further amendments to the APP. The Government had given an assurance that it would "
     "provide the final, approved version of Kent’s APP, to be shared with the Sub-Committee.", 0),
    ("A Member asked for clarification about the information that the Sub-Committee requested "
     "at its meeting on 6 June 2023.", 0),
    ("Sarah Hammond explained that the information was expected to be provided as a written "
     "response to the Sub-Committee.", 1),
    ("Gaetano Romagnuolo confirmed that the information was circulated to the Sub-Committee.", 1),
    ("A Member referred to a number of actions in KCC’s Representation to the DfE to be "
     "undertaken in April-May 2023 (p28-29 of the agenda pack) and asked whether the "
     "Sub-Committee would be provided with an updated report.", 0),
    ("Mr Love explained that some of the actions – such as the CYPE leadership changes "
     "ratified by County Council – were completed.", 1),
    ("Sarah Hammond confirmed that many of those actions had been completed; the areas not yet "
     "completed would be included in the APP.", 0),
    ("A Member asked for further details about NHS England’s amendments to the APP.", 0),
    ("Sarah Hammond explained that, although she could not provide specific details until the "
     "APP was approved, there were concerns around timescales and waiting lists.", 1),
]
ITEM_LABELS = ["1)", "2)", "3)", "a)", "b)", "4)", "a)", "5)", "6)", "a)"]


# --- helpers -------------------------------------------------------------------------------
@pytest.fixture
def make_rig(qtbot, tmp_path):
    """Open an item in the wired editor; at teardown the file must match what is shown."""
    rigs = []

    def make(rows=(), items=None):
        meeting = build_database(tmp_path / f"minutes{len(rigs)}.sqlite", items or [list(rows)])
        rig = open_editor(meeting)
        qtbot.addWidget(rig.editor)
        qtbot.waitExposed(rig.editor)
        rigs.append(rig)
        return rig

    yield make
    for rig in rigs:
        if rig.autosaver.flush():
            assert_file_matches(rig)
        rig.db.close()


def assert_file_matches(rig):
    assert rig.autosaver.flush(), rig.autosaver.last_error
    rows = stored_rows(rig.meeting.path, rig.item_id)
    assert [(text, level) for text, level, _ in rows] == rig.shown_rows()
    assert [position for _, _, position in rows] == list(range(len(rows)))


def press(editor, key, modifiers=Mod.NoModifier, times=1):
    for _ in range(times):
        QTest.keyClick(editor, key, modifiers)


def press_standard(editor, standard_key, index=0):
    """Press the platform's binding number `index` for a standard key (Undo, Redo, Paste)."""
    combination = QKeySequence.keyBindings(standard_key)[index][0]
    QTest.keyClick(editor, combination.key(), combination.keyboardModifiers())


def caret_to(rig, index, at_end=False):
    """Put the caret at the start or end of the index-th paragraph (as a click would)."""
    block = rig.editor.paragraphs.blocks()[index]
    pid = rig.editor.paragraphs.data(block).id
    rig.editor.set_caret(pid, block.length() - 1 if at_end else 0)


def paste(rig, text):
    QApplication.clipboard().setText(text)
    press_standard(rig.editor, QKeySequence.StandardKey.Paste)


def file_texts(rig):
    return [text for text, _, _ in stored_rows(rig.meeting.path, rig.item_id)]


def type_item(editor):
    """Type ITEM: Enter for a new paragraph, Tab for a sub-point, Shift+Tab to come back, and
    Enter on an empty sub-point to return to the main level."""
    level = 0
    for index, (text, wanted) in enumerate(ITEM):
        if index:
            press(editor, Key.Key_Return)
        if wanted > level:
            press(editor, Key.Key_Tab)
        elif wanted < level:
            if index == 7:
                press(editor, Key.Key_Return)  # Enter on an empty sub-point promotes it
            else:
                press(editor, Key.Key_Backtab, Mod.ShiftModifier)
        level = wanted
        type_text(editor, text)


# --- whole item ----------------------------------------------------------------------------
def test_clerk_types_a_whole_item(make_rig):
    rig = make_rig()
    type_item(rig.editor)

    assert rig.editor.numbers.labels == ITEM_LABELS
    assert rig.shown_rows() == ITEM
    assert_file_matches(rig)
    assert [(p.text, p.level) for p in workspace.item_paragraphs(rig.db, rig.item_id)] == ITEM
    assert rig.errors == []
    assert rig.states[-1][0].startswith("Saved")


def test_move_with_alt_up_then_undo_and_redo(make_rig):
    rig = make_rig(ITEM)
    caret_to(rig, 5)  # "4) A Member referred ..." with its sub-point a)

    press(rig.editor, Key.Key_Up, Mod.AltModifier)
    moved = ITEM[:2] + ITEM[5:7] + ITEM[2:5] + ITEM[7:]
    assert rig.shown_rows() == moved
    assert rig.editor.numbers.labels == ["1)", "2)", "3)", "a)", "4)", "a)", "b)", "5)", "6)",
                                         "a)"]
    assert_file_matches(rig)

    press_standard(rig.editor, QKeySequence.StandardKey.Undo)
    assert rig.shown_rows() == ITEM
    assert rig.editor.numbers.labels == ITEM_LABELS
    assert_file_matches(rig)

    press(rig.editor, Key.Key_Z, Mod.ControlModifier | Mod.ShiftModifier)  # one Redo binding
    assert rig.shown_rows() == moved
    assert_file_matches(rig)
    press_standard(rig.editor, QKeySequence.StandardKey.Undo)
    press_standard(rig.editor, QKeySequence.StandardKey.Redo)  # the platform's first binding
    assert rig.shown_rows() == moved
    assert_file_matches(rig)


def test_move_cannot_leave_its_siblings(make_rig):
    rig = make_rig(ITEM)
    caret_to(rig, 3)  # "a)" is the first sub-point of 3): nothing above it at its level
    press(rig.editor, Key.Key_Up, Mod.AltModifier)
    assert rig.shown_rows() == ITEM
    caret_to(rig, 0)
    press(rig.editor, Key.Key_Up, Mod.AltModifier)
    assert rig.shown_rows() == ITEM
    assert rig.errors == []


def test_typing_undo_and_redo_reach_the_file(make_rig):
    rig = make_rig([("Mr Love introduced the report.", 0)])
    caret_to(rig, 0, at_end=True)
    type_text(rig.editor, " He thanked officers")

    press_standard(rig.editor, QKeySequence.StandardKey.Undo)
    assert rig.shown_rows() == [("Mr Love introduced the report.", 0)]
    assert_file_matches(rig)
    press(rig.editor, Key.Key_Y, Mod.ControlModifier)
    assert rig.shown_rows() == [("Mr Love introduced the report. He thanked officers", 0)]
    assert_file_matches(rig)


# --- structure keys ------------------------------------------------------------------------
def test_backspace_at_start_of_empty_paragraph_deletes_it(make_rig):
    rig = make_rig([("First.", 0), ("", 0), ("Third.", 0)])
    caret_to(rig, 1)
    press(rig.editor, Key.Key_Backspace)
    assert rig.shown_rows() == [("First.", 0), ("Third.", 0)]
    assert rig.editor.caret()[1] == len("First.")  # caret at the end of the one above
    assert rig.editor.numbers.labels == ["1)", "2)"]
    assert_file_matches(rig)

    press_standard(rig.editor, QKeySequence.StandardKey.Undo)
    assert rig.shown_rows() == [("First.", 0), ("", 0), ("Third.", 0)]
    assert_file_matches(rig)


def test_backspace_at_start_merges_into_previous(make_rig):
    rig = make_rig([("The Chair opened", 0), (" the meeting.", 1), ("Next.", 0)])
    caret_to(rig, 1)
    press(rig.editor, Key.Key_Backspace)
    assert rig.shown_rows() == [("The Chair opened the meeting.", 0), ("Next.", 0)]
    assert rig.editor.caret()[1] == len("The Chair opened")
    type_text(rig.editor, ",")
    assert rig.shown_rows()[0] == ("The Chair opened, the meeting.", 0)
    assert_file_matches(rig)


def test_backspace_at_start_of_first_paragraph_does_nothing(make_rig):
    rig = make_rig([("Only.", 0)])
    caret_to(rig, 0)
    press(rig.editor, Key.Key_Backspace)
    assert rig.shown_rows() == [("Only.", 0)]


def test_delete_at_end_merges_next(make_rig):
    rig = make_rig([("Apologies were received from", 0), (" Mr Love.", 0), ("Next.", 0)])
    caret_to(rig, 0, at_end=True)
    press(rig.editor, Key.Key_Delete)
    assert rig.shown_rows() == [("Apologies were received from Mr Love.", 0), ("Next.", 0)]
    assert_file_matches(rig)


def test_delete_at_end_of_last_paragraph_does_nothing(make_rig):
    rig = make_rig([("First.", 0), ("Last.", 0)])
    caret_to(rig, 1, at_end=True)
    press(rig.editor, Key.Key_Delete)
    assert rig.shown_rows() == [("First.", 0), ("Last.", 0)]
    assert rig.errors == []


def test_enter_in_the_middle_splits_and_tab_limits(make_rig):
    rig = make_rig([("The report was noted.The Chair thanked officers.", 0)])
    caret_to(rig, 0)
    press(rig.editor, Key.Key_Tab)  # the first paragraph cannot be a sub-point
    press(rig.editor, Key.Key_Right, times=len("The report was noted."))
    press(rig.editor, Key.Key_Return)
    press(rig.editor, Key.Key_Tab, times=3)  # only one level deeper than the one above
    assert rig.shown_rows() == [("The report was noted.", 0), ("The Chair thanked officers.", 1)]
    assert rig.editor.numbers.labels == ["1)", "a)"]
    assert_file_matches(rig)


def test_shift_enter_is_a_line_break_inside_the_paragraph(make_rig):
    rig = make_rig()
    type_text(rig.editor, "Dates:")
    press(rig.editor, Key.Key_Return, Mod.ShiftModifier)
    type_text(rig.editor, "6 June 2023")
    assert rig.shown_rows() == [("Dates:\n6 June 2023", 0)]
    assert rig.editor.numbers.labels == ["1)"]
    assert_file_matches(rig)


def test_enter_and_tab_in_an_empty_item_leave_no_unsaved_block(make_rig):
    rig = make_rig()
    press(rig.editor, Key.Key_Return)
    press(rig.editor, Key.Key_Tab)
    type_text(rig.editor, "Apologies were received.")
    assert rig.shown_rows() == [("Apologies were received.", 0)]
    assert_file_matches(rig)


def test_select_all_then_typing_stays_inside_one_paragraph(make_rig):
    rows = [("First.", 0), ("Second.", 0), ("Third.", 0)]
    rig = make_rig(rows)
    caret_to(rig, 2, at_end=True)
    press(rig.editor, Key.Key_A, Mod.ControlModifier)
    type_text(rig.editor, "X")
    assert len(rig.shown_rows()) == 3  # never one block holding three paragraphs' ids
    assert "X" in [text for text, _ in rig.shown_rows()]
    assert_file_matches(rig)


# --- paste ---------------------------------------------------------------------------------
def test_multi_line_paste_becomes_paragraphs(make_rig):
    rig = make_rig([("Apologies: before after", 0), ("Last.", 0)])
    caret_to(rig, 0)
    press(rig.editor, Key.Key_Right, times=len("Apologies: before "))
    paste(rig, "Mr Love\r\nMrs Bell\r\nMr Hood ")
    assert rig.shown_rows() == [("Apologies: before Mr Love", 0), ("Mrs Bell", 0),
                                ("Mr Hood after", 0), ("Last.", 0)]
    assert rig.editor.caret()[1] == len("Mr Hood ")
    assert rig.editor.numbers.labels == ["1)", "2)", "3)", "4)"]
    assert_file_matches(rig)

    press_standard(rig.editor, QKeySequence.StandardKey.Undo)
    assert rig.shown_rows() == [("Apologies: before after", 0), ("Last.", 0)]
    assert_file_matches(rig)


def test_multi_line_paste_into_an_empty_item(make_rig):
    rig = make_rig()
    paste(rig, "One.\nTwo.\nThree.")
    assert rig.shown_rows() == [("One.", 0), ("Two.", 0), ("Three.", 0)]
    assert_file_matches(rig)
    type_text(rig.editor, " More.")
    assert rig.shown_rows()[-1] == ("Three. More.", 0)
    assert_file_matches(rig)


def test_one_megabyte_single_line_paste_is_stored_whole(make_rig):
    rig = make_rig([("Start: ", 0)])
    caret_to(rig, 0, at_end=True)
    big = ("The Sub-Committee considered the figures in detail. " * 20_000)[: 1 << 20]
    paste(rig, big)
    type_text(rig.editor, "!")
    assert_file_matches(rig)
    assert file_texts(rig) == ["Start: " + big + "!"]


@pytest.mark.parametrize("odd", ["\x0b", "\x0c", "\t", "\x1c", "\x85", "\u2029", "\x00"])
def test_pasted_control_characters_are_stored_without_a_crash(make_rig, odd):
    rig = make_rig([("Before", 0), ("Next.", 0)])
    caret_to(rig, 0, at_end=True)
    paste(rig, f" a{odd}b")
    assert rig.errors == []
    assert_file_matches(rig)
    texts = file_texts(rig)
    if odd == "\u2029":  # a paragraph separator starts a new paragraph, like a line end
        assert texts == ["Before a", "b", "Next."]
    elif odd == "\x00":
        assert texts == ["Before ab", "Next."]
    else:
        assert texts == [f"Before a{odd}b", "Next."]


# --- autosave ------------------------------------------------------------------------------
def test_failed_save_keeps_text_and_retries(make_rig, qtbot, monkeypatch):
    rig = make_rig([("Mr Love introduced the report.", 0)])
    pid = rig.editor.paragraphs.ids()[0]
    caret_to(rig, 0, at_end=True)

    def disk_full(*_args, **_kwargs):
        raise StorageError("The disk is full; ClerkDesk could not save.")

    monkeypatch.setattr(editing, "save_texts", disk_full)
    type_text(rig.editor, " He thanked officers.")
    qtbot.waitUntil(lambda: rig.states and not rig.states[-1][1], timeout=3000)

    message = rig.states[-1][0]
    assert "NOT SAVED" in message and "disk is full" in message
    wanted = "Mr Love introduced the report. He thanked officers."
    assert rig.shown_rows() == [(wanted, 0)]
    assert rig.autosaver.pending == {pid: wanted}
    assert file_texts(rig) == ["Mr Love introduced the report."]

    press(rig.editor, Key.Key_Return)  # a structural edit must not go ahead of unsaved text
    assert rig.errors and "disk is full" in rig.errors[-1]
    assert rig.shown_rows() == [(wanted, 0)]

    monkeypatch.undo()
    qtbot.waitUntil(lambda: rig.states[-1][0].startswith("Saved"), timeout=5000)
    assert rig.autosaver.pending == {}
    assert file_texts(rig) == [wanted]
    assert_file_matches(rig)


def test_typed_text_is_saved_within_half_a_second(make_rig, qtbot):
    rig = make_rig([("Mr Love introduced the report.", 0)])
    caret_to(rig, 0, at_end=True)
    type_text(rig.editor, " Noted.")
    qtbot.wait(500)
    assert file_texts(rig) == ["Mr Love introduced the report. Noted."]
    assert rig.states[-1][0].startswith("Saved")


def test_switching_items_keeps_each_items_text(make_rig):
    rig = make_rig(items=[[("Item one.", 0)], [("Item two.", 0)]])
    first, second = rig.meeting.item_ids
    caret_to(rig, 0, at_end=True)
    type_text(rig.editor, " Edited")
    rig.controller.show_item(second)
    assert rig.shown_rows() == [("Item two.", 0)]
    assert stored_rows(rig.meeting.path, first)[0][0] == "Item one. Edited"
    press_standard(rig.editor, QKeySequence.StandardKey.Undo)  # undo goes back to item one
    assert rig.item_id == first
    assert rig.shown_rows() == [("Item one.", 0)]
    assert_file_matches(rig)


# --- the Qt binding itself -----------------------------------------------------------------
def test_qt_calls_keep_refcounts():
    """PySide6 6.12.0 on Python 3.11 loses a reference to None per void call and to True per
    emit; a typing process then aborts within minutes (see tests/support/refleak.py)."""
    lost = lost_references()
    assert max(lost.values()) < 0.5, (
        f"the installed PySide6 loses references ({lost}); the app would abort with "
        "'Fatal Python error: none_dealloc' after some minutes of typing. Use PySide6 < 6.12 "
        "(6.11.3 is free of it) or Python >= 3.12."
    )


def test_margin_numbers_find_the_block_under_any_height(make_rig):
    long = "A Member asked about waiting times in every district of the county. " * 40
    rig = make_rig([("Short.", 0), (long, 0), ("Sub-point.", 1), ("Last.", 0)])
    layout = rig.editor.document().documentLayout()
    numbers = rig.editor.numbers
    for block_number in range(4):
        block = rig.editor.document().findBlockByNumber(block_number)
        rect = layout.blockBoundingRect(block)
        for y in (rect.top(), rect.center().y(), rect.bottom() - 1):
            assert numbers._block_at(layout, y).blockNumber() == block_number
    assert numbers._block_at(layout, -50).blockNumber() == 0
    assert numbers._block_at(layout, 10**6).blockNumber() == 3


def test_margin_numbers_paint_each_first_line_in_the_repainted_area(make_rig, monkeypatch,
                                                                     qtbot):
    rig = make_rig([("One.", 0), ("Two.", 0), ("Sub.", 1), ("Three.", 0)])
    painted: list[int] = []
    monkeypatch.setattr(rig.editor.numbers, "_paint_block",
                        lambda painter, block, *args: painted.append(block.blockNumber()))
    rig.editor.viewport().update()  # a real paint event over the whole viewport
    qtbot.waitUntil(lambda: len(painted) >= 4)
    assert painted == [0, 1, 2, 3]
    painted.clear()
    layout = rig.editor.document().documentLayout()
    second = layout.blockBoundingRect(rig.editor.document().findBlockByNumber(1)).toRect()
    second.translate(0, -rig.editor.verticalScrollBar().value())
    rig.editor.viewport().update(second.adjusted(0, 1, 0, -1))  # the second paragraph only
    qtbot.waitUntil(lambda: bool(painted))
    qtbot.wait(20)
    assert painted == [1]


# --- issue 12: undo after Enter ------------------------------------------------------------
def test_undo_after_enter_leaves_the_caret_in_the_new_paragraph(make_rig):
    rig = make_rig([("The Sub-Committee noted the report.", 0)])
    caret_to(rig, 0, at_end=True)
    press(rig.editor, Key.Key_Return)
    type_text(rig.editor, "Mr Love asked")
    press_standard(rig.editor, QKeySequence.StandardKey.Undo)  # undoes "Mr Love asked"
    type_text(rig.editor, "A Member asked about transport.")

    assert rig.autosaver.flush()
    assert file_texts(rig) == ["The Sub-Committee noted the report.",
                               "A Member asked about transport."]
    press_standard(rig.editor, QKeySequence.StandardKey.Undo)
    press_standard(rig.editor, QKeySequence.StandardKey.Redo)
    type_text(rig.editor, " Noted.")
    assert rig.autosaver.flush()
    assert file_texts(rig) == ["The Sub-Committee noted the report.",
                               "A Member asked about transport. Noted."]


def test_margin_numbers_are_laid_out_once_not_on_every_key(make_rig, qtbot):
    """Typing repaints the typed paragraph's first line on most keys: its number is drawn
    from the text laid out at the first paint, and laid out again only for a new font."""
    rig = make_rig(ITEM)
    editor, numbers = rig.editor, rig.editor.numbers
    editor.viewport().update()
    qtbot.waitUntil(lambda: numbers.static_texts_made >= len(set(ITEM_LABELS)))
    made = numbers.static_texts_made
    block = editor.document().findBlockByNumber(1)
    editor.setTextCursor(QTextCursor(block))
    editor.setFocus()
    painted = []
    original = numbers._paint_block
    numbers._paint_block = lambda *args: (painted.append(args[1].blockNumber()),
                                          original(*args))
    for _ in range(3):
        type_text(editor, "now ")
        qtbot.waitUntil(lambda: bool(painted))
        painted.clear()
    assert numbers.static_texts_made == made
    assert numbers.labels == ITEM_LABELS
    bigger = editor.font()
    bigger.setPointSizeF(bigger.pointSizeF() + 4)
    editor.setFont(bigger)
    editor.viewport().update()
    qtbot.waitUntil(lambda: numbers.static_texts_made >= made + len(set(ITEM_LABELS)))
    assert_file_matches(rig)
    assert stored_rows(rig.meeting.path, rig.item_id)[1][0].startswith("now now now Sarah")
