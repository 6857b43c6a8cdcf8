#!/usr/bin/env python
"""The conformance properties at length: many more random logs than the 12 per metric of ``make test``.

Runs ``tests/conformance/test_conformance_properties.py`` with ``USAGELENS_CONFORMANCE_EXAMPLES`` raised
(funnels get three times as many), so every executor is compared with the Ibis definitions on DuckDB over
hundreds of random logs. Exits 1 on any difference. With ``--write`` its section of
``tests/benchmarks/RESULTS.md`` is replaced.

    python tests/benchmarks/bench_conformance.py [--examples 300] [--write]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(HERE)]

from results_file import replace_section  # noqa: E402

SECTION = "# Conformance at length"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=300)
    parser.add_argument("--write", action="store_true", help="update tests/benchmarks/RESULTS.md")
    args = parser.parse_args()
    environment = {**os.environ, "USAGELENS_CONFORMANCE_EXAMPLES": str(args.examples), "QT_QPA_PLATFORM": "offscreen"}
    began = time.perf_counter()
    outcome = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "tests/conformance/test_conformance_properties.py",
        ],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - began
    summary = outcome.stdout.strip().splitlines()[-1] if outcome.stdout.strip() else outcome.stderr.strip()
    print(outcome.stdout[-4000:], flush=True)
    if args.write:
        replace_section(
            SECTION,
            f"{SECTION}\n\nThe hypothesis properties of `tests/conformance/` with {args.examples} random logs per "
            f"metric family ({3 * args.examples} funnels), numpy kernels against the Ibis definitions on DuckDB: "
            f"`{summary}`, {seconds:.0f} s.",
        )
    return outcome.returncode


if __name__ == "__main__":
    sys.exit(main())
