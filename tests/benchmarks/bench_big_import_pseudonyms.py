"""A big events import with and without pseudonymising its e-mail column (issue 14): what the keyed SHA-256 in
DuckDB's conversion costs.

An export of N events (user, time, event, e-mail, platform) is imported as the import dialog imports an export
too big for memory (DuckDB, kept on disk): plain, with the e-mail pseudonymised, and with the e-mail and the user
id pseudonymised; and, for comparison, plain and then rewritten by step 3 (what it took before). Each run is a
fresh process, which reports its wall time, CPU time (every DuckDB thread) and peak RSS; the least wall and CPU
time of ``--repeat`` runs are kept (the machine is shared).

    python tests/benchmarks/bench_big_import_pseudonyms.py [--events N] [--repeat R]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from child_process import in_child, peak_rss_mb  # noqa: E402

ROLES = {"user_id": "user_id", "timestamp": "timestamp", "event": "event"}
KEY = "k" * 64
MODES = {  # label: pseudonymised columns, and whether step 3 rewrites the plain import afterwards
    "plain": ([], False),
    "email pseudonymised in the conversion": (["email"], False),
    "email and user id pseudonymised in the conversion": (["email", "user_id"], False),
    "email: plain import, then step 3's rewrite (before)": (["email"], True),
}


def write_export(path: Path, rows: int, chunk: int = 1_000_000) -> None:
    """``rows`` events of 200,000 users, each user's e-mail in a column of its own, written in chunks."""
    rng = np.random.default_rng(14)
    events = np.array(["open", "save", "share", "export", "invite"])
    platforms = np.array(["web", "ios", "android"])
    with path.open("w", encoding="utf-8") as out:
        out.write("user_id,timestamp,event,email,platform\n")
        for start in range(0, rows, chunk):
            n = min(chunk, rows - start)
            users = rng.integers(0, 200_000, n).astype("U6")
            times = (np.datetime64("2024-01-01T00:00:00") + rng.integers(0, 365 * 86_400, n).astype(
                "timedelta64[s]")).astype("U19")
            columns = [np.char.add("u", users), times, events[rng.integers(0, 5, n)],
                       np.char.add(np.char.add("person", users), "@example.com"), platforms[rng.integers(0, 3, n)]]
            lines = columns[0]
            for column in columns[1:]:
                lines = np.char.add(np.char.add(lines, ","), column)
            out.write("\n".join(lines.tolist()) + "\n")


def child_import(csv: str, columns: str, afterwards: str = "") -> dict:
    """Import ``csv`` with ``columns`` pseudonymised in the conversion, or, with ``afterwards``, plain and then
    rewritten by step 3's on-disk pseudonymisation (the two passes a big import needed before)."""
    from usagelens.io import detect_options
    from usagelens.model import Protection
    from usagelens.model.stored_table import stored_table
    from usagelens.workspace.big_import import import_big_events
    from usagelens.workspace.personal_data import Removal, protections
    from usagelens.workspace.personal_on_disk import protect_on_disk

    protected = protections([Removal("", column, Protection.PSEUDONYMISED, "email") for column in json.loads(columns)])
    start, cpu = time.perf_counter(), time.process_time()
    source = import_big_events(Path(csv), detect_options(csv), ROLES, room_cells=0, progress=lambda _: None,
                               cancelled=lambda: False, protected=[] if afterwards else protected, key=KEY)
    stored = stored_table(source)
    if afterwards:
        plain, stored = stored, protect_on_disk(stored, protected, key=KEY, one_way_key="")
        plain.path.unlink()
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    size = stored.path.stat().st_size
    stored.path.unlink()  # each run converts afresh
    return {"seconds": seconds, "cpu_s": cpu, "peak_mb": peak_rss_mb(), "rows": stored.rows, "parquet_mb": size / 2**20}



def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=5_000_000)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--csv", type=Path, help="an export written by this script before (else a new one)")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child_import(*args.child)))
        return 0
    with tempfile.TemporaryDirectory() as folder:
        os.environ.setdefault("USAGELENS_PROFILE_DIR", folder)  # the children's cache: thrown away after
        csv = args.csv or Path(folder) / "events.csv"
        if not args.csv:
            write_export(csv, args.events)
        print(f"{args.events:,} events, CSV {csv.stat().st_size / 2**20:,.0f} MB; load {os.getloadavg()}")
        print("| import | seconds | CPU s | peak RSS MB | Parquet MB |\n|---|---:|---:|---:|---:|")
        for label, (columns, afterwards) in MODES.items():
            runs = [in_child(__file__, str(csv), json.dumps(columns), "afterwards" if afterwards else "")
                    for _ in range(args.repeat)]
            print(f"| {label} | {min(r['seconds'] for r in runs):.1f} | {min(r['cpu_s'] for r in runs):.1f} "
                  f"| {max(r['peak_mb'] for r in runs):,.0f} | {runs[0]['parquet_mb']:.0f} |", flush=True)
        print(f"load after: {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
