"""Every KPI explains itself: how its metric is measured (steps 1 and 8) and what each review-board column means."""

from __future__ import annotations

from usagelens.analytics.kpi import METRICS, binding_description, binding_label, binding_presets
from usagelens.model import KpiBinding, Objective
from usagelens.model.commands import InsertItem
from usagelens.ui.qt import Qt


def test_every_metric_and_preset_has_its_own_description() -> None:
    presets = binding_presets(["signup", "create_project", "upgrade_plan"], surveys=True, metrics=["sessions"],
                              revenue=True)
    descriptions = {label: binding_description(binding) for label, binding in presets.items()}
    assert len(set(descriptions.values())) == len(descriptions), "two KPIs read the same"
    assert {b.metric for b in presets.values() if b is not None} == set(METRICS), "a metric has no preset"
    for label, text in descriptions.items():
        assert text.endswith(".") and "not a metric" not in text and "?" not in text, (label, text)
    retention = binding_description(KpiBinding("retention", {"period": "week", "offset": 1, "mode": "on_or_after"}))
    assert "1 week after" in retention and "then or later" in retention


def _column(model, field: str) -> int:  # type: ignore[no-untyped-def]
    return next(n for n in range(model.columnCount()) if model.column_spec(n).field == field)


def test_step_1_and_step_8_say_how_each_kpi_is_measured(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    binding = KpiBinding("active_users", {"period": "week"})
    window.document.push(InsertItem(("objectives",), Objective("Grow", kpi="WAU", binding=binding)))
    objectives = window.pages[0].objectives.model
    tip = objectives.data(objectives.index(0, _column(objectives, "binding")), Qt.ItemDataRole.ToolTipRole)
    assert tip == f"{binding_label(binding)}: {binding_description(binding)}"
    board = window.pages[7].board_model
    tip = board.data(board.index(0, _column(board, "statement")), Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Grow") and tip.endswith(binding_description(binding))


def test_every_review_board_column_has_a_header_tooltip(window) -> None:  # type: ignore[no-untyped-def]
    board = window.pages[7].board_model
    for column in range(board.columnCount()):
        assert board.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole), \
            board.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
