"""The layering holds: Qt only in desktop_helper/ui and the composition root; the core imports nothing else."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "desktop_helper"
QT_ALLOWED = {PACKAGE / "ui", PACKAGE / "app.py"}
#: entry points that start the UI (the app, or the bundle's self-test of Qt's plugins)
UI_STARTERS = {"__main__.py", "selftest.py"}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_qt_is_imported_only_in_ui_and_the_composition_root() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if any(path == allowed or allowed in path.parents for allowed in QT_ALLOWED):
            continue
        qt = {name for name in imported_modules(path) if name.split(".")[0] in ("PySide6", "shiboken6")}
        ui = {name for name in imported_modules(path) if name.startswith(("desktop_helper.ui", "desktop_helper.app"))}
        if qt or (ui and path.name not in UI_STARTERS):
            offenders.append(f"{path.relative_to(PACKAGE.parent)}: {sorted(qt | ui)}")
    assert not offenders, "Qt or UI imported outside desktop_helper/ui and app.py:\n" + "\n".join(offenders)


def test_import_linter_contracts_hold() -> None:
    result = subprocess.run(
        [str(Path(sys.executable).with_name("lint-imports"))],
        cwd=PACKAGE.parent,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 3 kept, 0 broken." in result.stdout


def test_core_can_be_imported_without_qt() -> None:
    code = (
        "import sys, importlib, pkgutil, desktop_helper.core as core\n"
        "for m in pkgutil.iter_modules(core.__path__): importlib.import_module('desktop_helper.core.' + m.name)\n"
        "import desktop_helper.settings.store, desktop_helper.backends.base, desktop_helper.commands\n"
        "print(sorted(n for n in sys.modules if n.startswith(('PySide6', 'shiboken'))))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout.strip() == "[]"


def test_only_platform_system_checks_the_operating_system() -> None:
    """``sys.platform``, ``os.name`` and ``platform.system()`` are compared only in platform/system.py."""
    package = Path(__file__).resolve().parent.parent / "desktop_helper"

    def names_the_os(node: ast.AST) -> bool:
        text = ast.unparse(node)
        return text in ("sys.platform", "os.name", "platform.system()")

    offenders = []
    for path in package.rglob("*.py"):
        if path == package / "platform" / "system.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            compared = isinstance(node, ast.Compare) and any(names_the_os(n) for n in [node.left, *node.comparators])
            tested = (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("startswith", "endswith")
                and names_the_os(node.func.value)
            )
            if compared or tested:
                offenders.append(f"{path.relative_to(package)}:{getattr(node, 'lineno', 0)}")
    assert offenders == []


def test_only_the_capture_package_grabs_the_screen() -> None:
    """mss is imported only behind platform/capture (and by the self-test, which reports its version),
    so every capture gets the Wayland portal and the macOS permission check."""
    package = Path(__file__).resolve().parent.parent / "desktop_helper"
    offenders = []
    for path in package.rglob("*.py"):
        relative = path.relative_to(package).as_posix()
        if relative.startswith("platform/capture/") or relative == "selftest.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(name == "mss" or name.startswith("mss.") for name in names):
                offenders.append(f"{relative}:{getattr(node, 'lineno', 0)}")
    assert offenders == []
