"""A step page made of an entity list and a checkable list of what the selected entity is linked to.

Findings link to objectives (step 5) and actions link to findings (step 6): the same page shape, declared
by the subclasses.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from usagelens.model.steps import Step, step_states
from usagelens.ui.document import ProjectDocument
from usagelens.ui.entity_table import Column, EntityListWidget, EntityWords
from usagelens.ui.link_list import LinkListWidget
from usagelens.ui.pages.base import StepPage, banner, set_banner
from usagelens.ui.qt import QHeaderView, QSplitter, Qt, QWidget
from usagelens.ui.translations import attention_text
from usagelens.ui.workers import TaskRunner


class LinkedListPage(StepPage):
    def __init__(
        self,
        step: Step,
        document: ProjectDocument,
        runner: TaskRunner,
        *,
        collection: str,
        columns: Sequence[Column],
        factory: Callable[[], Any],
        words: EntityWords,
        title: str,
        hint: str,
        empty: str,
        link_title: str,
        link_field: str,
        candidates: Callable[[], list[tuple[str, str]]],
        sortable: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(step, document, runner, parent)
        self.collection = collection
        self.hint = banner(kind="attention")
        self.body.addWidget(self.hint)
        # Subclasses may add more link lists to ``side`` or re-parent ``splitter`` (e.g. into tabs).
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.entities = EntityListWidget(document, (collection,), columns, factory, words=words, title=title,
                                         hint=hint, empty=empty, sortable=sortable)
        # A plan or a list of findings is short: whole titles, wrapped, read better than elided ones.
        self.entities.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.links = LinkListWidget(document, link_title, link_field, candidates)
        self.side = QSplitter(Qt.Orientation.Vertical)
        self.side.addWidget(self.links)
        self.splitter.addWidget(self.entities)
        self.splitter.addWidget(self.side)
        self.splitter.setSizes([760, 260])
        self.body.addWidget(self.splitter, 1)
        self.entities.view.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.entities.model.modelReset.connect(self._on_selection_changed)

    def _on_selection_changed(self) -> None:
        entity = self.entities.selected_item()
        self.links.show_entity((self.collection, entity.id) if entity else None, entity)

    def refresh(self) -> None:
        attention = attention_text(step_states(self.document.project)[self.step.number - 1])
        set_banner(self.hint, attention, kind="attention")
        self.links.refresh()
