"""The selected finding in full: what the data shows (edited here, where a paragraph has room, not in a
table cell), the customers' words cited for it (each marked as evidence, a testimonial or a suggestion), and its
evidence: the chart as pinned, the analysis
settings, and a re-compute on today's data that says whether the numbers still match the pinned ones."""

from __future__ import annotations

from usagelens.model import Finding, Project, SavedAnalysis
from usagelens.ui.data_cache import DataCache
from usagelens.ui.document import ProjectDocument
from usagelens.ui.kept_asking import not_run_text, run_kept
from usagelens.ui.locale_numbers import as_of_text
from usagelens.ui.pages.base import banner, set_banner
from usagelens.ui.pages.quote_list import QuoteListWidget
from usagelens.ui.paragraph_field import ParagraphField
from usagelens.ui.qt import (
    QHBoxLayout,
    QLabel,
    QPixmap,
    QPushButton,
    QSize,
    QSplitter,
    Qt,
    QVBoxLayout,
    QWidget,
)
from usagelens.ui.translations import translated
from usagelens.ui.workers import TaskRunner
from usagelens.workspace.analyses import ANALYSES, AnalysisResult, recompute
from usagelens.workspace.evidence import compare_evidence, settings_items
from usagelens.workspace.formatting import esc
from usagelens.workspace.kept_runs import KeptRun

SNAPSHOT_HEIGHT = 200


def analysis_settings(saved: SavedAnalysis) -> str:
    """The analysis and its parameters as rich text, one per line, as the reader needs to repeat it."""
    title, items = settings_items(saved)
    return "<br>".join([f"<b>{esc(translated(title))}</b>",
                        *(f"{esc(translated(label))}: {esc(translated(value))}" for label, value in items)])


class FindingDetailWidget(QWidget):
    """Shows one finding in full; ``recompute`` re-runs its pinned analysis in the background."""

    def __init__(self, document: ProjectDocument, runner: TaskRunner, cache: DataCache | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._runner = runner
        self._cache = cache  # the encoded data the analysis page already built, so re-computing is quick
        self._finding: Finding | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # The paragraph and the quotes share their column by a splitter: as two layout items the quotes were kept
        # at their minimum, where the sentence saying how to cite them (two or three lines) showed one clipped line.
        text_column = QSplitter(Qt.Orientation.Vertical)
        text_column.setChildrenCollapsible(False)
        self.detail = ParagraphField(document, "detail", self.tr("What the data shows"),
                                     self.tr("What the data shows, in numbers a stakeholder can check, and why it "
                                             "matters…"),
                                     description=self.tr("Edit what the data shows"))
        self.quotes = QuoteListWidget(document)
        text_column.addWidget(self.detail)
        text_column.addWidget(self.quotes)
        text_column.setSizes([1, 1])
        evidence_column = QVBoxLayout()
        evidence = QLabel(self.tr("Evidence"))
        evidence.setObjectName("sectionTitle")
        self.snapshot = QLabel()
        self.snapshot.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.snapshot.setWordWrap(True)
        self.settings = QLabel()
        self.settings.setWordWrap(True)
        self.settings.setTextFormat(Qt.TextFormat.RichText)
        self.settings.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.recompute_button = QPushButton(self.tr("Re-compute on current data"))
        self.recompute_button.setToolTip(self.tr("Run the pinned analysis again on today's data and compare the "
                                                 "numbers"))
        self.status = banner()
        evidence_column.addWidget(evidence)
        evidence_column.addWidget(self.snapshot)
        evidence_column.addWidget(self.settings)
        evidence_column.addWidget(self.recompute_button, 0, Qt.AlignmentFlag.AlignLeft)
        evidence_column.addWidget(self.status)
        evidence_column.addStretch(1)
        layout.addWidget(text_column, 1)
        layout.addLayout(evidence_column, 1)
        self.recompute_button.clicked.connect(self.recompute)
        self.show_finding(None)

    def show_finding(self, finding: Finding | None) -> None:
        if finding is not self._finding:
            set_banner(self.status, "")
        self._finding = finding
        self.detail.show_entity(("findings", finding.id) if finding else None, finding.detail if finding else "")
        self.quotes.show_finding(finding)
        pixmap = QPixmap()
        if finding is not None and finding.snapshot:
            pixmap.loadFromData(finding.snapshot, "PNG")
        self.snapshot.setMinimumHeight(0 if pixmap.isNull() else SNAPSHOT_HEIGHT)
        if pixmap.isNull():
            self.snapshot.setPixmap(QPixmap())
            self.snapshot.setText(self.tr("No chart was pinned with this finding.") if finding
                                  else self.tr("Select a finding."))
        else:
            self.snapshot.setPixmap(pixmap.scaled(QSize(2 * SNAPSHOT_HEIGHT, SNAPSHOT_HEIGHT),
                                                  Qt.AspectRatioMode.KeepAspectRatio,
                                                  Qt.TransformationMode.SmoothTransformation))
        analysis = finding.analysis if finding else None
        self.settings.setText(analysis_settings(analysis) if analysis else
                              self.tr("Written by hand: pin an analysis in step 4 to keep its settings with the "
                                      "finding.") if finding else "")
        self.recompute_button.setEnabled(analysis is not None and analysis.kind in ANALYSES)

    def recompute(self) -> None:
        finding = self._finding
        if finding is None or finding.analysis is None:
            return
        project: Project = self._document.project
        saved, cache = finding.analysis, self._cache
        set_banner(self.status, self.tr("Re-computing…"))

        def work(*, progress, cancelled):  # type: ignore[no-untyped-def]
            return recompute(project, saved, cache)

        # a linked warehouse's: the results kept in the project where they are, asking before BigQuery scans much
        run_kept(self._runner, "finding-recompute", self.tr("Re-computing “{finding}”").format(finding=finding.title),
                 work, lambda result, run: self._on_recomputed(finding, result, run),
                 lambda message: set_banner(self.status, message, kind="error"), self,
                 lambda size: set_banner(self.status, not_run_text(size, self.tr("Re-compute asks again")),
                                         kind="attention"))

    def _on_recomputed(self, finding: Finding, result: AnalysisResult, run: KeptRun) -> None:
        if run.sent:
            self._document.keep_unsaved()  # new results kept in the project: worth saving (they cost queries)
        if finding is not self._finding:
            return  # the user moved on to another finding meanwhile
        if result.empty:
            set_banner(self.status, translated(result.message), kind="attention")
            return
        as_of = "" if run.as_of is None else as_of_text(run.as_of)
        check = compare_evidence(finding.evidence_summary, result.table, as_of)
        text = translated(check.text)
        if as_of and check.changed is not None:  # an unpinned finding's check names them already
            text += " " + self.tr("Re-computed on the warehouse results as of {time}.").format(time=as_of)
        set_banner(self.status, text, kind="attention" if check.changed else "info")
