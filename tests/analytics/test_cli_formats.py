"""``usagelens analyze`` gives the same numbers whatever the same events are stored as: CSV, JSON lines, zipped
gzipped JSON lines (as Amplitude exports them), gzipped CSV and Parquet."""

from __future__ import annotations

import argparse
import gzip
import json
import random
import zipfile
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from usagelens.cli import analyze

Event = tuple[str, datetime, str]
ANALYSES = [
    ["active-users", "--period", "week"],
    ["funnel", "--steps", "signup,create,invite", "--window", "7d"],
    ["retention", "--period", "week"],
    ["transitions"],
    ["adoption"],
]


def _events() -> list[Event]:
    """Three weeks of events with microseconds; users ``007`` and ``7`` are two people."""
    rng = random.Random(3)
    start = datetime(2024, 3, 4, 8, 0, 0, 123456)
    users = ["007", "7", "u1", "u2", "u3", "u4"]
    events = []
    for user in users:
        for _ in range(8):
            offset = timedelta(days=rng.randrange(21), seconds=rng.randrange(36_000), microseconds=rng.randrange(10**6))
            events.append((user, start + offset, rng.choice(["signup", "create", "invite", "open"])))
    return sorted(events, key=lambda event: event[1])


def _csv(events: list[Event]) -> bytes:
    lines = [f"{user},{time.isoformat(sep=' ')},{event}" for user, time, event in events]
    return ("user_id,timestamp,event\n" + "\n".join(lines) + "\n").encode()


def _jsonl(events: list[Event]) -> bytes:
    """JSON lines as a tool writes them: a numeric-looking id as a JSON number, the rest nested."""
    return "".join(
        json.dumps({"user_id": int(user) if user == "7" else user, "ts": time.isoformat(), "props": {"event": event}})
        + "\n"
        for user, time, event in events
    ).encode()


def _write_csv(path: Path, events: list[Event]) -> Path:
    path.write_bytes(_csv(events))
    return path


def _write_jsonl(path: Path, events: list[Event]) -> Path:
    path.write_bytes(_jsonl(events))
    return path


def _write_zipped_jsonl(path: Path, events: list[Event]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for week in (2, 0, 1):  # stored out of order: members are read in name order
            chunk = [event for event in events if (event[1] - events[0][1]).days // 7 == week]
            archive.writestr(f"export/week-{week}.json.gz", gzip.compress(_jsonl(chunk)))
    return path


def _write_gzipped_csv(path: Path, events: list[Event]) -> Path:
    path.write_bytes(gzip.compress(_csv(events)))
    return path


def _write_parquet(path: Path, events: list[Event]) -> Path:
    users, times, names = zip(*events, strict=True)
    pq.write_table(pa.table({
        "user_id": pa.array(users, pa.string()), "timestamp": pa.array(times, pa.timestamp("us")), "event": names,
    }), path)  # fmt: skip
    return path


WRITERS: dict[str, tuple[Callable[[Path, list[Event]], Path], list[str]]] = {
    "events.jsonl": (_write_jsonl, ["--user", "user_id", "--time", "ts", "--event", "props.event"]),
    "events.zip": (_write_zipped_jsonl, ["--user", "user_id", "--time", "ts", "--event", "props.event"]),
    "events.csv.gz": (_write_gzipped_csv, ["--user", "user_id", "--time", "timestamp", "--event", "event"]),
    "events.parquet": (_write_parquet, ["--user", "user_id", "--time", "timestamp", "--event", "event"]),
}
CSV_COLUMNS = ["--user", "user_id", "--time", "timestamp", "--event", "event"]


def _run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="usagelens")
    analyze.add_parser(parser.add_subparsers(dest="command"))
    return analyze.run(parser.parse_args(["analyze", *argv]))


@pytest.mark.parametrize("name", list(WRITERS))
def test_same_events_give_the_same_csv_in_every_format(tmp_path: Path, name: str) -> None:
    events = _events()
    csv_path = _write_csv(tmp_path / "events.csv", events)
    write, columns = WRITERS[name]
    other = write(tmp_path / name, events)
    for analysis in ANALYSES:
        expected, got = tmp_path / "expected.csv", tmp_path / "got.csv"
        assert _run(str(csv_path), *CSV_COLUMNS, *analysis, "--out", str(expected)) == 0
        assert _run(str(other), *columns, *analysis, "--out", str(got)) == 0
        assert got.read_bytes() == expected.read_bytes(), analysis
    users = tmp_path / "users.csv"
    assert _run(str(other), *columns, "active-users", "--period", "month", "--out", str(users)) == 0
    assert users.read_text().splitlines() == ["period,active_users", "2024-03-01,6"]  # 007 and 7 are two users
