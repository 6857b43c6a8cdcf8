"""A p-value reads "p = 0.214" or "p < 0.001" wherever the app writes one: a rounded "p = 0" claims a certainty
no test gives (the demo's experiment, whose variants are far from an even split, said "p = 0")."""

from __future__ import annotations

from usagelens.model import load_project
from usagelens.paths import demo_project
from usagelens.workspace.analyses import ANALYSES, AnalysisInputs, run_analysis
from usagelens.workspace.formatting import p_value_text


def test_p_values_below_the_floor_read_less_than() -> None:
    assert p_value_text(0.0) == "p < 0.001"
    assert p_value_text(0.0004) == "p < 0.001"
    assert p_value_text(0.001) == "p = 0.001"
    assert p_value_text(0.2143) == "p = 0.214"


def test_the_experiment_s_sample_ratio_warning_says_less_than() -> None:
    inputs = AnalysisInputs(load_project(demo_project()))
    message = run_analysis("experiment", inputs, ANALYSES["experiment"].defaults(inputs.facts)).message
    assert "chance allows (p < 0.001)" in message
    assert "p = 0 " not in message and "p = 0)" not in message
