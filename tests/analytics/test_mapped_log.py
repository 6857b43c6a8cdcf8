"""Memory-mapped logs give every kernel the same table as the in-memory log, and their cache is safe.

Each generated table goes through DuckDB's standard view into a mapped log and, as a frame, into
:meth:`EventLog.from_frame`; every metric must agree exactly (or raise the same error). The cache tests
check that a build is all or nothing and that a bad folder is rebuilt rather than trusted.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from functools import cache
from pathlib import Path

import ibis
import numpy as np
import pandas as pd
import pytest

import usagelens.analytics as kernels
from usagelens.analytics import AnalysisError, EventLog
from usagelens.analytics.accelerator_cache import accelerated_log, cache_folder, cache_key, cache_root, prune
from usagelens.analytics.definitions import duckdb_backend
from usagelens.analytics.mapped_log import BuildCancelled, UnusableLog, build_mapped_log, open_mapped_log, store_log
from usagelens.analytics.periods import user_days

COLUMNS = {"user": "user_id", "time": "timestamp", "event": "event"}
STEPS = ["view", "cart", "buy"]
EVENTS = ["view", "cart", "buy", "é 🚀 ünïcode"]
USERS = ["007", "7", "7.5", "a", "Z", "ä", "日本", "😀", "b b"]


def generated(n: int, seed: int, *, minutes: int = 60 * 24 * 80) -> pd.DataFrame:
    """``n`` random events of a few users over ``minutes``, on whole minutes so that ties are common."""
    rng = np.random.default_rng(seed)
    table = pd.DataFrame(
        {
            "user_id": np.array(USERS, dtype=object)[rng.integers(0, len(USERS), n)],
            "timestamp": pd.Timestamp("2024-02-26") + pd.to_timedelta(rng.integers(0, minutes, n), "min"),
            "event": np.array(EVENTS, dtype=object)[rng.integers(0, len(EVENTS), n)],
            "plan": np.array(["free", "pro", None, ""], dtype=object)[rng.integers(0, 4, n)],
            "amount": rng.integers(0, 5, n).astype(float),
        }
    )
    table["timestamp"] = table["timestamp"].astype("datetime64[us]")
    return table


def one_row() -> pd.DataFrame:
    return generated(1, 0)


TABLES: dict[str, Callable[[], pd.DataFrame]] = {
    "ties": lambda: generated(400, 1, minutes=30),  # many events at the same instant, across users too
    "spread": lambda: generated(3000, 2),
    "one row": one_row,
    "empty": lambda: generated(0, 3),
}
CALLS: list[tuple[str, tuple, dict]] = [
    ("active_users", ("day",), {}),
    ("active_users", ("week",), {"start": "2024-03-04", "end": "2024-03-20"}),
    ("active_users", ("month",), {}),
    ("event_counts", (), {}),
    ("daily_series", (), {}),
    ("daily_series", ("buy",), {}),
    ("retention_table", ("week",), {}),
    ("retention_table", ("day",), {"mode": "on_or_after", "max_periods": 5}),
    ("retention_table", ("week",), {"by": "plan"}),
    ("retention_table", ("month",), {"start_event": "view", "return_event": "buy"}),
    ("funnel", (STEPS,), {}),
    ("funnel", (STEPS,), {"order": "strict"}),
    ("funnel", (["buy", "view", "buy"],), {"order": "any"}),
    ("funnel", (["view", "view", "buy"],), {"window": "2h", "exclude": "cart"}),
    ("funnel", (STEPS,), {"window": "1d", "start": "2024-03-01", "end": "2024-03-31"}),
    ("funnel_breakdown", (STEPS, "plan"), {"window": "7d"}),
    ("funnel_breakdown", (["view", "buy"], "amount"), {}),
    ("funnel_drivers", (STEPS,), {}),
    ("top_paths", ("view",), {}),
    ("top_paths", ("cart",), {"depth": 2}),
    ("transitions", (), {}),
    ("session_summary", ("day",), {}),
    ("session_summary", ("week",), {"gap": "2h"}),
    ("sessions", (), {}),
    ("lifecycle", ("week",), {}),
    ("lifecycle", ("day",), {}),
    ("stickiness", (), {}),
    ("active_days_frequency", ("week",), {}),
    ("feature_adoption", (), {}),
    ("adoption_since_release", ("buy", "2024-03-10"), {}),
    ("usage_heatmap", (), {}),
    ("usage_heatmap", ("users",), {}),
    ("experiment", ("plan", "buy"), {}),
]


@cache
def _connection() -> object:
    return duckdb_backend.connect(memory_limit="512MB", threads=1)


def view_of(frame: pd.DataFrame) -> object:
    return duckdb_backend.register_frame(_connection(), frame, **COLUMNS, properties=["plan", "amount"])


@cache
def logs(name: str, folder: Path) -> tuple[EventLog, EventLog]:
    """(in-memory log, mapped log) of the named table, built once per session."""
    frame = TABLES[name]()
    build_mapped_log(view_of(frame), folder, properties=["plan", "amount"])
    memory = EventLog.from_frame(frame, **COLUMNS, properties=["plan", "amount"])
    return memory, open_mapped_log(folder)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], tuple[EventLog, EventLog]]:
    root = tmp_path_factory.mktemp("mapped")
    return lambda name: logs(name, root / name.replace(" ", "_"))


def outcome(metric: str, log: EventLog, args: tuple, kwargs: dict) -> object:
    try:
        result = getattr(kernels, metric)(log, *args, **kwargs)
    except AnalysisError as error:
        return f"AnalysisError: {error}"
    return result.reset_index() if isinstance(result, pd.Series) else result


def assert_same(got: object, want: object) -> None:
    if isinstance(want, pd.DataFrame) and isinstance(got, pd.DataFrame):
        pd.testing.assert_frame_equal(got, want)
    else:
        assert got == want


@pytest.mark.parametrize("table", TABLES)
@pytest.mark.parametrize(("metric", "args", "kwargs"), CALLS, ids=[f"{m}-{i}" for i, (m, _, _) in enumerate(CALLS)])
def test_every_kernel_gives_the_in_memory_table(built, table: str, metric: str, args: tuple, kwargs: dict) -> None:
    memory, mapped = built(table)
    assert_same(outcome(metric, mapped, args, kwargs), outcome(metric, memory, args, kwargs))


@cache
def stored(name: str, folder: Path) -> EventLog:
    """The in-memory log of the named table written with store_log and opened again."""
    memory, _ = logs(name, folder / "built")
    store_log(memory, folder / "stored", key=name)
    return open_mapped_log(folder / "stored", key=name)


@pytest.mark.parametrize("table", TABLES)
@pytest.mark.parametrize(("metric", "args", "kwargs"), CALLS, ids=[f"{m}-{i}" for i, (m, _, _) in enumerate(CALLS)])
def test_a_stored_log_gives_every_kernel_the_table_of_the_log_it_was_stored_from(
    built, tmp_path_factory: pytest.TempPathFactory, table: str, metric: str, args: tuple, kwargs: dict
) -> None:
    memory, _ = built(table)
    reopened = stored(table, tmp_path_factory.getbasetemp() / "stored" / table.replace(" ", "_"))
    assert_same(outcome(metric, reopened, args, kwargs), outcome(metric, memory, args, kwargs))


def test_a_stored_log_keeps_every_property_type_for_breakdowns(tmp_path: Path) -> None:
    """A project's cleaned table has properties of any pandas type; a breakdown must label them the same."""
    frame = generated(600, 5)
    n = len(frame)
    frame = frame.assign(
        paid=np.arange(n) % 3 == 0,
        seats=pd.array(np.where(np.arange(n) % 4 == 0, None, np.arange(n) % 5), dtype="Int64"),
        signed_up=pd.Timestamp("2024-01-01") + pd.to_timedelta(np.arange(n) % 7, "D"),
        tier=pd.Categorical(np.array(["gold", "silver", None], dtype=object)[np.arange(n) % 3]),
        country=pd.Series(np.array(["FR", "DE", None], dtype=object)[np.arange(n) % 3], dtype="str"),
    )
    properties = ["plan", "amount", "paid", "seats", "signed_up", "tier", "country"]
    memory = EventLog.from_frame(frame, **COLUMNS, properties=properties)
    store_log(memory, tmp_path / "log", key="k")
    reopened = open_mapped_log(tmp_path / "log", key="k")
    pd.testing.assert_frame_equal(reopened.properties, memory.properties)
    for name in properties:
        for metric, args in (("funnel_breakdown", (STEPS, name)), ("retention_table", ("week",))):
            kwargs = {"by": name} if metric == "retention_table" else {}
            assert_same(outcome(metric, reopened, args, kwargs), outcome(metric, memory, args, kwargs))


def test_a_log_whose_properties_arrow_cannot_store_stays_in_memory_only(tmp_path: Path) -> None:
    frame = generated(10, 6).assign(mixed=[1, "a", 2.5, None, b"x", 1, "a", 2.5, None, b"x"])
    memory = EventLog.from_frame(frame, **COLUMNS, properties=["mixed"])
    with pytest.raises(UnusableLog, match="the properties cannot be stored"):
        store_log(memory, tmp_path / "log", key="k")
    assert not (tmp_path / "log").exists() and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("table", TABLES)
def test_segments_and_cuts_agree(built, table: str) -> None:
    memory, mapped = built(table)
    keep = np.arange(memory.n_users) % 2 == 0
    for cut in (lambda log: log.subset_users(keep), lambda log: log.until(19_790)):
        for metric, args in (("funnel", (STEPS,)), ("active_users", ("day",))):
            got, want = outcome(metric, cut(mapped), args, {}), outcome(metric, cut(memory), args, {})
            assert_same(got, want)


def test_arrays_are_compact_read_only_maps_in_the_same_order(built) -> None:
    memory, mapped = built("spread")
    assert isinstance(mapped.times, np.memmap) and not mapped.times.flags.writeable
    assert (mapped.user_codes.itemsize, mapped.times.itemsize, mapped.event_codes.itemsize) == (4, 8, 2)
    assert list(mapped.user_ids) == list(memory.user_ids)  # "007" before "7", unicode by code point
    assert mapped.event_names == memory.event_names
    for name in ("user_codes", "times", "event_codes"):
        assert np.array_equal(getattr(mapped, name), getattr(memory, name))
    assert np.array_equal(mapped.distinct_times, memory.distinct_times)
    assert np.array_equal(mapped.source_rows, np.arange(mapped.n_events))
    mapped_pairs = mapped._cache["user_days"]  # opened with the build's pairs, not made again
    assert all(isinstance(array, np.memmap) for array in mapped_pairs)  # type: ignore[union-attr]
    for got, want in zip(user_days(mapped), user_days(memory), strict=True):
        assert np.array_equal(got, want) and got.dtype == want.dtype


def test_a_duckdb_relation_builds_the_same_log(tmp_path: Path) -> None:
    frame = generated(500, 4)
    relation = _connection().con.sql(ibis.to_sql(view_of(frame), dialect="duckdb"))
    build_mapped_log(relation, tmp_path / "log")
    memory = EventLog.from_frame(frame, **COLUMNS)
    assert np.array_equal(open_mapped_log(tmp_path / "log").times, memory.times)


def test_progress_rises_to_one_over_several_batches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("usagelens.analytics.mapped_log.BATCH_ROWS", 64)
    seen: list[float] = []
    build_mapped_log(view_of(generated(1000, 5)), tmp_path / "log", progress=seen.append)
    assert len(seen) > 5 and seen == sorted(seen) and seen[-1] == 1.0


def test_a_cancelled_build_leaves_nothing_and_keeps_the_old_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("usagelens.analytics.mapped_log.BATCH_ROWS", 64)
    folder = tmp_path / "log"
    build_mapped_log(view_of(one_row()), folder, key="old")
    polls = iter(range(100))
    with pytest.raises(BuildCancelled):
        build_mapped_log(view_of(generated(1000, 6)), folder, key="new", cancelled=lambda: next(polls) >= 3)
    assert [path.name for path in tmp_path.iterdir()] == ["log"]
    assert open_mapped_log(folder, key="old").n_events == 1


@pytest.mark.parametrize(
    "damage",
    [
        lambda folder: (folder / "manifest.json").write_text("{not json", encoding="utf-8"),
        lambda folder: (folder / "manifest.json").unlink(),
        lambda folder: (folder / "times.npy").write_bytes(b"\x93NUMPY garbage"),
        lambda folder: (folder / "events.npy").unlink(),
        lambda folder: (folder / "days.npy").unlink(),
        lambda folder: _edit_manifest(folder, user_days=3),
        lambda folder: (folder / "user_ids.arrow").write_bytes(b""),
        lambda folder: _edit_manifest(folder, format=0),
        lambda folder: _edit_manifest(folder, rows=5),
        lambda folder: _edit_manifest(folder, dtypes={"times": "int64"}),
        lambda folder: _edit_manifest(folder, properties=[["plan", "number"]]),
    ],
)
def test_a_damaged_folder_is_unusable_and_rebuilt(damage: Callable[[Path], object]) -> None:
    frame = generated(300, 7)
    key = cache_key("frame:7", {"steps": []}, ["plan"])
    accelerated_log(key, lambda: view_of(frame), properties=["plan"])
    damage(cache_folder(key))  # in place: a map opened before would see the damage too
    with pytest.raises(UnusableLog):
        open_mapped_log(cache_folder(key), key=key)
    again = accelerated_log(key, lambda: view_of(frame), properties=["plan"])
    assert np.array_equal(again.times, EventLog.from_frame(frame, **COLUMNS).times)
    assert again.properties.columns.tolist() == ["plan"]


def _edit_manifest(folder: Path, **changes: object) -> None:
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    (folder / "manifest.json").write_text(json.dumps({**manifest, **changes}), encoding="utf-8")


def test_a_log_of_another_key_is_not_trusted(tmp_path: Path) -> None:
    build_mapped_log(view_of(one_row()), tmp_path / "log", key="a")
    with pytest.raises(UnusableLog):
        open_mapped_log(tmp_path / "log", key="b")


def test_keys_change_with_source_recipe_and_properties(tmp_path: Path) -> None:
    from usagelens.analytics.accelerator_cache import file_fingerprint

    source = tmp_path / "events.parquet"
    source.write_bytes(b"1")
    before = file_fingerprint(source)
    keys = {
        cache_key(before, {"drop": ["bot"]}),
        cache_key(before, {"drop": ["spam"]}),
        cache_key(before, {"drop": ["bot"]}, ["plan"]),
    }
    source.write_bytes(b"12")
    keys.add(cache_key(file_fingerprint(source), {"drop": ["bot"]}))
    assert len(keys) == 4
    assert cache_key(before, {"a": 1, "b": 2}) == cache_key(before, {"b": 2, "a": 1})
    assert cache_root() == Path(os.environ["USAGELENS_PROFILE_DIR"]) / "cache" / "accelerator"


def test_pruning_removes_the_least_recently_used_first() -> None:
    frame = generated(200, 8)
    keys = [cache_key(f"source {i}", None) for i in range(3)]
    for age, key in enumerate(keys):
        accelerated_log(key, lambda: view_of(frame))
        os.utime(cache_folder(key), (1000 + age, 1000 + age))
    size = sum(path.stat().st_size for path in cache_folder(keys[0]).iterdir())
    assert prune(2 * size + size // 2) == [cache_folder(keys[0])]
    assert prune(0, keep=cache_folder(keys[2])) == [cache_folder(keys[1])]
    assert [folder.name for folder in cache_root().iterdir()] == [keys[2]]


def test_pruning_removes_logs_of_another_format_at_once_but_not_a_build_under_way() -> None:
    frame = generated(200, 8)
    old, new = cache_key("source old", None), cache_key("source new", None)
    accelerated_log(old, lambda: view_of(frame))
    _edit_manifest(cache_folder(old), format=1)  # as the app wrote it before the (user, day) pairs were kept
    building = cache_root() / f"{new}.building-0"
    building.mkdir()
    accelerated_log(new, lambda: view_of(frame), budget=2**40)
    assert sorted(folder.name for folder in cache_root().iterdir()) == sorted([new, building.name])
