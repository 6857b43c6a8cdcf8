"""The journey map's Sankey laid out at the page's, the report's and a large size on the demo: nodes in proportion
to their users, bands leaving and reaching their nodes, and labels that stay inside the chart and never
overprint one another, down to 30 journeys of 6 steps."""

from __future__ import annotations

from itertools import pairwise

import pytest
from PySide6.QtCore import QLocale, QRectF
from PySide6.QtGui import QFont

from usagelens.charts.sankey import SankeyLayout
from usagelens.model import load_project
from usagelens.paths import demo_project
from usagelens.workspace.analyses import ANALYSES, AnalysisInputs, ChartData, run_analysis

SIZES = {"page": (650, 330), "report": (860, 300), "large": (1100, 560)}
SETTINGS = {"top 10 of 4 steps": {}, "top 30 of 6 steps, leading to support": {
    "top": 30, "depth": 6, "event": "contact_support", "direction": "before", "groups": "Tasks = *_task"}}


@pytest.fixture(scope="module")
def charts() -> dict[str, ChartData]:
    inputs = AnalysisInputs(load_project(demo_project()))
    defaults = ANALYSES["journey_map"].defaults(inputs.facts)
    return {name: run_analysis("journey_map", inputs, {**defaults, **change}).charts[0]
            for name, change in SETTINGS.items()}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("setting", SETTINGS)
def test_labels_never_overlap_and_nodes_follow_their_users(qtbot, charts, setting: str, size: str) -> None:  # type: ignore[no-untyped-def]
    area = QRectF(0, 0, *SIZES[size])
    layout = SankeyLayout(charts[setting], area, QFont("DejaVu Sans", 9), QLocale(QLocale.Language.English))
    columns = {node.column for node in layout.nodes}
    assert columns == set(range(len(charts[setting].column_labels)))
    for column in columns:
        labels = sorted((lab.rect for lab in layout.labels if lab.node.column == column), key=lambda r: r.top())
        assert all(a.bottom() <= b.top() for a, b in pairwise(labels)), (setting, size, column)
        assert all(area.top() <= r.top() and r.bottom() <= area.bottom() + 0.01 for r in labels)
    assert len(layout.labels) >= len(layout.nodes) // 2  # most are labelled; the rest are read on hover
    big = [node for node in layout.nodes if node.rect.height() > 1.5]
    per_user = {round(node.rect.height() / node.value, 6) for node in big}
    assert max(per_user) - min(per_user) < 1e-3  # one scale for every node
    for band in layout.bands:
        start, end = band.path.elementAt(0), band.path.elementAt(3)
        assert start.x == band.source.rect.right() and end.x == band.target.rect.left()
        assert band.source.rect.top() - 0.01 <= start.y <= band.source.rect.bottom() + 0.01
