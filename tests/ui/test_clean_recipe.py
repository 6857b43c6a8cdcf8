"""Step 3: editing the recipe on the page — every edit undoable with Ctrl+Z / Ctrl+Y — and the dialog that
is generated from each step kind's parameters."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from usagelens.cleaning import STEP_KINDS
from usagelens.model import RecipeStep
from usagelens.ui.qt import QDate, QDialogButtonBox, QMessageBox, Qt
from usagelens.ui.recipe_editor import StepDialog
from usagelens.ui.recipe_panel import RecipePanel


@pytest.fixture
def settle(qtbot, wait_idle):  # type: ignore[no-untyped-def]
    """Let the page's coalesced refresh start its background run, then wait for it."""

    def wait() -> None:
        qtbot.wait(30)
        wait_idle()

    return wait


@pytest.fixture
def clean_page(window, settle, demo_path: Path):  # type: ignore[no-untyped-def]
    assert window.open_path(demo_path, ask=False)
    window.go_to_step(3)
    settle()
    page = window.pages[2]
    assert page.result is not None
    return page


def _answer(monkeypatch: pytest.MonkeyPatch, params: dict[str, Any]) -> None:
    monkeypatch.setattr(RecipePanel, "ask_params", lambda self, step, sample: dict(params))


def _keys(qtbot, window, key: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    window.activateWindow()
    qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)


def test_every_recipe_edit_is_undoable(qtbot, window, settle, clean_page, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    panel = clean_page.recipe
    steps = panel.steps
    # add: the likely test accounts excluded by one click, confirmed
    suspects = set(clean_page.result.likely)
    assert any(user.startswith("test_qa") for user in suspects)
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
    clean_page.exclude_button.click()
    settle()
    assert [s.op for s in steps()] == ["exclude_users"]
    outcome = clean_page.result.outcomes[steps()[0].id]
    assert outcome.rows_after < outcome.rows_before
    assert set(steps()[0].params["users"]) == suspects
    assert not suspects & set(clean_page.result.suspects["user id"])
    rows_text = panel.list.model.index(0, 2).data()
    assert f"{outcome.rows_before:,} → {outcome.rows_after:,}" == rows_text

    _answer(monkeypatch, {"column": "platform", "operator": "one_of", "values": ["web"]})
    panel.add_step("filter_rows")
    settle()
    assert [s.op for s in steps()] == ["exclude_users", "filter_rows"]
    # edit
    _answer(monkeypatch, {"column": "platform", "operator": "not_one_of", "values": ["web"]})
    panel.list.view.selectRow(1)
    panel.edit_selected()
    assert steps()[1].params["operator"] == "not_one_of"
    # reorder
    panel.up_button.click()
    assert [s.op for s in steps()] == ["filter_rows", "exclude_users"]
    # disable
    model = panel.list.model
    assert model.setData(model.index(0, 0), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert steps()[0].enabled is False
    settle()
    assert clean_page.result.outcomes[steps()[0].id].status.value == "disabled"
    # remove
    panel.list.view.selectRow(0)
    panel.list.remove_button.click()
    assert [s.op for s in steps()] == ["exclude_users"]

    history = [
        ["filter_rows", "exclude_users"],  # remove undone (still disabled)
        ["filter_rows", "exclude_users"],  # disable undone
        ["exclude_users", "filter_rows"],  # move undone
        ["exclude_users", "filter_rows"],  # edit undone
        ["exclude_users"],  # add undone
        [],  # exclude undone
    ]
    for expected in history:
        _keys(qtbot, window, Qt.Key.Key_Z)
        assert [s.op for s in steps()] == expected
    assert window.document.project.recipes[clean_page.current_source().id] == []
    for _ in history:
        _keys(qtbot, window, Qt.Key.Key_Y)
    assert [s.op for s in steps()] == ["exclude_users"]
    settle()
    assert not suspects & set(clean_page.result.suspects["user id"])


def test_suspects_show_their_reasons_and_only_likely_ones_are_offered(clean_page, settle,  # type: ignore[no-untyped-def]
                                                                      _no_modal_message_boxes) -> None:
    result = clean_page.result
    table = result.suspects
    likely = table[table["looks like"] == "test account"]
    active = table[table["looks like"] == "unusually active"]
    assert set(likely["user id"]) == set(result.likely) == {"qa_automation", "test_loadtest", "test_qa_01",
                                                             "test_qa_02"}
    assert len(active) == result.unusually_active > 0  # power users: listed, never offered by default
    assert likely["why"].str.contains("user id contains").all() and active["why"].str.contains("× the median").all()
    assert clean_page.exclude_button.text() == "Exclude 4 likely test accounts…"
    assert "only unusually active" in clean_page.suspects_note.text()

    clean_page.exclude_button.click()  # the conftest answers Cancel: nothing is excluded
    events = clean_page.current_source().table
    gone = events[events["user_id"].isin(result.likely)]
    share = f"{len(gone):,} of {len(events):,} events ({len(gone) / len(events):.1%})"
    assert share in _no_modal_message_boxes[-1] and "4 users" in _no_modal_message_boxes[-1]
    assert clean_page.recipe.steps() == []

    power_user = str(active["user id"].iloc[0])
    row = next(r for r in range(clean_page.suspects.model.rowCount())
               if clean_page.suspects.model.index(r, 0).data() == power_user)
    clean_page.suspects.view.selectRow(row)
    assert clean_page.exclude_button.text() == "Exclude 1 selected user…"
    clean_page.exclude_button.click()
    assert "1 of them is only unusually active" in _no_modal_message_boxes[-1]


def test_add_step_no_longer_offers_the_recipe_only_pseudonymise(clean_page) -> None:  # type: ignore[no-untyped-def]
    """It left the raw values in the project file; step 3 pseudonymises the stored table instead."""
    titles = [action.text() for action in clean_page.recipe.add_menu.actions()]
    assert "Pseudonymise" not in titles and "Drop columns" in titles


def _sample() -> pd.DataFrame:
    return pd.DataFrame({"user": ["a", "b", "b"], "event": ["open", "save", "open"],
                         "when": pd.to_datetime(["2024-01-01", "2024-01-02", "2024-01-03"])})


def test_step_dialog_is_generated_from_every_step_kind(qtbot) -> None:  # type: ignore[no-untyped-def]
    for op, kind in STEP_KINDS.items():
        dialog = StepDialog(RecipeStep(op), _sample(), {"user_id": "user", "event": "event"})
        qtbot.addWidget(dialog)
        assert set(dialog.fields) == {p.name for p in kind.params}
        assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled() == (
            kind.validate({}, dialog.columns) is None)


def test_step_dialog_builds_valid_params(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = StepDialog(RecipeStep("filter_rows"), _sample(), {})
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled() and dialog.problem.text()
    dialog.fields["column"].set_value("when")
    dialog.fields["operator"].set_value("date_range")
    assert not dialog._rows["value"][1].isVisibleTo(dialog) and dialog._rows["start"][1].isVisibleTo(dialog)
    dialog.fields["start"].edit.setDate(QDate(2024, 1, 2))
    assert ok.isEnabled()
    assert dialog.params() == {"column": "when", "operator": "date_range", "start": "2024-01-02"}

    mapping = StepDialog(RecipeStep("rename_events"), _sample(), {"event": "event"})
    qtbot.addWidget(mapping)
    assert "open" in mapping._value_hints["mapping"].text()
    mapping.fields["mapping"].edit.setPlainText("open → Open app\nsave -> Save")
    assert mapping.params() == {"mapping": {"open": "Open app", "save": "Save"}}

    edit = StepDialog(RecipeStep("remove_duplicates", {"columns": ["user", "gone"], "keep": "last"}),
                      _sample(), {})
    qtbot.addWidget(edit)
    assert edit.params() == {"columns": ["user", "gone"], "keep": "last"}
    assert "gone" in edit.problem.text()  # a column renamed away since is shown, not silently dropped
