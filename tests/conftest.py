"""Test setup shared by the whole suite: headless Qt and an isolated user profile."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import keyring
import numpy as np
import pandas as pd
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from keyring.errors import PasswordDeleteError

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# No test reaches the developer's real keychain, in this process or in a subprocess: keyring's fail-safe
# backend stores nothing (CI has no keychain daemon either); the autouse ``keychain`` fixture below gives
# each test a keychain of its own in memory instead.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"

REPO_ROOT = Path(__file__).resolve().parents[1]
SAMPLES = REPO_ROOT / "samples"


@pytest.fixture(autouse=True)
def _isolated_profile(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep QSettings, autosaves and recent files of tests away from the real user profile."""
    profile = tmp_path_factory.mktemp("profile")
    monkeypatch.setenv("USAGELENS_PROFILE_DIR", str(profile))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(profile / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(profile / "data"))


class MemoryKeychain(KeyringBackend):
    """A keychain that lives for one test, so what the app stores there can be inspected."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.entries.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


@pytest.fixture(autouse=True)
def keychain() -> Iterator[MemoryKeychain]:
    """Every test gets an empty keychain of its own."""
    previous = keyring.get_keyring()
    memory = MemoryKeychain()
    keyring.set_keyring(memory)
    yield memory
    keyring.set_keyring(previous)


@pytest.fixture
def no_keychain(keychain: MemoryKeychain) -> None:
    """A machine without a keychain (a Linux session without a Secret Service, CI): keyring's fail-safe backend."""
    keyring.set_keyring(fail.Keyring())


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


GA4_DROP_DAY = "20240214"


def write_ga4_export(path: Path) -> Path:
    """A GA4 exploration as it downloads: '#' comment lines, the header, a totals row, then date × event."""
    days = pd.date_range("2024-01-01", "2024-02-29", freq="D")
    rng = np.random.default_rng(3)
    rows = []
    for day in days:
        for event, level in (("page_view", 1000), ("purchase", 30)):
            value = int(rng.poisson(level))
            if day.strftime("%Y%m%d") == GA4_DROP_DAY and event == "page_view":
                value = 200
            rows.append(f"{day:%Y%m%d},{event},{value},{value // 3}")
    totals = [sum(int(r.split(",")[2]) for r in rows), sum(int(r.split(",")[3]) for r in rows)]
    lines = ["# ----------------------------------------", "# Events report", "# All users",
             "# ----------------------------------------", "#", "# Start date: 20240101", "# End date: 20240229",
             "Date,Event name,Event count,Total users", f",,{totals[0]},{totals[1]}", *rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def ga4_export(tmp_path: Path) -> Path:
    """A GA4 exploration CSV with a planted drop on 14 February (``GA4_DROP_DAY``)."""
    return write_ga4_export(tmp_path / "ga4.csv")
