"""A linked warehouse's kept results in the project file (issue 15.3): saved beside project.json, read back as
they were, and, being a cache, within a budget: what is beyond it or oddly named is left out, never refused."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from usagelens.model import Project, load_project, save_project
from usagelens.model import project_file as project_files


def test_kept_results_are_saved_beside_the_project_and_read_back(tmp_path: Path) -> None:
    project = Project(name="kept", warehouse_results={"a" * 32: b"parquet one", "b" * 32: b"parquet two"})
    path = tmp_path / "kept.ulens"
    save_project(project, path)
    with zipfile.ZipFile(path) as archive:
        assert {f"results/{'a' * 32}.parquet", f"results/{'b' * 32}.parquet"} <= set(archive.namelist())
        assert b"parquet one" not in archive.read("project.json")
    assert load_project(path).warehouse_results == project.warehouse_results


def test_what_is_beyond_the_budget_or_oddly_named_is_left_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "kept.ulens"
    save_project(Project(name="kept", warehouse_results={"a" * 32: b"x" * 600, "b" * 32: b"y" * 600}), path)
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("results/../../escape.parquet", b"z")
    monkeypatch.setattr(project_files, "MAX_KEPT_RESULTS_BYTES", 1000)
    assert load_project(path).warehouse_results == {"a" * 32: b"x" * 600}
