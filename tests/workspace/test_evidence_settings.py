"""A finding's evidence line names its settings as the gallery does: an anomaly on no chosen event measures
daily active users (it read "Measure: —" in step 5 and the report)."""

from __future__ import annotations

from usagelens.model import SavedAnalysis
from usagelens.workspace.evidence import settings_line


def test_an_empty_measure_reads_as_what_it_measures() -> None:
    line = settings_line(SavedAnalysis("Outage", "anomalies", {"event": "", "window_weeks": 9}))
    assert "Measure: Daily active users" in line and "—" not in line
