"""The UI runs service calls through ui/action_runner.py: no other try/except around a call into
clerkdesk.services, so every failure reaches its one channel (status bar, save badge, bug)."""

import ast
from pathlib import Path

import clerkdesk.ui

UI = Path(clerkdesk.ui.__file__).parent
ALLOWED = {
    "action_runner.py": "the runner itself",
    "database_controller.py": "the composition root: opening a database has its own dialog",
    "editor/autosave.py": "the save channel: its failures go to the save badge and are retried",
}


def service_names(tree: ast.Module) -> set[str]:
    """Names bound to clerkdesk.services modules or functions anywhere in the module."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                "clerkdesk.services"):
            names.update(alias.asname or alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update((alias.asname or alias.name).split(".")[0] for alias in node.names
                         if alias.name.startswith("clerkdesk.services"))
    return names


def _root(node: ast.expr) -> str | None:
    while isinstance(node, ast.Attribute):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def guarded_service_calls(source: str) -> list[int]:
    """Lines of try statements with handlers whose body calls a service directly."""
    tree = ast.parse(source)
    names = service_names(tree)
    return [node.lineno for node in ast.walk(tree)
            if isinstance(node, ast.Try) and node.handlers
            and any(isinstance(call, ast.Call) and _root(call.func) in names
                    for statement in node.body for call in ast.walk(statement))]


def test_the_scan_finds_a_guarded_service_call():
    source = ("from clerkdesk.services import roster\n"
              "def f(db):\n    try:\n        roster.meeting_roster(db, 1)\n"
              "    except Exception:\n        pass\n")
    assert guarded_service_calls(source) == [3]
    assert guarded_service_calls(source.replace("except Exception:", "finally:")) == []


def test_no_try_except_around_service_calls_outside_the_runner():
    found = {}
    for path in sorted(UI.rglob("*.py")):
        name = path.relative_to(UI).as_posix()
        lines = guarded_service_calls(path.read_text(encoding="utf-8"))
        if lines and name not in ALLOWED:
            found[name] = lines
    assert found == {}, "run these through ui.action_runner.ActionRunner.run"
