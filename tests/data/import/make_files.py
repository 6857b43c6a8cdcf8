#!/usr/bin/env python
"""Write the awkward and broken exports that tests/io imports.

Real exports arrive in every encoding, delimiter and state of damage; each file here reproduces one case a
product owner has met, small enough to commit. The outputs are committed, so the tests never need this
script; run it again only to change a file:

    .venv/bin/python tests/data/import/make_files.py

``protected.xlsx`` needs ``msoffcrypto-tool`` (a dev-only tool, ``pip install msoffcrypto-tool``) to be a
genuinely encrypted workbook as Excel writes it; everything else uses only the app's own dependencies.
"""

from __future__ import annotations

import io
import random
import re
import zipfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import openpyxl

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


def main() -> None:
    book = workbook()
    files: dict[str, bytes | Callable[[], bytes]] = {
        **text_files(),
        "workbook.xlsx": book,
        "truncated.xlsx": book[: len(book) // 2],
        "protected.xlsx": lambda: encrypted(book),
    }
    for name, content in files.items():
        (HERE / name).write_bytes(content() if callable(content) else content)
        print("wrote", name)


if __name__ == "__main__":
    main()
