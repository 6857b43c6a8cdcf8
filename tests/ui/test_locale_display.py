"""Result tables show numbers and dates in the user's locale: "1.234,5" and "06.03.2026" in German,
"1,234.5" and "3/6/2026" in American English; raw data grids show them as stored."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pandas as pd
import pytest
from PySide6.QtCore import QLocale

from usagelens.charts.locale_text import in_locale
from usagelens.ui.frame_model import FrameModel, percent


@pytest.fixture
def locale() -> Iterator[Callable[[str], None]]:
    """Switch the default locale for one test and put the previous one back afterwards."""
    before = QLocale()
    yield lambda name: QLocale.setDefault(QLocale(name))
    QLocale.setDefault(before)


FRAME = pd.DataFrame({
    "users": [1234.5, 1_500_000.0],
    "events": [1234, 7],
    "day": pd.to_datetime(["2026-03-06 00:00:00", "2026-03-07 14:05:09"]),
    "rate": [0.325, 0.5],
})  # fmt: skip


def _row(model: FrameModel, row: int) -> list[str]:
    return [model.data(model.index(row, column)) for column in range(model.columnCount())]


@pytest.mark.parametrize(("name", "first", "second"), [
    ("de_DE", ["1.234,5", "1.234", "06.03.2026", "32,5%"], ["1.500.000", "7", "07.03.2026 14:05:09", "50,0%"]),
    ("en_US", ["1,234.5", "1,234", "3/6/2026", "32.5%"], ["1,500,000", "7", "3/7/2026 2:05:09\u202fPM", "50.0%"]),
], ids=["de_DE", "en_US"])  # fmt: skip
def test_result_tables_write_numbers_and_dates_in_the_locale(qtbot, locale, name, first, second) -> None:  # type: ignore[no-untyped-def]
    locale(name)
    model = FrameModel()
    model.set_frame(FRAME, grouped=True, formats={"rate": percent})
    assert _row(model, 0) == first
    assert _row(model, 1) == second


def test_raw_data_grids_keep_what_is_stored_in_any_locale(qtbot, locale) -> None:  # type: ignore[no-untyped-def]
    """A data grid's filter matches the stored text, so its cells show that text, not a German rewrite."""
    locale("de_DE")
    model = FrameModel(FRAME)
    assert _row(model, 0)[:3] == ["1234.5", "1234", "2026-03-06"]


def test_impact_sentences_write_only_their_numbers_in_the_locale() -> None:
    """The GUI's impact line in German: "32,5% → 35,0% (+2,5 pts, 95% CI +0,4 pts to …, p = 0,021; 1.200 days
    each side)"; the sentence's own commas stay commas. The report passes nothing and keeps English."""
    from usagelens.analytics.impact import ActionImpact
    from usagelens.model import KpiBinding, Objective
    from usagelens.workspace.formatting import impact_text, impact_verdict

    german = QLocale("de_DE")
    objective = Objective(statement="Keep users", binding=KpiBinding(metric="retention"))
    impact = ActionImpact("increase", window_days=1200, before_mean=0.325, after_mean=0.35, difference=0.025,
                          ci_low=0.004, ci_high=0.046, p_value=0.021)
    local = lambda text: in_locale(text, german)  # noqa: E731
    assert impact_text(impact, objective, local) == (
        "32,5% → 35,0% (+2,5 pts, 95% CI +0,4 pts to +4,6 pts, p = 0,021; 1.200 days each side): increase")
    assert impact_verdict(impact, objective, local) == "increase (+2,5 pts, p = 0,021)"
    assert impact_text(impact, objective).startswith("32.5% → 35.0% (+2.5 pts, 95% CI +0.4 pts")
