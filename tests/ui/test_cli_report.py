"""``usagelens report``: the summary PDF headless, and one clear line with exit 2 for bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from usagelens.app import main
from usagelens.model import load_project


def test_report_writes_the_summary(qtbot, demo_path: Path, tmp_path: Path, pdf_text,  # type: ignore[no-untyped-def]
                                   capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "summary.pdf"
    assert main(["report", str(demo_path), "--out", str(out)]) == 0
    text = pdf_text(out)
    project = load_project(demo_path)
    assert project.objectives[0].statement.split(",")[0] in text
    for heading in ("Objectives", "Data sources", "Active users", "Findings", "Actions"):
        assert heading in text
    assert "Page 1 of" in text
    assert "Wrote" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.ulens", "--out", "x.pdf"], "does not exist"),
        (["junk.ulens", "--out", "x.pdf"], "not a UsageLens project"),
        (["junk.ulens", "--out", "x.txt"], "must end in .pdf"),
        (["junk.ulens", "--out", "no/such/folder/x.pdf"], "does not exist"),
    ],
)
def test_report_bad_input_is_one_line_and_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str], args: list[str],
                                                 message: str) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "junk.ulens").write_bytes(b"not a zip at all")
    assert main(["report", *args]) == 2
    err = capsys.readouterr().err.strip()
    assert message in err and len(err.splitlines()) == 1


def test_unknown_arguments_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["report"])
    assert exit_info.value.code == 2
    assert "error" in capsys.readouterr().err
