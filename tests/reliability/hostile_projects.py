"""A generated corpus of hostile and damaged ``.ulens`` files, each with the sentence opening it must end in.

Every file starts from a small valid project saved by the app and changes one thing: a value of the wrong
type, a flipped byte, a zip member that lies about its size, a Parquet table that would decode to 300M rows…
Builders write the file to a given path; ``message`` is a regular expression the ProjectFileError must match.
"""

from __future__ import annotations

import io
import json
import struct
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from usagelens.model import Finding, Objective, Project, RecipeStep, Source, SourceKind, save_project

SOURCE_ID, FINDING_ID = "events01", "finding01"
TABLE, IMAGE = f"data/{SOURCE_ID}.parquet", f"snapshots/{FINDING_ID}.png"
Members = dict[str, tuple[bytes, int]]  # zip member -> (bytes, compression)


@dataclass(frozen=True)
class Hostile:
    name: str
    build: Callable[[Path], None]
    message: str


def base_project() -> Project:
    table = pd.DataFrame({"user_id": ["a", "b"], "timestamp": pd.to_datetime(["2024-01-01", "2024-01-02"]),
                          "event": ["signup", "login"]})
    source = Source("Events", SourceKind.EVENTS, table, id=SOURCE_ID,
                    roles={"user_id": "user_id", "timestamp": "timestamp", "event": "event"})
    return Project(name="Base", objectives=[Objective("Grow")], sources=[source],
                   recipes={SOURCE_ID: [RecipeStep("remove_duplicates")]},
                   findings=[Finding("Android retains worse", id=FINDING_ID, snapshot=b"\x89PNG\r\n\x1a\nfake")])


def base_members(folder: Path) -> Members:
    path = folder / "base.ulens"
    save_project(base_project(), path)
    with zipfile.ZipFile(path) as archive:
        members = {info.filename: (archive.read(info), info.compress_type) for info in archive.infolist()}
    path.unlink()
    return members


def write_members(path: Path, members: Members) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        for name, (data, compression) in members.items():
            archive.writestr(name, data, compress_type=compression)


def changed_members(change: Callable[[Members], None]) -> Callable[[Path], None]:
    def build(path: Path) -> None:
        members = base_members(path.parent)
        change(members)
        write_members(path, members)

    return build


def changed_payload(change: Callable[[dict[str, Any]], None]) -> Callable[[Path], None]:
    """A valid file whose project.json went through ``change``."""

    def change_members(members: Members) -> None:
        payload = json.loads(members["project.json"][0])
        change(payload)
        members["project.json"] = (json.dumps(payload).encode(), zipfile.ZIP_DEFLATED)

    return changed_members(change_members)


def setting(*where: str | int, value: Any) -> Callable[[Path], None]:
    """project.json with one value replaced, e.g. ``setting("objectives", value=None)``."""

    def change(payload: dict[str, Any]) -> None:
        node = payload
        for key in where[:-1]:
            node = node[key]  # type: ignore[index]
        node[where[-1]] = value  # type: ignore[index]

    return changed_payload(change)


def member_text(member: str, text: str | bytes, compression: int = zipfile.ZIP_DEFLATED) -> Callable[[Path], None]:
    data = text.encode() if isinstance(text, str) else text
    return changed_members(lambda members: members.__setitem__(member, (data, compression)))


def patched_directory(member: str, *, flags: int | None = None, size: int | None = None) -> Callable[[Path], None]:
    """A valid file whose central directory entry for ``member`` says something else (what zipfile trusts)."""

    def build(path: Path) -> None:
        write_members(path, base_members(path.parent))
        data = bytearray(path.read_bytes())
        with zipfile.ZipFile(path) as archive:
            offset = archive.start_dir
        while data[offset : offset + 4] == b"PK\x01\x02":
            name_length, extra_length, comment_length = struct.unpack_from("<HHH", data, offset + 28)
            if data[offset + 46 : offset + 46 + name_length].decode() == member:
                if flags is not None:
                    struct.pack_into("<H", data, offset + 8, flags)
                if size is not None:
                    struct.pack_into("<I", data, offset + 24, size)
            offset += 46 + name_length + extra_length + comment_length
        path.write_bytes(bytes(data))

    return build


def flipped_byte(member: str) -> Callable[[Path], None]:
    """One byte of ``member``'s stored data inverted, as a bad disk or a careless transfer would."""

    def build(path: Path) -> None:
        write_members(path, base_members(path.parent))
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo(member)
        data = bytearray(path.read_bytes())
        start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
        data[start + info.compress_size // 2] ^= 0xFF
        path.write_bytes(bytes(data))

    return build


def parquet(table: pa.Table) -> bytes:
    buffer = io.BytesIO()
    pq.write_table(table, buffer)
    return buffer.getvalue()


def deflated_zeros(path: Path, member: str, size: int) -> None:
    """A real zip bomb member: ``size`` zero bytes that deflate ~1000 to 1."""
    members = base_members(path.parent)
    with zipfile.ZipFile(path, "w") as archive:
        for name, (data, compression) in members.items():
            if name != member:
                archive.writestr(name, data, compress_type=compression)
        info = zipfile.ZipInfo(member)
        info.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(info, "w", force_zip64=True) as handle:
            chunk = bytes(1 << 20)
            for _ in range(size >> 20):
                handle.write(chunk)


def many_members(path: Path) -> None:
    members = base_members(path.parent)
    with zipfile.ZipFile(path, "w") as archive:
        for name, (data, compression) in members.items():
            archive.writestr(name, data, compress_type=compression)
        for number in range(25_000):
            archive.writestr(f"padding/{number:08d}-{'x' * 20}", b"")


def truncated(path: Path) -> None:
    write_members(path, base_members(path.parent))
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def nested(depth: int) -> str:
    return '{"name": "deep", "description": "", "analyses": [{"name": "a", "kind": "k", "params": {"p": ' + (
        "[" * depth + "]" * depth
    ) + "}}]}"


def parquet_member(table: pa.Table) -> Callable[[Path], None]:
    return member_text(TABLE, parquet(table), zipfile.ZIP_STORED)


GOOD_SOURCE = {"id": SOURCE_ID, "name": "Events", "kind": "events"}

CORPUS: tuple[Hostile, ...] = (
    # values of the wrong type or shape: validated against the model, named where they sit
    Hostile("objectives-null", setting("objectives", value=None), r"objectives should be a list, not null"),
    Hostile("name-number", setting("name", value=42), r"\(name should be text, not a number\)"),
    Hostile("hypotheses-text", setting("objectives", 0, "hypotheses", value="all of them"),
            r"objectives\[0\]\.hypotheses should be a list, not text"),
    Hostile("statement-missing", changed_payload(lambda p: p["objectives"][0].pop("statement")),
            r"objectives\[0\]\.statement is missing"),
    Hostile("target-text", setting("objectives", 0, "target", value="lots"),
            r"objectives\[0\]\.target should be a number, not text"),
    Hostile("binding-params-list", setting("objectives", 0, "binding", value={"metric": "m", "params": [1]}),
            r"objectives\[0\]\.binding\.params should be an object, not a list"),
    Hostile("source-kind-unknown", setting("sources", 0, "kind", value="spreadsheet"),
            r"sources\[0\]\.kind is 'spreadsheet', not one of 'events'"),
    Hostile("source-name-missing", changed_payload(lambda p: p["sources"][0].pop("name")),
            r"sources\[0\]\.name is missing"),
    Hostile("sources-object", setting("sources", value={"a": 1}), r"sources should be a list"),
    Hostile("recipe-params-null", setting("recipes", SOURCE_ID, 0, "params", value=None),
            rf"recipes\.{SOURCE_ID}\[0\]\.params should be an object, not null"),
    Hostile("finding-date-impossible", setting("findings", 0, "created", value="2024-02-30"),
            r"findings\[0\]\.created is not a date \('2024-02-30'\)"),
    Hostile("flag-as-number", setting("recipes", SOURCE_ID, 0, "enabled", value=1),
            r"enabled should be true or false, not a number"),
    Hostile("failed-count-float", setting("sources", 0, "failed_timestamps", value=1.5),
            r"sources\[0\]\.failed_timestamps should be a whole number, not a fraction"),
    Hostile("project-json-list", member_text("project.json", "[]"), r"project\.json should hold an object"),
    Hostile("project-json-not-utf8", member_text("project.json", b'{"name": "\xff\xfe"}'), r"not UTF-8 text"),
    Hostile("project-json-broken", member_text("project.json", '{"name": '),
            r"project\.json stops being valid JSON at line 1"),
    Hostile("integer-of-5000-digits", member_text("project.json", '{"rows": ' + "9" * 5000 + "}"),
            r"project\.json is not valid JSON"),
    # names that would leave their folder, or clash
    Hostile("source-id-escapes", setting("sources", 0, "id", value="../../../home/me/.bashrc"),
            r"the id '\.\./\.\./\.\./home/me/\.bashrc' cannot name a file inside the project"),
    Hostile("source-id-backslash", setting("sources", 0, "id", value="..\\..\\evil"),
            r"cannot name a file inside the project"),
    Hostile("finding-id-escapes", setting("findings", 0, "id", value="../x"), r"cannot name a file inside"),
    Hostile("duplicate-source-ids", changed_payload(lambda p: p["sources"].append(dict(p["sources"][0]))),
            r"two sources share one id"),
    Hostile("table-missing", changed_members(lambda m: m.pop(TABLE)), rf"the table {TABLE} is missing"),
    # damaged bytes
    Hostile("flipped-byte-project-json", flipped_byte("project.json"), r"its contents were changed or cut short"),
    Hostile("flipped-byte-table", flipped_byte(TABLE), r"its contents were changed or cut short"),
    Hostile("truncated-file", truncated, r"not a UsageLens project, or the file is damaged"),
    Hostile("not-a-zip", lambda path: path.write_bytes(b"\x00\x01 not a zip at all"), r"not a UsageLens project"),
    Hostile("empty-file", lambda path: path.write_bytes(b""), r"not a UsageLens project"),
    Hostile("manifest-missing", changed_members(lambda m: m.pop("manifest.json")), r"manifest\.json is missing"),
    Hostile("version-true", member_text("manifest.json", '{"format": "usagelens-project", "version": true}'),
            r"unknown project format version"),
    Hostile("table-not-parquet", member_text(TABLE, b"PAR1 this is no table PAR1", zipfile.ZIP_STORED),
            rf"{TABLE} is not a readable table"),
    # zip features UsageLens never writes
    Hostile("encrypted-member", patched_directory("project.json", flags=0x1), r"project\.json is encrypted"),
    Hostile("bzip2-member", changed_members(
        lambda m: m.__setitem__("project.json", (m["project.json"][0], zipfile.ZIP_BZIP2))),
        r"project\.json uses a compression method UsageLens never writes"),
    # sizes: refused from what the file declares, before anything is unpacked
    Hostile("json-declares-2-GiB", patched_directory("project.json", size=2 << 30),
            r"too large to open safely: project\.json would unpack to 2\.0 GB \(the limit is 16\.0 MB\)"),
    Hostile("image-declares-100-MB", patched_directory(IMAGE, size=100 << 20),
            rf"too large to open safely: {IMAGE} would unpack to 100\.0 MB"),
    Hostile("json-bomb-20-MB", lambda path: deflated_zeros(path, "project.json", 20 << 20),
            r"project\.json would unpack to 20\.0 MB \(the limit is 16\.0 MB\)"),
    Hostile("table-bomb-64-MB", lambda path: deflated_zeros(path, TABLE, 64 << 20),
            rf"{TABLE} would grow from .* to 64\.0 MB when unpacked"),
    Hostile("parquet-300M-rows", parquet_member(pa.table({"user_id": pa.nulls(300_000_000)})),
            r"holds 300,000,000 rows in 1 column \(a project may hold 200,000,000 cells\)"),
    Hostile("parquet-nested-column", parquet_member(pa.table({"user_id": [[1, 2], [3]]})),
            r"has a nested column, user_id,"),
    Hostile("25000-members", many_members, r"too large to open safely: it lists 25,00\d parts"),
    Hostile("json-100000-deep", member_text("project.json", nested(100_000)), r"nested more than 32 levels deep"),
    Hostile("json-40-deep-in-params", member_text("project.json", nested(40)), r"nested more than 32 levels deep"),
)
