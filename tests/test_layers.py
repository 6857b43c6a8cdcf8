"""The layer rules of design §1, checked on the source.

Dependencies point one way: ``ui`` → ``report`` → ``charts`` → ``workspace`` → ``analytics``, ``cleaning``,
``io`` → ``model``, with ``cli`` beside ``ui``. Qt (PySide6, pyqtgraph, shiboken6) lives only in ``ui``,
``report`` and ``charts``, so everything below is plain Python that the CLI and tests use without a display.
Relative imports count as much as absolute ones, and so do imports inside functions.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "desktop" / "usagelens"
QT_MODULES = frozenset({"PySide6", "pyqtgraph", "shiboken6"})
QT_LAYERS = frozenset({"ui", "report", "charts"})
CORE = {"analytics", "cleaning", "io", "model"}
# Which of our own layers each layer may import; a layer not named here is not one of ours.
ALLOWED: dict[str, set[str]] = {
    "model": {"model"},
    "io": {"io", "model"},
    "cleaning": {"cleaning", "model"},
    "analytics": {"analytics", "model"},
    "workspace": {"workspace"} | CORE,
    "charts": {"charts", "workspace"} | CORE,
    "report": {"report", "charts", "workspace"} | CORE,
    "ui": {"ui", "report", "charts", "workspace"} | CORE,
    "cli": {"cli", "report", "charts", "workspace"} | CORE,
}
# Modules a layer may import beyond its rule, each with its reason.
EXCEPTIONS = {
    # A headless report still paints charts with widgets, so it needs the app's one QApplication set-up.
    ("cli", "usagelens.ui.application"),
}
TOP_LEVEL = {"app", "__main__", "__init__", "paths"}  # the entry point and package-wide constants


def imported_modules(path: Path, package_root: Path) -> list[str]:
    """Every module ``path`` imports, relative imports resolved against its place in the package."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    # A package's __init__ stands for the package, so one level up from it is the package itself.
    here = ["usagelens", *path.relative_to(package_root).with_suffix("").parts]
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0:
                base = node.module or ""
            else:
                base = ".".join(here[: len(here) - node.level])
                base = f"{base}.{node.module}" if node.module else base
            names.append(base)
            if not node.module:  # `from . import x`: x is a module of that package
                names += [f"{base}.{alias.name}" for alias in node.names]
    return names


def layer_problems(package_root: Path) -> list[str]:
    """Each import in the package that breaks a rule, as 'path imports module'."""
    problems: list[str] = []
    for path in sorted(package_root.rglob("*.py")):
        relative = path.relative_to(package_root)
        layer = relative.parts[0] if len(relative.parts) > 1 else relative.stem
        for name in imported_modules(path, package_root):
            parts = name.split(".")
            if parts[0] in QT_MODULES and layer not in QT_LAYERS and layer not in ("app", "__main__"):
                problems.append(f"{relative} imports {name} (Qt stays in ui/, report/, charts/)")
            if layer in TOP_LEVEL or parts[0] != "usagelens" or len(parts) < 2 or parts[1] not in ALLOWED:
                continue
            if layer not in ALLOWED:
                problems.append(f"{relative} is outside every layer of design §1")
            elif parts[1] not in ALLOWED[layer] and (layer, ".".join(parts[:3])) not in EXCEPTIONS:
                problems.append(f"{relative} imports {name} ({layer} may use {', '.join(sorted(ALLOWED[layer]))})")
    return problems


def test_the_package_keeps_its_layers() -> None:
    problems = layer_problems(PACKAGE)
    assert not problems, "\n".join(problems)


def test_every_folder_is_a_layer() -> None:
    folders = {p.name for p in PACKAGE.iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert folders == set(ALLOWED)


def _plant(root: Path, relative: str, source: str) -> None:
    for folder in ALLOWED:
        (root / folder).mkdir(parents=True, exist_ok=True)
        (root / folder / "__init__.py").write_text("")
    (root / relative).write_text(source, encoding="utf-8")


@pytest.mark.parametrize(
    ("relative", "source"),
    [
        ("workspace/leak.py", "from PySide6 import QtCore\n"),
        ("analytics/leak.py", "from PySide6 import QtCore\n"),
        ("model/leak.py", "def f():\n    import pyqtgraph\n"),
        ("workspace/upward.py", "from usagelens.charts import style\n"),
        ("analytics/sideways.py", "from usagelens.cleaning import recipe\n"),
        ("workspace/relative.py", "from ..ui import main_window\n"),
        ("charts/relative.py", "from .. import report\n"),
        ("io/relative.py", "from ..cleaning.recipe import apply_recipe\n"),
        ("cli/gui.py", "from usagelens.ui import main_window\n"),
    ],
)
def test_a_planted_violation_is_found(tmp_path: Path, relative: str, source: str) -> None:
    _plant(tmp_path, relative, source)
    problems = layer_problems(tmp_path)
    assert [p.split()[0] for p in problems] == [relative], problems


@pytest.mark.parametrize(
    ("relative", "source"),
    [
        ("workspace/fine.py", "from ..analytics import funnels\nfrom . import summary\n"),
        ("charts/fine.py", "from PySide6 import QtCore\nfrom usagelens.workspace import analyses\n"),
        ("cli/fine.py", "from usagelens.ui.application import create_application\n"),
    ],
)
def test_allowed_imports_pass(tmp_path: Path, relative: str, source: str) -> None:
    _plant(tmp_path, relative, source)
    assert layer_problems(tmp_path) == []
