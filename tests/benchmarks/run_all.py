"""`make bench`: run every benchmark script in this folder and update RESULTS.md.

Benchmarks are kept out of `make test`: they take minutes and their numbers depend on the machine.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    failures = 0
    for script in sorted(HERE.glob("bench_*.py")):
        print(f"== {script.name}", flush=True)
        failures += subprocess.run([sys.executable, str(script), "--write"], cwd=HERE.parents[1]).returncode != 0
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
