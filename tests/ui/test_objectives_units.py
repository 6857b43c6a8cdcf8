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


def test_choosing_a_metric_enables_baseline_from_data_at_once(qtbot, window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    objective = Objective("Grow")
    window.document.push(InsertItem(("objectives",), objective))
    page = window.pages[0]
    # The row stays selected through an edit (EntityTableModel repaints in place); what is tested here is that
    # the button follows the edited data, so the selection is given rather than clicked.
    monkeypatch.setattr(page.objectives, "selected_item", lambda: objective)
    page._on_selection_changed()
    assert not page.baseline_button.isEnabled()
    window.document.push(SetField(("objectives", objective.id), "binding", KpiBinding("active_users", {})))
    assert page.baseline_button.isEnabled()  # at once, with no new selection


def test_baseline_from_data_asks_its_day_and_a_cancel_changes_nothing(qtbot, window, wait_idle,  # type: ignore[no-untyped-def]
                                                                       demo_path, monkeypatch) -> None:
    from datetime import date

    from usagelens.ui.pages import objectives as objectives_page

    assert window.open_path(demo_path, ask=False)
    page = window.pages[0]
    objective = window.document.project.objectives[2]
    window.document.push(SetField(("objectives", objective.id), "baseline_date", None))
    monkeypatch.setattr(page.objectives, "selected_item", lambda: objective)  # the third row, as if clicked
    offered: list[date] = []
    monkeypatch.setattr(objectives_page, "ask_date", lambda *args: offered.append(args[3]))
    page.compute_baseline()
    assert offered == [date(2024, 6, 30)]  # no as-of day set: the last day of data is offered, not assumed
    assert objective.baseline_date is None
    monkeypatch.setattr(objectives_page, "ask_date", lambda *args: date(2024, 2, 29))
    page.compute_baseline()
    wait_idle()
    assert objective.baseline_date == date(2024, 2, 29)
    assert "Baseline measured on the data up to 2024-02-29" in page.status.text()
