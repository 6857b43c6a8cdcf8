"""The change-type step says, before it is added, how many values the new type would turn into blanks."""

from __future__ import annotations

import pandas as pd

from usagelens.model import RecipeStep
from usagelens.ui.recipe_editor import StepDialog


def test_changing_comments_to_numbers_warns_with_the_count_lost(qtbot) -> None:  # type: ignore[no-untyped-def]
    sample = pd.DataFrame({"reason": ["Too slow", "9", "Great support", None], "score": ["9", "10", "7", "3"]})
    dialog = StepDialog(RecipeStep("change_type", {"column": "reason", "to": "number"}), sample)
    qtbot.addWidget(dialog)
    assert dialog.loss.text() == (
        "In the first 4 rows, 2 of 3 values cannot be read as numbers ('Too slow', 'Great support') "
        "and would become missing."
    )
    dialog.fields["column"].set_value("score")
    dialog._update()
    assert dialog.loss.text() == "" and dialog.loss.isHidden()
