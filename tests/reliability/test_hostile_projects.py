"""Hostile or damaged project files end in one clear sentence, within seconds and bounded memory.

The corpus is generated (``hostile_projects.py``). Python's allocations are bounded per file with
tracemalloc; the native ones (zlib, pyarrow) of the whole corpus with the peak RSS of a fresh process.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest
from hostile_projects import CORPUS, Hostile, base_project, changed_payload, setting

from usagelens.model import ProjectFileError, load_project, save_project
from usagelens.model.file_limits import MAX_LABEL_CHARS, MAX_TEXT_CHARS

SECONDS = 5.0
PYTHON_PEAK_MB = 64
NATIVE_PEAK_MB = 300  # above the RSS of a process that has imported pandas and pyarrow


def one_sentence(message: str) -> bool:
    return "\n" not in message and message.endswith(".") and "Traceback" not in message and len(message) < 300


@pytest.mark.parametrize("hostile", CORPUS, ids=[h.name for h in CORPUS])
def test_hostile_file_is_refused_in_one_sentence_quickly_and_in_little_memory(tmp_path: Path,
                                                                              hostile: Hostile) -> None:
    path = tmp_path / f"{hostile.name}.ulens"
    hostile.build(path)
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(ProjectFileError) as refused:
            load_project(path)
        seconds = time.perf_counter() - started
        peak_mb = tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()
    message = str(refused.value)
    assert re.search(hostile.message, message), message
    assert message.startswith(path.name) and one_sentence(message), message
    assert seconds < SECONDS and peak_mb < PYTHON_PEAK_MB, (seconds, peak_mb)


def test_the_whole_corpus_stays_within_bounded_native_memory(tmp_path: Path) -> None:
    paths = []
    for hostile in CORPUS:
        paths.append(tmp_path / f"{hostile.name}.ulens")
        hostile.build(paths[-1])
    probe = (
        "import json, resource, sys\n"
        "import pandas, pyarrow.parquet\n"
        "from usagelens.model import ProjectFileError, load_project\n"
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "refused = 0\n"
        "for path in json.loads(sys.argv[1]):\n"
        "    try:\n"
        "        load_project(path)\n"
        "    except ProjectFileError:\n"
        "        refused += 1\n"
        "after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "print(json.dumps({'refused': refused, 'grew_mb': (after - before) / 1024}))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe, json.dumps([str(p) for p in paths])],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["refused"] == len(CORPUS)
    assert result["grew_mb"] < NATIVE_PEAK_MB, result


def test_absurd_strings_are_cut_so_the_project_opens_and_its_report_lays_out_in_seconds(  # type: ignore[no-untyped-def]
        qapp, tmp_path: Path) -> None:
    from usagelens.report.pdf import export_pdf
    from usagelens.workspace.summary import gather_summary

    def absurd(payload: dict) -> None:  # type: ignore[type-arg]
        payload["name"] = "N" * 200_000  # the report took 102 s to lay out a 200 kB name
        payload["description"] = "word " * 1_000_000
        payload["findings"][0]["detail"] = "detail " * MAX_TEXT_CHARS
        payload["recipes"]["events01"][0]["params"] = {"name": "c" * 600}  # a column: never cut as a label

    path = tmp_path / "absurd.ulens"
    changed_payload(absurd)(path)
    project = load_project(path)
    assert len(project.name) == MAX_LABEL_CHARS and project.name.endswith("…")
    assert len(project.description) == len(project.findings[0].detail) == MAX_TEXT_CHARS
    assert project.recipes["events01"][0].params["name"] == "c" * 600
    started = time.perf_counter()
    export_pdf(gather_summary(project), tmp_path / "summary.pdf")
    assert time.perf_counter() - started < 30


def test_a_valid_file_still_opens_after_all_these_checks(tmp_path: Path) -> None:
    path = tmp_path / "good.ulens"
    save_project(base_project(), path)
    assert load_project(path).name == "Base"
    setting("name", value="Renamed")(path)
    assert load_project(path).name == "Renamed"
