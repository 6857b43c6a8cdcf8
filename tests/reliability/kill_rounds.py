"""Saves killed at random moments: the file on disk must always be the old or the new project, whole.

A child process saves two projects ("old" and "new", told apart by name and row count) one after the other
until the parent SIGKILLs it after a random delay. After each kill the parent checks that the file opens and is
one of the two, never a mix, and that the next open (even rounds) or save (odd rounds) leaves no temp file.
Children come from a fork server that has imported pandas and the model once, so a round costs the random
delay, not an interpreter start. Shared by ``test_kill_during_save.py`` and ``bench_kill_save.py``.
"""

from __future__ import annotations

import itertools
import multiprocessing
import random
import shutil
import time
from dataclasses import dataclass, field
from multiprocessing.synchronize import Event
from pathlib import Path

import numpy as np
import pandas as pd

from usagelens.model import Project, Source, SourceKind, load_project, save_project

ROWS = {"old": 60_000, "new": 60_001}  # a torn save would pair one name with the other's table


@dataclass
class KillReport:
    rounds: int = 0
    leftovers_seen: int = 0  # rounds whose kill left a temp file, i.e. landed inside the write
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0


def project(name: str) -> Project:
    """A project whose save spends time both before the temp file exists (encoding the table) and inside
    it (deflating a long description), so random kills hit every phase."""
    rows = ROWS[name]
    rng = np.random.default_rng(rows)
    table = pd.DataFrame({
        "user_id": np.char.add("u", rng.integers(0, 5_000, rows).astype("U6")),
        "timestamp": pd.date_range("2024-01-01", periods=rows, freq="min"),
        "event": np.array(["signup", "login", "export"])[rng.integers(0, 3, rows)],
    })
    words = np.array(["usage", "retention", "funnel", "cohort", "customer", "week"])
    description = " ".join(words[rng.integers(0, len(words), 300_000)])
    return Project(name=name, description=description, sources=[Source("Events", SourceKind.EVENTS, table)])


def _save_forever(path: str, projects: list[Project], ready: Event) -> None:
    """The child: save "new" and "old" in turn until killed."""
    ready.set()
    for turn in itertools.count(1):
        save_project(projects[turn % 2], path)


def temp_files(folder: Path) -> list[Path]:
    return sorted(folder.glob(".*.tmp"))


def run_kill_rounds(folder: Path, rounds: int, seed: int = 2024, inside_writes: int = 0) -> KillReport:
    """Kill ``rounds`` saving children at random moments; every broken promise is a line in ``failures``.

    The kills land up to two saves' time after a child starts, that time measured here first: on a busy
    machine a save takes several times its idle ~100 ms, and kills spread over a fixed 0.2 s would all land
    before the temp file exists. Beyond ``rounds``, children are killed until ``inside_writes`` kills have
    landed inside a write (a temp file left), up to five times ``rounds``."""
    context = multiprocessing.get_context("forkserver")
    # Modules on the default path only: Python 3.11's fork server ignores the parent's sys.path when preloading.
    context.set_forkserver_preload(["numpy", "pandas", "pyarrow.parquet", "usagelens.model"])
    rng = random.Random(seed)
    projects = [project("old"), project("new")]
    path, copy = folder / "project.ulens", folder / "check" / "copy.ulens"
    copy.parent.mkdir(exist_ok=True)
    timed = time.perf_counter()
    save_project(projects[0], path)
    spread = 2 * (time.perf_counter() - timed)
    report, started = KillReport(), time.perf_counter()
    for number in itertools.count():
        if number >= rounds and (report.leftovers_seen >= inside_writes or number >= 5 * rounds):
            break
        ready = context.Event()
        child = context.Process(target=_save_forever, args=(str(path), projects, ready), daemon=True)
        child.start()
        if ready.wait(60):
            time.sleep(rng.uniform(0, spread))
        child.kill()
        child.join()
        report.rounds += 1
        report.leftovers_seen += bool(temp_files(folder))
        shutil.copyfile(path, copy)  # checked on a copy, so that this round's save or open does the tidying
        _check(load_project(copy), number, report)
        if number % 2:
            save_project(projects[0], path)
        else:
            _check(load_project(path), number, report)
        if temp_files(folder):
            report.failures.append(f"round {number}: {[p.name for p in temp_files(folder)]} left after the next "
                                   f"{'save' if number % 2 else 'open'}")
    report.seconds = time.perf_counter() - started
    return report


def _check(loaded: Project, number: int, report: KillReport) -> None:
    rows = len(loaded.sources[0].table) if loaded.sources else -1
    if ROWS.get(loaded.name) != rows:
        report.failures.append(f"round {number}: a torn project ({loaded.name!r} with {rows} rows)")
