"""Step 5: findings, each tied to the objectives it speaks to."""

from __future__ import annotations

from datetime import date

from usagelens.model import Finding
from usagelens.model.steps import Step
from usagelens.ui.document import ProjectDocument
from usagelens.ui.entity_table import Column
from usagelens.ui.pages.linked_list import LinkedListPage, linked_titles
from usagelens.ui.qt import QWidget
from usagelens.ui.workers import TaskRunner

FINDING_KINDS = ("pattern", "trend", "anomaly", "pain point", "opportunity")
CONFIDENCE = ("low", "medium", "high")


class FindingsPage(LinkedListPage):
    def __init__(self, step: Step, document: ProjectDocument, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        columns = (
            Column("title", "Finding", width=280),
            Column("kind", "Kind", kind="choice", choices=FINDING_KINDS, width=100),
            Column("confidence", "Confidence", kind="choice", choices=CONFIDENCE, width=90),
            Column("objectives", "Objectives", kind="computed", width=200,
                   compute=lambda f: linked_titles(document.project, f.objective_ids, "objectives", "statement")),
            Column("detail", "What the data shows", width=320),
        )
        super().__init__(
            step, document, runner, collection="findings", columns=columns,
            factory=lambda: Finding("New finding", created=date.today()), noun="finding", title="Findings",
            hint="Write what you saw in the data and why it matters. Tie each finding to the objectives it affects.",
            link_title="Objectives of the selected finding", link_field="objective_ids",
            candidates=lambda: [(o.id, o.statement) for o in document.project.objectives], parent=parent,
        )
