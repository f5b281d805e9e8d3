"""The README tells the truth: every action and editor key is listed with its shortcut."""

from pathlib import Path

from PySide6.QtGui import QKeySequence

from clerkdesk.ui.actions import (
    ACTIONS,
    EDITOR_KEY_HELP,
    IMPORT_PREVIEW_KEY_HELP,
    plain_text,
    shortcut_text,
)

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def test_every_action_and_shortcut_is_in_the_readme(qapp):
    for spec in ACTIONS:
        keys = shortcut_text(spec)
        row = f"| {spec.menu} menu | {plain_text(spec)} | {'`' + keys + '`' if keys else '—'} |"
        assert row in README, f"README lacks: {row}"
    for key, text in EDITOR_KEY_HELP:
        assert f"| Minute editor | {text} | `{QKeySequence(key.value).toString()}` |" in README
    for key, text in IMPORT_PREVIEW_KEY_HELP:
        assert f"| Import preview | {text} | `{QKeySequence(key.value).toString()}` |" in README


def test_every_command_is_in_the_readme():
    from clerkdesk.cli.commands import COMMANDS

    for command in COMMANDS:
        assert f"`clerkdesk {command.name}" in README, command.name
