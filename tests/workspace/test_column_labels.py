"""Every column an analysis returns has a reader's label for step 4's grid (``conversion_from_previous`` reads
"Conversion from previous step"), marked for translation; names that are data stay as they are."""

from __future__ import annotations

from usagelens.model import load_project
from usagelens.model.translatable import Phrase
from usagelens.paths import demo_project
from usagelens.workspace.analyses import ANALYSES, AnalysisInputs, run_analysis
from usagelens.workspace.column_labels import COLUMN_LABELS, column_label


def test_every_analysis_column_of_the_demo_has_a_label() -> None:
    inputs = AnalysisInputs(load_project(demo_project()))
    facts = inputs.facts
    unlabelled = {}
    for kind, spec in ANALYSES.items():
        params = spec.defaults(facts)
        data_names = {str(params.get("metric", ""))}  # a metrics export's column is named by its source
        columns = {str(c) for c in run_analysis(kind, inputs, params).table.columns}
        missing = columns - COLUMN_LABELS.keys() - data_names
        if missing:
            unlabelled[kind] = sorted(missing)
    assert not unlabelled


def test_the_columns_a_trend_s_options_add_have_labels() -> None:
    """A formula of two series, the comparison with the period before and smoothing add their own columns."""
    inputs = AnalysisInputs(load_project(demo_project()))
    defaults = ANALYSES["trends"].defaults(inputs.facts)
    for options in ({"formula": "divide"}, {"compare_previous": "yes", "smoothing": "rolling"}):
        columns = {str(c) for c in run_analysis("trends", inputs, {**defaults, **options}).table.columns}
        assert columns <= COLUMN_LABELS.keys(), options


def test_labels_are_marked_for_translation_and_data_names_stay() -> None:
    assert all(isinstance(label, Phrase) and label.context == "Column" for label in COLUMN_LABELS.values())
    assert column_label("p_value_holm") == "p-value (Holm-adjusted)"
    assert column_label("complete_task") == "complete_task"
