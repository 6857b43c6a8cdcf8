"""Step 4's result tables write fractions as a reader expects them, whatever the column is called: an
experiment's difference to the control in percentage points and its lift in per cent, a survey's shares of
promoters and a planned relative effect in per cent (the export keeps the raw fractions)."""

from __future__ import annotations

from usagelens.model import load_project
from usagelens.paths import demo_project
from usagelens.ui.frame_model import FrameModel
from usagelens.ui.pages.analyse import table_formats
from usagelens.ui.qt import Qt
from usagelens.workspace.analyses import ANALYSES, AnalysisInputs, run_analysis
from usagelens.workspace.analyses.spec import DataFacts


def _shown(kind: str, params: dict[str, object] | None = None) -> dict[str, str]:
    """The first row after the first as the table shows it: column -> text."""
    inputs = AnalysisInputs(load_project(demo_project()))
    result = run_analysis(kind, inputs, {**ANALYSES[kind].defaults(DataFacts.of(inputs)), **(params or {})})
    model = FrameModel()
    columns = list(map(str, result.table.columns))
    model.set_frame(result.table, grouped=True, formats=table_formats(columns, result.units))
    row = 1 if len(result.table) > 1 else 0
    return {c: model.data(model.index(row, n), Qt.ItemDataRole.DisplayRole) for n, c in enumerate(columns)}


def test_fractions_read_as_percentages_and_points(qapp) -> None:  # type: ignore[no-untyped-def]
    experiment = _shown("experiment")
    assert experiment["conversion_rate"].endswith("%")
    assert all(experiment[c].endswith(" pts") and experiment[c][0] in "+-" for c in ("difference", "ci_low", "ci_high"))
    assert experiment["lift"].endswith("%")
    survey = _shown("survey")
    assert all(survey[c].endswith("%") for c in ("promoters", "passives", "detractors"))
    assert not survey["value"].endswith("%")  # NPS is a score, not a share
    assert _shown("experiment_plan")["relative_effect"] == "10.0%"


def test_nps_and_its_interval_have_one_decimal_down_each_column(qapp) -> None:  # type: ignore[no-untyped-def]
    """The NPS table read "-2.02", "4.494", "12.96" down one column (four significant digits each)."""
    inputs = AnalysisInputs(load_project(demo_project()))
    result = run_analysis("survey", inputs, ANALYSES["survey"].defaults(DataFacts.of(inputs)))
    model = FrameModel()
    columns = list(map(str, result.table.columns))
    model.set_frame(result.table, grouped=True, formats=table_formats(columns, result.units))
    for name in ("value", "ci_low", "ci_high"):
        cells = [model.data(model.index(row, columns.index(name)), Qt.ItemDataRole.DisplayRole)
                 for row in range(model.rowCount())]
        assert len(cells) > 3 and all(len(cell.rpartition(".")[2]) == 1 for cell in cells), (name, cells)
    assert model.data(model.index(0, columns.index("value")), Qt.ItemDataRole.DisplayRole) == "-2.0"


GERMAN = {("Impact", "{number} pts"): "{number} Pkt.", ("Analysis", "(no later event)"): "(kein späteres Ereignis)"}


def test_units_and_the_engine_s_words_speak_the_user_s_language(in_german) -> None:  # type: ignore[no-untyped-def]
    formats = table_formats(["difference", "next_event"], {"difference": "points"})
    assert formats["difference"](-0.05) == "-5.0 pts"
    in_german(GERMAN)
    assert formats["difference"](0.229) == "+22,9 Pkt."  # as step 7's impact line writes the unit
    assert formats["next_event"]("(no later event)") == "(kein späteres Ereignis)"  # after dropping's row
    assert formats["next_event"]("export") == "export"  # an event's name stays as it is
    assert table_formats(["value"], {"value": "score"})["value"](-2.0217) == "-2,0"
