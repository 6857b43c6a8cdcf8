"""The checks of ``usagelens --self-test``, the packaged app's proof that it works: both analysis paths run
and agree (and a disagreement names the table), every shipped language finds Qt's translations, and the
start-up time is counted from the process start."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pandas as pd
import pytest

import usagelens.analytics as kernels
from usagelens.model.project_file import load_project
from usagelens.paths import demo_project
from usagelens.ui import translations
from usagelens.ui.help.pages import ORDER, SUFFIX, help_dir
from usagelens.ui.qt import QLibraryInfo
from usagelens.ui.self_test import check_engines, check_translations, process_age, table_difference


def test_tables_agree_to_the_conformance_rule() -> None:
    table = pd.DataFrame({"users": [5, 3], "rate": [1.0, 0.6], "time": pd.to_timedelta([None, "90s"])})
    assert table_difference(table, table.copy()) is None
    assert table_difference(table, table.assign(rate=[1.0, 0.6 * (1 + 1e-12)])) is None
    assert table_difference(table, table.assign(users=[5, 4])) == "column users differs"
    assert table_difference(table, table.assign(rate=[1.0, 0.61])) == "column rate differs at rows [1]"
    assert table_difference(table, table.assign(time=pd.to_timedelta([None, "91s"]))) == (
        "column time differs at rows [1]"
    )
    assert "dtypes" in table_difference(table, table.assign(users=[5.0, 3.0]))
    assert table_difference(table, table.head(1)) == "2 rows against 1"


def test_demo_agrees_on_both_engines(tmp_path: Path) -> None:
    line = check_engines(load_project(demo_project()), tmp_path)
    assert line.startswith("self-test analyses: weekly active users and a 3-step funnel agree")
    assert "numpy kernels (" in line and "Ibis on DuckDB (" in line


def test_a_disagreement_names_the_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = kernels.funnel
    monkeypatch.setattr(kernels, "funnel", lambda log, steps: real(log, steps).assign(users=lambda t: t.users + 1))
    with pytest.raises(RuntimeError, match="disagree on the 3-step funnel: column users differs"):
        check_engines(load_project(demo_project()), tmp_path)


def test_process_age_counts_from_the_process_start() -> None:
    age = process_age()
    if sys.platform.startswith("linux"):
        assert age is not None and 0 < age < time.monotonic() + 1  # started before now, after boot
    else:
        assert age is None


def test_translations_need_qt_s_own_catalogue_too(qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    german_help = len(list((help_dir() / "de").glob(f"*{SUFFIX}")))
    assert check_translations() == (f"self-test translations: de (the app's and Qt's); {german_help} of {len(ORDER)} "
                                    f"help pages in de")

    class NoQtTranslations:  # a package that left Qt's translations out
        LibraryPath = QLibraryInfo.LibraryPath

        @staticmethod
        def path(_which: object) -> str:
            return str(tmp_path)

    monkeypatch.setattr(translations, "QLibraryInfo", NoQtTranslations)
    with pytest.raises(RuntimeError, match=r"the de translations are incomplete: only \['usagelens'\] found"):
        check_translations()
