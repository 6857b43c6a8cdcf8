"""Step 7: what shipped and when; release dates become markers on every time chart."""

from __future__ import annotations

from datetime import date

from usagelens.model import ActionStatus, ReleaseMarker
from usagelens.model.steps import Step, step_states
from usagelens.ui.document import ProjectDocument
from usagelens.ui.entity_table import Column, EntityListWidget
from usagelens.ui.pages.base import StepPage, banner, set_banner
from usagelens.ui.qt import QSplitter, Qt, QWidget
from usagelens.ui.workers import TaskRunner

STATUS_COLUMNS = (
    Column("title", "Action", width=300),
    Column("owner", "Owner", kind="computed", width=110, compute=lambda a: a.owner),
    Column("due", "Due", kind="computed", width=100, compute=lambda a: a.due.isoformat() if a.due else ""),
    Column("status", "Status", kind="choice", choices=[s.value for s in ActionStatus], width=110),
    Column("release_date", "Released on", kind="date", width=110,
           tooltip="When the change reached customers; drawn as a marker on time charts"),
)

MARKER_COLUMNS = (
    Column("date", "Date", kind="date", width=110),
    Column("label", "What happened", width=400),
)


class ImplementPage(StepPage):
    def __init__(self, step: Step, document: ProjectDocument, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(step, document, runner, parent)
        self.hint = banner(kind="attention")
        self.body.addWidget(self.hint)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.status = EntityListWidget(
            document, ("actions",), STATUS_COLUMNS, lambda: None, noun="action", title="Status of the actions",
            hint="Set an action to shipped and give its release date: the date appears on the charts of step 4.",
        )
        self.status.add_button.hide()
        self.status.remove_button.hide()
        self.markers = EntityListWidget(
            document, ("releases",), MARKER_COLUMNS, lambda: ReleaseMarker(date.today(), "Release"),
            noun="marker", title="Other dated events (releases, outages, campaigns)",
        )
        splitter.addWidget(self.status)
        splitter.addWidget(self.markers)
        splitter.setSizes([340, 240])
        self.body.addWidget(splitter, 1)

    def reacts_to(self, path: tuple[str, ...]) -> bool:
        return path[:1] in {("actions",), ("releases",)}

    def refresh(self) -> None:
        set_banner(self.hint, step_states(self.document.project)[6].attention, kind="attention")
