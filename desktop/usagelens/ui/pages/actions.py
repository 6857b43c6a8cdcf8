"""Step 6: the action plan — what will be done about each finding, by whom and by when; sortable by any
column (the RICE score first of all) and filterable, as plans grow past one screen."""

from __future__ import annotations

from usagelens.analytics.priority import rice_score
from usagelens.model import Action
from usagelens.model.steps import Step
from usagelens.ui.document import ProjectDocument
from usagelens.ui.entity_table import Column, EntityWords
from usagelens.ui.locale_numbers import in_locale
from usagelens.ui.pages.linked_list import LinkedListPage
from usagelens.ui.paragraph_field import ParagraphField
from usagelens.ui.qt import QT_TRANSLATE_NOOP, QWidget
from usagelens.ui.workers import TaskRunner


class ActionsPage(LinkedListPage):
    def __init__(self, step: Step, document: ProjectDocument, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        # Sized to fit 1280 px without a sideways scroll bar: the expected effect is a sentence, written in
        # the box beside the table, and the findings an action addresses are ticked there too.
        columns = (
            Column("title", QT_TRANSLATE_NOOP("Column", "Action"), width=150),
            Column("owner", QT_TRANSLATE_NOOP("Column", "Owner"), width=92),
            Column("due", QT_TRANSLATE_NOOP("Column", "Due"), kind="date", width=84),
            Column("reach", QT_TRANSLATE_NOOP("Column", "Reach"), kind="number", width=60,
                   tooltip=QT_TRANSLATE_NOOP("Column", "RICE: users reached per quarter")),
            Column("impact", QT_TRANSLATE_NOOP("Column", "Impact"), kind="number", width=63,
                   tooltip=QT_TRANSLATE_NOOP("Column", "RICE: 3 massive, 2 high, 1 medium, 0.5 low, 0.25 minimal")),
            Column("confidence", QT_TRANSLATE_NOOP("Column", "Confidence"), kind="number", width=90, percent=True,
                   tooltip=QT_TRANSLATE_NOOP("Column", "RICE: how sure you are, 0 to 1 or as a percentage (80%)")),
            Column("effort", QT_TRANSLATE_NOOP("Column", "Effort"), kind="number", width=55,
                   tooltip=QT_TRANSLATE_NOOP("Column", "RICE: person-weeks")),
            Column("rice", QT_TRANSLATE_NOOP("Column", "RICE score"), kind="computed", width=87, numeric=True,
                   value=rice_score, compute=lambda a: "" if (s := rice_score(a)) is None else in_locale(f"{s:,.0f}"),
                   tooltip=QT_TRANSLATE_NOOP("Column", "Reach × impact × confidence ÷ effort: higher first")),
        )
        super().__init__(
            step, document, runner, collection="actions", columns=columns,
            factory=lambda: Action(self.tr("New action")),
            words=EntityWords(self.tr("Add action"), self.tr("Remove action"), self.tr("Remove {count} actions"),
                              self.tr("Filter actions…")),
            title=self.tr("Action plan"),
            hint=self.tr("Each action should have an owner, a due date and the effect you expect on a KPI."),
            empty=self.tr("No actions yet. For each finding worth acting on, add what you will change, who owns it "
                          "and by when."),
            link_title=self.tr("Findings this action addresses"), link_field="finding_ids",
            candidates=lambda: [(f.id, f.title) for f in document.project.findings], sortable=True, parent=parent,
        )
        self.expected = ParagraphField(
            document, "expected_impact", self.tr("Expected effect on the KPI"),
            self.tr("Which KPI should move, from what to what, by when (e.g. weekly reminder use from 10% to 30%)"),
            description=self.tr("Edit the expected effect"),
        )
        self.side.addWidget(self.expected)
        self.splitter.setSizes([792, 198])

    def _on_selection_changed(self) -> None:
        super()._on_selection_changed()
        action = self.entities.selected_item()
        self.expected.show_entity(("actions", action.id) if action else None,
                                  action.expected_impact if action else "")

    def refresh(self) -> None:
        super().refresh()
        self._on_selection_changed()
