"""Edit commands: each returns its exact inverse, so undo/redo never needs snapshots."""

from __future__ import annotations

from datetime import date

from usagelens.model import ExchangeRates, Hypothesis, Objective, Project, RecipeStep
from usagelens.model.commands import InsertItem, MoveItem, RemoveItem, SetField
from usagelens.model.steps import step_states


def test_set_field_and_undo() -> None:
    objective = Objective("Grow")
    project = Project(objectives=[objective])
    inverse = SetField(("objectives", objective.id), "target", 1500.0).apply(project)
    assert objective.target == 1500.0
    inverse.apply(project)
    assert objective.target is None


def test_exchange_rates_are_edited_and_undone_in_place() -> None:
    project = Project()
    path = ("exchange_rates",)
    undo_currency = SetField(path, "currency", "EUR").apply(project)
    undo_rates = SetField(path, "rates", {"USD": 0.92}).apply(project)
    assert project.exchange_rates == ExchangeRates("EUR", {"USD": 0.92})
    undo_rates.apply(project)
    undo_currency.apply(project)
    assert project.exchange_rates == ExchangeRates()


def test_nested_insert_remove_and_move() -> None:
    objective = Objective("Grow")
    project = Project(objectives=[objective])
    path = ("objectives", objective.id, "hypotheses")
    first, second = Hypothesis("a"), Hypothesis("b")
    InsertItem(path, first).apply(project)
    undo_second = InsertItem(path, second).apply(project)
    assert [h.text for h in objective.hypotheses] == ["a", "b"]
    redo_move = MoveItem(path, second.id, 0).apply(project)
    assert [h.text for h in objective.hypotheses] == ["b", "a"]
    redo_move.apply(project)
    undo_second.apply(project)
    assert [h.text for h in objective.hypotheses] == ["a"]
    reinsert = RemoveItem(path, first.id).apply(project)
    assert objective.hypotheses == []
    reinsert.apply(project)
    assert objective.hypotheses == [first]


def test_recipe_paths_create_the_list() -> None:
    project = Project()
    InsertItem(("recipes", "src1"), RecipeStep("remove_duplicates")).apply(project)
    assert [s.op for s in project.recipes["src1"]] == ["remove_duplicates"]


def test_step_states_follow_the_project() -> None:
    project = Project(objectives=[Objective("Grow")])
    states = step_states(project)
    assert not states[0].done and "without a KPI or target" in states[0].attention
    project.objectives[0].kpi, project.objectives[0].target = "WAU", 10.0
    project.objectives[0].deadline = date(2025, 1, 1)
    assert step_states(project)[0].done
