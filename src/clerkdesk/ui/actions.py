"""Every keyboard shortcut declared once: main-window actions (id, text, keys, status tip), the
minute editor's own keys, and the keys each panel handles. The menus, the F1 sheet and the
README's keyboard table are all made from these tables (a test checks the README)."""

from dataclasses import dataclass
from enum import Enum, auto

from PySide6.QtCore import QKeyCombination, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

StandardKey = QKeySequence.StandardKey


class ActionId(Enum):
    NEW_DATABASE = auto()
    OPEN_DATABASE = auto()
    SAVE_COPY = auto()
    CONNECT_TEAM = auto()
    NEW_MEETING = auto()
    IMPORT_MINUTES = auto()
    NEW_MEETING_MODERNGOV = auto()
    REFRESH_MEMBERS_MODERNGOV = auto()
    CHECK_AGENDA_MODERNGOV = auto()
    EXPORT_WORD = auto()
    EXPORT_PDF = auto()
    PRINT = auto()
    OPEN_MEETING = auto()
    CLOSE_MEETING = auto()
    COMMITTEE_SETTINGS = auto()
    QUIT = auto()
    UNDO = auto()
    CUT = auto()
    COPY = auto()
    PASTE = auto()
    SELECT_ALL = auto()
    REDO = auto()
    FIND = auto()
    FIND_NEXT = auto()
    FIND_PREVIOUS = auto()
    REPLACE = auto()
    SEARCH_ALL = auto()
    INSERT_NAME = auto()
    INSERT_MEMBER = auto()
    SET_SPEAKER = auto()
    SPLIT_PARAGRAPH = auto()
    MERGE_PARAGRAPH = auto()
    FLAG_REQUEST = auto()
    FLAG_RESOLUTION = auto()
    FLAG_ACTION = auto()
    FLAG_DECLARATION = auto()
    EDIT_FLAG = auto()
    WRITE_REQUESTS = auto()
    REQUEST_LOG = auto()
    PREVIOUS_ITEM = auto()
    NEXT_ITEM = auto()
    FOCUS_AGENDA = auto()
    FOCUS_EDITOR = auto()
    FOCUS_ROSTER = auto()
    FOCUS_FLAGS = auto()
    ADD_ITEM = auto()
    RENAME_ITEM = auto()
    TOGGLE_EXEMPT = auto()
    DELETE_ITEM = auto()
    MOVE_ITEM_UP = auto()
    MOVE_ITEM_DOWN = auto()
    RUN_CHECKS = auto()
    SPELLING = auto()
    NEXT_MISSPELLING = auto()
    PARAGRAPH_HISTORY = auto()
    APPROVE_PREVIOUS = auto()
    PUBLISH = auto()
    ADD_CORRECTION = auto()
    START_MEETING = auto()
    PAUSE_MEETING = auto()
    END_MEETING = auto()
    SHORTCUTS = auto()
    ABOUT = auto()


@dataclass(frozen=True)
class ActionSpec:
    """An action; `shortcut` and `also` work on every platform and are the keys listed in the
    menus, F1 and README; the platform's own bindings for `standard` work as well."""

    id: ActionId
    text: str
    status_tip: str
    shortcut: str | None = None
    menu: str = "File"
    also: tuple[str, ...] = ()
    standard: StandardKey | None = None


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(ActionId.NEW_DATABASE, "&New database…",
               "Create an empty ClerkDesk database file and open it"),
    ActionSpec(ActionId.OPEN_DATABASE, "&Open database…",
               "Open an existing ClerkDesk database file", "Ctrl+O", standard=StandardKey.Open),
    ActionSpec(ActionId.SAVE_COPY, "Save a &copy as…",
               "Copy the whole database to another file (work continues in this one)",
               "Ctrl+Shift+S"),
    ActionSpec(ActionId.CONNECT_TEAM, "Connect to &team database…",
               "Work on your team's shared PostgreSQL database (server, database, user)"),
    ActionSpec(ActionId.NEW_MEETING, "New &meeting…",
               "Create a meeting: committee, date, time, venue and agenda", "Ctrl+N",
               standard=StandardKey.New),
    ActionSpec(ActionId.IMPORT_MINUTES, "&Import minutes…",
               "Read minutes from a text file (e.g. copied from a web page) as a new meeting",
               "Ctrl+I"),
    ActionSpec(ActionId.NEW_MEETING_MODERNGOV, "New meeting from Mo&dern.gov…",
               "Choose one of the committee's coming meetings on the council's Modern.gov site; "
               "its agenda becomes the meeting's"),
    ActionSpec(ActionId.REFRESH_MEMBERS_MODERNGOV, "Refresh mem&bers from Modern.gov…",
               "Compare the committee's members on the site with the roster and apply the "
               "changes you agree to"),
    ActionSpec(ActionId.CHECK_AGENDA_MODERNGOV, "Check the a&genda on Modern.gov…",
               "Show items added to or withdrawn from this meeting's agenda on the site"),
    ActionSpec(ActionId.EXPORT_WORD, "&Export…",
               "Write the minutes as Word, PDF or a web page for publication (public or full "
               "version), after the checks",
               "Ctrl+E"),
    ActionSpec(ActionId.EXPORT_PDF, "Export as &PDF…",
               "Write the minutes as a tagged, accessible PDF (needs LibreOffice)",
               "Ctrl+Shift+P"),
    ActionSpec(ActionId.PRINT, "P&rint…",
               "Print the minutes as published (public or full), with a preview",
               "Ctrl+P", standard=StandardKey.Print),
    ActionSpec(ActionId.OPEN_MEETING, "Open &selected meeting",
               "Open the meeting selected in the list for live minutes", "Ctrl+Return"),
    ActionSpec(ActionId.CLOSE_MEETING, "&Close meeting",
               "Save and return to the list of meetings", "Ctrl+F4", also=("Ctrl+W",),
               standard=StandardKey.Close),
    ActionSpec(ActionId.COMMITTEE_SETTINGS, "Committee se&ttings…",
               "Numbering scheme, item numbers and other settings of this committee",
               "Ctrl+,"),
    ActionSpec(ActionId.QUIT, "&Quit", "Close ClerkDesk", "Ctrl+Q", standard=StandardKey.Quit),
    ActionSpec(ActionId.UNDO, "&Undo", "Undo the last change to this meeting",
               "Ctrl+Z", menu="Edit", standard=StandardKey.Undo),
    ActionSpec(ActionId.REDO, "&Redo", "Redo the change just undone",
               "Ctrl+Y", menu="Edit", also=("Ctrl+Shift+Z",), standard=StandardKey.Redo),
    ActionSpec(ActionId.CUT, "Cu&t", "Cut the selected text to the clipboard", "Ctrl+X",
               menu="Edit", standard=StandardKey.Cut),
    ActionSpec(ActionId.COPY, "&Copy", "Copy the selected text", "Ctrl+C", menu="Edit",
               standard=StandardKey.Copy),
    ActionSpec(ActionId.PASTE, "&Paste", "Paste the clipboard at the caret", "Ctrl+V",
               menu="Edit", standard=StandardKey.Paste),
    ActionSpec(ActionId.SELECT_ALL, "Select &all", "Select all the text of the field in use",
               "Ctrl+A", menu="Edit", standard=StandardKey.SelectAll),
    ActionSpec(ActionId.FIND, "&Find…", "Find text in this agenda item",
               "Ctrl+F", menu="Edit", standard=StandardKey.Find),
    ActionSpec(ActionId.FIND_NEXT, "Find &next", "Next match", "F3", menu="Edit",
               standard=StandardKey.FindNext),
    ActionSpec(ActionId.FIND_PREVIOUS, "Find pre&vious", "Previous match", "Shift+F3",
               menu="Edit", standard=StandardKey.FindPrevious),
    ActionSpec(ActionId.REPLACE, "Find and re&place…",
               "Across the meeting or every meeting of the committee, with a preview",
               "Ctrl+H", menu="Edit", standard=StandardKey.Replace),
    ActionSpec(ActionId.SEARCH_ALL, "&Search all meetings…",
               "Every meeting's paragraphs, item titles, requests and actions; Enter opens one",
               "Ctrl+Shift+F", menu="Edit"),
    ActionSpec(ActionId.INSERT_NAME, "Insert &name…",
               "Pick a person from the roster by any part of their name, initials or role",
               "Ctrl+Space", menu="Edit"),
    ActionSpec(ActionId.INSERT_MEMBER, "Insert “A &Member”",
               "Insert the anonymous member form, then pick a phrase", "Ctrl+M", menu="Edit"),
    ActionSpec(ActionId.SET_SPEAKER, "Set paragraph &speaker…",
               "Choose the main speaker of this paragraph (shown in the margin)",
               "Ctrl+Shift+Space", menu="Edit"),
    ActionSpec(ActionId.SPLIT_PARAGRAPH, "Sp&lit paragraph at caret",
               "Start a new paragraph with the text after the caret", "Ctrl+Shift+Return",
               menu="Edit"),
    ActionSpec(ActionId.MERGE_PARAGRAPH, "&Merge with next paragraph",
               "Join the next paragraph onto the end of this one", "Ctrl+Shift+J", menu="Edit"),
    ActionSpec(ActionId.FLAG_REQUEST, "Flag as &request for information…",
               "Flag this paragraph (or the selected text) as a request, with whom it was asked of",
               "Ctrl+Shift+R", menu="Flags"),
    ActionSpec(ActionId.FLAG_RESOLUTION, "Flag as re&solution…",
               "Flag this paragraph as a resolution (form, vote, mover and seconder)",
               "Ctrl+R", menu="Flags"),
    ActionSpec(ActionId.FLAG_ACTION, "Flag as &action…", "An officer undertakes to do something",
               "Ctrl+Shift+A", menu="Flags"),
    ActionSpec(ActionId.FLAG_DECLARATION, "Flag as &declaration of interest…",
               "Member, kind of interest, left the room / did not vote", "Ctrl+Shift+D",
               menu="Flags"),
    ActionSpec(ActionId.EDIT_FLAG, "&Edit this paragraph's flag…",
               "Complete or correct the flag on the caret's paragraph", "Ctrl+Shift+K",
               menu="Flags"),
    ActionSpec(ActionId.WRITE_REQUESTS, "&Write requests paragraph",
               "“Members … requested the following information from …:” from the flagged "
               "requests; it stays linked to them", "Ctrl+Shift+W", menu="Flags"),
    ActionSpec(ActionId.REQUEST_LOG, "Request &log…",
               "Every request and action of every meeting of this committee", "Ctrl+L",
               menu="Flags"),
    ActionSpec(ActionId.PREVIOUS_ITEM, "&Previous item", "Show the previous agenda item",
               "Ctrl+PgUp", menu="Agenda"),
    ActionSpec(ActionId.NEXT_ITEM, "&Next item", "Show the next agenda item", "Ctrl+PgDown",
               menu="Agenda"),
    ActionSpec(ActionId.FOCUS_AGENDA, "Go to a&genda", "Move the keyboard focus to the agenda",
               "Ctrl+1", menu="Agenda"),
    ActionSpec(ActionId.FOCUS_EDITOR, "Go to &minutes", "Move the keyboard focus to the minutes",
               "Ctrl+2", menu="Agenda"),
    ActionSpec(ActionId.FOCUS_ROSTER, "Go to &roster",
               "Attendance: P present, A apologies, S substitute, R remote, F2 edit a person",
               "Ctrl+3", menu="Agenda"),
    ActionSpec(ActionId.FOCUS_FLAGS, "Go to &flags", "The meeting's requests and resolutions",
               "Ctrl+4", menu="Agenda"),
    ActionSpec(ActionId.ADD_ITEM, "&Add item…", "Add an agenda item after the current one",
               "Ctrl+Shift+I", menu="Agenda"),
    ActionSpec(ActionId.RENAME_ITEM, "&Rename item…", "Change the current item's title", "F2",
               menu="Agenda"),
    ActionSpec(ActionId.TOGGLE_EXEMPT, "Mark item &exempt…",
               "Mark or unmark the current item as exempt (Schedule 12A)", "Ctrl+Shift+E",
               menu="Agenda"),
    ActionSpec(ActionId.DELETE_ITEM, "&Delete item", "Delete the current item (undoable)",
               "Ctrl+Shift+Del", menu="Agenda"),
    ActionSpec(ActionId.MOVE_ITEM_UP, "Move item &up", "Move the current item up the agenda",
               "Ctrl+Alt+Up", menu="Agenda"),
    ActionSpec(ActionId.MOVE_ITEM_DOWN, "Move item do&wn", "Move the current item down",
               "Ctrl+Alt+Down", menu="Agenda"),
    ActionSpec(ActionId.RUN_CHECKS, "&Check the minutes",
               "Names, acronyms, numbering, full stops, flags… each with a fix where obvious",
               "F7", menu="Review"),
    ActionSpec(ActionId.SPELLING, "&Spelling at the caret…",
               "Suggestions for the misspelt word at the caret: Enter replaces it; or add it to "
               "the committee dictionary, or ignore it in this meeting", "Ctrl+.", menu="Review"),
    ActionSpec(ActionId.NEXT_MISSPELLING, "&Next misspelling…",
               "Move to the next underlined word in this item and offer its suggestions",
               "Alt+F7", menu="Review"),
    ActionSpec(ActionId.PARAGRAPH_HISTORY, "Paragraph &history…",
               "Earlier texts of the caret's paragraph; restore one (undoable)", "Ctrl+Shift+H",
               menu="Review"),
    ActionSpec(ActionId.APPROVE_PREVIOUS, "&Approve the previous minutes…",
               "Record the previous meeting's minutes as a correct record signed by the Chair "
               "(they become read-only)", menu="Review"),
    ActionSpec(ActionId.PUBLISH, "Mark as &published…", "These approved minutes were published",
               menu="Review"),
    ActionSpec(ActionId.ADD_CORRECTION, "Add a &correction note…",
               "Approved minutes are corrected by a dated note, never a silent edit",
               menu="Review"),
    ActionSpec(ActionId.START_MEETING, "&Start / resume meeting",
               "Record the start time (or resume after an adjournment)", "F5", menu="Meeting"),
    ActionSpec(ActionId.PAUSE_MEETING, "&Pause (adjourn)", "Stop the meeting clock for a break",
               "F6", menu="Meeting"),
    ActionSpec(ActionId.END_MEETING, "&End meeting", "Record the end time", "Shift+F5",
               menu="Meeting"),
    ActionSpec(ActionId.SHORTCUTS, "&Keyboard shortcuts",
               "List every action and its keyboard shortcut", "F1", menu="Help"),
    ActionSpec(ActionId.ABOUT, "&About ClerkDesk", "Version and licence", menu="Help"),
)

MENUS: tuple[tuple[str, str], ...] = (
    ("File", "&File"), ("Edit", "&Edit"), ("Flags", "Fla&gs"), ("Agenda", "&Agenda"),
    ("Meeting", "&Meeting"), ("Review", "&Review"), ("Help", "&Help"),
)

# Actions that need an open meeting; disabled while the meetings list is shown.
MEETING_ACTIONS = frozenset({
    ActionId.CLOSE_MEETING, ActionId.UNDO, ActionId.REDO, ActionId.FIND, ActionId.FIND_NEXT,
    ActionId.FIND_PREVIOUS, ActionId.REPLACE, ActionId.INSERT_NAME, ActionId.INSERT_MEMBER,
    ActionId.SET_SPEAKER,
    ActionId.SPLIT_PARAGRAPH, ActionId.MERGE_PARAGRAPH, ActionId.FLAG_REQUEST,
    ActionId.FLAG_RESOLUTION, ActionId.FLAG_ACTION, ActionId.FLAG_DECLARATION, ActionId.EDIT_FLAG,
    ActionId.WRITE_REQUESTS, ActionId.REQUEST_LOG,
    ActionId.PREVIOUS_ITEM, ActionId.NEXT_ITEM, ActionId.FOCUS_AGENDA, ActionId.FOCUS_EDITOR,
    ActionId.FOCUS_ROSTER, ActionId.FOCUS_FLAGS,
    ActionId.ADD_ITEM, ActionId.RENAME_ITEM, ActionId.TOGGLE_EXEMPT, ActionId.DELETE_ITEM,
    ActionId.MOVE_ITEM_UP, ActionId.MOVE_ITEM_DOWN, ActionId.START_MEETING,
    ActionId.PAUSE_MEETING, ActionId.END_MEETING, ActionId.RUN_CHECKS, ActionId.SPELLING,
    ActionId.NEXT_MISSPELLING,
    ActionId.PARAGRAPH_HISTORY, ActionId.APPROVE_PREVIOUS, ActionId.PUBLISH,
    ActionId.ADD_CORRECTION,
})

# Actions that change this meeting's minutes: refused while they are approved.
CHANGING_ACTIONS = frozenset({
    ActionId.REPLACE, ActionId.INSERT_NAME, ActionId.INSERT_MEMBER, ActionId.SET_SPEAKER,
    ActionId.SPLIT_PARAGRAPH, ActionId.MERGE_PARAGRAPH, ActionId.FLAG_REQUEST,
    ActionId.FLAG_RESOLUTION, ActionId.FLAG_ACTION, ActionId.FLAG_DECLARATION,
    ActionId.EDIT_FLAG, ActionId.WRITE_REQUESTS, ActionId.ADD_ITEM, ActionId.RENAME_ITEM,
    ActionId.TOGGLE_EXEMPT, ActionId.DELETE_ITEM, ActionId.MOVE_ITEM_UP, ActionId.MOVE_ITEM_DOWN,
    ActionId.PARAGRAPH_HISTORY, ActionId.START_MEETING, ActionId.PAUSE_MEETING,
    ActionId.END_MEETING, ActionId.SPELLING, ActionId.NEXT_MISSPELLING,
})


class EditorKey(Enum):
    """Keys the minute editor handles itself (they depend on where the caret is)."""

    NEW_PARAGRAPH = "Return"
    LINE_BREAK = "Shift+Return"
    DEMOTE = "Tab"
    PROMOTE = "Shift+Tab"
    DEMOTE_ANYWHERE = "Alt+Shift+Right"
    PROMOTE_ANYWHERE = "Alt+Shift+Left"
    MOVE_UP = "Alt+Up"
    MOVE_DOWN = "Alt+Down"
    DELETE_EMPTY = "Backspace"
    MERGE_NEXT = "Delete"


class ImportPreviewKey(Enum):
    """Keys of the import preview's list of source lines (File › Import minutes…)."""

    ITEM = "I"
    PARAGRAPH = "P"
    SKIP = "S"
    CLEAR = "Backspace"


EDITOR_KEY_HELP: tuple[tuple[EditorKey, str], ...] = (
    (EditorKey.NEW_PARAGRAPH, "New paragraph at the same level (splits at the caret)"),
    (EditorKey.LINE_BREAK, "Line break inside the paragraph"),
    (EditorKey.DEMOTE, "Make the paragraph a sub-point of the one above"),
    (EditorKey.PROMOTE, "Make a sub-point a main paragraph again"),
    (EditorKey.DEMOTE_ANYWHERE, "Make a sub-point (Word's outline key)"),
    (EditorKey.PROMOTE_ANYWHERE, "Promote (Word's outline key)"),
    (EditorKey.MOVE_UP, "Move the paragraph, with its sub-points, up"),
    (EditorKey.MOVE_DOWN, "Move the paragraph, with its sub-points, down"),
    (EditorKey.DELETE_EMPTY, "At the start: delete an empty paragraph, or join the one above"),
    (EditorKey.MERGE_NEXT, "At the end: merge the next paragraph into this one"),
)


@dataclass(frozen=True)
class PanelKey:
    """A key a panel or small form handles while it has the focus; `hint` is its word in the
    panel's on-screen key line ("P present"), empty to leave it out there."""

    where: str
    keys: tuple[str, ...]  # portable text, e.g. ("Ins", "Ctrl+N")
    text: str
    hint: str = ""


PANEL_KEYS: tuple[PanelKey, ...] = (
    PanelKey("Agenda", ("Return",), "Open the item in the minutes, caret at the end of its text"),
    PanelKey("Agenda", ("Alt+Up", "Alt+Down"), "Move the item up or down"),
    PanelKey("Agenda", ("Del",), "Delete the item (undoable)"),
    PanelKey("Roster", ("P",), "Present", "present"),
    PanelKey("Roster", ("A",), "Apologies", "apologies"),
    PanelKey("Roster", ("X",), "Absent", "absent"),
    PanelKey("Roster", ("S",), "Substitute (asks for whom)", "substitute"),
    PanelKey("Roster", ("I",), "In attendance", "in attendance"),
    PanelKey("Roster", ("O",), "Also present", "also present"),
    PanelKey("Roster", ("0", "Del", "Backspace"), "Not recorded", "clear"),
    PanelKey("Roster", ("R",), "Attending remotely, on or off", "remote"),
    PanelKey("Roster", ("E",), "Arrived at the current item", "arrived"),
    PanelKey("Roster", ("L",), "Left at the current item", "left"),
    PanelKey("Roster", ("Ins", "Ctrl+N"), "Add a person", "add"),
    PanelKey("Roster", ("F2", "Return"), "Edit the person", "edit"),
    PanelKey("Flags panel", ("Return",), "Go to the flagged paragraph", "go to"),
    PanelKey("Flags panel", ("F4",), "Edit the flag", "edit"),
    PanelKey("Flags panel", ("P",), "Request provided", "provided"),
    PanelKey("Flags panel", ("W",), "Request withdrawn", "withdrawn"),
    PanelKey("Flags panel", ("D",), "Action done", "done"),
    PanelKey("Flags panel", ("O",), "Outstanding / open again"),
    PanelKey("Flags panel", ("Del",), "Remove the flag (undoable)", "remove"),
    PanelKey("Request log", ("P", "W", "D", "O"), "Provided / withdrawn / done / open again"),
    PanelKey("Review panel", ("Return",), "Go to the paragraph", "go to"),
    PanelKey("Review panel", ("F",), "Apply the offered fix", "apply the fix"),
    PanelKey("Review panel", ("D",), "Dismiss the finding", "dismiss"),
    PanelKey("Review panel", ("F5",), "Check again", "check again"),
    PanelKey("Export dialog", ("Return",), "On a problem listed: go to it in the minutes"),
    PanelKey("Names picker", ("Up", "Down"), "Choose in the list"),
    PanelKey("Names picker", ("Return",), "Insert the name (then the phrase)"),
    PanelKey("Names picker", ("Esc",), "Close the list and carry on typing"),
    PanelKey("Names picker", ("Ctrl+M",), "Insert “A Member”"),
    PanelKey("Names picker", ("Backspace", "Del", "Left", "Right", "Home", "End"),
             "In the phrase list, before typing: close it and act in the paragraph"),
    PanelKey("Flag form", ("Return",), "Save (also with a list of names open)"),
    PanelKey("Flag form", ("Esc",), "Cancel"),
    PanelKey("Find bar", ("Return", "Shift+Return"), "Next / previous match"),
    PanelKey("Find bar", ("Esc",), "Close the find bar"),
    PanelKey("Import preview", (ImportPreviewKey.ITEM.value,), "Mark the line as an item heading"),
    PanelKey("Import preview", (ImportPreviewKey.PARAGRAPH.value,),
             "Mark the line as a paragraph (never a heading)"),
    PanelKey("Import preview", (ImportPreviewKey.SKIP.value,), "Mark the line to be left out"),
    PanelKey("Import preview", (ImportPreviewKey.CLEAR.value, "Del"), "Clear the line's mark"),
)


def panel_hint(where: str) -> str:
    """A panel's on-screen key line from the table: "P present · A apologies · …" (a key
    stays on one line with its word)."""
    parts = [f"{_native(panel.keys[0])} {panel.hint}" for panel in PANEL_KEYS
             if panel.where == where and panel.hint]
    return "\u00a0· ".join(part.replace(" ", "\u00a0") for part in parts)


def _native(keys: str) -> str:
    native = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
    return "Enter" if native == "Return" else native


_SAME_KEY = {Qt.Key.Key_Backtab: Qt.Key.Key_Tab, Qt.Key.Key_Enter: Qt.Key.Key_Return}


def _portable(sequence: QKeySequence) -> str:
    return sequence.toString(QKeySequence.SequenceFormat.PortableText)


_EDITOR_KEYS_BY_TEXT: dict[str, EditorKey] = {}


def editor_key(pressed_keys: QKeyCombination) -> EditorKey | None:
    """The editor key a key press stands for (keypad Enter counts as Return)."""
    if not _EDITOR_KEYS_BY_TEXT:  # built on first use: QKeySequence needs a QGuiApplication
        _EDITOR_KEYS_BY_TEXT.update({_portable(QKeySequence(k.value)): k for k in EditorKey})
    key = pressed_keys.key()
    modifiers = pressed_keys.keyboardModifiers() & ~Qt.KeyboardModifier.KeypadModifier
    if key == Qt.Key.Key_Backtab:  # Shift+Tab arrives as Backtab, with or without Shift
        modifiers |= Qt.KeyboardModifier.ShiftModifier
    key = _SAME_KEY.get(key, key)
    return _EDITOR_KEYS_BY_TEXT.get(_portable(QKeySequence(QKeyCombination(modifiers, key))))


def listed_keys(spec: ActionSpec) -> list[str]:
    """The keys shown for an action in the menus, F1 and README (portable text)."""
    return [spec.shortcut, *spec.also] if spec.shortcut else []


def key_sequences(spec: ActionSpec) -> list[QKeySequence]:
    """Every key sequence that triggers an action: the listed keys first (the menu shows the
    first), then any other binding the platform has for the standard key."""
    sequences = [QKeySequence(keys) for keys in listed_keys(spec)]
    if spec.standard is not None:
        sequences += QKeySequence.keyBindings(spec.standard)
    unique: dict[str, QKeySequence] = {}
    for sequence in sequences:
        unique.setdefault(_portable(sequence), sequence)
    return list(unique.values())


def plain_text(spec: ActionSpec) -> str:
    return spec.text.replace("&", "")


def keyboard_rows() -> list[tuple[str, str, tuple[str, ...]]]:
    """(where, what, keys) for every key ClerkDesk knows: the table in F1 and the README."""
    rows: list[tuple[str, str, tuple[str, ...]]] = [
        ("Minute editor", text, (QKeySequence(key.value).toString(),))
            for key, text in EDITOR_KEY_HELP]
    rows += [(f"{spec.menu} menu", plain_text(spec), tuple(listed_keys(spec))) for spec in ACTIONS]
    rows += [(panel.where, panel.text, panel.keys) for panel in PANEL_KEYS]
    return rows


def markdown_keyboard_table() -> str:
    """The README's keyboard table, made from the tables above."""
    lines = ["| Where | Action | Keys |", "|---|---|---|"]
    for where, text, keys in keyboard_rows():
        shown = " or ".join(f"`{key}`" for key in keys) or "—"
        lines.append(f"| {where} | {text} | {shown} |")
    return "\n".join(lines)


def create_actions(parent: QWidget) -> dict[ActionId, QAction]:
    """One QAction per spec, owned by `parent`; callers connect `triggered` themselves."""
    actions = {}
    for spec in ACTIONS:
        action = QAction(spec.text, parent)
        action.setObjectName(f"action_{spec.id.name.lower()}")
        action.setStatusTip(spec.status_tip)
        action.setShortcuts(key_sequences(spec))
        if spec.id is ActionId.QUIT:
            action.setMenuRole(QAction.MenuRole.QuitRole)
        elif spec.id is ActionId.ABOUT:
            action.setMenuRole(QAction.MenuRole.AboutRole)
        actions[spec.id] = action
    return actions
