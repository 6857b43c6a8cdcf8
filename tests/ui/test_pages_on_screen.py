"""Opening a project does the heavy work of the page on screen first: step 2's grid of the raw table and
step 3's quality check wait until their page is shown (StepPage.when_on_screen)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from usagelens.model import Project, Source, SourceKind, save_project
from usagelens.ui import workers

ROLES = {"user_id": "user", "timestamp": "time", "event": "event"}


def _project_file(tmp_path: Path) -> Path:
    frame = pd.DataFrame({
        "user": [f"u{i % 7}" for i in range(400)],
        "time": pd.date_range("2025-03-01", periods=400, freq="h"),
        "event": ["open", "save"] * 200,
    })
    path = tmp_path / "small.ulens"
    save_project(Project(name="small", sources=[Source("events", SourceKind.EVENTS, frame, roles=ROLES)]), path)
    return path


def test_pages_out_of_sight_wait_until_shown(qtbot, window, wait_idle, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    started: list[str] = []
    original = workers.TaskRunner.run

    def noting(self, key, label, *args, **kwargs):  # type: ignore[no-untyped-def]
        started.append(key)
        return original(self, key, label, *args, **kwargs)

    monkeypatch.setattr(workers.TaskRunner, "run", noting)
    window.go_to_step(1)
    assert window.open_path(_project_file(tmp_path), ask=False)
    wait_idle()
    assert "clean" not in started  # step 3's quality check waits for step 3
    assert window.pages[1].preview.model.rowCount() == 0  # and step 2's grid for step 2

    window.go_to_step(3)
    qtbot.waitUntil(lambda: window.pages[2].result is not None, timeout=30000)
    assert started.count("clean") == 1

    window.go_to_step(2)
    qtbot.waitUntil(lambda: window.pages[1].preview.model.rowCount() == 400, timeout=10000)


def test_the_page_on_screen_does_its_work_at_once(qtbot, window, wait_idle, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window.go_to_step(2)
    assert window.open_path(_project_file(tmp_path), ask=False)
    qtbot.waitUntil(lambda: window.pages[1].preview.model.rowCount() == 400, timeout=10000)
    wait_idle()
