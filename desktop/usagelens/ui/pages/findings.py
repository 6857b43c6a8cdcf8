"""Step 5: findings, each tied to the objectives and hypotheses it speaks to, with its evidence (the pinned
chart, re-computable on today's data) and, in a second tab, customers' comments grouped into themes."""

from __future__ import annotations

from datetime import date

from usagelens.model import Finding
from usagelens.model.steps import Step
from usagelens.ui.data_cache import DataCache
from usagelens.ui.document import ProjectDocument
from usagelens.ui.entity_table import Column, EntityWords
from usagelens.ui.link_list import LinkListWidget
from usagelens.ui.pages.feedback_panel import FeedbackPanelWidget
from usagelens.ui.pages.finding_detail import FindingDetailWidget
from usagelens.ui.pages.linked_list import LinkedListPage
from usagelens.ui.qt import QT_TRANSLATE_NOOP, QSplitter, Qt, QTabWidget, QWidget
from usagelens.ui.translations import word_choices
from usagelens.ui.workers import TaskRunner

FINDING_KINDS = (QT_TRANSLATE_NOOP("FindingKind", "pattern"), QT_TRANSLATE_NOOP("FindingKind", "trend"),
                 QT_TRANSLATE_NOOP("FindingKind", "anomaly"), QT_TRANSLATE_NOOP("FindingKind", "pain point"),
                 QT_TRANSLATE_NOOP("FindingKind", "opportunity"))
CONFIDENCE = (QT_TRANSLATE_NOOP("Confidence", "low"), QT_TRANSLATE_NOOP("Confidence", "medium"),
              QT_TRANSLATE_NOOP("Confidence", "high"))


class FindingsPage(LinkedListPage):
    def __init__(self, step: Step, document: ProjectDocument, runner: TaskRunner, cache: DataCache | None = None,
                 parent: QWidget | None = None) -> None:
        columns = (
            # What the data shows is a paragraph, written in the panel below; the objectives a finding serves
            # are ticked beside the table. Neither fits a narrow cell.
            Column("title", QT_TRANSLATE_NOOP("Column", "Finding"), width=330),
            Column("kind", QT_TRANSLATE_NOOP("Column", "Kind"), kind="choice", width=100,
                   **word_choices("FindingKind", FINDING_KINDS)),
            Column("confidence", QT_TRANSLATE_NOOP("Column", "Confidence"), kind="choice", width=96,
                   **word_choices("Confidence", CONFIDENCE)),
            Column("quotes", QT_TRANSLATE_NOOP("Column", "Quotes"), kind="computed", width=64, numeric=True,
                   compute=lambda f: str(len(f.quotes)) if f.quotes else "",
                   tooltip=QT_TRANSLATE_NOOP("Column", "Customers' comments cited as evidence (cite them in the "
                                                       "“Customer feedback” tab)")),
        )
        super().__init__(
            step, document, runner, collection="findings", columns=columns,
            factory=lambda: Finding(self.tr("New finding"), created=date.today()),
            words=EntityWords(self.tr("Add finding"), self.tr("Remove finding"), self.tr("Remove {count} findings")),
            title=self.tr("Findings"),
            hint=self.tr("Write what you saw in the data and why it matters. Tie each finding to the objectives it "
                         "affects."),
            empty=self.tr("No findings yet. Pin one from a chart in step 4 (“Pin as finding”), or write one with "
                          "“Add finding”."),
            link_title=self.tr("Objectives of the selected finding"), link_field="objective_ids",
            candidates=lambda: [(o.id, o.statement) for o in document.project.objectives], parent=parent,
        )
        self.hypotheses = LinkListWidget(document, self.tr("Hypotheses it speaks to"), "hypothesis_ids",
                                         self._hypothesis_candidates)
        self.side.addWidget(self.hypotheses)
        self.detail = FindingDetailWidget(document, runner, cache)
        self.feedback = FeedbackPanelWidget(document, runner)
        findings = QSplitter(Qt.Orientation.Vertical)
        findings.addWidget(self.splitter)
        findings.addWidget(self.detail)
        findings.setSizes([360, 280])
        self.tabs = QTabWidget()
        self.tabs.addTab(findings, self.tr("Findings"))
        self.tabs.addTab(self.feedback, self.tr("Customer feedback"))
        self.body.addWidget(self.tabs, 1)
        self._on_selection_changed()

    def _hypothesis_candidates(self) -> list[tuple[str, str]]:
        """Hypotheses of the objectives the selected finding is tied to: tie objectives first."""
        finding = self.entities.selected_item()
        linked = set(finding.objective_ids) if finding else set()
        return [(h.id, h.text) for o in self.document.project.objectives if o.id in linked for h in o.hypotheses]

    def _on_selection_changed(self) -> None:
        super()._on_selection_changed()
        finding = self.entities.selected_item()
        self.hypotheses.show_entity(("findings", finding.id) if finding else None, finding)
        self.detail.show_finding(finding)
        self.feedback.set_finding(finding)

    def refresh(self) -> None:
        super().refresh()
        self._on_selection_changed()
