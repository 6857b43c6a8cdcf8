"""Every `usagelens analyze` command of the gallery on the DuckDB path, at a size no laptop holds in memory.

Issue 14's target: with 100M events, each analysis answers within 30 s on the DuckDB path (the Ibis definitions
over the export's Parquet conversion), the process within 4 GB. Each command is a fresh process, start-up
included, with DuckDB's memory limited as for an 8 GB laptop; the export's one-off conversion is timed apart
(the first run makes it, every later one reuses it; with ``--profile DIR`` a later run of the bench too).
``--baseline REV`` also times each command with the package as it was at git revision REV, in the same run, so
a change is measured against its former self. Each row also gives the child's CPU time (user + system of its
threads) and the 1-minute load average when it started: on a machine shared with other work the wall time says
as much about the others as about the command. ``--heading`` writes the table under a heading of its own (a
later run beside an earlier one, which stays).

    python tests/benchmarks/bench_duckdb_gallery.py [--events 100000000] [--memory-limit 3GB] [--commands a,b]
        [--baseline REV] [--heading "## …"] [--profile DIR] [--write]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_cli_engine import ROLES, baseline_package, timed, timed_with_cpu  # noqa: E402
from eventgen import dataset  # noqa: E402
from results_file import replace_section  # noqa: E402

HEADING = "## Every gallery command on the DuckDB path"
TARGET_S, TARGET_GB = 30.0, 4.0
COMMANDS = {  # command -> its arguments on eventgen's data (a year of 2024, events event_00…, a platform)
    "active-users": ["--period", "week"],
    "stickiness": [],
    "lifecycle": ["--period", "week"],
    "frequency": ["--period", "week"],
    "events": [],
    "adoption": [],
    "funnel": ["--steps", "event_00,event_01,event_02"],
    "drivers": ["--steps", "event_00,event_01,event_02", "--attributes", "platform"],
    "retention": ["--period", "week"],
    "paths": ["--from", "event_00"],
    "transitions": [],
    "sessions": ["--period", "week"],
    "heatmap": [],
    "segments": ["--feature", "event_03", "--by", "platform"],
    "anomalies": [],
    "experiment": ["--by", "platform", "--goal", "event_05"],
    "before-after": ["--change", "2024-07-01"],
    # the journey's steps per platform; events 20-29 as errors and 10-19 as support contacts
    "pain-points": ["--steps", "event_00,event_01,event_02", "--by", "platform", "--errors", "event_2",
                    "--support", "event_1"],
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000_000)
    parser.add_argument("--memory-limit", default="3GB")
    parser.add_argument("--commands", help="comma-separated subset of the commands")
    parser.add_argument("--baseline", metavar="REV", help="also time each command at this git revision")
    parser.add_argument("--heading", default=HEADING, help="the section of RESULTS.md to write")
    parser.add_argument("--profile", type=Path, help="keep the conversions in this folder and reuse them (their time "
                        "is then that of the run that made them, or a few seconds when reused)")
    parser.add_argument("--write", action="store_true", help="update tests/benchmarks/RESULTS.md")
    args = parser.parse_args()
    csv = dataset(args.events, "csv")
    chosen = [c for c in COMMANDS if not args.commands or c in args.commands.split(",")]
    with tempfile.TemporaryDirectory() as temporary, tempfile.TemporaryDirectory() as old:
        cache = str(args.profile or temporary)
        env = {**os.environ, "USAGELENS_MEMORY_LIMIT": args.memory_limit, "USAGELENS_PROFILE_DIR": cache}
        before = None
        if args.baseline:
            package = baseline_package(args.baseline, Path(old))
            before = {**env, "PYTHONPATH": os.pathsep.join([str(package), env.get("PYTHONPATH", "")])}
        base = [sys.executable, "-m", "usagelens", "analyze", str(csv), *ROLES, "--engine", "duckdb"]
        # two one-off conversions: the event columns alone (the engine's own commands), and with the export's
        # other columns as properties (the gallery's commands, which may break down by one)
        convert = timed([*base, "--out", os.devnull, "events"], env)
        with_properties = timed([*base, "--out", os.devnull, "stickiness"], env)
        print(f"conversions: {convert[0]:.1f} s, {convert[1]:,.0f} MB; with properties {with_properties[0]:.1f} s,"
              f" {with_properties[1]:,.0f} MB", flush=True)
        rows = []
        for command in chosen:
            argv = [*base, "--out", os.devnull, command, *COMMANDS[command]]
            load = os.getloadavg()[0]
            seconds, peak, cpu = timed_with_cpu(argv, env)
            within = "yes" if seconds <= TARGET_S and peak <= TARGET_GB * 1024 else "no"
            then = "" if before is None else " {0:.1f} / {2:.1f} |".format(*timed_with_cpu(argv, before))
            rows.append(f"| {command} | {load:.1f} | {seconds:.1f} | {cpu:.1f} |{then} {peak:,.0f} | {within} |")
            print(rows[-1], flush=True)
    baseline_column = f" at {args.baseline} (s / CPU s) |" if args.baseline else ""
    text = f"""{args.heading}

{args.events:,} events (`eventgen.py`, CSV of {csv.stat().st_size / 1e9:.1f} GB) through `usagelens analyze
--engine duckdb`, DuckDB memory limit {args.memory_limit}, each command a fresh process (start-up included).
The first runs convert the export to Parquet, once with the event columns alone (with `events`: {convert[0]:.1f} s,
{convert[1]:,.0f} MB) and once with its other columns as properties, which the gallery's commands read (with
`stickiness`: {with_properties[0]:.1f} s, {with_properties[1]:,.0f} MB); every command below reuses them. Target:
{TARGET_S:.0f} s and {TARGET_GB:.0f} GB each.

| command | load | seconds | CPU (s) |{baseline_column} peak RSS (MB) | within target |
|---|---:|---:|---:|{"---:|" if args.baseline else ""}---:|:---:|
{chr(10).join(rows)}
"""
    if args.write:
        replace_section(args.heading, text)
    else:
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
