"""A checkable list that edits an entity's list of linked ids (a finding's objectives, an action's findings)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from usagelens.model.commands import Path, SetField
from usagelens.ui.accessibility import label_for
from usagelens.ui.document import ProjectDocument
from usagelens.ui.qt import QLabel, QListWidget, QListWidgetItem, Qt, QVBoxLayout, QWidget
from usagelens.ui.table_rows import keep_rows
from usagelens.ui.wrapped_minimum import WrapAwareWidget


class LinkListWidget(WrapAwareWidget):  # its heading wraps in a narrow side panel
    """Shows candidate targets as checkboxes; ticking one adds its id to ``field`` of the current entity."""

    def __init__(self, document: ProjectDocument, title: str, field: str,
                 candidates: Callable[[], list[tuple[str, str]]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._field = field
        self._candidates = candidates
        self._entity_path: Path | None = None
        self._entity: Any = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(title)
        heading.setObjectName("sectionTitle")
        heading.setWordWrap(True)  # a long title (or a long language) wraps instead of widening the side panel
        self.list = QListWidget(self)
        self.list.setWordWrap(True)  # long objective statements wrap instead of hiding behind a scroll bar
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.empty = QLabel(self.tr("Select a row to link it."))
        self.empty.setObjectName("hint")
        self.empty.setWordWrap(True)
        layout.addWidget(heading)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        keep_rows(self.list)
        label_for(heading, self.list)
        self.list.itemChanged.connect(self._on_item_changed)

    def show_entity(self, path: Path | None, entity: Any) -> None:
        self._entity_path, self._entity = path, entity
        self.refresh()

    def refresh(self) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        candidates = self._candidates()
        linked = set(getattr(self._entity, self._field, []) or [])
        for target_id, label in candidates:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, target_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if target_id in linked else Qt.CheckState.Unchecked)
            item.setFlags(item.flags() if self._entity is not None else item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.list.addItem(item)
        self.list.blockSignals(False)
        if self._entity is None:
            self.empty.setText(self.tr("Select a row to link it."))
        elif not candidates:
            self.empty.setText(self.tr("Nothing to link to yet."))
        self.empty.setVisible(self._entity is None or not candidates)

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        if self._entity is None or self._entity_path is None:
            return
        ids = [
            self.list.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.list.count())
            if self.list.item(row).checkState() == Qt.CheckState.Checked
        ]
        self._document.push(SetField(self._entity_path, self._field, ids, description=self.tr("Change links")))
