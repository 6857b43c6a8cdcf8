"""Step 6: the action plan — what will be done about each finding, by whom and by when; sortable by any
column (the RICE score first of all) and filterable, as plans grow past one screen."""

from __future__ import annotations

from usagelens.analytics.priority import rice_score
from usagelens.model import Action
from usagelens.model.steps import Step
from usagelens.ui.document import ProjectDocument
from usagelens.ui.entity_table import Column
from usagelens.ui.locale_numbers import in_locale
from usagelens.ui.pages.linked_list import LinkedListPage
from usagelens.ui.paragraph_field import ParagraphField
from usagelens.ui.qt import QWidget
from usagelens.ui.workers import TaskRunner

EXPECTED_PLACEHOLDER = "Which KPI should move, from what to what, by when (e.g. weekly reminder use from 10% to 30%)"


class ActionsPage(LinkedListPage):
    def __init__(self, step: Step, document: ProjectDocument, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        # Sized to fit 1280 px without a sideways scroll bar: the expected effect is a sentence, written in
        # the box beside the table, and the findings an action addresses are ticked there too.
        columns = (
            Column("title", "Action", width=168),
            Column("owner", "Owner", width=92),
            Column("due", "Due", kind="date", width=92),
            Column("reach", "Reach", kind="number", width=60, tooltip="RICE: users reached per quarter"),
            Column("impact", "Impact", kind="number", width=63,
                   tooltip="RICE: 3 massive, 2 high, 1 medium, 0.5 low, 0.25 minimal"),
            Column("confidence", "Confidence", kind="number", width=96, percent=True,
                   tooltip="RICE: how sure you are, 0 to 1 or as a percentage (80%)"),
            Column("effort", "Effort", kind="number", width=55, tooltip="RICE: person-weeks"),
            Column("rice", "RICE score", kind="computed", width=87, numeric=True, value=rice_score,
                   compute=lambda a: "" if (s := rice_score(a)) is None else in_locale(f"{s:,.0f}"),
                   tooltip="Reach × impact × confidence ÷ effort: higher first"),
        )
        super().__init__(
            step, document, runner, collection="actions", columns=columns,
            factory=lambda: Action("New action"), noun="action", title="Action plan",
            hint="Each action should have an owner, a due date and the effect you expect on a KPI.",
            empty="No actions yet. For each finding worth acting on, add what you will change, who owns it "
                  "and by when.",
            link_title="Findings this action addresses", link_field="finding_ids",
            candidates=lambda: [(f.id, f.title) for f in document.project.findings], sortable=True, parent=parent,
        )
        self.expected = ParagraphField(
            document, "expected_impact", "Expected effect on the KPI", EXPECTED_PLACEHOLDER,
            description="Edit the expected effect",
        )
        self.side.addWidget(self.expected)
        self.splitter.setSizes([730, 260])

    def _on_selection_changed(self) -> None:
        super()._on_selection_changed()
        action = self.entities.selected_item()
        self.expected.show_entity(("actions", action.id) if action else None,
                                  action.expected_impact if action else "")

    def refresh(self) -> None:
        super().refresh()
        self._on_selection_changed()
