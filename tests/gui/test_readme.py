"""The README tells the truth: its keyboard table is the one made from the actions tables, and
every key a panel handles is in those tables."""

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from clerkdesk.ui.actions import PANEL_KEYS, markdown_keyboard_table

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
UI = ROOT / "src" / "clerkdesk" / "ui"
PANELS = {  # widget module -> the "Where" of its keys in PANEL_KEYS
    "workspace/agenda_controller.py": "Agenda",
    "roster/roster_panel.py": "Roster",
    "flags/flag_panel.py": "Flags panel",
    "flags/request_log_dialog.py": "Request log",
    "review/review_panel.py": "Review panel",
    "speakers/picker.py": "Names picker",
    "flags/flag_form.py": "Flag form",
    "workspace/find_bar.py": "Find bar",
    "import_preview.py": "Import preview",
    "export_findings.py": "Export dialog",
}
SAME = {"Enter": "Return"}  # the keypad's Enter is handled as Return


def readme_table() -> str:
    start = README.index("| Where | Action | Keys |")
    end = README.index("\n\n", start)
    return README[start:end]


def test_the_readme_keyboard_table_is_the_one_from_the_actions_tables(qapp):
    assert readme_table() == markdown_keyboard_table(), (
        "regenerate it: python -c 'from clerkdesk.ui.actions import markdown_keyboard_table; "
        "print(markdown_keyboard_table())'")


def _bare(keys: str) -> str:
    return keys.rsplit("+", 1)[-1] if len(keys) > 1 else keys


@pytest.mark.parametrize("module, where", PANELS.items())
def test_every_key_hard_coded_in_a_panel_is_in_the_table(qapp, module, where):
    source = (UI / module).read_text(encoding="utf-8")
    listed = {_bare(keys) for panel in PANEL_KEYS if panel.where == where for keys in panel.keys}
    for name in set(re.findall(r"Qt\.Key\.Key_(\w+)", source)):
        text = QKeySequence(getattr(Qt.Key, f"Key_{name}")).toString()
        assert SAME.get(text, text) in listed, f"{module} handles {text}: not in PANEL_KEYS"


def test_every_roster_letter_is_in_the_table(qapp):
    from clerkdesk.domain.attendance import STATUS_KEYS
    from clerkdesk.ui.roster.roster_panel import LETTER_COMMANDS

    listed = {keys for panel in PANEL_KEYS if panel.where == "Roster" for keys in panel.keys}
    assert set(STATUS_KEYS) | set(LETTER_COMMANDS) <= listed


def test_every_command_is_in_the_readme():
    from clerkdesk.cli.commands import COMMANDS

    for command in COMMANDS:
        assert f"`clerkdesk {command.name}" in README, command.name
