"""Conversion drivers in step 4 on the demo project: the table with readable headers and the engine's words in
the user's language, the odds-ratio chart with a bar and a ratio per feature, significant ones coloured; pinned
as a finding it reaches step 5, and the report draws its chart."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt

from usagelens.charts.odds import LESS_COLOUR, MORE_COLOUR, OddsRatioChart, ratio_text
from usagelens.model import Finding
from usagelens.workspace.analyses.drivers import CHART_ROWS

SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


def test_the_page_shows_the_drivers_table_and_chart(qtbot, page, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(page.result_shown, timeout=30000) as blocker:
        page.gallery.select_kind("conversion_drivers")
    result = blocker.args[0]
    assert not result.empty, result.message
    assert page.panel.values()["steps"] == list(result.params["steps"])  # the funnel's own parameters
    assert page.panel.values()["attributes"] == "plan, country, company_size, platform"
    model = page.table.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[:3] == ["Kind", "Feature", "Converted with it"]
    assert {"Share of converted", "Odds ratio", "p-value", "q-value (false discovery rate)", "Significant"} <= set(
        headers)
    assert model.rowCount() == len(result.table) == 20
    first = {headers[c]: model.data(model.index(0, c)) for c in range(model.columnCount())}
    assert first["Feature"] == "login" and first["Kind"] == "event" and first["Significant"] == "yes"
    assert first["Share of converted"] == "87.1%" and first["Test"] == "χ² test"

    (chart,) = page.chart.plots()
    assert isinstance(chart, OddsRatioChart)
    assert chart.categories.labels == result.table["feature"].head(CHART_ROWS).tolist()
    colours = {item.opts["brush"] for item in chart.getPlotItem().items if hasattr(item, "opts")
               and "brush" in item.opts}
    assert colours == {MORE_COLOUR, LESS_COLOUR}  # the ten most significant are: blue and vermillion, none grey
    window.grab()  # the first paint lays the ratios out at the chart's size
    qtbot.wait(5)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(SCREENSHOTS / "analysis-conversion_drivers.png"))
    drawn = [text for _, text, _ in chart.value_labels.drawn]
    assert drawn[0] == ratio_text(result.table["odds_ratio"].iloc[0]) == "5.53"
    assert len(drawn) == CHART_ROWS  # every bar's ratio fits at 1280 × 800
    assert "Association, not cause" in page.message.text()

    finding = page.pin_finding()
    assert finding is not None and finding.analysis is not None
    assert finding.analysis.kind == "conversion_drivers" and finding.snapshot.startswith(b"\x89PNG")
    assert "10 of 33 features are significant" in finding.detail


def test_the_report_draws_a_pinned_drivers_chart(qtbot, window, demo_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from usagelens.model import SavedAnalysis, load_project
    from usagelens.report.pdf import export_pdf
    from usagelens.workspace.summary import ReportOptions, gather_summary

    project = load_project(demo_path)
    saved = SavedAnalysis("Who reaches the dashboard", "conversion_drivers",
                          {"steps": ["signup", "complete_task", "view_dashboard"], "top": 8})
    project.findings = [Finding("Logins go with converting", "Drawn today.", analysis=saved)]
    out = tmp_path / "drivers.pdf"
    export_pdf(gather_summary(project), out, ReportOptions(sections=("findings",)))
    text = " ".join(unicodedata.normalize("NFKC", " ".join(p.extract_text() for p in PdfReader(out).pages)).split())
    assert "What sets users who reached view_dashboard apart" in text
    assert "Evidence: Conversion drivers · Steps: signup → complete_task → view_dashboard" in text
    assert "5.53" in text and "login" in text  # the chart is vector text, not a picture


def test_a_drivers_row_lists_its_converted_and_dropped_users(qtbot, page, window) -> None:  # type: ignore[no-untyped-def]
    from usagelens.ui.qt import QMenu
    from usagelens.workspace.people import row_groups

    with qtbot.waitSignal(page.result_shown, timeout=30000) as blocker:
        page.gallery.select_kind("conversion_drivers")
    result = blocker.args[0]
    assert page.people.button.isVisibleTo(page)
    converted, dropped = row_groups("conversion_drivers", result.params, result.table, 0)
    assert (converted.count, dropped.count) == tuple(result.table.loc[0, ["converted_with", "dropped_with"]])
    menu = QMenu()
    page.table.row_menu(menu, 0)  # the result table's right-click menu
    texts = [a.text() for a in menu.actions()]
    assert texts[:2] == [f"Show these users ({converted.count:,}): reached view_dashboard and did login in the date "
                         "range…", f"Show these users ({dropped.count:,}): dropped out before view_dashboard and did "
                         "login in the date range…"]
    with qtbot.waitSignal(page.people.people_shown, timeout=60000) as shown:
        menu.actions()[1].trigger()
    dialog = shown.args[0]
    qtbot.waitExposed(dialog)
    assert dialog.table.model.rowCount() == dropped.count == len(dialog.people.user_ids)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert dialog.grab().save(str(SCREENSHOTS / "people-dialog-drivers.png"))
    dialog.close()
