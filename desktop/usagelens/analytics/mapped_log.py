"""Memory-mapped event logs: the cleaned events encoded once into compact files, opened without loading them.

The numpy kernels need the whole log as aligned arrays; at 100M events a log they own would not fit a
laptop, but a log the OS pages in from files does. :func:`build_mapped_log` streams the standard view out
of DuckDB sorted by user, time and tie-break, in record batches of bounded size (the codes are decided
first, so DuckDB sorts integers, not text), and appends each array to a plain ``.npy`` file;
:func:`open_mapped_log` opens those files with ``np.load(mmap_mode="r")`` as an :class:`EventLog`.
Bytes per event:

- ``users.npy`` int32 user codes (4), ``times.npy`` int64 UTC nanoseconds (8), ``events.npy`` int16 event
  codes (2; int32 past 32,767 names): the 14 bytes every kernel reads;
- ``ranks.npy`` int32 (4), read by funnels only: the rank of a row's time among its user's times (see
  :class:`EventLog`), computed in the same pass, where a global rank would need a sort of all times;
- ``distinct_times.npy`` (≤ 8): funnels read only its length, so its pages are never touched;
- ``day_users.npy`` and ``days.npy``, int32 (8 per distinct user and day, about 3 per event): the distinct
  (user, day) pairs every active-days metric starts from (:func:`~usagelens.analytics.periods.user_days`),
  made once here rather than on each opening (1.1 s at 100M events);
- ``source_rows`` is not stored: the rows are in the order of the stream they came from (``arange``).

:func:`store_log` writes a log already encoded in memory in the same layout (its properties, which may be of
any pandas type, in one Arrow file), so a project reopened later maps it instead of encoding it again.
User ids and property dictionaries are Arrow files (decoded on open); event names and everything needed to
trust the folder are in ``manifest.json``. A folder is written under a temporary name and renamed into
place once complete, so a cancelled or failed build leaves nothing behind; a folder whose manifest is
missing, unreadable, of another format or key, or disagrees with its files raises :class:`UnusableLog`.
"""

from __future__ import annotations

import json
import shutil
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from usagelens.analytics.eventlog import EventLog
from usagelens.analytics.periods import distinct_user_days, user_days

if TYPE_CHECKING:  # DuckDB and Ibis load in half a second; opening a stored log (the app's start) needs neither
    import duckdb
    import ibis.expr.types as ir

FORMAT = 2  # 2: the distinct (user, day) pairs are stored
MANIFEST = "manifest.json"
PROPERTIES = "properties.arrow"  # a stored log's property columns, with their pandas types
BATCH_ROWS = 1 << 20
USER_DAYS = ("day_users", "days")  # the files of the distinct (user, day) pairs
STREAM_SHARE = 0.9  # of the progress: the rest is the sort of the distinct times
Progress = Callable[[float], None]


class BuildCancelled(Exception):
    """The build was cancelled; nothing was left in the cache."""


class UnusableLog(Exception):
    """The folder does not hold a complete log of this format and key: rebuild it."""


@dataclass(frozen=True)
class MappedLogInfo:
    """What a build produced: where, how much, and how long it took."""

    folder: Path
    n_events: int
    n_users: int
    n_event_names: int
    bytes_on_disk: int
    seconds: float


def build_mapped_log(
    view: ir.Table | duckdb.DuckDBPyRelation,
    folder: Path,
    *,
    key: str = "",
    properties: Sequence[str] = (),
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> MappedLogInfo:
    """Encode the standard view (an Ibis table on DuckDB, or a DuckDB relation) into ``folder``, replacing it.

    ``properties`` are the view's extra columns to keep. ``progress(fraction)`` is called as batches arrive
    and ``cancelled()`` polled between them; a cancel raises :class:`BuildCancelled`. DuckDB sorts before
    the first batch, spilling beyond its memory limit, so the process never holds the raw table.
    """
    began = time.perf_counter()
    relation = _relation(view)
    folder.parent.mkdir(parents=True, exist_ok=True)
    scratch = folder.with_name(f"{folder.name}.building-{uuid.uuid4().hex}")
    scratch.mkdir()
    try:
        manifest = _write_log(relation, scratch, properties, progress or _ignore, cancelled or _never)
        manifest["key"] = key
        (scratch / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
        _replace(folder, scratch)
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
    return MappedLogInfo(
        folder=folder,
        n_events=manifest["rows"],
        n_users=manifest["users"],
        n_event_names=len(manifest["event_names"]),
        bytes_on_disk=sum(path.stat().st_size for path in folder.iterdir()),
        seconds=time.perf_counter() - began,
    )


def store_log(log: EventLog, folder: Path, *, key: str) -> None:
    """Write a log already encoded in memory into ``folder`` (replacing it), so that reopening its project
    maps it instead of cleaning and encoding the source again.

    The arrays keep their dtypes; the properties, being the columns of the cleaned table with whatever
    pandas types they have, go into one Arrow file that keeps those types, so that a breakdown labels its
    groups exactly as it did on the log in memory. :class:`UnusableLog` when a property column is of a kind
    Arrow cannot store (e.g. mixed Python objects): the log then simply stays in memory only.
    """
    try:
        properties = pa.Table.from_pandas(log.properties, preserve_index=False)
    except (pa.ArrowException, TypeError, ValueError) as error:
        raise UnusableLog(f"the properties cannot be stored: {error}") from error
    folder.parent.mkdir(parents=True, exist_ok=True)
    scratch = folder.with_name(f"{folder.name}.building-{uuid.uuid4().hex}")
    scratch.mkdir()
    try:
        arrays = {"users": log.user_codes, "times": log.times, "events": log.event_codes, "ranks": log.time_ranks}
        pairs = dict(zip(USER_DAYS, user_days(log), strict=True))
        for name, values in [*arrays.items(), ("distinct_times", log.distinct_times), *pairs.items()]:
            np.save(scratch / f"{name}.npy", np.ascontiguousarray(values))
        _write_labels(scratch / "user_ids.arrow", pa.array(log.user_ids.astype(str), pa.string()))
        with pa.OSFile(str(scratch / PROPERTIES), "wb") as sink, pa.ipc.new_file(sink, properties.schema) as writer:
            writer.write_table(properties)
        manifest = {
            "format": FORMAT,
            "key": key,
            "rows": log.n_events,
            "users": log.n_users,
            "dtypes": {name: str(values.dtype) for name, values in arrays.items()},
            "distinct_times": len(log.distinct_times),
            "user_days": len(pairs["days"]),
            "event_names": log.event_names,
            "properties": PROPERTIES,
            "dropped_rows": log.dropped_rows,
        }
        (scratch / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
        _replace(folder, scratch)
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise


def open_mapped_log(folder: Path, *, key: str | None = None) -> EventLog:
    """The log in ``folder`` with read-only memory-mapped arrays; :class:`UnusableLog` if it cannot be trusted
    (``key``, when given, must be the one it was built for)."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        if manifest.get("format") != FORMAT or (key is not None and manifest.get("key") != key):
            raise UnusableLog(f"{folder} was built for another format or source")
        n = manifest["rows"]
        arrays = {name: _load(folder, name, dtype, n) for name, dtype in manifest["dtypes"].items()}
        arrays["distinct_times"] = _load(folder, "distinct_times", "int64", manifest["distinct_times"])
        pairs = (_load(folder, USER_DAYS[0], manifest["dtypes"]["users"], manifest["user_days"]),
                 _load(folder, USER_DAYS[1], "int32", manifest["user_days"]))
        user_ids = _read_labels(folder / "user_ids.arrow")
        if len(user_ids) != manifest["users"]:
            raise UnusableLog(f"{folder} has {len(user_ids)} user ids, not {manifest['users']}")
        log = EventLog(
            user_codes=arrays["users"],
            times=arrays["times"],
            event_codes=arrays["events"],
            user_ids=user_ids,
            event_names=[str(name) for name in manifest["event_names"]],
            property_columns=_properties(folder, manifest["properties"], n),
            distinct_times=arrays["distinct_times"],
            time_ranks=arrays["ranks"],
            dropped_rows=int(manifest.get("dropped_rows", 0)),
        )
        log.cached("user_days", lambda: pairs)
        return log
    except UnusableLog:
        raise
    except (OSError, ValueError, KeyError, TypeError, pa.ArrowException) as error:
        raise UnusableLog(f"{folder} is incomplete or corrupt: {error}") from error


# --- the build --------------------------------------------------------------------------------------


def _relation(view: ir.Table | duckdb.DuckDBPyRelation) -> duckdb.DuckDBPyRelation:
    """The view as a DuckDB relation on its own connection, so batches come from DuckDB's Arrow reader."""
    import duckdb
    import ibis

    if isinstance(view, duckdb.DuckDBPyRelation):
        return view
    return view.get_backend().con.sql(ibis.to_sql(view, dialect="duckdb"))  # type: ignore[attr-defined]


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _write_log(
    relation: duckdb.DuckDBPyRelation,
    folder: Path,
    properties: Sequence[str],
    progress: Progress,
    cancelled: Callable[[], bool],
) -> dict:
    """Write every array of the log into ``folder``; returns the manifest (without its key)."""
    codes = _Codes.of(relation)
    n = codes.n_rows
    dtypes = {
        "users": "int32",
        "times": "int64",
        "events": "int16" if len(codes.event_names) < 2**15 else "int32",
        "ranks": "int32" if n < 2**31 else "int64",
    }
    types = dict(zip(relation.columns, map(str, relation.types), strict=True))
    stream = codes.sorted_stream(relation, properties, tie_break="seq" if "seq" in types else None)
    encoder = _Encoder()
    writers = {name: _NpyWriter(folder / f"{name}.npy", np.dtype(dtype), n) for name, dtype in dtypes.items()}
    columns = [_PropertyWriter(folder, index, _is_number(types[name]), n) for index, name in enumerate(properties)]
    try:
        done = 0
        for batch in stream.to_arrow_reader(BATCH_ROWS):
            if cancelled():
                raise BuildCancelled("the accelerator build was cancelled")
            if not batch.num_rows:
                continue
            for name, values in encoder.encode(batch).items():
                writers[name].append(values)
            for index, column in enumerate(columns):
                column.append(batch.column(3 + index))
            done += batch.num_rows
            progress(STREAM_SHARE * done / max(n, 1))
    finally:
        for writer in [*writers.values(), *columns]:
            writer.close()
    for writer in [*writers.values(), *(column.values for column in columns)]:
        writer.check()
    if cancelled():
        raise BuildCancelled("the accelerator build was cancelled")
    user_ids = codes.user_ids
    _write_labels(folder / "user_ids.arrow", user_ids)
    distinct = _write_distinct_times(folder)
    days = _write_user_days(folder, n)
    progress(1.0)
    return {
        "format": FORMAT,
        "rows": n,
        "users": len(user_ids),
        "dtypes": dtypes,
        "distinct_times": distinct,
        "user_days": days,
        "event_names": codes.event_names,
        "properties": [[name, column.kind] for name, column in zip(properties, columns, strict=True)],
    }


@dataclass(frozen=True)
class _Codes:
    """The user and event code tables, decided before the sort so that DuckDB sorts integers, not text.

    Both come from one GROUP BY of the view, held as small relations on its connection: user codes number
    the ids in DuckDB's text order, which compares UTF-8 bytes, i.e. code points, like the numpy sort of
    :meth:`EventLog.from_frame`; event codes go by descending frequency, ties by name.
    """

    users: duckdb.DuckDBPyRelation
    events: duckdb.DuckDBPyRelation
    n_rows: int

    @classmethod
    def of(cls, relation: duckdb.DuckDBPyRelation) -> _Codes:
        groups = relation.query(
            "v", "SELECT user_id, event, count(*) AS n FROM v GROUP BY GROUPING SETS ((user_id), (event))"
        ).materialize()
        users = groups.query(
            "g",
            "SELECT user_id, (row_number() OVER (ORDER BY user_id) - 1)::INTEGER AS user_code "
            "FROM g WHERE user_id IS NOT NULL ORDER BY user_code",
        ).materialize()
        events = groups.query(
            "g",
            "SELECT event, n, (row_number() OVER (ORDER BY n DESC, event) - 1)::INTEGER AS event_code "
            "FROM g WHERE event IS NOT NULL ORDER BY event_code",
        ).materialize()
        return cls(users, events, int(sum(events.select("n").fetchnumpy()["n"])))

    @property
    def user_ids(self) -> pa.Array:
        return self.users.select("user_id").to_arrow_table()["user_id"].combine_chunks().cast(pa.string())

    @property
    def event_names(self) -> list[str]:
        return [str(name) for name in self.events.select("event").fetchnumpy()["event"]]

    def sorted_stream(
        self, relation: duckdb.DuckDBPyRelation, properties: Sequence[str], *, tie_break: str | None
    ) -> duckdb.DuckDBPyRelation:
        """The view as (user code, µs, event code, properties) sorted by user, time and tie-break."""
        joined = (
            relation.set_alias("v")
            .join(self.users.set_alias("u"), "v.user_id = u.user_id")
            .join(self.events.set_alias("e"), "v.event = e.event")
        )
        extra = "".join(f", {_quote(name)}" for name in properties)
        then = f", {tie_break}" if tie_break else ""
        return joined.query(
            "j", f"SELECT user_code, epoch_us(ts) AS ts, event_code{extra} FROM j ORDER BY user_code, ts{then}"
        )


class _Encoder:
    """Turns sorted batches into the log's arrays, carrying the last user and time across batches: a row's
    time rank is the number of distinct times of its user before it."""

    def __init__(self) -> None:
        self.last_user = -1
        self.last_time = 0
        self.pairs = 0  # distinct (user, time) pairs so far
        self.user_first_pair = 0

    def encode(self, batch: pa.RecordBatch) -> dict[str, np.ndarray]:
        users = batch.column(0).to_numpy()
        times = batch.column(1).to_numpy() * 1000
        new_user = np.empty(len(users), dtype=bool)
        new_user[0] = users[0] != self.last_user
        np.not_equal(users[1:], users[:-1], out=new_user[1:])
        new_time = new_user.copy()
        new_time[0] |= times[0] != self.last_time
        new_time[1:] |= times[1:] != times[:-1]
        pair = np.cumsum(new_time, dtype=np.int64)
        pair += self.pairs - 1
        first_pair = np.where(new_user, pair, self.user_first_pair)
        np.maximum.accumulate(first_pair, out=first_pair)
        self.last_user, self.last_time = int(users[-1]), int(times[-1])
        self.pairs, self.user_first_pair = int(pair[-1]) + 1, int(first_pair[-1])
        return {"users": users, "times": times, "events": batch.column(2).to_numpy(), "ranks": pair - first_pair}


_INTEGERS = ("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT")
_NUMBERS = frozenset({*_INTEGERS, *(f"U{name}" for name in _INTEGERS), "FLOAT", "DOUBLE"})


def _is_number(duckdb_type: str) -> bool:
    return duckdb_type in _NUMBERS or duckdb_type.startswith("DECIMAL")


class _NpyWriter:
    """Appends chunks to a ``.npy`` file of a known length, written sequentially (no memory map, so the
    build's resident memory stays one batch, not the whole file)."""

    def __init__(self, path: Path, dtype: np.dtype, length: int) -> None:
        self.path, self.dtype, self.length, self.written = path, dtype, length, 0
        self.file: BinaryIO = path.open("wb")
        header = {"descr": np.lib.format.dtype_to_descr(dtype), "fortran_order": False, "shape": (length,)}
        np.lib.format.write_array_header_1_0(self.file, header)

    def append(self, values: np.ndarray) -> None:
        self.file.write(np.ascontiguousarray(values, dtype=self.dtype).data)
        self.written += len(values)

    def close(self) -> None:
        self.file.close()

    def check(self) -> None:
        """Raise if the rows written are not the rows the header promised (the view changed meanwhile)."""
        if self.written != self.length:
            raise UnusableLog(f"{self.path.name}: {self.written} rows written, {self.length} expected")


class _PropertyWriter:
    """One property column: numbers as float64 (NaN missing, as pandas reads a column with a gap), anything
    else as int32 codes (-1 missing) into a dictionary of its values as text, built across batches."""

    def __init__(self, folder: Path, index: int, number: bool, length: int) -> None:
        self.kind = "number" if number else "text"
        self.labels_path = folder / f"property_{index}.arrow"
        self.values = _NpyWriter(folder / f"property_{index}.npy", np.dtype("float64" if number else "int32"), length)
        self.codes: dict[str, int] = {}

    def append(self, column: pa.Array) -> None:
        if self.kind == "number":
            self.values.append(column.cast(pa.float64()).to_numpy(zero_copy_only=False))
            return
        encoded = pc.dictionary_encode(column)
        labels = encoded.dictionary.to_pandas().astype("string")
        lookup = np.array([self.codes.setdefault(label, len(self.codes)) for label in labels] + [-1], dtype=np.int32)
        self.values.append(lookup[pc.fill_null(encoded.indices, -1).to_numpy()])

    def close(self) -> None:
        self.values.close()
        if self.kind == "text":
            _write_labels(self.labels_path, pa.array(list(self.codes), pa.string()))


def _write_distinct_times(folder: Path) -> int:
    """Write the sorted distinct times; their count. The times are read into memory rather than mapped
    (their pages are sorted, so mapping them would only add the file's pages to the resident set) and
    written back in batches, so the peak is the copy plus one flag per row."""
    times = np.load(folder / "times.npy")
    times.sort()
    keep = np.empty(len(times), dtype=bool)
    keep[:1] = True
    np.not_equal(times[1:], times[:-1], out=keep[1:])
    writer = _NpyWriter(folder / "distinct_times.npy", times.dtype, int(np.count_nonzero(keep)))
    try:
        for start in range(0, len(times), BATCH_ROWS):
            part = slice(start, start + BATCH_ROWS)
            writer.append(times[part][keep[part]])
    finally:
        writer.close()
    writer.check()
    return writer.length


def _write_user_days(folder: Path, length: int) -> int:
    """Write the distinct (user, day) pairs of the log's mapped users and times; their count."""
    users, times = (_load(folder, name, dtype, length) for name, dtype in (("users", "int32"), ("times", "int64")))
    pairs = distinct_user_days(users, times)
    for name, values in zip(USER_DAYS, pairs, strict=True):
        np.save(folder / f"{name}.npy", values)
    return len(pairs[1])


def _write_labels(path: Path, labels: pa.Array) -> None:
    with pa.OSFile(str(path), "wb") as sink, pa.ipc.new_file(sink, pa.schema([("label", pa.string())])) as writer:
        writer.write_table(pa.table({"label": labels}))


def _read_labels(path: Path) -> np.ndarray:
    with pa.memory_map(str(path)) as source:
        return pa.ipc.open_file(source).read_all().column("label").to_numpy(zero_copy_only=False).astype(object)


def _replace(folder: Path, built: Path) -> None:
    """Put the finished ``built`` folder at ``folder``: an old one is moved aside first, then removed."""
    old = folder.with_name(f"{folder.name}.old-{uuid.uuid4().hex}")
    if folder.exists():
        folder.rename(old)
    built.rename(folder)
    shutil.rmtree(old, ignore_errors=True)


# --- opening ----------------------------------------------------------------------------------------


def _load(folder: Path, name: str, dtype: str, length: int) -> np.ndarray:
    array = np.load(folder / f"{name}.npy", mmap_mode="r")
    if array.dtype != np.dtype(dtype) or array.shape != (length,):
        raise UnusableLog(f"{name}.npy holds {array.dtype} {array.shape}, not {dtype} ({length},)")
    return array


def _properties(folder: Path, stored: str | list[list[str]], length: int) -> pd.DataFrame:
    """The property columns: from the Arrow file of a stored log, or the mapped columns of a built one."""
    if isinstance(stored, str):
        with pa.memory_map(str(folder / stored)) as source:
            frame = pa.ipc.open_file(source).read_all().to_pandas()
        if len(frame) != length:
            raise UnusableLog(f"{stored} holds {len(frame)} rows, not {length}")
        return frame
    columns = {name: _open_property(folder, index, kind, length) for index, (name, kind) in enumerate(stored)}
    return pd.DataFrame(columns, index=pd.RangeIndex(length))


def _open_property(folder: Path, index: int, kind: str, length: int) -> pd.Series | pd.Categorical:
    if kind == "number":
        return pd.Series(_load(folder, f"property_{index}", "float64", length), copy=False)
    codes = _load(folder, f"property_{index}", "int32", length)
    return pd.Categorical.from_codes(codes, categories=pd.Index(_read_labels(folder / f"property_{index}.arrow")))


def _ignore(fraction: float) -> None:
    """Progress nobody listens to."""


def _never() -> bool:
    return False
