#!/usr/bin/env python
"""Write the awkward and broken exports that tests/io imports.

Real exports arrive in every encoding, delimiter and state of damage; each file here reproduces one case a
product owner has met, small enough to commit. The outputs are committed, so the tests never need this
script; run it again only to change a file:

    .venv/bin/python tests/data/import/make_files.py

``protected.xlsx`` needs ``msoffcrypto-tool`` (a dev-only tool, ``pip install msoffcrypto-tool``) to be a
genuinely encrypted workbook as Excel writes it; everything else uses only the app's own dependencies.
Archives carry fixed timestamps, so reruns give identical bytes.
"""

from __future__ import annotations

import gzip
import io
import json
import random
import re
import sqlite3
import struct
import tempfile
import zipfile
import zlib
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import openpyxl
import pyarrow as pa
import pyarrow.parquet as pq

HERE = Path(__file__).resolve().parent
FIXED_TIME = datetime(2025, 1, 1)


def text_files() -> dict[str, bytes]:
    """The text exports: encodings, delimiters, header placement and quoting."""
    rows = ["u1,2025-01-05 10:00:00,login", "u2,2025-01-05 11:30:00,upgrade_plan"]
    wide_header = ",".join(f"col{i:02d}" for i in range(1, 51))
    wide_rows = [",".join(str(r * 100 + c) for c in range(1, 51)) for r in range(1, 4)]
    rng = random.Random(7)
    return {
        "empty.csv": b"",
        "header_only.csv": b"user_id,timestamp,event\n",
        "binary_junk.csv": bytes([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0x0D]) + rng.randbytes(2000),
        "document.pdf": b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
        "utf8_bom.csv": "\ufeffuser_id,city,amount\nu1,Zürich,12.5\nu2,São Paulo,7\n".encode(),
        # Concatenated exports: the last line came from a cp1252 system.
        "mixed_encoding.csv": "user_id,city\nu1,Café\nu2,Zürich\n".encode() + "u3,Café\n".encode("cp1252"),
        # German Excel "CSV (semicolon)": cp1252, ';', decimal comma, thousands dot, euro sign.
        "semicolon_cp1252.csv": (
            "Kunde;Datum;Betrag;Notiz\r\n"
            "K-001;31.12.2024;1,5;Müller zahlt in €\r\n"
            "K-002;01.01.2025;1.234,75;Größe L\r\n"
            "K-003;02.01.2025;-3,25;\r\n"
        ).encode("cp1252"),
        # Excel "Unicode text": UTF-16 LE with BOM, tab separated, CRLF.
        "utf16_tab.txt": (
            "\ufeffuser_id\tevent\tscore\r\nu1\tsurvey_answered\t9\r\nu2\tsurvey_answered\t3\r\n"
        ).encode("utf-16-le"),
        "multiline.csv": (
            b"user_id,comment,score\n"
            b'u1,"Great app,\nbut slow on ""big"" projects",8\n'
            b'u2,"Line one\r\nline two\r\nline three",4\n'
            b"u3,short,10\n"
        ),
        "duplicate_headers.csv": b"id,amount,amount,,amount_2\n1,10,20,x,y\n",
        "title_rows.csv": (
            "Planwise - event export\nGenerated 2025-01-06 by admin\n\n"
            "user_id,timestamp,event\n" + "\n".join(rows) + "\n"
        ).encode(),
        "wide.csv": (wide_header + "\n" + "\n".join(wide_rows) + "\n").encode(),
        "mixed_dates.csv": (
            b"user_id,when\n"
            b"u1,2025-12-31\n"
            b"u2,2025-12-31 10:00:00\n"
            b"u3,2025-12-31T10:00:00.123456+02:00\n"
            b"u4,31/12/2025\n"
            b"u5,30/11/2025 08:15\n"
            b"u6,31.12.2025 10:00\n"
            b"u7,not a date\n"
            b"u8,\n"
        ),
        "pipe.txt": b"order_id|user_id|amount|currency\nA1|007|19.99|EUR\nA2|7|5|USD\n",
        "web_page.xls": (
            b"<!DOCTYPE html>\n<html><head><title>Orders</title></head><body><table>"
            b"<tr><th>order</th><th>amount</th></tr><tr><td>A1</td><td>5</td></tr></table></body></html>\n"
        ),
    }


def _set_cached_values(raw: bytes, cached: dict[str, dict[str, object]]) -> bytes:
    """Store formula results as Excel would and fix zip timestamps so reruns give identical bytes.

    openpyxl writes formulas without a cached result; Excel always saves one, and that is what readers see.
    """
    source = zipfile.ZipFile(io.BytesIO(raw))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            values = cached.get(info.filename)
            if values:
                data = re.sub(
                    rb'<c r="([A-Z]+\d+)"><f>([^<]*)</f><v\s*/></c>',
                    lambda m, v=values: (
                        b'<c r="%s"><f>%s</f><v>%s</v></c>' % (m[1], m[2], str(v[m[1].decode()]).encode())
                    ),
                    data,
                )
            target.writestr(zipfile.ZipInfo(info.filename, FIXED_TIME.timetuple()[:6]), data)
    return out.getvalue()


def workbook() -> bytes:
    """An empty first sheet, an Orders sheet with merged cells and formulas, a sheet with a title above."""
    book = openpyxl.Workbook()
    book.properties.created = book.properties.modified = FIXED_TIME
    book.active.title = "Empty"
    orders = book.create_sheet("Orders")
    orders.append(["order_id", "customer", "quantity", "unit_price", "total"])
    orders.append(["A1", "acme", 2, 1.5, "=C2*D2"])
    orders.append(["A2", None, 3, 2.0, "=C3*D3"])  # B2:B3 merged: the same customer
    orders.append(["A3", "globex", 1, 10.25, "=C4*D4"])
    orders.merge_cells("B2:B3")
    summary = book.create_sheet("Summary")
    summary["A1"] = "Orders by customer, January"
    summary.merge_cells("A1:C1")
    summary.append(["customer", "orders", "revenue"])
    summary.append(["acme", 2, "=SUM(Orders!E2:E3)"])
    summary.append(["globex", 1, "=Orders!E4"])
    raw = io.BytesIO()
    book.save(raw)
    return _set_cached_values(
        raw.getvalue(),
        {
            "xl/worksheets/sheet2.xml": {"E2": 3, "E3": 6, "E4": 10.25},
            "xl/worksheets/sheet3.xml": {"C3": 9, "C4": 10.25},
        },
    )


def encrypted(plain: bytes) -> bytes:
    """``plain`` encrypted with the password "secret" as Excel does it (an OLE2 file holding the package)."""
    import msoffcrypto.format.ooxml

    target = io.BytesIO()
    msoffcrypto.format.ooxml.OOXMLFile(io.BytesIO(plain)).encrypt("secret", target)
    return target.getvalue()


def mixpanel_records() -> list[dict[str, object]]:
    """Mixpanel's raw export: the event and a properties object, time in Unix seconds, ids as text."""
    rows = [
        ("Sign Up", 1709546400, "u-007", "Chrome", ["beta"]),
        ("Create Project", 1709550000, "u-007", "Chrome", []),
        ("Sign Up", 1709632800, "7", "Safari", ["beta", "pilot"]),
    ]
    return [
        {"event": event, "properties": {
            "time": time, "distinct_id": user, "$insert_id": f"id{index}", "mp_processing_time_ms": time * 1000 + 17,
            "$browser": browser, "$city": "Berlin", "mp_lib": "web", "cohorts": cohorts,
        }}
        for index, (event, time, user, browser, cohorts) in enumerate(rows)
    ]


def amplitude_records(hour: int) -> list[dict[str, object]]:
    """Two records of Amplitude's export for one hour: flat fields plus nested property objects."""
    return [
        {
            "$insert_id": f"ins-{hour}-{n}", "amplitude_id": 900 + n, "app": 123456,
            "client_event_time": f"2024-03-04 {hour:02d}:15:00.123456", "data": {"path": "/2/httpapi"},
            "device_id": f"dev-{n}", "event_id": n, "event_properties": {"source": "push" if n else "email"},
            "event_time": f"2024-03-04 {hour:02d}:15:00.{123456 + n:06d}", "event_type": "open_app",
            "groups": {}, "library": "http/2.0", "server_upload_time": f"2024-03-04 {hour:02d}:16:00.000000",
            "user_id": f"user{n}", "user_properties": {"plan": "team"}, "uuid": f"uuid-{hour}-{n}",
        }
        for n in range(2)
    ]


def _jsonl(records: list[dict[str, object]]) -> bytes:
    return "".join(json.dumps(record) + "\n" for record in records).encode()


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(zipfile.ZipInfo(name, FIXED_TIME.timetuple()[:6]), data)
    return out.getvalue()


def _png() -> bytes:
    """A real 1×1 white PNG: what a screenshot dropped by mistake starts with."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0\xff\xff\xff")) + chunk(
        b"IEND", b""
    )


def _sqlite() -> bytes:
    """A product's own database file, as an engineer might hand it over."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "app.sqlite"
        with sqlite3.connect(path) as connection:
            connection.execute("CREATE TABLE events (user_id TEXT, ts TEXT, event TEXT)")
            connection.execute("INSERT INTO events VALUES ('u1', '2024-03-04', 'login')")
        connection.close()
        return path.read_bytes()


def _parquet() -> bytes:
    """Events as a warehouse or notebook writes them: typed columns, a nested struct and a list."""
    table = pa.table({
        "user_id": pa.array([7, 7, 8], pa.int64()),
        "ts": pa.array([1709546400123456, 1709550000000001, 1709632800000000], pa.timestamp("us", tz="UTC")),
        "event": ["signup", "create", "signup"],
        "context": pa.array([{"plan": "team", "seats": 3}, {"plan": "team", "seats": 3}, {"plan": "free", "seats": 1}]),
        "tags": pa.array([["a"], [], None], pa.list_(pa.string())),
    })
    out = io.BytesIO()
    pq.write_table(table, out)
    return out.getvalue()


def exports_as_they_come() -> dict[str, bytes]:
    """Real exports in the shapes tools write them (JSON, compressed, bundled, Parquet), and files people
    drop on an import that hold no table."""
    events_csv = "user_id,timestamp,event\n007,2024-03-04 10:00:00.123456,signup\n7,2024-03-05 09:30:00,create\n"
    return {
        "mixpanel.jsonl": _jsonl(mixpanel_records()),
        # Amplitude's export: a zip of hourly gzipped JSON lines inside a folder named after the project.
        "amplitude.zip": _zip({
            f"123456/123456_2024-03-04_{hour}#0.json.gz": gzip.compress(_jsonl(amplitude_records(hour)), mtime=0)
            for hour in (10, 9)
        } | {"__MACOSX/123456/._123456_2024-03-04_9#0.json.gz": b"\0\5\x16\7"}),
        "events.csv.gz": gzip.compress(events_csv.encode(), mtime=0),
        "events.parquet": _parquet(),
        "jsonlines_named.csv": b'{"user_id": 7, "event": "login"}\n{"user_id": "007", "event": "logout"}\n',
        "separators_only.csv": b",,,\n,,,\n;;\n\n",
        "trailing_blank_lines.csv": b"user_id,event\nu1,login\nu2,logout\n\n,\n   \n,\n\n",
        "mixed.zip": _zip({"events.csv": events_csv.encode(), "more.jsonl": _jsonl(mixpanel_records())}),
        "report.numbers": _zip({"Index/Document.iwa": b"\0" * 16, "Metadata/Properties.plist": b"<plist/>"}),
        "screenshot.png": _png(),
        "app.sqlite": _sqlite(),
        "budget.gsheet": b'{"url": "https://docs.google.com/spreadsheets/d/1AbC", "doc_id": "1AbC"}',
    }


def main() -> None:
    book = workbook()
    files: dict[str, bytes | Callable[[], bytes]] = {
        **text_files(),
        **exports_as_they_come(),
        "workbook.xlsx": book,
        "truncated.xlsx": book[: len(book) // 2],
        "protected.xlsx": lambda: encrypted(book),
    }
    for name, content in files.items():
        (HERE / name).write_bytes(content() if callable(content) else content)
        print("wrote", name)


if __name__ == "__main__":
    main()
