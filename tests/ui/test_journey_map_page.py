"""The journey map in step 4 on the demo project (issue 16.5): the gallery offers it, its Sankey draws every node
and band with labels that never overlap (top 10 journeys at 4 steps), hovering reads a node out, the grouping
rules are typed in the panel, and the chart exports to PNG and SVG."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QPointF

from usagelens.charts.sankey import SankeyChart

SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


def _show(qtbot, page, **values: object):  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(page.result_shown, timeout=30000) as blocker:
        if page.current_kind() == "journey_map":
            page.panel.set_values(values)
        else:
            page.gallery.select_kind("journey_map")
    return blocker.args[0]


def _sankey(qtbot, page, window) -> SankeyChart:  # type: ignore[no-untyped-def]
    window.grab()  # paints the chart: its layout is made at its size
    qtbot.wait(5)
    window.grab()
    (chart,) = page.chart.plots()
    assert isinstance(chart, SankeyChart) and chart.drawn is not None
    return chart


def test_the_journey_map_draws_a_sankey_without_overlapping_labels(qtbot, page, window) -> None:  # type: ignore[no-untyped-def]
    result = _show(qtbot, page)
    assert not result.empty, result.message
    assert (result.params["top"], result.params["depth"]) == (10, 4)
    chart = _sankey(qtbot, page, window)
    drawn = chart.drawn
    assert len(drawn.bands) == len(result.table) and {n.column for n in drawn.nodes} == set(range(5))
    assert {n.label for n in drawn.nodes if n.muted} <= {"Other", "(ended)"}
    assert len(drawn.labels) >= 0.8 * len(drawn.nodes)  # most nodes are labelled at the page's size
    for column in range(5):
        rects = sorted((lab.rect for lab in drawn.labels if lab.node.column == column), key=lambda r: r.top())
        assert all(a.bottom() <= b.top() for a, b in zip(rects, rects[1:], strict=False)), column
    node = max(drawn.nodes, key=lambda n: n.value)  # the anchor: every user
    chart._on_mouse_moved(chart.mapToScene(node.rect.center().toPoint()))
    assert chart.readout_text().startswith(f"{node.label}\n{node.value:,.0f} users (100.0% of all)")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(SCREENSHOTS / "analysis-journey_map.png"))


def test_rules_typed_in_the_panel_group_the_touchpoints(qtbot, page, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _show(qtbot, page)
    result = _show(qtbot, page, groups="Tasks = *_task; Trouble = re:^(error_shown|contact_support)$",
                   event="contact_support", direction="before")
    assert result.params["groups"].startswith("Tasks") and not result.empty, result.message
    chart = _sankey(qtbot, page, window)
    labels = {n.label for n in chart.drawn.nodes}
    assert {"Tasks", "Trouble"} <= labels and not {"complete_task", "error_shown"} & labels
    assert [n.label for n in chart.drawn.nodes if n.column == 4] == ["Trouble"]  # the anchor is the last step
    page.chart.export(str(tmp_path / "journeys.svg"))
    page.chart.export(str(tmp_path / "journeys.png"))
    svg = ET.parse(tmp_path / "journeys.svg").getroot()
    assert any(el.tag.endswith("path") for el in svg.iter())
    assert (tmp_path / "journeys.png").stat().st_size > 10_000
    chart._on_mouse_moved(QPointF(-50, -50))  # off the chart: no read-out
    assert not chart.readout.isVisible()


def test_a_pinned_journey_map_prints_in_the_report(qtbot, page, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from usagelens.report.pdf import export_pdf
    from usagelens.report.sections import ReportCharts
    from usagelens.workspace.summary import ReportOptions, gather_summary

    result = _show(qtbot, page)
    _sankey(qtbot, page, window)
    page.gallery.name_edit.setText("Most new users create a project first")
    finding = page.pin_finding()
    assert finding is not None and finding.snapshot.startswith(b"\x89PNG")
    project = window.document.project
    out = tmp_path / "summary.pdf"
    assert export_pdf(gather_summary(project), out, ReportOptions(sections=("findings",))) >= 1
    assert out.stat().st_size > 20_000
    charts = ReportCharts()  # a finding without a picture draws its analysis on today's data, at print size
    svg = charts.result_svg("journeys", result.charts[0], []).decode()
    charts.close()
    assert svg.count("<path") > 20 and "create_project" in svg and "Step 4" in svg
