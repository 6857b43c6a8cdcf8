#!/usr/bin/env python
"""Kill-during-save at length: many more SIGKILLed saves than the 30 rounds of ``make test``.

Each round a child saves two projects in turn and is killed at a random moment; the file must then open as
one of the two, whole, and the next save or open must leave no temp file (``tests/reliability/kill_rounds.py``).
Exits 1 on any failure. With ``--write`` its section of ``tests/benchmarks/RESULTS.md`` is replaced (or put
before the analysis-page section, which must stay last).

    python tests/benchmarks/bench_kill_save.py [--rounds 300] [--seed 2024] [--write]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parents[1] / "desktop"), str(HERE.parent / "reliability")]

from kill_rounds import KillReport, run_kill_rounds  # noqa: E402
from results_file import replace_section  # noqa: E402

SECTION = "# Kill-during-save rounds"


def table(report: KillReport, seed: int) -> str:
    return "\n".join([
        "| rounds | kills inside a write (temp file left) | torn, unopenable or untidied | seconds per round |",
        "|---:|---:|---:|---:|",
        f"| {report.rounds} | {report.leftovers_seen} | {len(report.failures)} | "
        f"{report.seconds / max(report.rounds, 1):.2f} |",
        "",
        f"Seed {seed}. " + ("Failures: " + "; ".join(report.failures[:5]) if report.failures else "No failure."),
    ])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=300)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--write", action="store_true", help="update tests/benchmarks/RESULTS.md")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="usagelens-kill-") as folder:
        report = run_kill_rounds(Path(folder), args.rounds, args.seed)
    result = table(report, args.seed)
    print(result, flush=True)
    if args.write:
        replace_section(SECTION,
            f"{SECTION}\n\nA child process saves a 60,000-row project with a long description over and over and "
            "is SIGKILLed after a random delay of up to two saves' time (measured first); the file must open as "
            "the old or the new project (never a mix), and the next save or open must remove the temp file a "
            "killed save left.\n\n" + result
        )
    return 1 if report.failures else 0


if __name__ == "__main__":
    sys.exit(main())
