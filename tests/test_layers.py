"""The layer rules of the design, checked on the source: Qt stays in ui/report, imports point downward."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "desktop" / "usagelens"
QT_MODULES = ("PySide6", "pyqtgraph", "shiboken6")
# Which of our own layers each layer may import (design §1: ui → report → analytics/cleaning/io → model).
ALLOWED = {
    "model": {"model"},
    "io": {"io", "model"},
    "cleaning": {"cleaning", "model"},
    "analytics": {"analytics", "model"},
    "report": {"report", "analytics", "cleaning", "io", "model"},
}


def imports_of(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_layer_imports_point_downward(layer: str) -> None:
    problems = []
    for path in (PACKAGE / layer).rglob("*.py"):
        for name in imports_of(path):
            parts = name.split(".")
            if layer not in ("report",) and parts[0] in QT_MODULES:
                problems.append(f"{path.relative_to(PACKAGE)} imports {name}")
            if parts[0] == "usagelens" and len(parts) > 1 and parts[1] in {"ui", "report", "analytics", "cleaning",
                                                                          "io", "model", "cli"}:
                if parts[1] not in ALLOWED[layer]:
                    problems.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert not problems, "\n".join(problems)
