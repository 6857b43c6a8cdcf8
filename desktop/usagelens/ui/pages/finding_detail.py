"""The evidence behind the selected finding: the chart as pinned, the analysis settings, and a re-compute on
today's data that says whether the numbers still match the pinned ones."""

from __future__ import annotations

from collections.abc import Callable

from usagelens.model import Finding, Project, SavedAnalysis
from usagelens.report.analyses import ANALYSES, AnalysisResult, recompute
from usagelens.report.evidence import compare_evidence
from usagelens.report.summary import esc
from usagelens.ui.data_cache import DataCache
from usagelens.ui.pages.base import banner, set_banner
from usagelens.ui.qt import QHBoxLayout, QLabel, QPixmap, QPushButton, QSize, Qt, QVBoxLayout, QWidget
from usagelens.ui.workers import TaskRunner

SNAPSHOT_HEIGHT = 220


def analysis_settings(saved: SavedAnalysis) -> str:
    """The analysis and its parameters as rich text, one per line, as the reader needs to repeat it."""
    spec = ANALYSES.get(saved.kind)
    lines = [f"<b>{esc(spec.title if spec else saved.kind)}</b>"]
    for name, value in saved.params.items():
        shown = ", ".join(map(str, value)) if isinstance(value, list | tuple) else value
        lines.append(f"{esc(name.replace('_', ' ').capitalize())}: {esc(shown) if shown not in ('', None) else '—'}")
    return "<br>".join(lines)


class FindingDetailWidget(QWidget):
    """Shows one finding's evidence; ``recompute`` re-runs its analysis in the background."""

    def __init__(self, project: Callable[[], Project], runner: TaskRunner, cache: DataCache | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._project = project  # a getter: opening a file replaces the document's project
        self._runner = runner
        self._cache = cache  # the encoded data the analysis page already built, so re-computing is quick
        self._finding: Finding | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel("Evidence of the selected finding")
        heading.setObjectName("sectionTitle")
        layout.addWidget(heading)
        row = QHBoxLayout()
        self.snapshot = QLabel()
        self.snapshot.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.snapshot.setMinimumHeight(SNAPSHOT_HEIGHT)
        row.addWidget(self.snapshot, 3)
        column = QVBoxLayout()
        self.settings = QLabel()
        self.settings.setWordWrap(True)
        self.settings.setTextFormat(Qt.TextFormat.RichText)
        self.settings.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.recompute_button = QPushButton("Re-compute on current data")
        self.recompute_button.setToolTip("Run the pinned analysis again on today's data and compare the numbers")
        self.status = banner()
        column.addWidget(self.settings)
        column.addWidget(self.recompute_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.status)
        column.addStretch(1)
        row.addLayout(column, 2)
        layout.addLayout(row, 1)
        self.recompute_button.clicked.connect(self.recompute)
        self.show_finding(None)

    def show_finding(self, finding: Finding | None) -> None:
        if finding is not self._finding:
            set_banner(self.status, "")
        self._finding = finding
        pixmap = QPixmap()
        if finding is not None and finding.snapshot:
            pixmap.loadFromData(finding.snapshot, "PNG")
        if pixmap.isNull():
            self.snapshot.setPixmap(QPixmap())
            self.snapshot.setText("No chart was pinned with this finding." if finding else "Select a finding.")
        else:
            self.snapshot.setPixmap(pixmap.scaled(QSize(2 * SNAPSHOT_HEIGHT, SNAPSHOT_HEIGHT),
                                                  Qt.AspectRatioMode.KeepAspectRatio,
                                                  Qt.TransformationMode.SmoothTransformation))
        analysis = finding.analysis if finding else None
        self.settings.setText(analysis_settings(analysis) if analysis else
                              "Written by hand: pin an analysis in step 4 to keep its settings with the finding.")
        self.recompute_button.setEnabled(analysis is not None and analysis.kind in ANALYSES)

    def recompute(self) -> None:
        finding = self._finding
        if finding is None or finding.analysis is None:
            return
        project: Project = self._project()
        saved, cache = finding.analysis, self._cache
        set_banner(self.status, "Re-computing…")

        def work(*, progress, cancelled):  # type: ignore[no-untyped-def]
            return recompute(project, saved, cache)

        self._runner.run("finding-recompute", f"Re-computing “{finding.title}”", work,
                         lambda result: self._on_recomputed(finding, result),
                         lambda message: set_banner(self.status, message, kind="error"))

    def _on_recomputed(self, finding: Finding, result: AnalysisResult) -> None:
        if finding is not self._finding:
            return  # the user moved on to another finding meanwhile
        if result.empty:
            set_banner(self.status, result.message, kind="attention")
            return
        check = compare_evidence(finding.evidence_summary, result.table)
        set_banner(self.status, check.text, kind="attention" if check.changed else "info")
