"""``usagelens report --cohort NAME``: pinned analyses re-computed for a saved cohort, named in the PDF; an
unknown cohort is one line and exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from usagelens.app import main
from usagelens.model import Cohort, load_project, save_project


@pytest.fixture
def with_cohort(demo_path: Path, tmp_path: Path) -> Path:
    project = load_project(demo_path)
    assert any(f.analysis is not None for f in project.findings), "the demo pins analyses as findings"
    project.cohorts.append(Cohort("Regulars", conditions=[{"kind": "first_seen", "end": "2024-03-31"}]))
    project.cohorts.append(Cohort("Doers", conditions=[{"kind": "first_seen", "start": "2024-04-01"}]))
    path = tmp_path / "with-cohort.ulens"
    save_project(project, path)
    return path


def test_report_for_a_cohort_names_it_under_each_pinned_analysis(  # type: ignore[no-untyped-def]
    qtbot, with_cohort: Path, tmp_path: Path, pdf_text
) -> None:
    out = tmp_path / "regulars.pdf"
    assert main(["report", str(with_cohort), "--cohort", "regulars", "--out", str(out)]) == 0
    text = " ".join(pdf_text(out).split())
    assert "Cohort: Regulars" in text
    plain = tmp_path / "everyone.pdf"
    assert main(["report", str(with_cohort), "--out", str(plain)]) == 0
    assert "Cohort: Regulars" not in " ".join(pdf_text(plain).split())


def test_an_unknown_cohort_is_one_line_naming_the_cohorts(with_cohort: Path, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(with_cohort), "--cohort", "Whales", "--out", str(tmp_path / "x.pdf")]) == 2
    err = capsys.readouterr().err.strip()
    assert err == "usagelens report: with-cohort.ulens has no cohort named 'Whales' (its cohorts: 'Regulars', 'Doers')."
