"""What the look-over in German found still English (issue 17.4): the quality table's numbers and dates, the
shaded windows of a before/after chart, the evidence's units. The GUI path translates the marked texts with
the translator installed (a small one here, so the test does not wait for the catalogue) and writes numbers
and dates as the locale does; the core keeps its English for the CLI and the report."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import QLocale

from usagelens.ui.translations import translated

GERMAN = {
    ("Quality", "median {median:,.0f}, 90% up to {p90:,.0f} (min {min:,}, max {max:,})"):
        "Median {median:,.0f}, 90 % bis {p90:,.0f} (Min. {min:,}, Max. {max:,})",
    ("Quality", "{first} – {last}"): "{first} – {last}",
    ("Analysis", "before"): "vorher",
    ("Analysis", "after"): "nachher",
    ("Analysis", "days"): "Tage",
    ("Evidence", "{count} days"): "{count} Tage",
    ("Evidence", "{day}"): "{day}",
    ("Chart", "{count} users"): "{count} Nutzer",
    ("Chart", "{share} of step 1"): "{share} von Schritt 1",
    ("Chart", "({count} lost)"): "({count} verloren)",
    ("FrameModel", "yes"): "ja",
    ("ColumnType", "number"): "Zahl",
    ("ColumnType", "text"): "Text",
    ("CleanPage", "type"): "Typ",
    ("Analysis", "Mon"): "Mo",
    ("Report", "Executive summary"): "Zusammenfassung",
    ("StepDialog", "one of"): "eines von",
    ("RecipePanel", "applied"): "angewendet",
    ("Import", "{before:,} → {after:,} rows"): "{before:,} → {after:,} Zeilen",
    ("Import", "new columns: {columns}"): "neue Spalten: {columns}",
    ("StepKind", "Keep rows where {column} is one of: {values}"): "Zeilen behalten, in denen {column} eines ist von: "
                                                                    "{values}",
    ("StepKind", "Choose a column."): "Wählen Sie eine Spalte.",
    ("Analysis", "(ended)"): "(beendet)",
    ("People", "First seen"): "Zuerst gesehen",
    ("People", "Kind"): "Art",
    ("People", "event"): "Ereignis",
    ("FileFormat", "{format}, {files} read as one table"): "{format}, {files} als eine Tabelle gelesen",
    ("FileFormat", "{count:,} JSON files"): "{count:,} JSON-Dateien",
    ("FileFormat", "JSON records"): "JSON-Datensätze",
    ("Import", "Time column '{column}': {reading}."): "Zeitspalte '{column}': {reading}.",
    ("Import", "read as {formats}: {read:,} of {present:,}"): "gelesen als {formats}: {read:,} von {present:,}",
    ("Import", "{reading}; {failed:,} unreadable"): "{reading}; {failed:,} unlesbar",
    ("Analysis", "(missing)"): "(fehlt)",
    ("Analysis", "{measure} around {day}"): "{measure} um den {day}",
    ("Analysis", "{start} ({size:,})"): "{start} ({size:,})",
}


@pytest.fixture
def german(in_german) -> None:  # type: ignore[no-untyped-def]
    in_german(GERMAN)


def _report():  # type: ignore[no-untyped-def]
    from usagelens.cleaning import quality_report
    from usagelens.model import Source, SourceKind

    rows = 2_000
    table = pd.DataFrame({
        "user_id": [f"u{n % 1_500}" for n in range(rows)],
        "timestamp": pd.date_range("2024-01-01", periods=rows, freq="h"),
        "event": ["open"] * rows,
        "note": [None if n % 2 else "x" for n in range(rows)],
    })
    roles = {"user_id": "user_id", "timestamp": "timestamp", "event": "event"}
    return quality_report(Source("events", SourceKind.EVENTS, table, roles=roles))


def test_the_quality_table_writes_numbers_dates_and_words_as_the_locale_does(german) -> None:  # type: ignore[no-untyped-def]
    rows = dict(_report().summary_rows())
    assert rows["Rows"] == "2,000" and translated(rows["Rows"]) == "2.000"
    assert rows["Date range"] == "2024-01-01 – 2024-03-24"
    assert translated(rows["Date range"]) == "01.01.2024 – 24.03.2024"
    assert rows["Missing values"] == "1,000 cells (12.5%) in 1 column"
    assert rows["Events per user"].startswith("median 1, 90% up to 2 (min 1, max 2)")
    assert translated(rows["Events per user"]) == "Median 1, 90 % bis 2 (Min. 1, Max. 2)"


def test_before_and_after_windows_are_labelled_in_the_user_s_language(german) -> None:  # type: ignore[no-untyped-def]
    from usagelens.analytics.experiments import AFTER, BEFORE
    from usagelens.ui.analysis.chart_view import translated_chart
    from usagelens.workspace.analyses.spec import ChartData, Series

    day = pd.Timestamp("2024-04-01").date()
    chart = translated_chart(ChartData("time", "t", [], shaded=[(day, day, BEFORE), (day, day, AFTER)]))
    assert [label for _, _, label in chart.shaded] == ["vorher", "nachher"]
    bars = translated_chart(ChartData("bars", "t", [Series("(missing)", ["free", "(missing)"], np.zeros(2))]))
    assert (bars.series[0].name, bars.series[0].x) == ("(fehlt)", ["free", "(fehlt)"])
    assert (BEFORE, AFTER) == ("before", "after")  # the report's English


def test_a_finding_s_settings_give_units_and_dates_in_the_user_s_language(german) -> None:  # type: ignore[no-untyped-def]
    from usagelens.model import SavedAnalysis
    from usagelens.workspace.evidence import settings_items, settings_line

    saved = SavedAnalysis("Reminders", "before_after", {"change": "2024-04-01", "event": "set_reminder", "days": 28})
    items = dict(settings_items(saved)[1])
    assert (items["Change date"], items["Each side"]) == ("2024-04-01", "28 days")  # the report's English
    assert (translated(items["Change date"]), translated(items["Each side"])) == ("01.04.2024", "28 Tage")
    assert settings_line(saved) == ("Before / after · Change date: 2024-04-01 · Measure: set_reminder · "
                                   "Each side: 28 days")


def test_a_funnel_chart_speaks_the_language_of_its_locale(german, qtbot) -> None:  # type: ignore[no-untyped-def]
    """On screen German; the report's chart (English locale) stays English while the app is German."""
    from usagelens.charts.category import CategoryChart
    from usagelens.charts.locale_text import REPORT_LOCALE
    from usagelens.workspace.analyses.spec import ChartData, Series

    data = ChartData("funnel", "Funnel", [Series("Users", ["1. a", "2. b"], np.array([2000.0, 1500.0]))])
    for locale, first, drop in ((QLocale("de_DE"), "2.000 Nutzer\n100% von Schritt 1", "−25%\n(500 verloren)"),
                                (REPORT_LOCALE, "2,000 users\n100% of step 1", "−25%\n(500 lost)")):
        chart = CategoryChart(data, locale=locale)
        qtbot.addWidget(chart)
        chart.resize(900, 330)
        chart.show()
        qtbot.waitExposed(chart)
        qtbot.wait(50)
        texts = [text for _, text, _ in chart.value_labels.drawn]
        assert first in texts and drop in texts, texts


def test_a_result_table_says_yes_in_german(german) -> None:  # type: ignore[no-untyped-def]
    from usagelens.ui.frame_model import FrameModel

    model = FrameModel()
    model.set_frame(pd.DataFrame({"paid": [True]}), grouped=True)
    assert model.data(model.index(0, 0)) == "ja"


def test_a_raw_grid_names_its_column_types_in_german(german) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    from usagelens.ui.data_table import DataTableWidget

    grid = DataTableWidget(typed_headers=True)
    grid.set_frame(pd.DataFrame({"amount": [1.5]}))
    assert grid.model.headerData(0, Qt.Orientation.Horizontal) == "amount\nZahl"
    assert grid.filter_column.itemText(1) == "amount (Zahl)"


def test_step_4_s_dates_and_counts_are_written_as_the_locale_does(german) -> None:  # type: ignore[no-untyped-def]
    from usagelens.model import load_project
    from usagelens.paths import demo_project
    from usagelens.workspace.analyses import ANALYSES, AnalysisInputs, DataFacts, run_analysis

    inputs = AnalysisInputs(load_project(demo_project()))
    facts = DataFacts.of(inputs)
    params = {**ANALYSES["retention"].defaults(facts), "start": "2024-01-01", "end": "2024-01-31"}
    rows = _chart_rows(run_analysis("retention", inputs, params).charts[0])
    assert rows[0] == ("2024-01-01 (875)", "01.01.2024 (875)")
    title = run_analysis("before_after", inputs, ANALYSES["before_after"].defaults(facts)).charts[0].title
    assert (title, translated(title)) == ("Daily active users around 2024-04-01",
                                          "Daily active users um den 01.04.2024")
    experiment = run_analysis("experiment", inputs, ANALYSES["experiment"].defaults(facts))
    assert "free 2,138" in experiment.message and "free 2.138" in translated(experiment.message)


def _chart_rows(chart) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    from usagelens.ui.analysis.chart_view import translated_chart

    return list(zip(chart.row_labels, translated_chart(chart).row_labels, strict=True))


def test_the_people_and_timeline_dialogs_name_their_own_columns_in_german(german, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    from usagelens.ui.analysis.people import TimelineDialog

    timeline = pd.DataFrame({"time": pd.to_datetime(["2024-01-01 10:00"]), "kind": ["event"], "what": ["signup"],
                             "session": [1]})
    dialog = TimelineDialog("u1", timeline)
    qtbot.addWidget(dialog)
    model = dialog.table.model
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Art"
    assert model.data(model.index(0, 1)) == "Ereignis" and model.data(model.index(0, 2)) == "signup"


def test_the_import_dialog_s_file_line_reads_german(german) -> None:  # type: ignore[no-untyped-def]
    from usagelens.io.formats import FileFormat
    from usagelens.io.tables import Export

    class _Part:
        label = name = "a.json"

    export = Export(FileFormat.JSON, [_Part()] * 1200)  # type: ignore[list-item]
    assert export.describe() == "JSON records, 1,200 JSON files read as one table"
    assert translated(export.describe()) == "JSON-Datensätze, 1.200 JSON-Dateien als eine Tabelle gelesen"


def test_the_import_dialog_s_check_reads_german(german) -> None:  # type: ignore[no-untyped-def]
    from usagelens.io.source_builder import RoleTyping
    from usagelens.io.timestamps import read_timestamps

    reading = read_timestamps(pd.Series(["2024-01-01T10:00:00"] * 1500 + ["soon"]))
    note = RoleTyping(times={"ts": reading}).notes()[0]
    assert note == "Time column 'ts': read as ISO 8601: 1,500 of 1,501; 1 unreadable."
    assert translated(note) == "Zeitspalte 'ts': gelesen als ISO 8601: 1.500 von 1.501; 1 unlesbar."


def test_step_3_s_columns_table_reads_german(german, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    from usagelens.ui.data_table import DataTableWidget
    from usagelens.ui.pages.clean import show_columns

    table = DataTableWidget()
    qtbot.addWidget(table)
    show_columns(table, pd.DataFrame({"column": ["user_id"], "type": ["text"], "missing": [0],
                                      "missing_share": [0.0], "distinct": [2996]}))
    model = table.model
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Typ"
    assert (model.data(model.index(0, 1)), model.data(model.index(0, 4))) == ("Text", "2.996")


def test_a_result_table_says_the_engine_s_own_words_as_its_chart_does(german) -> None:  # type: ignore[no-untyped-def]
    from usagelens.ui.frame_model import FrameModel
    from usagelens.ui.pages.analyse import table_formats

    table = pd.DataFrame({"weekday_name": ["Mon"], "to_touchpoint": ["(ended)"], "from_touchpoint": ["Mon"]})
    model = FrameModel()
    model.set_frame(table, grouped=True, formats=table_formats(list(table.columns)))
    assert [model.data(model.index(0, n)) for n in range(3)] == ["Mo", "(beendet)", "Mon"]  # an event stays


def test_the_report_dialog_names_its_sections_in_german(german, qtbot) -> None:  # type: ignore[no-untyped-def]
    from usagelens.model import Project
    from usagelens.report.pdf import _heading
    from usagelens.ui.report_dialog import ReportDialog

    dialog = ReportDialog(Project("p"))
    qtbot.addWidget(dialog)
    assert dialog.sections.item(0).text() == "Zusammenfassung"
    assert _heading(1, "summary") == "1. Executive summary"  # the PDF's titles stay English


def test_a_cleaning_step_s_dialog_offers_choices_and_says_problems_in_german(german, qtbot) -> None:  # type: ignore[no-untyped-def]
    from usagelens.model import RecipeStep
    from usagelens.ui.recipe_editor import StepDialog

    dialog = StepDialog(RecipeStep("filter_rows"), pd.DataFrame({"plan": ["free"]}))
    qtbot.addWidget(dialog)
    operator = dialog.fields["operator"].combo
    assert operator.itemText(operator.findData("one_of")) == "eines von"
    assert "Wählen Sie eine Spalte." in dialog.problem.text()


def test_the_recipe_says_how_a_step_ran_in_german(german, qtbot) -> None:  # type: ignore[no-untyped-def]
    from usagelens.cleaning.recipe import StepOutcome, StepStatus
    from usagelens.model import RecipeStep
    from usagelens.ui.document import ProjectDocument
    from usagelens.ui.recipe_panel import RecipePanel

    step = RecipeStep("remove_duplicates")
    panel = RecipePanel(ProjectDocument(), lambda _: StepOutcome(step, "", StepStatus.APPLIED, 10, 8))
    qtbot.addWidget(panel)
    assert (panel._status_text(step), panel._rows_text(step)) == ("angewendet", "10 → 8")


def test_a_recipe_step_s_description_and_note_read_german(german) -> None:  # type: ignore[no-untyped-def]
    from usagelens.cleaning import describe_step
    from usagelens.model import RecipeStep

    step = RecipeStep("filter_rows", {"column": "platform", "operator": "one_of", "values": ["web", "ios"]})
    assert describe_step(step) == "Keep rows where platform is one of: web, ios"
    assert translated(describe_step(step)) == "Zeilen behalten, in denen platform eines ist von: web, ios"


def test_a_failed_task_says_our_own_marked_sentence_in_german(german) -> None:  # type: ignore[no-untyped-def]
    from usagelens.io import ImportFailed
    from usagelens.model.translatable import QT_TRANSLATE_NOOP
    from usagelens.ui.workers import human_error

    problem = QT_TRANSLATE_NOOP("Import", "Time column '{column}': {reading}.").format(column="ts", reading="?")
    assert human_error(ImportFailed(problem)) == "Zeitspalte 'ts': ?."


def test_a_refresh_summary_reads_german(german) -> None:  # type: ignore[no-untyped-def]
    from usagelens.io.refresh import Refreshed

    refreshed = Refreshed.__new__(Refreshed)
    for name, value in {"rows_before": 1200, "rows_after": 1500, "added_columns": ["plan"], "removed_columns": [],
                        "notes": ()}.items():
        object.__setattr__(refreshed, name, value)
    assert refreshed.summary() == "1,200 → 1,500 rows; new columns: plan"
    assert translated(refreshed.summary()) == "1.200 → 1.500 Zeilen; neue Spalten: plan"
