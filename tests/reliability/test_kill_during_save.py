"""A save killed at any moment leaves the old or the new project, whole, and no temp file after the next
save or open (``kill_rounds.py``; ``tests/benchmarks/bench_kill_save.py`` runs many more rounds)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from kill_rounds import run_kill_rounds

ROUNDS = 30
INSIDE_WRITES = 3  # kills that left a temp file: the rounds go on until this many landed inside a write


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL and the fork server are POSIX")
def test_saves_killed_at_random_moments_never_tear_the_file_nor_leave_temp_files(tmp_path: Path) -> None:
    report = run_kill_rounds(tmp_path, ROUNDS, inside_writes=INSIDE_WRITES)
    assert report.failures == []
    assert ROUNDS <= report.rounds <= 5 * ROUNDS
    assert report.leftovers_seen >= INSIDE_WRITES, "too few kills landed inside a write to prove anything"
