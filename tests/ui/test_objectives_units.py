"""Step 1 shows baselines and targets in the KPI's unit and accepts rates typed as percentages."""

from __future__ import annotations

from PySide6.QtCore import Qt

from usagelens.model import KpiBinding, Objective
from usagelens.model.commands import InsertItem, SetField


def test_rates_read_and_type_as_percentages(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    objective = Objective("Reminders", kpi="adoption", binding=KpiBinding("adoption", {"event": "x"}))
    window.document.push(InsertItem(("objectives",), objective))
    model = window.pages[0].objectives.model
    column = next(n for n in range(model.columnCount()) if model.column_spec(n).field == "target")
    index = model.index(0, column)
    assert model.setData(index, "30%", Qt.ItemDataRole.EditRole)
    assert objective.target == 0.3
    assert model.data(index, Qt.ItemDataRole.DisplayRole) == "30.0%"
    assert model.setData(index, "0.25", Qt.ItemDataRole.EditRole)
    assert model.data(index, Qt.ItemDataRole.DisplayRole) == "25.0%"


def test_choosing_a_metric_enables_baseline_from_data_at_once(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.document.push(InsertItem(("objectives",), Objective("Grow")))
    page = window.pages[0]
    page.objectives.view.selectRow(0)
    assert not page.baseline_button.isEnabled()
    model = page.objectives.model
    column = next(n for n in range(model.columnCount()) if model.column_spec(n).field == "binding")
    window.document.push(SetField(("objectives", model.item(0).id), "binding", KpiBinding("active_users", {})))
    assert page.objectives.selected_item() is model.item(0)
    assert page.baseline_button.isEnabled(), model.column_spec(column).label
