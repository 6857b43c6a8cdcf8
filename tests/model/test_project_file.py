"""The .ulens format: lossless round trips, atomic saves and clear refusals (design §3)."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date, datetime
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from usagelens.model import (
    Action,
    ActionStatus,
    ExchangeRates,
    Finding,
    Hypothesis,
    ImportOptions,
    KpiBinding,
    Objective,
    Project,
    ProjectFileError,
    RecipeStep,
    ReleaseMarker,
    Review,
    SavedAnalysis,
    Source,
    SourceKind,
    load_project,
    save_project,
)
from usagelens.model.project_file import FORMAT_VERSION


def every_dtype_frame() -> pd.DataFrame:
    return pd.DataFrame({
        "text": pd.Series(["plain", "ünïcødé 漢字 ✓", None], dtype="str"),
        "ints": np.array([1, -2, 3], dtype="int64"),
        "floats": [1.5, np.nan, -3.25],
        "flags": [True, False, True],
        "nullable_ints": pd.array([1, None, 3], dtype="Int64"),
        "stamps": pd.to_datetime(["2024-01-01 10:00:00.123456", None, "2024-02-29"], format="ISO8601"),
        "utc": pd.to_datetime(["2024-01-01T10:00:00+02:00", None, "2024-06-01T00:00:00Z"], format="ISO8601",
                              utc=True),
        "category": pd.Categorical(["a", "b", "a"]),
        "durations": pd.to_timedelta([1.5, 2, 3], unit="s"),
    })


def full_project() -> Project:
    objective = Objective(
        "Grow weekly actives — ünïcode", kpi="WAU", binding=KpiBinding("active_users", {"period": "week"}),
        baseline=1200.0, baseline_date=date(2024, 3, 1), target=1500.0, deadline=date(2024, 9, 30),
        hypotheses=[Hypothesis("Reminders bring users back", status="supported", evidence="+12%")],
    )
    source = Source("Events", SourceKind.EVENTS, every_dtype_frame(), file_name="events.csv",
                    roles={"user_id": "text", "timestamp": "stamps", "event": "text"},
                    options=ImportOptions(encoding="cp1252", delimiter=";", header_row=2, decimal=","),
                    imported_at=datetime(2024, 7, 1, 12, 30), failed_timestamps=1)
    empty = Source("Empty customers", SourceKind.CUSTOMERS, every_dtype_frame().iloc[0:0], roles={"user_id": "text"})
    analysis = SavedAnalysis("Weekly actives", "active_users", {"period": "week", "events": ["a", "b"]})
    return Project(
        name="Planwise — Q2 ✓", description="Line one\nline two",
        objectives=[objective], sources=[source, empty],
        recipes={source.id: [RecipeStep("remove_duplicates"), RecipeStep("drop_columns", {"columns": ["x"]}, False)]},
        analyses=[analysis],
        findings=[Finding("Android retains worse", kind="pain point", objective_ids=[objective.id],
                          analysis=analysis, created=date(2024, 7, 2), snapshot=b"\x89PNG\r\n\x1a\nfake")],
        actions=[Action("Fix crash", owner="Ana", due=date(2024, 8, 1), status=ActionStatus.SHIPPED,
                        release_date=date(2024, 7, 15))],
        reviews=[Review(date(2024, 8, 30), notes="Better", values={objective.id: 1300.0})],
        releases=[ReleaseMarker(date(2024, 4, 1), "Reminders 2.0")],
        pseudonym_key="s3cret",  # never saved: see tests/workspace/test_personal_data.py
        exchange_rates=ExchangeRates("EUR", {"USD": 0.92, "GBP": 1.17}, "ECB, 28 June 2024"),
    )


def test_round_trip_is_lossless(tmp_path: Path) -> None:
    project = full_project()
    path = tmp_path / "p.ulens"
    save_project(project, path)
    loaded = load_project(path)
    for original, copy in zip(project.sources, loaded.sources, strict=True):
        pd.testing.assert_frame_equal(original.table, copy.table, check_categorical=False)
        assert list(original.table.dtypes.astype(str)) == list(copy.table.dtypes.astype(str))
    for entity in (project, loaded):
        for source in entity.sources:
            source.table = pd.DataFrame()
    assert loaded == project


def test_a_file_saved_before_exchange_rates_opens_without_rates(tmp_path: Path) -> None:
    path = tmp_path / "old.ulens"
    save_project(full_project(), path)
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    payload = json.loads(members["project.json"])
    del payload["exchange_rates"]
    members["project.json"] = json.dumps(payload).encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    assert load_project(path).exchange_rates == ExchangeRates()


def test_file_is_a_plain_zip_with_manifest_and_parquet(tmp_path: Path) -> None:
    project = full_project()
    path = tmp_path / "p.ulens"
    save_project(project, path)
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        manifest = json.loads(archive.read("manifest.json"))
        payload = json.loads(archive.read("project.json"))
        table = pd.read_parquet(io.BytesIO(archive.read(f"data/{project.sources[0].id}.parquet")))
    assert {"manifest.json", "project.json"} <= names
    assert manifest["format"] == "usagelens-project" and manifest["version"] == FORMAT_VERSION
    assert payload["name"] == "Planwise — Q2 ✓"
    assert len(table) == 3


def test_save_replaces_atomically_and_leaves_no_temp_files(tmp_path: Path) -> None:
    path = tmp_path / "p.ulens"
    save_project(Project(name="first"), path)
    save_project(Project(name="second"), path)
    assert load_project(path).name == "second"
    assert [p.name for p in tmp_path.iterdir()] == ["p.ulens"]


def test_failed_save_keeps_the_previous_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "p.ulens"
    save_project(Project(name="good"), path)

    def broken_replace(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("usagelens.model.project_file.os.replace", broken_replace)
    with pytest.raises(ProjectFileError, match="No space left"):
        save_project(Project(name="bad"), path)
    monkeypatch.undo()
    assert load_project(path).name == "good"
    assert [p.name for p in tmp_path.iterdir()] == ["p.ulens"]


def _zip(path: Path, members: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    return path


@pytest.mark.parametrize(
    ("members", "message"),
    [
        ({"manifest.json": json.dumps({"format": "usagelens-project", "version": 99, "app_version": "9.0"}),
          "project.json": "{}"}, "newer format .*update UsageLens"),
        ({"manifest.json": json.dumps({"format": "something-else", "version": 1}), "project.json": "{}"},
         "not a UsageLens project"),
        ({"manifest.json": json.dumps({"format": "usagelens-project", "version": "one"})}, "unknown project format"),
        ({"manifest.json": "{not json", "project.json": "{}"}, "damaged"),
        ({"project.json": "{}"}, "manifest.json is missing"),
        ({"manifest.json": json.dumps({"format": "usagelens-project", "version": 1}),
          "project.json": json.dumps({"sources": [{"id": "x", "name": "n", "kind": "events"}]})},
         "damaged"),
    ],
)
def test_bad_project_files_are_refused_clearly(tmp_path: Path, members: dict[str, str], message: str) -> None:
    path = _zip(tmp_path / "bad.ulens", members)
    with pytest.raises(ProjectFileError, match=message):
        load_project(path)


def test_not_a_zip_and_missing_file(tmp_path: Path) -> None:
    junk = tmp_path / "junk.ulens"
    junk.write_bytes(b"\x00\x01 definitely not a zip")
    with pytest.raises(ProjectFileError, match="not a UsageLens project"):
        load_project(junk)
    with pytest.raises(ProjectFileError, match="does not exist"):
        load_project(tmp_path / "missing.ulens")


def test_saved_file_gets_normal_permissions(tmp_path: Path) -> None:
    path = tmp_path / "p.ulens"
    save_project(Project(), path)
    assert path.stat().st_mode & 0o044  # readable by others as any new file, not owner-only like a temp file
    path.chmod(0o600)
    save_project(Project(), path)
    assert path.stat().st_mode & 0o777 == 0o600  # an existing file keeps the permissions its owner chose


def test_pinned_finding_snapshot_is_a_png_in_the_zip(tmp_path: Path) -> None:
    project = full_project()
    path = tmp_path / "p.ulens"
    save_project(project, path)
    finding = project.findings[0]
    with zipfile.ZipFile(path) as archive:
        assert archive.read(f"snapshots/{finding.id}.png") == finding.snapshot
        assert "snapshot" not in json.loads(archive.read("project.json"))["findings"][0]
    assert load_project(path).findings[0].snapshot == finding.snapshot


@pytest.mark.parametrize("bad_id", ["../../escape", "a/b", "a\\b", "..", "", "x" * 65])
def test_ids_that_could_leave_their_zip_folder_are_refused_on_save(tmp_path: Path, bad_id: str) -> None:
    project = Project(sources=[Source("Events", SourceKind.EVENTS, pd.DataFrame({"a": [1]}), id=bad_id)])
    with pytest.raises(ProjectFileError, match="cannot name a file inside the project"):
        save_project(project, tmp_path / "p.ulens")
    assert list(tmp_path.iterdir()) == []


def test_ids_that_could_leave_their_zip_folder_are_refused_on_load(tmp_path: Path) -> None:
    path = tmp_path / "p.ulens"
    save_project(Project(findings=[Finding("f", snapshot=b"png")]), path)
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    payload = json.loads(members["project.json"])
    payload["findings"][0]["id"] = "../../../etc/cron.d/x"
    members["project.json"] = json.dumps(payload).encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    with pytest.raises(ProjectFileError, match="damaged.*cannot name a file inside the project"):
        load_project(path)


def test_values_are_checked_against_the_model_and_named_where_they_sit(tmp_path: Path) -> None:
    manifest = json.dumps({"format": "usagelens-project", "version": 1})
    payload = {"objectives": [{"statement": "Grow", "target": "lots"}]}
    path = _zip(tmp_path / "typed.ulens", {"manifest.json": manifest, "project.json": json.dumps(payload)})
    with pytest.raises(ProjectFileError, match=r"objectives\[0\]\.target should be a number, not text"):
        load_project(path)


def test_a_project_too_big_to_reopen_is_never_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Saving checks what loading checks: a file written past the limits would refuse to open, losing the work."""
    from usagelens.model import project_file
    from usagelens.model.file_limits import TableBudget

    monkeypatch.setattr(project_file, "TableBudget", lambda: TableBudget(cells=10))
    project = Project(sources=[Source("big", SourceKind.EVENTS, pd.DataFrame({"a": range(11)}))])
    target = tmp_path / "big.ulens"
    with pytest.raises(ProjectFileError, match=r"Cannot save big.ulens: data/.*\.parquet holds 11 rows in 1 column"):
        save_project(project, target)
    assert not target.exists() and list(tmp_path.iterdir()) == []
