"""Test setup shared by the whole suite: headless Qt and an isolated user profile."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO_ROOT = Path(__file__).resolve().parents[1]
SAMPLES = REPO_ROOT / "samples"


@pytest.fixture(autouse=True)
def _isolated_profile(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep QSettings, autosaves and recent files of tests away from the real user profile."""
    profile = tmp_path_factory.mktemp("profile")
    monkeypatch.setenv("USAGELENS_PROFILE_DIR", str(profile))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(profile / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(profile / "data"))


@pytest.fixture
def samples_dir() -> Path:
    return SAMPLES


@pytest.fixture
def pdf_text():  # type: ignore[no-untyped-def]
    """Text of a PDF with whitespace folded to single spaces (Qt's PDFs separate words with tabs)."""
    from pypdf import PdfReader

    def read(path: Path) -> str:
        return " ".join("".join(page.extract_text() for page in PdfReader(path).pages).split())

    return read
