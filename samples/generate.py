#!/usr/bin/env python
"""Generate the Planwise sample exports and the demo project built from them.

    .venv/bin/python samples/generate.py [--users N] [--seed S] [--out DIR] [--no-demo]

Writes events.csv, customers.xlsx, survey.csv and revenue.csv (byte-identical for a given seed and size) and
demo.ulens, the project ``usagelens open --demo`` opens. README.md beside this file describes the stories the
data carry. The code lives in the ``planwise`` package next to this script.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from planwise import generate
from planwise.story import N_USERS, SEED

SAMPLES_DIR = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate the Planwise sample exports and demo project.")
    parser.add_argument(
        "--users", type=int, default=N_USERS, help=f"number of real users (default {N_USERS})"
    )
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--out", type=Path, default=SAMPLES_DIR, help="output folder (default: samples/)")
    parser.add_argument("--no-demo", action="store_true", help="write the data files only")
    args = parser.parse_args(argv)
    paths = generate(args.out, args.users, args.seed)
    if not args.no_demo:
        # Imported here: the data half must not need the app's import code.
        from planwise.demo import build_demo

        paths["demo"] = build_demo(paths, args.out / "demo.ulens")
    for path in paths.values():
        print(f"{path.name:15} {path.stat().st_size / 1e6:6.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
