"""Step 2: the imported sources, their column roles and a preview of each raw table."""

from __future__ import annotations

from usagelens.model import Source, SourceKind
from usagelens.model.steps import Step
from usagelens.ui.data_table import DataTableWidget
from usagelens.ui.document import ProjectDocument
from usagelens.ui.entity_table import Column, EntityListWidget
from usagelens.ui.import_dialog import ROLE_LABELS
from usagelens.ui.pages.base import StepPage, banner
from usagelens.ui.qt import QLabel, QSplitter, Qt, QVBoxLayout, QWidget, Signal
from usagelens.ui.workers import TaskRunner


def _roles_text(source: Source) -> str:
    parts = [f"{ROLE_LABELS.get(role, role)}: {column}" for role, column in source.roles.items()]
    return " · ".join(parts) or "no roles mapped"


SOURCE_COLUMNS = (
    Column("name", "Source", width=170),
    Column("kind", "Holds", kind="computed", width=190, compute=lambda s: SourceKind(s.kind).label),
    Column("file_name", "File", kind="computed", width=150, compute=lambda s: s.file_name),
    Column("rows", "Rows", kind="computed", width=80, numeric=True, compute=lambda s: f"{len(s.table):,}"),
    Column("columns", "Columns", kind="computed", width=70, numeric=True, compute=lambda s: str(s.table.shape[1])),
    Column("failed", "Unreadable dates", kind="computed", width=120, numeric=True, compute=lambda s: f"{s.failed_timestamps:,}",
           tooltip="Timestamps that could not be read; the rows are kept with an empty time"),
    Column("roles", "Columns used as", kind="computed", width=320, compute=_roles_text),
)


class DataPage(StepPage):
    """Lists sources; Add opens the import dialog (the main window owns importing)."""

    import_requested = Signal()

    def __init__(self, step: Step, document: ProjectDocument, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(step, document, runner, parent)
        self.empty = banner(
            "Import your exports: an event log from your analytics tool (user, time, event), and optionally a "
            "customer table, survey answers and revenue. Drag a CSV or Excel file onto the window, or use "
            "Add source.", kind="info")
        self.body.addWidget(self.empty)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.sources = EntityListWidget(document, ("sources",), SOURCE_COLUMNS, lambda: None,
                                        noun="source", title="Imported sources")
        self.sources.add_button.clicked.disconnect()
        self.sources.add_button.clicked.connect(self.import_requested.emit)
        self.sources.add_button.setText("Add source…")
        splitter.addWidget(self.sources)
        preview_box = QWidget()
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        self.preview_title = QLabel("Raw table")
        self.preview_title.setObjectName("sectionTitle")
        self.preview = DataTableWidget(export_name="source")
        preview_layout.addWidget(self.preview_title)
        preview_layout.addWidget(self.preview, 1)
        splitter.addWidget(preview_box)
        splitter.setSizes([220, 420])
        self.body.addWidget(splitter, 1)
        self.sources.view.selectionModel().selectionChanged.connect(self._show_selected)
        self.sources.model.modelReset.connect(self._show_selected)

    def reacts_to(self, path: tuple[str, ...]) -> bool:
        return path[:1] == ("sources",)

    def refresh(self) -> None:
        self.empty.setVisible(not self.document.project.sources)

    def _show_selected(self) -> None:
        source = self.sources.selected_item()
        if source is None:
            self.preview_title.setText("Raw table")
            self.preview.set_frame(self.preview.model.frame().iloc[0:0, 0:0])
            return
        self.preview_title.setText(f"Raw table of {source.name} — as imported, never modified")
        self.preview.export_name = source.name
        self.preview.set_frame(source.table)
