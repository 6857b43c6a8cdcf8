"""What the privacy tests share: a project full of personal data, and a check that a saved file holds none."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from usagelens.model import (
    Finding,
    ImportOptions,
    Project,
    Protection,
    RecipeStep,
    Source,
    SourceKind,
    project_file,
    save_project,
)
from usagelens.model.stored_table import StoredTable, stored_table
from usagelens.workspace.personal_data import Removal, personal_columns, rewrite_sources

EMAILS = ["ann.lee@acme.com", "bo.chan@globex.io", "cy.diaz@initech.net", "qa.bot@acme.com"]
NAMES = ["Ann Lee", "Bo Chan", "Cy Díaz", "Qa Bot"]
PHONES = ["+44 20 7946 0000", "+44 20 7946 0001", "+1 (555) 010-0002", "+31 6 1234 5678"]
IPS = ["81.2.69.160", "2001:db8::7", "203.0.113.9", "198.51.100.23"]
RAW = [*EMAILS, *NAMES, *PHONES, *IPS]


def events_table(emails: list[str]) -> pd.DataFrame:
    rows = len(emails) * 3
    return pd.DataFrame({
        "user_id": [e for e in emails for _ in range(3)],
        "timestamp": pd.date_range("2024-03-01", periods=rows, freq="h"),
        "event": ["signup", "open", "save"] * len(emails),
        "ip": [IPS[i % len(IPS)] for i in range(len(emails)) for _ in range(3)],
    })


def _png() -> bytes:
    """A valid 1×1 PNG, standing in for a chart pinned to a finding (a snapshots/ member of the file)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\x00")) + \
        chunk(b"IEND", b"")


def privacy_project() -> Project:
    events = Source("Events", SourceKind.EVENTS, events_table(EMAILS), file_name="events.csv",
                    roles={"user_id": "user_id", "timestamp": "timestamp", "event": "event"},
                    options=ImportOptions(encoding="utf-8", delimiter=","))
    customers = Source("Customers", SourceKind.CUSTOMERS,
                       pd.DataFrame({"user_id": EMAILS, "full_name": NAMES, "phone": PHONES, "plan": ["team"] * 4}),
                       roles={"user_id": "user_id"})
    recipes = {events.id: [RecipeStep("exclude_users", {"users": ["qa.bot@acme.com"], "reason": "test account"}),
                           RecipeStep("filter_rows", {"column": "user_id", "operator": "not_one_of",
                                                      "values": ["cy.diaz@initech.net"]})]}
    return Project(name="Privacy", sources=[events, customers], recipes=recipes,
                   findings=[Finding("Chart", snapshot=_png())])


def opened_on_disk(window, tmp_path: Path, monkeypatch) -> tuple[Source, StoredTable]:  # type: ignore[no-untyped-def]
    """:func:`privacy_project` saved and opened in ``window`` with every table kept on disk (as a big project's
    are): its events source and that source's stored table before any change."""
    monkeypatch.setattr(project_file, "KEPT_ON_DISK_FROM", 1)  # every table is unpacked into the cache
    path = tmp_path / "privacy.ulens"
    save_project(privacy_project(), path)
    assert window.open_path(path, ask=False)
    events = window.document.project.sources[0]
    old = stored_table(events)
    assert old is not None and old.path is not None
    return events, old


def remove_all(project: Project, protection: Protection, **keys: str) -> None:
    """Pseudonymise every personal column found (the IP column is dropped) and apply the edits."""
    removals = [Removal(p.source_id, p.column, Protection.DROPPED if p.kind == "ip" else protection, p.kind)
                for p in personal_columns(project)]
    for edit in rewrite_sources(project, removals, key=keys.get("key", ""),
                                one_way_key=keys.get("one_way_key", "")).edits:
        edit.apply(project)


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def assert_holds_none_of(path: Path, secrets: list[str]) -> None:
    """No member of the zip holds any of ``secrets``: as bytes (JSON, PNG, Parquet as stored) nor, for Parquet,
    among the decoded values of any column or in the min/max statistics of its pages."""
    stored = members(path)
    assert any(name.endswith(".parquet") for name in stored)
    for name, data in stored.items():
        for secret in secrets:
            assert secret.encode("utf-8") not in data, f"{secret!r} is in {name}"
        if name.endswith(".parquet"):
            parquet = pq.ParquetFile(io.BytesIO(data))
            values = {str(v) for column in parquet.read().to_pydict().values() for v in column}
            assert not values & set(secrets), f"{values & set(secrets)} decoded from {name}"
            meta = parquet.metadata
            for group in range(meta.num_row_groups):
                for column in range(meta.num_columns):
                    stats = meta.row_group(group).column(column).statistics
                    if stats is not None and stats.has_min_max:
                        assert not {str(stats.min), str(stats.max)} & set(secrets), f"statistics of {name}"




def holders(obj: object, depth: int = 4) -> str:
    """Who keeps ``obj`` alive, a few referrer levels deep: a failing "nothing holds the raw table" check names
    the culprit (a cache, a closure, a task's frame) instead of just saying False."""
    import gc
    import types

    lines: list[str] = []
    frontier, seen = [obj], {id(obj)}
    for level in range(depth):
        following = []
        for held in frontier:
            for referrer in gc.get_referrers(held):
                if id(referrer) in seen or referrer is frontier or isinstance(referrer, types.FrameType) and \
                        referrer.f_code.co_name.startswith("test_"):
                    continue
                seen.add(id(referrer))
                what = type(referrer).__qualname__
                if isinstance(referrer, dict):
                    what += f" with keys {list(referrer)[:6]}"
                elif isinstance(referrer, types.FrameType):
                    what += f" of {referrer.f_code.co_qualname} ({referrer.f_code.co_filename}:{referrer.f_lineno})"
                elif isinstance(referrer, types.FunctionType | types.MethodType):
                    what += f" {referrer.__qualname__}"
                lines.append("  " * level + what)
                following.append(referrer)
        frontier = following[:20]
    return "\n".join(lines)
