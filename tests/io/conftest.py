"""Fixtures for the import/export tests: the committed awkward files of tests/data/import."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

IMPORT_DATA = Path(__file__).resolve().parents[1] / "data" / "import"


@pytest.fixture
def data_file() -> Callable[[str], Path]:
    """Path of a committed test file by name (made by tests/data/import/make_files.py)."""

    def path(name: str) -> Path:
        found = IMPORT_DATA / name
        assert found.exists(), f"run tests/data/import/make_files.py: {name} is missing"
        return found

    return path
