"""The left column of step 4: the gallery of analyses and the analyses saved in the project."""

from __future__ import annotations

from collections.abc import Sequence

from usagelens.model import SavedAnalysis
from usagelens.ui.accessibility import label_for
from usagelens.ui.qt import (
    QCoreApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QResizeEvent,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from usagelens.workspace.analyses import ANALYSES

SAVED_LIST_HEIGHT = 72  # three names


class _KindListWidget(QListWidget):
    """The analyses, scrolled to keep the chosen one in sight when the list is resized: a result's note above
    the page shortens it, which left the chosen analysis (Experiment, NPS / CSAT) half or wholly out of view."""

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        if self.currentItem() is not None:
            self.scrollToItem(self.currentItem())


class AnalysisGalleryWidget(QWidget):
    """Picks an analysis kind, or a saved analysis to re-open; it owns no project state."""

    kind_chosen = Signal(str)
    saved_opened = Signal(str)  # SavedAnalysis id
    saved_removed = Signal(str)
    save_requested = Signal(str)  # the name to save the current analysis under

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("Analyses"))
        title.setObjectName("sectionTitle")
        self.kinds = _KindListWidget()
        self.kinds.setObjectName("analysisGallery")
        for spec in ANALYSES.values():
            item = QListWidgetItem(QCoreApplication.translate("Analysis", spec.title))
            item.setData(Qt.ItemDataRole.UserRole, spec.kind)
            item.setToolTip(QCoreApplication.translate("Analysis", spec.purpose))
            self.kinds.addItem(item)
        self.kinds.setCurrentRow(0)
        saved_title = QLabel(self.tr("Saved analyses"))
        saved_title.setObjectName("sectionTitle")
        self.saved = QListWidget()
        self.saved.setToolTip(self.tr("Double-click to open a saved analysis with its settings."))
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setAccessibleName(self.tr("Open saved analysis"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setAccessibleName(self.tr("Remove saved analysis"))
        self.name_edit = QLineEdit(placeholderText=self.tr("Name to save as…"))
        self.name_edit.setAccessibleName(self.tr("Name to save the analysis as"))
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setToolTip(self.tr("Keep these settings in the project under this name."))
        self.save_button.setAccessibleName(self.tr("Save analysis"))
        label_for(title, self.kinds)
        label_for(saved_title, self.saved)
        naming = QHBoxLayout()
        naming.addWidget(self.name_edit, 1)
        naming.addWidget(self.save_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.remove_button)
        # The gallery gets the height: saved analyses are a short list of names.
        self.saved.setMaximumHeight(SAVED_LIST_HEIGHT)
        layout.addWidget(title)
        layout.addWidget(self.kinds, 1)
        layout.addWidget(saved_title)
        layout.addLayout(naming)
        layout.addWidget(self.saved)
        layout.addLayout(buttons)
        self.kinds.currentItemChanged.connect(self._on_kind_changed)
        self.saved.itemDoubleClicked.connect(
            lambda item: self.saved_opened.emit(item.data(Qt.ItemDataRole.UserRole))
        )
        self.save_button.clicked.connect(lambda: self.save_requested.emit(self.name_edit.text()))
        self.name_edit.returnPressed.connect(self.save_button.click)
        self.open_button.clicked.connect(lambda: self._emit_saved(self.saved_opened))
        self.remove_button.clicked.connect(lambda: self._emit_saved(self.saved_removed))
        self.set_saved([])

    def current_kind(self) -> str:
        item = self.kinds.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else next(iter(ANALYSES))

    def select_kind(self, kind: str, *, notify: bool = True) -> None:
        """Highlight ``kind``; with ``notify`` False the page applies its own parameters afterwards."""
        for row in range(self.kinds.count()):
            if self.kinds.item(row).data(Qt.ItemDataRole.UserRole) == kind:
                self.kinds.blockSignals(not notify)
                self.kinds.setCurrentRow(row)
                self.kinds.blockSignals(False)

    def set_saved(self, analyses: Sequence[SavedAnalysis]) -> None:
        self.saved.clear()
        for saved in analyses:
            title = QCoreApplication.translate("Analysis", ANALYSES[saved.kind].title) if saved.kind in ANALYSES \
                else saved.kind
            item = QListWidgetItem(f"{saved.name}  ·  {title}")
            item.setData(Qt.ItemDataRole.UserRole, saved.id)
            self.saved.addItem(item)
        # With nothing saved yet, the list and its buttons would only take the gallery's height.
        for widget in (self.saved, self.open_button, self.remove_button):
            widget.setVisible(bool(analyses))

    def _on_kind_changed(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if current is not None:
            self.kind_chosen.emit(str(current.data(Qt.ItemDataRole.UserRole)))

    def _emit_saved(self, signal: Signal) -> None:
        item = self.saved.currentItem() or self.saved.item(0)
        if item is not None:
            signal.emit(item.data(Qt.ItemDataRole.UserRole))
