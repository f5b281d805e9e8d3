"""Layering: only clerkdesk.ui may import Qt, each layer imports only those below it, and the GUI
entry points start without SQLAlchemy."""

import ast
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import clerkdesk

NON_UI_PACKAGES = [
    "clerkdesk.domain",
    "clerkdesk.storage",
    "clerkdesk.services",
    "clerkdesk.export",
    "clerkdesk.importers",
    "clerkdesk.cli",
]

BLOCK_QT = textwrap.dedent("""
    import importlib, json, pkgutil, sys

    class BlockQt:
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in ("PySide6", "shiboken6"):
                raise ImportError(f"Qt import blocked: {name}")
            return None

    sys.meta_path.insert(0, BlockQt())
""")


def run_python(code: str) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_non_ui_packages_import_without_qt():
    code = BLOCK_QT + textwrap.dedent(f"""
        imported, failures = [], {{}}
        for package_name in {NON_UI_PACKAGES!r} + ["clerkdesk.errors", "clerkdesk.resources"]:
            package = importlib.import_module(package_name)
            names = [package_name] + [
                info.name for info in
                pkgutil.walk_packages(getattr(package, "__path__", []), package_name + ".",
                                      onerror=lambda name: failures.setdefault(name, "walk"))
            ]
            for name in names:
                try:
                    importlib.import_module(name)
                    imported.append(name)
                except ImportError as error:
                    failures[name] = str(error)
        try:
            importlib.import_module("clerkdesk.ui.app")
            blocker_works = False
        except ImportError:
            blocker_works = True
        qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))
        print(json.dumps({{"imported": imported, "failures": failures, "qt": qt,
                          "blocker_works": blocker_works}}))
    """)
    report = run_python(code)
    assert report["blocker_works"], "the Qt blocker did not stop clerkdesk.ui.app"
    assert report["failures"] == {}
    assert report["qt"] == []
    for package in ("clerkdesk.domain.minutes", "clerkdesk.storage.database",
                    "clerkdesk.services.minutes", "clerkdesk.export.plaintext"):
        assert package in report["imported"]


def test_gui_entry_points_do_not_load_sqlalchemy_or_docx():
    code = textwrap.dedent("""
        import json, sys
        import clerkdesk.cli
        import clerkdesk.ui.app
        import clerkdesk.ui.main_window
        heavy = sorted(m for m in sys.modules
                       if m.split(".")[0] in ("sqlalchemy", "docx")
                       or m.startswith(("clerkdesk.storage", "clerkdesk.services")))
        print(json.dumps({"heavy": heavy, "qt": "PySide6.QtWidgets" in sys.modules}))
    """)
    report = run_python(code)
    assert report["qt"], "clerkdesk.ui.app should have loaded Qt"
    assert report["heavy"] == []


def test_importers_are_pure_parsing():
    """Importers read files into drafts: they import nothing from services or storage (and so
    no SQLAlchemy); `services.imports` writes a draft."""
    code = textwrap.dedent("""
        import importlib, json, pkgutil, sys
        import clerkdesk.importers as package
        for info in pkgutil.walk_packages(package.__path__, "clerkdesk.importers."):
            importlib.import_module(info.name)
        loaded = sorted(m for m in sys.modules
                        if m.startswith(("clerkdesk.services", "clerkdesk.storage", "sqlalchemy")))
        print(json.dumps({"loaded": loaded}))
    """)
    assert run_python(code)["loaded"] == []


# What each layer may not import, read from the source (so imports inside functions count too).
FORBIDDEN = {
    "domain": ("storage", "services", "export", "importers", "net", "cli", "ui"),
    "storage": ("services", "export", "importers", "net", "cli", "ui"),
    "importers": ("storage", "services", "cli", "ui"),
    "export": ("storage", "services", "cli", "ui"),
    "services": ("cli", "ui"),
    "net": ("storage", "services", "cli", "ui"),
}
SOURCE = Path(clerkdesk.__file__).parent


def imported_names(path: Path, root: Path) -> set[str]:
    """Every clerkdesk module `path` (a file under `root`) imports, anywhere in the file."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level:  # relative: from .x import y
            package = path.relative_to(root.parent).parts[:-node.level]
            names.add(".".join([*package, *filter(None, [node.module])]))
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return {name for name in names if name.startswith("clerkdesk.")}


def layer_violations(layer: str, root: Path = SOURCE) -> list[str]:
    return sorted(
        f"{path.relative_to(root).as_posix()} imports {name}"
        for path in (root / layer).rglob("*.py") for name in imported_names(path, root)
        if name.split(".")[1] in FORBIDDEN[layer])


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_each_layer_imports_only_the_layers_below_it(layer: str) -> None:
    assert layer_violations(layer) == []


def test_the_import_reader_sees_imports_inside_functions_and_relative_ones(tmp_path: Path) -> None:
    services = tmp_path / "clerkdesk" / "services"
    services.mkdir(parents=True)
    (services / "probe.py").write_text(
        "def f():\n    from clerkdesk.ui import app\n\nfrom ..storage import models\n"
        "from . import flags\n", encoding="utf-8")
    assert layer_violations("services", tmp_path / "clerkdesk") == [
        "services/probe.py imports clerkdesk.ui"]
    assert layer_violations("domain", tmp_path / "clerkdesk") == []
    assert imported_names(services / "probe.py", tmp_path / "clerkdesk") == {
        "clerkdesk.ui", "clerkdesk.storage", "clerkdesk.services"}
